import { z } from 'zod';

/**
 * What a button sends back in `activity.value` (suggested actions and card submits, as
 * Teams and Web Chat deliver them). Anything else arriving there is rejected politely.
 */
export const BotAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('ask'), entryId: z.string().max(100) }),
  z.strictObject({
    action: z.literal('feedback'),
    entryId: z.string().max(100),
    helpful: z.boolean(),
    question: z.string().max(500).optional(),
  }),
  z.strictObject({
    action: z.literal('startForm'),
    formId: z.string().max(100),
    /** Choices already known (the service of an answer); checked against the form. */
    prefill: z.record(z.string().max(100), z.string().max(100)).optional(),
    /** The message that led to the offer, which the form reads as if it had opened it. */
    message: z.string().max(2000).optional(),
  }),
]);
export type BotAction = z.infer<typeof BotAction>;
