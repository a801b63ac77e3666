import { z } from 'zod';
import { FieldTypeMessages } from '../forms/fields/fieldTypes';
import { FormWords } from '../forms/formVocabulary';

const text = z.string().trim().min(1);
const label = z.string().trim().min(1).max(60, 'button labels must be at most 60 characters');

/**
 * Every sentence the bot says that does not come from the knowledge base. Keeping them here
 * (one file per locale) is what lets Spanish and French be added without touching code.
 * `{name}` placeholders are filled by the bot; each template declares which it may use.
 */
const words = z.array(z.string().trim().min(1)).min(1);

/** What the guided forms say around the questions declared in dialogs/*.yaml. */
const FormMessages = z.strictObject({
  commands: z.strictObject({ cancel: words, help: words, back: words, skip: words, submit: words, edit: words }),
  optionalHint: text,
  /** What every question says when left empty. */
  errors: z.strictObject({ required: text }),
  /** Each field type's own sentences (src/forms/fields). */
  types: FieldTypeMessages,
  /** The words answers are written with in this language. */
  words: FormWords,
  afterFailuresRequired: text,
  afterFailuresOptional: text,
  firstQuestion: text,
  helpPrefix: text,
  questionResume: text,
  summaryIntro: text.refine((t) => t.includes('{title}'), 'must contain {title}'),
  summaryHint: text,
  submitLabel: label,
  editLabel: label.refine((t) => t.includes('{field}'), 'must contain {field}'),
  /** The summary card's button that opens the list of answers to edit. */
  editMenuLabel: label,
  cancelLabel: label,
  skipLabel: label,
  confirmCancel: text,
  cancelled: text,
  resumed: text,
  submitFailed: text,
  notAnswered: text,
  /** A button from an earlier step or an older card: not taken as the current answer. */
  staleAction: text,
  alreadySubmitted: text.refine((t) => t.includes('{reference}'), 'must contain {reference}'),
  restartNeeded: text.refine((t) => t.includes('{title}'), 'must contain {title}'),
  alreadyInForm: text.refine((t) => t.includes('{title}'), 'must contain {title}'),
});

export const Messages = z.strictObject({
  /**
   * This language: its name in itself, the phrases by which a partner asks for it ("en
   * español", "English please"; a message that is the phrase and at most a courtesy word), and
   * what the bot says on switching to it (in a request, before its current question again).
   */
  language: z.strictObject({ name: label, switch: z.array(label).min(1), switched: text, switchedInForm: text }),
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
  /** Two turns of one conversation raced (two instances); the one that lost asks for its message again. */
  turnConflict: text,
  /** The button the fallback offers to start a request for assistance. */
  requestAssistanceLabel: label,
  /** The heading over an answer's related topics. */
  relatedLabel: label,
  /** The button under an answer about a service: starts its request, filled in. */
  requestThisLabel: label,
  /** The button under an answer that does not say what was asked: passes the question to staff. */
  askStaffLabel: label,
  /** Said under an answer when the question asked a detail it does not give. */
  notInProgramInfo: text.refine((t) => t.includes('{detail}'), 'must contain {detail}'),
  /** Said under where IAD works, for a place asked about that the page does not name. */
  placeNotNamed: text.refine((t) => t.includes('{place}'), 'must contain {place}'),
  placeInRegion: text.refine((t) => t.includes('{place}') && t.includes('{region}'), 'must contain {place} and {region}'),
  /** Asked to do what only IAD staff can (run a trace now): said plainly, with the request offered. */
  cannotDo: text,
  cannotDoLabel: label,
  forms: FormMessages,
  status: z.strictObject({
    found: text.refine((t) => t.includes('{reference}') && t.includes('{status}'), 'must contain {reference} and {status}'),
    notFound: text.refine((t) => t.includes('{reference}'), 'must contain {reference}'),
    /** Heading of the list of a partner's requests (asked without a reference). */
    yours: text,
    /** No request from this account. */
    none: text,
    names: z.strictObject({ received: text, 'in-review': text, 'in-progress': text, closed: text, declined: text }),
  }),
});
export type Messages = z.infer<typeof Messages>;
