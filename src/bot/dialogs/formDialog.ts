import { TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { AnswerEngine, EngineResult } from '../../engine/answerEngine';
import type { FormDefinition } from '../../forms/formDefinition';
import { FormAction, FormSession, type FormOutput, type FormState, type FormStep } from '../../forms/formSession';
import { describeError, type Logger } from '../../logger';
import type { RequestStore } from '../../storage/requestStore';
import type { FormReplies } from '../formReplies';
import { plainText } from '../plainText';
import type { Replies } from '../replies';

const LOOP = 'formLoop';

/** What a form turn carries to the next: plain data, kept in durable dialog state. */
interface LoopOptions {
  openingMessage?: string;
  step?: { state: FormState; outputs: FormOutput[] };
}

/** Kept in the waterfall's own state between "say" and "listen". */
interface StepValues {
  state: FormState;
}

export interface FormDialogDependencies {
  engine: AnswerEngine;
  replies: Replies;
  formReplies: FormReplies;
  store: RequestStore;
  logger: Logger;
  today: () => Date;
}

/**
 * Runs any form declared in dialogs/*.yaml: a waterfall of two steps (say, then listen)
 * that replaces itself each turn with the session's new state, so the conversation resumes
 * at the same question after a restart. The form logic itself is FormSession's.
 */
export class FormDialog extends ComponentDialog {
  private readonly session: FormSession;
  private lastAsked: { text: string; result: EngineResult } | undefined;

  constructor(
    readonly definition: FormDefinition,
    private readonly deps: FormDialogDependencies,
  ) {
    super(definition.id);
    const { forms } = deps.engine.knowledge.messages;
    this.session = new FormSession(definition, {
      today: deps.today,
      commands: forms.commands,
      isQuestion: (text) => this.ask(text).decision.kind === 'answer',
    });
    this.addDialog(new WaterfallDialog(LOOP, [(step) => this.say(step), (step) => this.listen(step)]));
    this.initialDialogId = LOOP;
  }

  /**
   * The engine's result for a message, kept for the one message just classified: a question
   * asked in passing is first recognised, then answered, and need not be searched twice.
   * Keyed by text, so interleaved turns can only miss, never mix answers up.
   */
  private ask(text: string): EngineResult {
    if (this.lastAsked?.text !== text) this.lastAsked = { text, result: this.deps.engine.ask(text) };
    return this.lastAsked.result;
  }

  private async say(step: WaterfallStepContext<LoopOptions>): Promise<DialogTurnResult> {
    const options = step.options;
    const current = options.step ?? this.session.start(options.openingMessage ?? '');
    await this.send(step.context, current.outputs);
    (step.values as StepValues).state = current.state;
    return Dialog.EndOfTurn;
  }

  private async listen(step: WaterfallStepContext<LoopOptions>): Promise<DialogTurnResult> {
    const activity = step.context.activity;
    const { state } = step.values as StepValues;
    const action = activity.value === undefined || activity.value === null ? undefined : FormAction.safeParse(activity.value);
    if (action && !action.success) {
      await step.context.sendActivity(this.deps.replies.text(this.deps.engine.knowledge.messages.invalidAction));
      return step.replaceDialog(LOOP, { step: this.session.repeat(state) } satisfies LoopOptions);
    }
    const text = plainText(TurnContext.removeRecipientMention(activity) ?? activity.text ?? '');
    const next = this.session.handle(state, { text, action: action?.data });
    return this.continueWith(step, next);
  }

  private async continueWith(step: WaterfallStepContext<LoopOptions>, next: FormStep): Promise<DialogTurnResult> {
    const submit = next.outputs.find((o): o is Extract<FormOutput, { kind: 'submit' }> => o.kind === 'submit');
    if (submit) return this.submit(step, next.state, submit.answers);
    if (next.finished) {
      await this.send(step.context, next.outputs);
      this.deps.logger.info('form cancelled', { conversationId: step.context.activity.conversation.id, form: this.definition.id });
      return step.endDialog({ outcome: 'cancelled' });
    }
    return step.replaceDialog(LOOP, { step: next } satisfies LoopOptions);
  }

  private async submit(step: WaterfallStepContext<LoopOptions>, state: FormState, answers: Record<string, string>): Promise<DialogTurnResult> {
    const { context } = step;
    const conversationId = context.activity.conversation.id;
    try {
      const stored = this.deps.store.submit({
        formId: this.definition.id,
        locale: this.definition.locale,
        channelId: context.activity.channelId,
        userId: context.activity.from.id,
        answers,
        conversationReference: TurnContext.getConversationReference(context.activity),
      });
      this.deps.logger.info('form submitted', { conversationId, form: this.definition.id, reference: stored.reference });
      await context.sendActivity(this.deps.formReplies.submitted(this.definition, stored.reference));
      return step.endDialog({ outcome: 'submitted', reference: stored.reference });
    } catch (error) {
      // Nothing is lost: the answers stay in the dialog state and "submit" tries again.
      this.deps.logger.error('form submit failed', { conversationId, form: this.definition.id, ...describeError(error) });
      await context.sendActivity(this.deps.formReplies.submitFailed());
      return step.replaceDialog(LOOP, { step: { state: { ...state, stage: { kind: 'summary' } }, outputs: [] } } satisfies LoopOptions);
    }
  }

  private async send(context: TurnContext, outputs: FormOutput[]): Promise<void> {
    for (const output of outputs) {
      if (output.kind === 'submit') continue;
      if (output.kind === 'question') {
        await context.sendActivity(this.deps.replies.forDecision(this.ask(output.text).decision, output.text));
        await context.sendActivity(this.deps.formReplies.questionResume());
        continue;
      }
      await context.sendActivity(this.deps.formReplies.render(output, this.definition, context.activity.channelId));
    }
  }
}
