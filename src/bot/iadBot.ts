import { ActivityTypes, StatusCodes, TeamsActivityHandler, type ConversationState, type InvokeResponse, type StatePropertyAccessor, type TurnContext, type UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { adaptRepliesToChannel } from './channelAdaptation';
import type { MainDialog } from './dialogs/mainDialog';
import type { Replies } from './replies';

/** The event the web page sends when it has connected (the Web Chat samples' name for it). */
export const JOIN_EVENT = 'webchat/join';
/** Channels greeted otherwise than when members are added: Teams on installation, the web page on its join event. */
const WELCOMED_OTHERWISE = new Set(['msteams', 'webchat', 'directline']);

/**
 * The channel-facing bot. TeamsActivityHandler routes Teams' own events and behaves as a
 * plain ActivityHandler on every other channel. Conversation logic lives in MainDialog.
 */
export class IadBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    dialog: MainDialog,
    /** The replies in a channel's locale ("es-MX"): the welcome speaks the partner's language. */
    replies: (channelLocale: string | undefined) => Replies,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');

    // In Teams the welcome comes with the installation (below): people joining a team later are
    // not greeted. On the web page it comes with the page's join event (below), which carries the
    // page's language: Direct Line's own conversationUpdate does not.
    this.onMembersAdded(async (context, next) => {
      const recipientId = context.activity.recipient?.id;
      const joined = (context.activity.membersAdded ?? []).filter((member) => member.id !== recipientId);
      if (joined.length > 0 && !WELCOMED_OTHERWISE.has(context.activity.channelId)) await context.sendActivity(replies(context.activity.locale).welcome());
      await next();
    });

    // The web page (src/web/chat.js) says it joined, in its language, once Direct Line is connected.
    this.onEvent(async (context, next) => {
      if (context.activity.name === JOIN_EVENT) await context.sendActivity(replies(context.activity.locale).welcome());
      await next();
    });

    // Teams tells an app it was installed (personal chat, team or group chat) with this event.
    this.onInstallationUpdateAdd(async (context, next) => {
      await context.sendActivity(replies(context.activity.locale).welcome());
      await next();
    });

    this.onMessage(async (context, next) => {
      await context.sendActivity({ type: ActivityTypes.Typing });
      await dialog.run(context, this.dialogState);
      await next();
    });
  }

  /**
   * The bot handles no invoke (Teams message extensions, task modules, file consent, Universal
   * Actions): each gets 501 here. botbuilder's own handlers would read an invoke's value before
   * finding they are not implemented, and fail inside the turn on a malformed one.
   */
  protected override async onInvokeActivity(_context: TurnContext): Promise<InvokeResponse> {
    return { status: StatusCodes.NOT_IMPLEMENTED };
  }

  /** State is saved after every turn, including turns that only sent a welcome. */
  override async run(context: TurnContext): Promise<void> {
    adaptRepliesToChannel(context);
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }
}
