import { z } from 'zod';

const examples = z.array(z.string().trim().min(1).max(2000)).min(1);

/**
 * Messages as partners write them, labelled with what they ask, that train the intent model
 * (src/engine/intentModel.ts) of one locale. The entries' own questions are added as
 * questions. Written by the team in its own words: never copied from a blind set.
 */
export const IntentExamples = z.strictObject({
  /** Asking IAD to act on a case: a trace, an assessment, a team, BATS access, the laboratory. */
  requestAssistance: examples,
  /** Asking for training for the partner's people. */
  requestTraining: examples,
  /** Asking after a request already sent, without its reference. */
  status: examples,
  /** Asking the assistant itself to do what only staff can ("run this serial now"). */
  doItNow: examples,
  /** Only asking to know, however much the words sound like a request. */
  question: examples,
});
export type IntentExamples = z.infer<typeof IntentExamples>;
