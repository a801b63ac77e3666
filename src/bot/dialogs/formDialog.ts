import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Locale } from '../../content/knowledgeEntry';
import type { Messages } from '../../content/messages';
import type { FormCatalog } from '../../forms/formCatalog';
import type { FormVocabulary } from '../../forms/formVocabulary';
import { staffSummary } from '../../forms/requestSummary';
import { validateYesNo } from '../../forms/fields/yesNo';
import { FormAction, FormSession, FormState, type FormOutput, type FormStep } from '../../forms/formSession';
import { describeError, type Logger } from '../../logger';
import type { RequestStore } from '../../storage/requestStore';
import { BotAction } from '../botAction';
import type { FormReplies } from '../formReplies';
import { plainText } from '../plainText';
import type { Replies } from '../replies';

/** How a form dialog is started: with the message that started it, whose words may prefill answers, and choices known otherwise. */
export interface FormDialogOptions {
  openingMessage?: string;
  prefill?: Record<string, string>;
  /** Opened on a reading of the message, not asked for: it steps aside if the next message is no answer to it. */
  tentative?: boolean;
}

/** How a form dialog ended: `setAside` hands the turn's message back to the conversation's router. */
export interface FormOutcome {
  outcome: 'submitted' | 'cancelled' | 'reset' | 'setAside';
  reference?: string;
}

/**
 * What the form hands on when a turn is not for it (Rasa's "rejected" form: the next layer
 * handles it), so that the conversation's own router, not the form, decides what it is.
 */
export interface Interruptions {
  /** Answers `text` when it is a question the engine can answer; false when it is not. */
  question(context: TurnContext, text: string): Promise<boolean>;
  /** Whether the conversation's router acts on `text` of its own accord (a request, a status, a follow-up). */
  readsAsMessage(context: TurnContext, text: string): boolean;
  /** Handles a button from outside the form (an answer card's topic or feedback buttons); false when it cannot run during a form. */
  action(context: TurnContext, action: BotAction): Promise<boolean>;
}

export interface FormDialogDependencies {
  forms: FormCatalog;
  /** What is said in each language. */
  replies: (locale: Locale) => Replies;
  formReplies: (locale: Locale) => FormReplies;
  messages: (locale: Locale) => Messages;
  vocabulary: FormVocabulary;
  /** The language the turn is answered in: the form asks its next question in it. */
  localeOf: (context: TurnContext) => Locale;
  store: RequestStore;
  logger: Logger;
  today: () => Date;
  interruptions: Interruptions;
}

/** All a form dialog keeps between turns (in `dc.activeDialog.state`): the form's own state. */
interface FormDialogState {
  form?: unknown;
  /** Until its first answer, a form opened on a reading of the message (FormDialogOptions.tentative). */
  tentative?: boolean;
}

/**
 * Runs any form declared in dialogs/*.yaml, in the language of each turn. Like botbuilder's
 * own prompts it keeps only its own state, the FormState, in the dialog stack, and renders
 * each turn's replies from it, so the conversation resumes at the same question after a
 * restart and the stored state is a few hundred bytes. The answers it keeps are the same in
 * every language (a choice's value, a country's code, a date), so a partner who switches
 * language mid-form goes on where they were. The form logic itself is FormSession's, free of
 * botbuilder.
 */
export class FormDialog extends Dialog<FormDialogOptions> {
  private readonly sessions: ReadonlyMap<Locale, FormSession>;

  constructor(
    formId: string,
    private readonly deps: FormDialogDependencies,
  ) {
    super(formId);
    this.sessions = new Map(
      deps.forms.locales.map((locale) => [locale, new FormSession(deps.forms.form(formId, locale)!, { today: deps.today, vocabulary: deps.vocabulary, commands: deps.messages(locale).forms.commands })]),
    );
  }

  override async beginDialog(dc: DialogContext, options?: FormDialogOptions): Promise<DialogTurnResult> {
    if (options?.tentative) (dc.activeDialog!.state as FormDialogState).tentative = true;
    return this.apply(dc, this.session(dc.context).start(options?.openingMessage ?? '', randomUUID(), options?.prefill));
  }

  /** The form in the turn's language. */
  private session(context: TurnContext): FormSession {
    return this.sessions.get(this.deps.localeOf(context)) ?? this.sessions.get(this.deps.forms.defaultLocale)!;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    const session = this.session(context);
    const formReplies = this.formReplies(context);
    const saved = FormState.safeParse((dc.activeDialog!.state as FormDialogState).form);
    if (!saved.success || !session.fits(saved.data)) {
      this.deps.logger.warn('form state unusable', { conversationId: context.activity.conversation.id, form: this.id });
      await context.sendActivity(formReplies.restartNeeded(session.definition));
      return dc.endDialog({ outcome: 'reset' } satisfies FormOutcome);
    }
    const state = saved.data;
    const value = context.activity.value;
    if (value !== undefined && value !== null) {
      const formAction = FormAction.safeParse(value);
      if (formAction.success) return this.apply(dc, session.handle(state, { action: formAction.data }));
      const botAction = BotAction.safeParse(value);
      if (!botAction.success) {
        const locale = this.deps.localeOf(context);
        await context.sendActivity(this.deps.replies(locale).text(this.deps.messages(locale).invalidAction));
        return this.apply(dc, session.repeat(state));
      }
      const handled = await this.deps.interruptions.action(context, botAction.data);
      if (!handled) await context.sendActivity(formReplies.alreadyInForm(session.definition));
      return this.resume(dc, state, handled);
    }
    const text = plainText(TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '');
    const step = session.handle(state, { text });
    const dialogState = dc.activeDialog!.state as FormDialogState;
    if (dialogState.tentative === true) {
      // Not asked for, the form takes "no thanks" as no and "ok" as going on with it (not as an
      // agency's name), and gives way to a partner who goes on asking ("who can use it?").
      const reply = validateYesNo(text, this.deps.vocabulary);
      if (reply.ok && reply.value === 'no') return this.apply(dc, { state, outputs: [{ kind: 'cancelled' }], finished: true });
      if (reply.ok) {
        delete dialogState.tentative;
        return this.apply(dc, session.repeat(state));
      }
      if (step.rejected !== undefined || this.deps.interruptions.readsAsMessage(context, text)) {
        this.deps.logger.info('form set aside', { conversationId: context.activity.conversation.id, form: this.id });
        return dc.endDialog({ outcome: 'setAside' } satisfies FormOutcome);
      }
      delete dialogState.tentative;
    }
    if (step.rejected !== undefined && (await this.deps.interruptions.question(context, step.rejected))) return this.resume(dc, state, true);
    return this.apply(dc, step);
  }

  /** The current question again, in the turn's language (the partner just switched language). */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const saved = FormState.safeParse((instance.state as FormDialogState).form);
    const session = this.session(context);
    if (saved.success && session.fits(saved.data)) await this.send(context, saved.data, session.repeat(saved.data).outputs);
  }

  /** Back to where the form was, after a turn that something else answered. */
  private async resume(dc: DialogContext, state: FormState, interrupted: boolean): Promise<DialogTurnResult> {
    if (interrupted) await dc.context.sendActivity(this.formReplies(dc.context).questionResume());
    return this.apply(dc, this.session(dc.context).repeat(state));
  }

  /** Says what a step says, keeps its state, and submits or ends the form when the step does. */
  private async apply(dc: DialogContext, step: FormStep): Promise<DialogTurnResult> {
    const submit = step.outputs.find((o): o is Extract<FormOutput, { kind: 'submit' }> => o.kind === 'submit');
    if (submit) return this.submit(dc, step.state, submit.answers);
    await this.send(dc.context, step.state, step.outputs);
    if (step.finished) {
      this.deps.logger.info('form cancelled', { conversationId: dc.context.activity.conversation.id, form: this.id });
      return dc.endDialog({ outcome: 'cancelled' } satisfies FormOutcome);
    }
    (dc.activeDialog!.state as FormDialogState).form = step.state;
    return Dialog.EndOfTurn;
  }

  /**
   * Stores the request in the language it was made in, with the summary IAD staff read: in
   * the default language, and as the partner confirmed it when that was another language.
   */
  private async submit(dc: DialogContext, state: FormState, answers: Record<string, string>): Promise<DialogTurnResult> {
    const { context } = dc;
    const conversationId = context.activity.conversation.id;
    const locale = this.deps.localeOf(context);
    const formReplies = this.formReplies(context);
    const defaultLocale = this.deps.forms.defaultLocale;
    const summaryIn = (l: Locale) => staffSummary(this.deps.forms.form(this.id, l)!, answers, this.deps.messages(l).forms, l);
    try {
      const stored = this.deps.store.submit({
        formId: this.id,
        locale,
        channelId: context.activity.channelId,
        userId: context.activity.from.id,
        answers,
        summary: summaryIn(defaultLocale),
        ...(locale === defaultLocale ? {} : { originalSummary: summaryIn(locale) }),
        conversationReference: TurnContext.getConversationReference(context.activity),
        submissionKey: state.instance,
      });
      this.deps.logger.info('form submitted', { conversationId, form: this.id, reference: stored.reference, repeated: stored.alreadySubmitted, locale });
      await context.sendActivity(
        stored.alreadySubmitted ? formReplies.alreadySubmitted(stored.reference) : formReplies.submitted(this.session(context).definition, stored.reference),
      );
      return dc.endDialog({ outcome: 'submitted', reference: stored.reference } satisfies FormOutcome);
    } catch (error) {
      // Nothing is lost: the answers stay in the dialog state and "submit" tries again.
      this.deps.logger.error('form submit failed', { conversationId, form: this.id, ...describeError(error) });
      await context.sendActivity(formReplies.submitFailed());
      (dc.activeDialog!.state as FormDialogState).form = { ...state, stage: { kind: 'summary' } } satisfies FormState;
      return Dialog.EndOfTurn;
    }
  }

  private async send(context: TurnContext, state: FormState, outputs: FormOutput[]): Promise<void> {
    const view = { definition: this.session(context).definition, instance: state.instance, channelId: context.activity.channelId };
    const formReplies = this.formReplies(context);
    for (const output of outputs) if (output.kind !== 'submit') await context.sendActivity(formReplies.render(output, view));
  }

  private formReplies(context: TurnContext): FormReplies {
    return this.deps.formReplies(this.deps.localeOf(context));
  }
}
