import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Messages } from '../../content/messages';
import type { FormDefinition } from '../../forms/formDefinition';
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
}

/**
 * What the form hands on when a turn is not for it (Rasa's "rejected" form: the next layer
 * handles it), so that the conversation's own router, not the form, decides what it is.
 */
export interface Interruptions {
  /** Answers `text` when it is a question the engine can answer; false when it is not. */
  question(context: TurnContext, text: string): Promise<boolean>;
  /** Handles a button from outside the form (an answer card's topic or feedback buttons); false when it cannot run during a form. */
  action(context: TurnContext, action: BotAction): Promise<boolean>;
}

export interface FormDialogDependencies {
  replies: Replies;
  formReplies: FormReplies;
  messages: Messages;
  store: RequestStore;
  logger: Logger;
  today: () => Date;
  interruptions: Interruptions;
}

/** All a form dialog keeps between turns (in `dc.activeDialog.state`): the form's own state. */
interface FormDialogState {
  form?: unknown;
}

/**
 * Runs any form declared in dialogs/*.yaml. Like botbuilder's own prompts it keeps only its
 * own state, the FormState, in the dialog stack, and renders each turn's replies from it, so
 * the conversation resumes at the same question after a restart and the stored state is a
 * few hundred bytes. The form logic itself is FormSession's, free of botbuilder.
 */
export class FormDialog extends Dialog<FormDialogOptions> {
  private readonly session: FormSession;

  constructor(
    readonly definition: FormDefinition,
    private readonly deps: FormDialogDependencies,
  ) {
    super(definition.id);
    this.session = new FormSession(definition, { today: deps.today, commands: deps.messages.forms.commands });
  }

  override async beginDialog(dc: DialogContext, options?: FormDialogOptions): Promise<DialogTurnResult> {
    return this.apply(dc, this.session.start(options?.openingMessage ?? '', randomUUID(), options?.prefill));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    const saved = FormState.safeParse((dc.activeDialog!.state as FormDialogState).form);
    if (!saved.success || !this.session.fits(saved.data)) {
      this.deps.logger.warn('form state unusable', { conversationId: context.activity.conversation.id, form: this.id });
      await context.sendActivity(this.deps.formReplies.restartNeeded(this.definition));
      return dc.endDialog({ outcome: 'reset' });
    }
    const state = saved.data;
    const value = context.activity.value;
    if (value !== undefined && value !== null) {
      const formAction = FormAction.safeParse(value);
      if (formAction.success) return this.apply(dc, this.session.handle(state, { action: formAction.data }));
      const botAction = BotAction.safeParse(value);
      if (!botAction.success) {
        await context.sendActivity(this.deps.replies.text(this.deps.messages.invalidAction));
        return this.apply(dc, this.session.repeat(state));
      }
      const handled = await this.deps.interruptions.action(context, botAction.data);
      if (!handled) await context.sendActivity(this.deps.formReplies.alreadyInForm(this.definition));
      return this.resume(dc, state, handled);
    }
    const text = plainText(TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '');
    const step = this.session.handle(state, { text });
    if (step.rejected !== undefined && (await this.deps.interruptions.question(context, step.rejected))) return this.resume(dc, state, true);
    return this.apply(dc, step);
  }

  /** Back to where the form was, after a turn that something else answered. */
  private async resume(dc: DialogContext, state: FormState, interrupted: boolean): Promise<DialogTurnResult> {
    if (interrupted) await dc.context.sendActivity(this.deps.formReplies.questionResume());
    return this.apply(dc, this.session.repeat(state));
  }

  /** Says what a step says, keeps its state, and submits or ends the form when the step does. */
  private async apply(dc: DialogContext, step: FormStep): Promise<DialogTurnResult> {
    const submit = step.outputs.find((o): o is Extract<FormOutput, { kind: 'submit' }> => o.kind === 'submit');
    if (submit) return this.submit(dc, step.state, submit.answers);
    await this.send(dc.context, step.state, step.outputs);
    if (step.finished) {
      this.deps.logger.info('form cancelled', { conversationId: dc.context.activity.conversation.id, form: this.id });
      return dc.endDialog({ outcome: 'cancelled' });
    }
    (dc.activeDialog!.state as FormDialogState).form = step.state;
    return Dialog.EndOfTurn;
  }

  private async submit(dc: DialogContext, state: FormState, answers: Record<string, string>): Promise<DialogTurnResult> {
    const { context } = dc;
    const conversationId = context.activity.conversation.id;
    try {
      const stored = this.deps.store.submit({
        formId: this.id,
        locale: this.definition.locale,
        channelId: context.activity.channelId,
        userId: context.activity.from.id,
        answers,
        conversationReference: TurnContext.getConversationReference(context.activity),
        submissionKey: state.instance,
      });
      this.deps.logger.info('form submitted', { conversationId, form: this.id, reference: stored.reference, repeated: stored.alreadySubmitted });
      await context.sendActivity(
        stored.alreadySubmitted ? this.deps.formReplies.alreadySubmitted(stored.reference) : this.deps.formReplies.submitted(this.definition, stored.reference),
      );
      return dc.endDialog({ outcome: 'submitted', reference: stored.reference });
    } catch (error) {
      // Nothing is lost: the answers stay in the dialog state and "submit" tries again.
      this.deps.logger.error('form submit failed', { conversationId, form: this.id, ...describeError(error) });
      await context.sendActivity(this.deps.formReplies.submitFailed());
      (dc.activeDialog!.state as FormDialogState).form = { ...state, stage: { kind: 'summary' } } satisfies FormState;
      return Dialog.EndOfTurn;
    }
  }

  private async send(context: TurnContext, state: FormState, outputs: FormOutput[]): Promise<void> {
    const view = { definition: this.definition, instance: state.instance, channelId: context.activity.channelId };
    for (const output of outputs) if (output.kind !== 'submit') await context.sendActivity(this.deps.formReplies.render(output, view));
  }
}
