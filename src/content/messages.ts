import { z } from 'zod';

const text = z.string().trim().min(1);
const label = z.string().trim().min(1).max(60, 'button labels must be at most 60 characters');

/**
 * Every sentence the bot says that does not come from the knowledge base. Keeping them here
 * (one file per locale) is what lets Spanish and French be added without touching code.
 * `{name}` placeholders are filled by the bot; each template declares which it may use.
 */
export const Messages = z.strictObject({
  welcome: text,
  welcomeSuggestions: z.array(label).min(1).max(6),
  fallback: text,
  fallbackSuggestions: z.array(label).max(6),
  outOfScope: text.refine((t) => t.includes('{topic}'), 'must contain {topic}'),
  didYouMean: text,
  sourceLine: text.refine((t) => t.includes('{section}'), 'must contain {section}'),
  feedbackQuestion: text,
  feedbackYes: label,
  feedbackNo: label,
  feedbackThanksPositive: text,
  feedbackThanksNegative: text,
  emptyMessage: text,
  nonTextMessage: text,
  longMessageNote: text,
  invalidAction: text,
  turnError: text.refine((t) => t.includes('{conversationId}'), 'must contain {conversationId}'),
});
export type Messages = z.infer<typeof Messages>;

/** Replaces `{name}` with values; an unknown placeholder is left visible rather than dropped. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
