import { TurnContext, type StatePropertyAccessor } from 'botbuilder';
import { ComponentDialog, DialogSet, DialogTurnStatus, WaterfallDialog, type DialogState, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { normalizedWords } from '../../engine/analyzer';
import type { AnswerEngine } from '../../engine/answerEngine';
import type { FormDefinition } from '../../forms/formDefinition';
import type { Logger } from '../../logger';
import type { FeedbackLog } from '../../storage/feedbackLog';
import { redactPersonalData } from '../../storage/redact';
import { findReference, type RequestStore } from '../../storage/requestStore';
import { BotAction } from '../botAction';
import type { FormReplies } from '../formReplies';
import { plainText } from '../plainText';
import type { Replies } from '../replies';
import { FormDialog } from './formDialog';

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
    for (const form of deps.forms) this.addDialog(new FormDialog(form, deps));
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

  private async answerQuestion(context: TurnContext, question: string): Promise<void> {
    const { engine, replies, logger } = this.deps;
    const { decision, query } = engine.ask(question);
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
    const { engine, replies, logger } = this.deps;
    const conversationId = context.activity.conversation.id;
    const parsed = BotAction.safeParse(value);
    const action = parsed.success ? parsed.data : undefined;
    const known = action?.action === 'startForm' ? this.deps.forms.some((f) => f.id === action.formId) : action ? Boolean(engine.entry(action.entryId)) : false;
    if (!action || !known) {
      logger.warn('invalid action', { conversationId, issues: parsed.success ? ['unknown id'] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      await context.sendActivity(replies.text(engine.knowledge.messages.invalidAction));
      return step.endDialog();
    }
    switch (action.action) {
      case 'startForm':
        logger.info('form started', { conversationId, form: action.formId, via: 'button' });
        return step.beginDialog(action.formId, {});
      case 'ask': {
        const entry = engine.entry(action.entryId)!;
        logger.info('answer', { conversationId, unit: `e:${entry.id}`, via: 'button' });
        await context.sendActivity(replies.answer(engine.chosenCandidate(entry), [], entry.title));
        return step.endDialog();
      }
      case 'feedback':
        logger.info('feedback', { conversationId, entryId: action.entryId, helpful: action.helpful });
        this.record(context, { kind: action.helpful ? 'helpful' : 'not-helpful', entryId: action.entryId, question: action.question });
        await context.sendActivity(replies.feedbackThanks(action.helpful));
        return step.endDialog();
    }
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
