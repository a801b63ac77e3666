import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationState, type TurnContext } from 'botbuilder';
import { fillTemplate, type Messages } from '../content/messages';
import type { Config } from '../config';
import { describeError, type Logger } from '../logger';

/**
 * The Bot Framework adapter. Authentication follows the Bot Framework rules: with no
 * MicrosoftAppId every request is accepted (local use, the Emulator); with one, a valid
 * Bearer token is required. `onTurnError` is the one place turn failures are handled.
 */
export function createAdapter(config: Config, conversationState: ConversationState, messages: Messages, logger: Logger): CloudAdapter {
  const authentication = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  });
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    const conversationId = context.activity.conversation?.id ?? 'unknown';
    logger.error('turn failed', { conversationId, activityType: context.activity.type, channelId: context.activity.channelId, ...describeError(error) });
    try {
      // A state that made this turn fail would make the next one fail too.
      await conversationState.delete(context);
      await context.sendActivity(fillTemplate(messages.turnError, { conversationId }));
    } catch (secondary) {
      logger.error('turn error reply failed', { conversationId, ...describeError(secondary) });
    }
  };
  return adapter;
}
