import { TurnContext, type StatePropertyAccessor } from 'botbuilder';
import { ComponentDialog, DialogSet, DialogTurnStatus, WaterfallDialog, type DialogState, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { AnswerEngine } from '../../engine/answerEngine';
import { redactPersonalData } from '../../storage/redact';
import type { FeedbackLog } from '../../storage/feedbackLog';
import type { Logger } from '../../logger';
import { BotAction } from '../botAction';
import { plainText } from '../plainText';
import type { Replies } from '../replies';

const TURN = 'answerTurn';

export interface MainDialogDependencies {
  engine: AnswerEngine;
  replies: Replies;
  feedback: FeedbackLog;
  logger: Logger;
}

/**
 * The root of every conversation: one turn in, one answer out. It reads button actions,
 * then small talk, then asks the answer engine; guided forms are started from here.
 */
export class MainDialog extends ComponentDialog {
  constructor(private readonly deps: MainDialogDependencies) {
    super(MainDialog.name);
    this.addDialog(new WaterfallDialog(TURN, [(step) => this.answerTurn(step)]));
    this.initialDialogId = TURN;
  }

  /** Runs the dialog for this turn, starting it when nothing is active. */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dialogContext = await dialogSet.createContext(context);
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dialogContext.beginDialog(this.id);
  }

  private async answerTurn(step: WaterfallStepContext) {
    const { context } = step;
    const { engine, replies } = this.deps;
    const activity = context.activity;

    if (activity.value !== undefined && activity.value !== null) {
      await this.handleAction(context, activity.value);
      return step.endDialog();
    }

    const text = plainText(TurnContext.removeRecipientMention(activity) ?? activity.text ?? '');
    if (!text) {
      const message = activity.attachments?.length ? engine.knowledge.messages.nonTextMessage : engine.knowledge.messages.emptyMessage;
      await context.sendActivity(replies.text(message));
      return step.endDialog();
    }

    const smalltalk = engine.smalltalk(text);
    if (smalltalk) {
      this.deps.logger.info('smalltalk', { conversationId: activity.conversation.id, intent: smalltalk.intent });
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
    switch (decision.kind) {
      case 'answer':
        logger.info('answer', { conversationId, unit: decision.best.unit.key, confidence: decision.best.confidence });
        await context.sendActivity(replies.answer(decision.best, decision.alternatives, question));
        return;
      case 'clarify':
        logger.info('clarify', { conversationId, options: decision.options.map((c) => c.unit.key) });
        await context.sendActivity(replies.clarify(decision.options));
        return;
      case 'fallback':
        logger.info('fallback', { conversationId, reason: decision.reason, ...(decision.reason === 'out-of-scope' ? { topic: decision.topic.id } : {}) });
        this.record(context, { kind: 'fallback', question });
        await context.sendActivity(replies.fallback(decision.reason === 'out-of-scope' ? decision.topic.name : undefined));
    }
  }

  private async handleAction(context: TurnContext, value: unknown): Promise<void> {
    const { engine, replies, logger } = this.deps;
    const parsed = BotAction.safeParse(value);
    const conversationId = context.activity.conversation.id;
    const entry = parsed.success ? engine.entry(parsed.data.entryId) : undefined;
    if (!parsed.success || !entry) {
      logger.warn('invalid action', { conversationId, issues: parsed.success ? ['unknown entry'] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      await context.sendActivity(replies.text(engine.knowledge.messages.invalidAction));
      return;
    }
    const action = parsed.data;
    if (action.action === 'ask') {
      const candidate = engine.chosenCandidate(entry);
      logger.info('answer', { conversationId, unit: candidate.unit.key, via: 'button' });
      await context.sendActivity(replies.answer(candidate, [], entry.title));
      return;
    }
    logger.info('feedback', { conversationId, entryId: entry.id, helpful: action.helpful });
    this.record(context, { kind: action.helpful ? 'helpful' : 'not-helpful', entryId: entry.id, question: action.question });
    await context.sendActivity(replies.feedbackThanks(action.helpful));
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
