import { z } from 'zod';
import { normalizedWords } from '../engine/analyzer';
import { answersSchema } from './answersSchema';
import { answerFromOpening, isFreeText, readAnswer, type FormField } from './fields/fieldTypes';
import type { FieldResult, ReadContext } from './fields/fieldType';
import { validateYesNo } from './fields/yesNo';
import { fieldApplies, type FormDefinition } from './formDefinition';
import type { FormVocabulary } from './formVocabulary';

/** Where a form is: a field being asked, the summary, or the "really cancel?" question. */
const Resume = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('field'), fieldId: z.string() }),
  z.strictObject({ kind: z.literal('summary') }),
]);
export const FormStage = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('field'), fieldId: z.string() }),
  z.strictObject({ kind: z.literal('summary') }),
  z.strictObject({ kind: z.literal('confirmCancel'), resume: Resume }),
]);
export type FormStage = z.infer<typeof FormStage>;

/**
 * Everything a form needs between turns, and all the form dialog keeps: plain data, checked
 * again when it is read back from durable state (which an older version may have written).
 */
export const FormState = z.strictObject({
  formId: z.string(),
  /** This filling-in of the form: carried by its buttons, and the key that makes its submission happen once. */
  instance: z.string().min(1).max(100),
  answers: z.record(z.string(), z.string()),
  /** Fields answered, in order, for "back". */
  history: z.array(z.string()),
  /** Failed attempts at the current field. */
  failures: z.int().min(0),
  stage: FormStage,
  /** An "Edit" from the summary returns there after the one field. */
  returnToSummary: z.boolean(),
});
export type FormState = z.infer<typeof FormState>;

export const FormCommandName = z.enum(['cancel', 'help', 'back', 'skip', 'submit', 'edit']);
export type FormCommandName = z.infer<typeof FormCommandName>;

/**
 * A button press inside a form (`activity.value`), as cards and suggested actions send it.
 * It names the form instance and the step it was rendered for, so a button of an older card
 * or another form is recognised as such instead of answering the current question.
 */
export const FormAction = z.strictObject({
  action: z.literal('form'),
  form: z.string().max(100),
  step: z.string().max(100),
  command: FormCommandName.or(z.literal('answer')),
  field: z.string().max(100).optional(),
  value: z.string().max(500).optional(),
});
export type FormAction = z.infer<typeof FormAction>;

/** The step a stage is, as buttons name it: a field's id, or a name no field id can have. */
export function stepOf(stage: FormStage): string {
  return stage.kind === 'field' ? stage.fieldId : `#${stage.kind}`;
}

/** What the bot should say, in order; the bot layer renders each from messages and the definition. */
export type FormOutput =
  /** The form begins; `prefilled` are the answers (not free text) the opening message or the offer already gave. */
  | { kind: 'intro'; prefilled: Record<string, string> }
  /** `error`: what was wrong with the last answer, as its field type names it (or "required"). */
  | { kind: 'ask'; field: FormField; error?: string; afterFailures?: boolean }
  | { kind: 'help'; field: FormField }
  | { kind: 'firstQuestion' }
  | { kind: 'staleAction' }
  | { kind: 'summary'; items: { field: FormField; value: string }[] }
  | { kind: 'confirmCancel' }
  | { kind: 'resumed' }
  | { kind: 'cancelled' }
  | { kind: 'submit'; answers: Record<string, string> };

export interface FormStep {
  state: FormState;
  outputs: FormOutput[];
  /** The form is over (submitted or cancelled): the dialog ends. */
  finished: boolean;
  /**
   * Typed text that is not an answer to this step (it does not fit the field, or it ends in
   * a question mark at a free-text field, or it is no command at the summary). The next
   * layer may take it, as a question; only when nobody does, this step applies.
   */
  rejected?: string;
}

export interface FormSessionOptions {
  today: () => Date;
  /** The words answers are written with, in every language the forms speak. */
  vocabulary: FormVocabulary;
  /** Words that act as commands inside a form, per command ("cancel", "stop", ...). */
  commands: Record<FormCommandName, string[]>;
  /** How many failed attempts before offering to skip or cancel. */
  maxFailures?: number;
}

/**
 * Runs one declared form, framework-free: given the state and what the partner said (text
 * or a button), it returns the next state and what to say. The order of questions is the
 * order of the fields; a field whose condition does not hold is not asked, and an answer
 * that a changed answer makes irrelevant is dropped before the summary.
 */
export class FormSession {
  private readonly commandWords: Map<string, FormCommandName>;
  private readonly maxFailures: number;
  private readonly answersSchema: ReturnType<typeof answersSchema>;

  constructor(
    readonly definition: FormDefinition,
    private readonly options: FormSessionOptions,
  ) {
    this.commandWords = new Map(
      (Object.entries(options.commands) as [FormCommandName, string[]][])
        .flatMap(([command, words]) => words.map((w) => [normalizedWords(w).join(' '), command] as const))
        .filter(([words]) => words !== ''), // "n/a" normalizes to nothing: it must not match every address
    );
    this.maxFailures = options.maxFailures ?? 3;
    // Stored values are what the field types read, so reading them again must keep them.
    this.answersSchema = answersSchema(definition, (field, value) => {
      const result = this.read(field, value);
      return result.ok && result.value === value;
    });
  }

  /**
   * Starts the form, taking what the opening message already says as answers: the choices it
   * names ("tracing"), and the message itself for a field that drafts from it (a case
   * description long enough to be one; the partner sees it in the summary). `prefill` are
   * choices known otherwise (the service of the answer just given); unknown values are ignored.
   */
  start(openingMessage: string, instance: string, prefill: Readonly<Record<string, string>> = {}): FormStep {
    const answers: Record<string, string> = {};
    const chosen: Record<string, string> = {};
    for (const field of this.definition.fields) {
      if (!fieldApplies(field, answers)) continue;
      const given = prefill[field.id] === undefined ? undefined : this.read(field, prefill[field.id]!);
      const value = given?.ok ? given.value : answerFromOpening(field, openingMessage, this.context());
      if (value === undefined) continue;
      answers[field.id] = value;
      if (!isFreeText(field)) chosen[field.id] = value;
    }
    const state: FormState = { formId: this.definition.id, instance, answers, history: [], failures: 0, stage: { kind: 'summary' }, returnToSummary: false };
    return this.advance(state, [{ kind: 'intro', prefilled: chosen }]);
  }

  /** Whether a state read back from storage belongs to this form as it is now defined (a dialog file may have changed since). */
  fits(state: FormState): boolean {
    const ids = new Set(this.definition.fields.map((f) => f.id));
    const stage = state.stage.kind === 'confirmCancel' ? state.stage.resume : state.stage;
    return (
      state.formId === this.definition.id &&
      (stage.kind !== 'field' || ids.has(stage.fieldId)) &&
      state.history.every((id) => ids.has(id)) &&
      Object.keys(state.answers).every((id) => ids.has(id))
    );
  }

  handle(state: FormState, input: { text?: string; action?: FormAction }): FormStep {
    const text = input.text?.trim() ?? '';
    const stage = state.stage;
    if (input.action && (input.action.form !== state.instance || input.action.step !== stepOf(stage))) {
      return this.show(state, [{ kind: 'staleAction' }]);
    }
    const command = input.action ? (input.action.command === 'answer' ? undefined : input.action.command) : this.commandOf(text);

    if (stage.kind === 'confirmCancel') {
      const reply = validateYesNo(input.action?.value ?? text, this.options.vocabulary);
      if (command === 'cancel' || (reply.ok && reply.value === 'yes')) return { state, outputs: [{ kind: 'cancelled' }], finished: true };
      return this.show({ ...state, stage: stage.resume }, [{ kind: 'resumed' }]);
    }

    switch (command) {
      case 'cancel':
        return { state: { ...state, stage: { kind: 'confirmCancel', resume: stage } }, outputs: [{ kind: 'confirmCancel' }], finished: false };
      case 'help':
        return stage.kind === 'field' ? this.show(state, [{ kind: 'help', field: this.field(stage.fieldId) }]) : this.show(state, []);
      case 'back':
        return this.back(state);
      case 'edit':
        return this.edit(state, input.action?.field ?? text);
      case 'submit':
        if (stage.kind === 'summary') return this.submit(state);
        break;
      case 'skip':
        if (stage.kind === 'field') {
          const field = this.field(stage.fieldId);
          if (!field.required) return this.accept(state, field, '');
          return this.show({ ...state, failures: state.failures + 1 }, [{ kind: 'ask', field, error: 'required' }], true);
        }
        break;
    }

    if (stage.kind === 'summary') {
      // "Please check your request": a typed "yes" (or "sí", "oui") confirms it, as Submit does.
      const reply = validateYesNo(text, this.options.vocabulary);
      if (!input.action && reply.ok && reply.value === 'yes') return this.submit(state);
      return { ...this.show(state, []), ...(text && !input.action ? { rejected: text } : {}) };
    }
    if (input.action) return this.answer(state, this.field(stage.fieldId), input.action.value ?? '', false);
    return this.answer(state, this.field(stage.fieldId), text, true);
  }

  /** A whole message that is a command word, or "edit <field>" / "change <field>". */
  private commandOf(text: string): FormCommandName | undefined {
    const words = normalizedWords(text);
    const whole = this.commandWords.get(words.join(' '));
    if (whole) return whole;
    return words.length > 1 && this.commandWords.get(words[0]!) === 'edit' ? 'edit' : undefined;
  }

  private answer(state: FormState, field: FormField, text: string, typed: boolean): FormStep {
    // A bare "no" or "ok" names no agency and tells no case: at free text it means stopping
    // (asked to confirm, as "cancel" is) or going on (the question again).
    const yesNo = typed && isFreeText(field) ? validateYesNo(text, this.options.vocabulary) : undefined;
    if (yesNo?.ok && yesNo.value === 'no') return { state: { ...state, stage: { kind: 'confirmCancel', resume: { kind: 'field', fieldId: field.id } } }, outputs: [{ kind: 'confirmCancel' }], finished: false };
    if (yesNo?.ok) return this.show(state, []);
    const result = this.read(field, text);
    const next = result.ok ? this.accept(state, field, result.value) : this.reject(state, field, result.error);
    // Free text accepts anything, so there a question mark tells a question from an answer;
    // elsewhere a question is typed text that does not fit the field.
    const mayBeQuestion = typed && text !== '' && (isFreeText(field) ? /\?\s*$/.test(text) : !result.ok);
    return mayBeQuestion ? { ...next, rejected: text } : next;
  }

  private reject(state: FormState, field: FormField, error: string): FormStep {
    const failures = state.failures + 1;
    return this.show({ ...state, failures }, [{ kind: 'ask', field, error, afterFailures: failures >= this.maxFailures }], true);
  }

  private read(field: FormField, text: string): FieldResult {
    return readAnswer(field, text, this.context());
  }

  private context(): ReadContext {
    return { locale: this.definition.locale, today: this.options.today(), vocabulary: this.options.vocabulary };
  }

  private accept(state: FormState, field: FormField, value: string): FormStep {
    const answers = { ...state.answers, [field.id]: value };
    const history = [...state.history.filter((id) => id !== field.id), field.id];
    const next = { ...state, answers, history, failures: 0 };
    if (state.returnToSummary) return this.advance({ ...next, returnToSummary: false }, []);
    return this.advance(next, [], field.id);
  }

  /** Asks the first applicable unanswered field (after `after`, when given), else shows the summary. */
  private advance(state: FormState, outputs: FormOutput[], after?: string): FormStep {
    const fields = this.definition.fields;
    const start = after ? fields.findIndex((f) => f.id === after) + 1 : 0;
    const pending = [...fields.slice(start), ...fields.slice(0, start)].find((f) => fieldApplies(f, state.answers) && !(f.id in state.answers));
    if (pending) return this.show({ ...state, stage: { kind: 'field', fieldId: pending.id } }, outputs);
    return this.show({ ...state, answers: this.relevant(state.answers), stage: { kind: 'summary' } }, outputs);
  }

  /** The current question or summary again, after `before` (a button that was no longer valid, a question answered in passing). */
  repeat(state: FormState, before: FormOutput[] = []): FormStep {
    return this.show(state, before);
  }

  /** Appends what the current stage shows (the field's question or the summary). */
  private show(state: FormState, outputs: FormOutput[], alreadyAsked = false): FormStep {
    const stage = state.stage;
    if (alreadyAsked) return { state, outputs, finished: false };
    if (stage.kind === 'field') return { state, outputs: [...outputs, { kind: 'ask', field: this.field(stage.fieldId) }], finished: false };
    const items = this.definition.fields.filter((f) => f.id in state.answers).map((field) => ({ field, value: state.answers[field.id]! }));
    return { state, outputs: [...outputs, { kind: 'summary', items }], finished: false };
  }

  private back(state: FormState): FormStep {
    const stage = state.stage;
    const current = stage.kind === 'field' ? stage.fieldId : undefined;
    const history = state.history.filter((id) => id !== current);
    const previous = history.at(-1);
    if (!previous) return this.show(state, [{ kind: 'firstQuestion' }]);
    return this.show({ ...state, history: history.slice(0, -1), failures: 0, returnToSummary: false, stage: { kind: 'field', fieldId: previous } }, []);
  }

  private edit(state: FormState, fieldName: string): FormStep {
    const words = normalizedWords(fieldName);
    const wanted = (this.commandWords.get(words[0] ?? '') === 'edit' ? words.slice(1) : words).join(' ');
    const field = this.definition.fields.find(
      (f) => fieldApplies(f, state.answers) && (f.id === fieldName || normalizedWords(f.label).join(' ') === wanted || normalizedWords(f.id).join(' ') === wanted),
    );
    if (!field) return this.show(state, []);
    return this.show({ ...state, failures: 0, returnToSummary: true, stage: { kind: 'field', fieldId: field.id } }, []);
  }

  /** Submits only a record that passes the form's answers schema; otherwise asks the first field at fault. */
  private submit(state: FormState): FormStep {
    const answers = this.relevant(state.answers);
    const check = this.answersSchema.safeParse(answers);
    if (!check.success) {
      const fieldId = String(check.error.issues[0]!.path[0]);
      const { [fieldId]: _dropped, ...rest } = answers;
      return this.show({ ...state, answers: rest, returnToSummary: true, stage: { kind: 'field', fieldId } }, []);
    }
    return { state: { ...state, answers }, outputs: [{ kind: 'submit', answers }], finished: true };
  }

  /** Drops answers to fields whose condition no longer holds (the type of assistance changed). */
  private relevant(answers: Record<string, string>): Record<string, string> {
    const kept: Record<string, string> = {};
    for (const field of this.definition.fields) if (field.id in answers && fieldApplies(field, kept)) kept[field.id] = answers[field.id]!;
    return kept;
  }

  private field(id: string): FormField {
    const field = this.definition.fields.find((f) => f.id === id);
    if (!field) throw new Error(`FormSession: form "${this.definition.id}" has no field "${id}"`);
    return field;
  }
}
