import { CardFactory, type Activity, type CardAction, type TurnContext } from 'botbuilder';
import { ANSWER_CARD } from './replies';

/** Channels that render Adaptive Cards 1.5. */
export const CARD_CHANNELS: ReadonlySet<string> = new Set(['msteams', 'webchat', 'directline', 'emulator']);

/**
 * Buttons that carry a value (a choice, "Not helpful", "Request assistance") are messageBack
 * suggested actions in the replies. Where Adaptive Cards render, the message becomes a card
 * (1.5) whose Action.Submit buttons deliver the same value as `activity.value`: Teams shows
 * suggested actions only as text-sending buttons, and cards look the same in Web Chat and
 * Teams. Text-only buttons (imBack) stay suggested actions; other channels keep everything.
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
  if (!CARD_CHANNELS.has(channelId) || withValues.length === 0) return activity;
  const keep = actions.filter((action) => action.type !== 'messageBack');
  const { suggestedActions: _moved, text, ...rest } = activity;
  return {
    ...rest,
    ...(keep.length > 0 ? { suggestedActions: { actions: keep, to: [] } } : {}),
    attachments: [...(activity.attachments ?? []), buttonsCard(text ?? '', withValues)],
  };
}

function buttonsCard(text: string, actions: CardAction[]) {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    // Paragraphs as separate blocks: a TextBlock's markdown does not keep blank lines.
    body: text.split(/\n{2,}/).filter(Boolean).map((paragraph) => ({ type: 'TextBlock', text: paragraph, wrap: true })),
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
