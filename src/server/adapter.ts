import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationState, type TurnContext } from 'botbuilder';
import { fillTemplate, type Messages } from '../content/messages';
import type { Config } from '../config';
import { describeError, type Logger } from '../logger';

/**
 * The Bot Framework adapter. Authentication follows the Bot Framework rules: with no
 * MicrosoftAppId every request is accepted (local use, the Emulator); with one, a valid
 * Bearer token is required.
 */
export function createAdapter(config: Config, conversationState: ConversationState, messages: Messages, logger: Logger): CloudAdapter {
  const authentication = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  });
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = turnErrorHandler(conversationState, messages, logger);
  return adapter;
}

/**
 * The one place a failed turn is handled: logged with the conversation id (never the
 * partner's text), state cleared so the failure does not repeat, and an apology that
 * quotes the conversation id so support can find the log line. No stack reaches the user.
 */
export function turnErrorHandler(conversationState: ConversationState, messages: Messages, logger: Logger) {
  return async (context: TurnContext, error: unknown): Promise<void> => {
    const conversationId = context.activity.conversation?.id ?? 'unknown';
    logger.error('turn failed', { conversationId, activityType: context.activity.type, channelId: context.activity.channelId, ...describeError(error) });
    try {
      await conversationState.delete(context);
      await context.sendActivity(fillTemplate(messages.turnError, { conversationId }));
    } catch (secondary) {
      logger.error('turn error reply failed', { conversationId, ...describeError(secondary) });
    }
  };
}
