import { ActivityTypes, CardFactory, type Activity, type Attachment, type CardAction } from 'botbuilder';
import type { KnowledgeBase } from '../content/loadKnowledge';
import type { KnowledgeEntry } from '../content/knowledgeEntry';
import { fillTemplate } from '../content/messages';
import type { Decision } from '../engine/decide';
import type { Candidate } from '../engine/rank';
import type { RequestStatusView } from '../storage/requestStore';
import type { BotAction } from './botAction';

/** The form the fallback offers: dialogs/request-assistance.yaml. */
export const REQUEST_ASSISTANCE_FORM = 'request-assistance';

/** What a reply tells the web widget and analytics about where its answer came from. */
export interface AnswerChannelData {
  decision: 'answer' | 'clarify' | 'fallback' | 'form' | 'status' | 'cannotDo';
  /** An answer that says what the question asked and the program information does not give (cost, dates...). */
  missing?: string;
  /** A form that started, and the choices its opening message made (never free text). */
  formId?: string;
  prefilled?: Record<string, string>;
  entryId?: string;
  passage?: string;
  score?: number;
  confidence?: number;
  options?: string[];
}

/**
 * Turns engine decisions and small talk into activities. Every string comes from the
 * locale's messages or the knowledge itself; buttons carry a BotAction so a click is
 * understood whatever its label says (and in whatever language).
 */
export class Replies {
  constructor(private readonly knowledge: KnowledgeBase) {}

  private get messages() {
    return this.knowledge.messages;
  }

  welcome(): Partial<Activity> {
    return textWithSuggestions(this.messages.welcome, this.messages.welcomeSuggestions.map(imBack));
  }

  smalltalk(reply: string): Partial<Activity> {
    return textWithSuggestions(reply, this.messages.welcomeSuggestions.map(imBack));
  }

  answer(best: Candidate, alternatives: readonly Candidate[], question: string): Partial<Activity> {
    const unit = best.unit;
    const scores = { score: round(best.score), confidence: round(best.confidence) };
    if (unit.kind === 'passage') {
      const { passage } = unit;
      const actions = alternatives.flatMap((c) => (c.unit.kind === 'entry' ? [askButton(c.unit.entry)] : []));
      const source = fillTemplate(this.messages.sourceLine, { document: passage.documentTitle, section: passage.section });
      return {
        ...textWithSuggestions(this.format(passage.section, passage.text, source), actions),
        attachments: [answerCard(passage.section, passage.text, source, undefined, actions)],
        channelData: { iad: { decision: 'answer', passage: `${passage.documentId}#${passage.section}`, ...scores } satisfies AnswerChannelData },
      };
    }
    const { entry } = unit;
    const document = this.knowledge.documents.find((d) => d.id === entry.source.document);
    const followUps = [...entry.related, ...alternatives.flatMap((c) => (c.unit.kind === 'entry' ? [c.unit.entry.id] : []))]
      .filter((id, i, all) => id !== entry.id && all.indexOf(id) === i)
      .map((id) => this.knowledge.entries.find((e) => e.id === id))
      .filter((e): e is KnowledgeEntry => e !== undefined)
      .slice(0, 3);
    const feedback = (helpful: boolean) =>
      messageBack(helpful ? this.messages.feedbackYes : this.messages.feedbackNo, { action: 'feedback', entryId: entry.id, helpful, question: question.slice(0, 500) });
    const source = fillTemplate(this.messages.sourceLine, { document: document?.title ?? entry.source.document, section: entry.source.section });
    const actions = [feedback(true), feedback(false), ...followUps.map(askButton)];
    return {
      ...textWithSuggestions(`${this.format(entry.title, entry.answer, source)}\n\n${this.messages.feedbackQuestion}`, actions),
      attachments: [answerCard(entry.title, entry.answer, source, this.messages.feedbackQuestion, actions)],
      channelData: { iad: { decision: 'answer', entryId: entry.id, ...scores } satisfies AnswerChannelData },
    };
  }

  /** The reply for an engine decision on a question. */
  forDecision(decision: Decision, question: string): Partial<Activity> {
    switch (decision.kind) {
      case 'answer':
        return this.answer(decision.best, decision.alternatives, question);
      case 'clarify':
        return this.clarify(decision.options);
      case 'fallback':
        return this.fallback(decision.reason === 'out-of-scope' ? decision.topic.name : undefined);
    }
  }

  clarify(options: readonly Candidate[]): Partial<Activity> {
    const entries = options.flatMap((c) => (c.unit.kind === 'entry' ? [c.unit.entry] : []));
    return {
      ...textWithSuggestions(this.messages.didYouMean, entries.map(askButton)),
      channelData: { iad: { decision: 'clarify', options: entries.map((e) => e.id) } satisfies AnswerChannelData },
    };
  }

  /**
   * The honest "I don't know", naming the out-of-scope topic when the question named one,
   * with an offer to start a request for assistance.
   */
  fallback(outOfScopeTopic?: string): Partial<Activity> {
    const text = outOfScopeTopic ? fillTemplate(this.messages.outOfScope, { topic: outOfScopeTopic }) : this.messages.fallback;
    const request = messageBack(this.messages.requestAssistanceLabel, { action: 'startForm', formId: REQUEST_ASSISTANCE_FORM });
    return {
      ...textWithSuggestions(text, [request, ...this.messages.fallbackSuggestions.map(imBack)]),
      channelData: { iad: { decision: 'fallback' } satisfies AnswerChannelData },
    };
  }

  /** A request's status for its owner, or "not found" (also for someone else's reference). */
  status(reference: string, status: RequestStatusView | undefined, formTitle: string | undefined): Partial<Activity> {
    const messages = this.messages.status;
    const channelData = { iad: { decision: 'status' } satisfies AnswerChannelData };
    if (!status) return { ...textWithSuggestions(fillTemplate(messages.notFound, { reference }), []), channelData };
    return {
      ...textWithSuggestions(
        fillTemplate(messages.found, { reference: status.reference, form: formTitle ?? status.formId, created: status.createdAt.slice(0, 10), status: messages.names[status.status] }),
        [],
      ),
      channelData,
    };
  }

  feedbackThanks(helpful: boolean): Partial<Activity> {
    return helpful
      ? textWithSuggestions(this.messages.feedbackThanksPositive, [])
      : textWithSuggestions(this.messages.feedbackThanksNegative, this.messages.fallbackSuggestions.map(imBack));
  }

  text(message: string): Partial<Activity> {
    return textWithSuggestions(message, []);
  }

  private format(title: string, body: string, source: string): string {
    return `**${title}**\n\n${body.trim()}\n\n_${source}_`;
  }
}

/** Marks the card form of an answer; channelAdaptation keeps either it or the text form. */
export const ANSWER_CARD = 'iad-answer';

/** An answer as an Adaptive Card (1.5): title, text, source, and its buttons as Action.Submit. */
function answerCard(title: string, body: string, source: string, question: string | undefined, actions: CardAction[]): Attachment {
  return {
    ...CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
        { type: 'TextBlock', text: body.trim(), wrap: true },
        { type: 'TextBlock', text: source, isSubtle: true, size: 'Small', wrap: true },
        ...(question ? [{ type: 'TextBlock', text: question, wrap: true, spacing: 'Medium' }] : []),
      ],
      actions: actions.map((action) => ({ type: 'Action.Submit', title: action.title, data: action.value })),
    }),
    name: ANSWER_CARD,
  };
}

function textWithSuggestions(text: string, actions: CardAction[]): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text,
    textFormat: 'markdown',
    ...(actions.length > 0 ? { suggestedActions: { actions, to: [] } } : {}),
  };
}

function imBack(label: string): CardAction {
  return { type: 'imBack', title: label, value: label };
}

function messageBack(label: string, value: BotAction): CardAction {
  return { type: 'messageBack', title: label, text: label, displayText: label, value };
}

function askButton(entry: KnowledgeEntry): CardAction {
  return messageBack(entry.title, { action: 'ask', entryId: entry.id });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
