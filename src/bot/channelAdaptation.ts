import { CardFactory, type Activity, type CardAction, type TurnContext } from 'botbuilder';
import { ANSWER_CARD } from './replies';

/** Channels that render Adaptive Cards 1.5. */
export const CARD_CHANNELS: ReadonlySet<string> = new Set(['msteams', 'webchat', 'directline', 'emulator']);

/**
 * Teams shows suggested actions only as "imBack" buttons, while replies here also carry
 * messageBack buttons (a choice, "Not helpful", "Request assistance") whose value says what
 * was pressed. For Teams those buttons move to an Adaptive Card (1.5) under the message,
 * whose Action.Submit delivers the same value as `activity.value`; imBack buttons stay
 * suggested actions. Other channels keep everything as it is.
 */
export function adaptForChannel(activity: Partial<Activity>, channelId: string): Partial<Activity> {
  const answerCard = activity.attachments?.find((a) => a.name === ANSWER_CARD);
  if (answerCard) {
    // An answer comes in two forms: the card where cards render, the text and buttons elsewhere.
    const { text: _text, suggestedActions: _actions, ...rest } = activity;
    return CARD_CHANNELS.has(channelId) ? { ...rest, attachments: [answerCard] } : { ...activity, attachments: activity.attachments!.filter((a) => a !== answerCard) };
  }
  const actions = activity.suggestedActions?.actions ?? [];
  const withValues = actions.filter((action) => action.type === 'messageBack');
  if (channelId !== 'msteams' || withValues.length === 0) return activity;
  const keep = actions.filter((action) => action.type !== 'messageBack');
  const { suggestedActions: _moved, ...rest } = activity;
  return {
    ...rest,
    ...(keep.length > 0 ? { suggestedActions: { actions: keep, to: [] } } : {}),
    attachments: [...(activity.attachments ?? []), buttonsCard(withValues)],
  };
}

function buttonsCard(actions: CardAction[]) {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [],
    actions: actions.map((action) => ({ type: 'Action.Submit', title: action.title, data: action.value })),
  });
}

/** Installs the adaptation on a turn: every activity the turn sends goes through it. */
export function adaptRepliesToChannel(context: TurnContext): void {
  context.onSendActivities(async (ctx, activities, next) => {
    activities.forEach((activity, i) => (activities[i] = adaptForChannel(activity, ctx.activity.channelId)));
    return next();
  });
}
