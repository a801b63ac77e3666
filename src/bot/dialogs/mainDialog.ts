import { TurnContext, type StatePropertyAccessor } from 'botbuilder';
import { ComponentDialog, DialogSet, DialogTurnStatus, WaterfallDialog, type DialogState, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { normalizedWords } from '../../engine/analyzer';
import type { AnswerEngine, EngineResult } from '../../engine/answerEngine';
import type { FormDefinition } from '../../forms/formDefinition';
import type { Logger } from '../../logger';
import type { FeedbackLog } from '../../storage/feedbackLog';
import { redactPersonalData } from '../../storage/redact';
import { findReference, type RequestStore } from '../../storage/requestStore';
import { FormAction } from '../../forms/formSession';
import { BotAction } from '../botAction';
import type { FormReplies } from '../formReplies';
import { plainText } from '../plainText';
import type { Replies } from '../replies';
import { FormDialog, type Interruptions } from './formDialog';

const TURN = 'mainTurn';

export interface MainDialogDependencies {
  engine: AnswerEngine;
  replies: Replies;
  formReplies: FormReplies;
  forms: FormDefinition[];
  store: RequestStore;
  feedback: FeedbackLog;
  logger: Logger;
  today: () => Date;
}

/**
 * The root of every conversation. A turn is, in order: a button, a request status
 * ("status IAD-2026-000123"), the start of a guided form, small talk, or a question for the
 * answer engine. While a form runs, turns go to the form, which handles its own commands
 * and answers program questions in passing.
 */
export class MainDialog extends ComponentDialog {
  private readonly triggers: { formId: string; words: string }[];
  /** Form commands ("cancel") are the form's own, not small talk's "start over". */
  private readonly formCommands: ReadonlySet<string>;

  constructor(private readonly deps: MainDialogDependencies) {
    super(MainDialog.name);
    const interruptions: Interruptions = {
      question: (context, text) => this.answerIfConfident(context, text),
      action: (context, action) => this.runAction(context, action),
    };
    const messages = deps.engine.knowledge.messages;
    for (const form of deps.forms) this.addDialog(new FormDialog(form, { ...deps, messages, interruptions }));
    this.triggers = deps.forms.flatMap((form) => form.triggers.map((trigger) => ({ formId: form.id, words: ` ${normalizedWords(trigger).join(' ')} ` })));
    this.formCommands = new Set(Object.values(deps.engine.knowledge.messages.forms.commands).flat().map((w) => normalizedWords(w).join(' ')));
    this.addDialog(new WaterfallDialog(TURN, [(step) => this.route(step), (step) => step.endDialog()]));
    this.initialDialogId = TURN;
  }

  /** Runs the dialog for this turn, starting it when nothing is active. */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dialogContext = await dialogSet.createContext(context);
    if (this.isStartOver(context)) await dialogContext.cancelAllDialogs();
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dialogContext.beginDialog(this.id);
  }

  /** "Start over" works anywhere, even in the middle of a form. */
  private isStartOver(context: TurnContext): boolean {
    const text = context.activity.text;
    return typeof text === 'string' && this.deps.engine.smalltalk(plainText(text))?.intent === 'startOver' && !this.isFormCommand(text);
  }

  private isFormCommand(text: string): boolean {
    return this.formCommands.has(normalizedWords(text).join(' '));
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const { engine, replies, logger } = this.deps;
    const activity = context.activity;
    const conversationId = activity.conversation.id;

    if (activity.value !== undefined && activity.value !== null) return this.handleAction(step, activity.value);

    const text = plainText(TurnContext.removeRecipientMention(activity) ?? activity.text ?? '');
    if (!text) {
      const message = activity.attachments?.length ? engine.knowledge.messages.nonTextMessage : engine.knowledge.messages.emptyMessage;
      await context.sendActivity(replies.text(message));
      return step.endDialog();
    }

    const reference = findReference(text);
    if (reference) {
      const status = this.deps.store.statusFor(reference, activity.channelId, activity.from.id);
      const form = status && this.deps.forms.find((f) => f.id === status.formId);
      logger.info('status', { conversationId, found: Boolean(status) });
      await context.sendActivity(replies.status(reference, status, form?.title));
      return step.endDialog();
    }

    const said = ` ${normalizedWords(text).join(' ')} `;
    const form = this.triggers.find((t) => said.includes(t.words));
    if (form) {
      logger.info('form started', { conversationId, form: form.formId, via: 'message' });
      return step.beginDialog(form.formId, { openingMessage: text });
    }

    const smalltalk = engine.smalltalk(text);
    if (smalltalk) {
      logger.info('smalltalk', { conversationId, intent: smalltalk.intent });
      await context.sendActivity(replies.smalltalk(smalltalk.reply));
      return step.endDialog();
    }

    await this.answerQuestion(context, text);
    return step.endDialog();
  }

  /** A question asked in the middle of a form: answered only when the engine is confident, else the form takes the text. */
  private async answerIfConfident(context: TurnContext, question: string): Promise<boolean> {
    const result = this.deps.engine.ask(question);
    if (result.decision.kind !== 'answer') return false;
    await this.reply(context, question, result);
    return true;
  }

  private async answerQuestion(context: TurnContext, question: string): Promise<void> {
    await this.reply(context, question, this.deps.engine.ask(question));
  }

  private async reply(context: TurnContext, question: string, { decision, query }: EngineResult): Promise<void> {
    const { engine, replies, logger } = this.deps;
    const conversationId = context.activity.conversation.id;
    if (query.truncated) await context.sendActivity(replies.text(engine.knowledge.messages.longMessageNote));
    if (decision.kind === 'answer') logger.info('answer', { conversationId, unit: decision.best.unit.key, confidence: decision.best.confidence });
    if (decision.kind === 'clarify') logger.info('clarify', { conversationId, options: decision.options.map((c) => c.unit.key) });
    if (decision.kind === 'fallback') {
      logger.info('fallback', { conversationId, reason: decision.reason, ...(decision.reason === 'out-of-scope' ? { topic: decision.topic.id } : {}) });
      this.record(context, { kind: 'fallback', question });
    }
    await context.sendActivity(replies.forDecision(decision, question));
  }

  private async handleAction(step: WaterfallStepContext, value: unknown): Promise<DialogTurnResult> {
    const { context } = step;
    const formAction = FormAction.safeParse(value);
    if (formAction.success) {
      await this.staleFormAction(context, formAction.data);
      return step.endDialog();
    }
    const parsed = BotAction.safeParse(value);
    if (parsed.success && parsed.data.action === 'startForm' && this.knownForm(parsed.data.formId)) {
      this.deps.logger.info('form started', { conversationId: context.activity.conversation.id, form: parsed.data.formId, via: 'button' });
      return step.beginDialog(parsed.data.formId, {});
    }
    if (!parsed.success || !(await this.runAction(context, parsed.data))) await this.invalidAction(context, parsed.success ? ['unknown id'] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    return step.endDialog();
  }

  /** The buttons of answers: a topic to answer, or feedback. False for what they cannot do here (an unknown id, a form to start). */
  private async runAction(context: TurnContext, action: BotAction): Promise<boolean> {
    const { engine, replies, logger } = this.deps;
    const conversationId = context.activity.conversation.id;
    switch (action.action) {
      case 'startForm':
        return false;
      case 'ask': {
        const entry = engine.entry(action.entryId);
        if (!entry) return false;
        logger.info('answer', { conversationId, unit: `e:${entry.id}`, via: 'button' });
        await context.sendActivity(replies.answer(engine.chosenCandidate(entry), [], entry.title));
        return true;
      }
      case 'feedback':
        if (!engine.entry(action.entryId)) return false;
        logger.info('feedback', { conversationId, entryId: action.entryId, helpful: action.helpful });
        this.record(context, { kind: action.helpful ? 'helpful' : 'not-helpful', entryId: action.entryId, question: action.question });
        await context.sendActivity(replies.feedbackThanks(action.helpful));
        return true;
    }
  }

  /**
   * A form's button after that form ended. A Submit pressed again (a double click, an old
   * summary card) finds the request it was submitted as; anything else is no longer valid.
   */
  private async staleFormAction(context: TurnContext, action: FormAction): Promise<void> {
    const { activity } = context;
    const submitted = action.command === 'submit' ? this.deps.store.submittedWith(action.form, activity.channelId, activity.from.id) : undefined;
    if (submitted) await context.sendActivity(this.deps.formReplies.alreadySubmitted(submitted.reference));
    else await this.invalidAction(context, ['form is over']);
  }

  private async invalidAction(context: TurnContext, issues: string[]): Promise<void> {
    this.deps.logger.warn('invalid action', { conversationId: context.activity.conversation.id, issues });
    await context.sendActivity(this.deps.replies.text(this.deps.engine.knowledge.messages.invalidAction));
  }

  private knownForm(formId: string): boolean {
    return this.deps.forms.some((f) => f.id === formId);
  }

  private record(context: TurnContext, event: { kind: 'fallback' | 'helpful' | 'not-helpful'; question?: string; entryId?: string }): void {
    const { engine, feedback } = this.deps;
    feedback.record({
      ...event,
      question: event.question === undefined ? undefined : redactPersonalData(event.question, (word) => engine.isKnownWord(word)),
      locale: engine.knowledge.locale,
      channelId: context.activity.channelId,
    });
  }
}
