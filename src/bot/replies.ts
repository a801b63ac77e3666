import { ActivityTypes, CardFactory, type Activity, type Attachment, type CardAction } from 'botbuilder';
import type { KnowledgeBase } from '../content/loadKnowledge';
import type { KnowledgeEntry } from '../content/knowledgeEntry';
import { fillTemplate } from '../content/templates';
import type { EngineResult } from '../engine/answerEngine';
import type { Decision } from '../engine/decide';
import type { Detail } from '../engine/details';
import type { Place } from '../engine/places';
import type { Candidate } from '../engine/rank';
import type { FormDefinition } from '../forms/formDefinition';
import { ServiceRequests, type RequestOffer } from '../forms/serviceRequests';
import type { RequestStatusView } from '../storage/requestStore';
import type { BotAction } from './botAction';

/** The form the fallback offers: dialogs/request-assistance.yaml. */
export const REQUEST_ASSISTANCE_FORM = 'request-assistance';

/** What a reply tells the web widget and analytics about where its answer came from. */
export interface AnswerChannelData {
  decision: 'answer' | 'clarify' | 'fallback' | 'form' | 'status' | 'cannotDo';
  /** How sure an answer is: `moderate` answers show their close alternatives as related topics. */
  certainty?: 'clear' | 'moderate';
  /** A detail the question asked that the program information does not give (cost, dates...). */
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

/** What an answer says besides its text: what the program information does not say, and what can be done next. */
interface AnswerExtras {
  missing?: Detail;
  places?: readonly Place[];
  certainty?: 'clear' | 'moderate';
}

/**
 * Turns engine decisions and small talk into activities. Every string comes from the
 * locale's messages or the knowledge itself; buttons carry a BotAction so a click is
 * understood whatever its label says (and in whatever language).
 */
export class Replies {
  private readonly requests: ServiceRequests;

  constructor(
    private readonly knowledge: KnowledgeBase,
    forms: readonly FormDefinition[],
  ) {
    this.requests = new ServiceRequests(forms);
  }

  private get messages() {
    return this.knowledge.messages;
  }

  welcome(): Partial<Activity> {
    return textWithSuggestions(this.messages.welcome, this.messages.welcomeSuggestions.map(imBack));
  }

  smalltalk(reply: string): Partial<Activity> {
    return textWithSuggestions(reply, this.messages.welcomeSuggestions.map(imBack));
  }

  /** The guided request an entry's answer offers ("Request this"), if it names one. */
  offerFor(entry: KnowledgeEntry): RequestOffer | undefined {
    return this.requests.offerFor(entry.request);
  }

  /**
   * An answer: title, text, source; then what the program information does not say (a
   * detail asked, an office in the place asked about), the next step ("Request this", or
   * "Ask IAD staff" for what it does not say), related topics, and two small feedback buttons.
   */
  answer(best: Candidate, alternatives: readonly Candidate[], question: string, extras: AnswerExtras = {}): Partial<Activity> {
    const unit = best.unit;
    const entry = unit.kind === 'entry' ? unit.entry : undefined;
    const title = entry ? entry.title : unit.kind === 'passage' ? unit.passage.section : '';
    const body = entry ? entry.answer : unit.kind === 'passage' ? unit.passage.text : '';
    const document = this.knowledge.documents.find((d) => d.id === (entry ? entry.source.document : unit.kind === 'passage' ? unit.passage.documentId : ''));
    const source = fillTemplate(this.messages.sourceLine, {
      document: document?.title ?? '',
      section: entry ? entry.source.section : unit.kind === 'passage' ? unit.passage.section : '',
    });
    const notes = [
      ...(extras.missing ? [fillTemplate(this.messages.notInProgramInfo, { detail: extras.missing.name })] : []),
      ...(entry?.provides.includes('presence') ? this.placeNotes(body, extras.places ?? []) : []),
    ];
    const next = this.nextStep(entry, extras.missing, question);
    const related = this.related(entry, alternatives, extras.certainty ?? 'clear');
    const feedback = entry ? [true, false].map((helpful) => this.feedbackButton(entry, helpful, question)) : [];
    const iad: AnswerChannelData = {
      decision: 'answer',
      certainty: extras.certainty ?? 'clear',
      ...(entry ? { entryId: entry.id } : unit.kind === 'passage' ? { passage: `${unit.passage.documentId}#${unit.passage.section}` } : {}),
      ...(extras.missing ? { missing: extras.missing.id } : {}),
      score: round(best.score),
      confidence: round(best.confidence),
    };
    const text = [`**${title}**`, body.trim(), ...notes, `_${source}_`, ...(entry ? [this.messages.feedbackQuestion] : [])].join('\n\n');
    return {
      ...textWithSuggestions(text, [...(next ? [next] : []), ...related, ...feedback]),
      attachments: [answerCard({ title, body: body.trim(), notes, source, next, related, relatedLabel: this.messages.relatedLabel, feedback, feedbackQuestion: this.messages.feedbackQuestion })],
      channelData: { iad },
    };
  }

  /** The reply for an engine result on a question. */
  forResult(result: EngineResult, question: string): Partial<Activity> {
    const { decision } = result;
    if (decision.kind === 'answer') return this.answer(decision.best, decision.alternatives, question, { missing: result.missing, places: result.places, certainty: decision.certainty });
    return this.forDecision(decision, question);
  }

  forDecision(decision: Exclude<Decision, { kind: 'answer' }>, question: string): Partial<Activity> {
    return decision.kind === 'clarify' ? this.clarify(decision.options) : this.fallback(decision.reason === 'out-of-scope' ? decision.topic.name : undefined, question);
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
   * with an offer to pass the question to IAD staff as a request for assistance.
   */
  fallback(outOfScopeTopic?: string, question?: string): Partial<Activity> {
    const text = outOfScopeTopic ? fillTemplate(this.messages.outOfScope, { topic: outOfScopeTopic }) : this.messages.fallback;
    const request = messageBack(this.messages.requestAssistanceLabel, { action: 'startForm', formId: REQUEST_ASSISTANCE_FORM, ...(question && !outOfScopeTopic ? { message: question.slice(0, 2000) } : {}) });
    return {
      ...textWithSuggestions(text, [request, ...this.messages.fallbackSuggestions.map(imBack)]),
      channelData: { iad: { decision: 'fallback' } satisfies AnswerChannelData },
    };
  }

  /** Something only IAD staff can do, asked of the assistant: said plainly, with the request offered, filled in from the message. */
  cannotDo(offer: RequestOffer, message: string): Partial<Activity> {
    const start = messageBack(this.messages.cannotDoLabel, { action: 'startForm', formId: offer.formId, prefill: offer.prefill, message: message.slice(0, 2000) });
    return { ...textWithSuggestions(this.messages.cannotDo, [start]), channelData: { iad: { decision: 'cannotDo' } satisfies AnswerChannelData } };
  }

  /** A request's status for its owner, or "not found" (also for someone else's reference). */
  status(reference: string, status: RequestStatusView | undefined, formTitle: string | undefined): Partial<Activity> {
    const text = status ? this.statusLine(status, formTitle) : fillTemplate(this.messages.status.notFound, { reference });
    return { ...textWithSuggestions(text, []), channelData: { iad: { decision: 'status' } satisfies AnswerChannelData } };
  }

  /** "What's the status of my request?" without a reference: this account's requests, or how to find one. */
  statusList(requests: readonly RequestStatusView[], formTitle: (formId: string) => string | undefined): Partial<Activity> {
    const messages = this.messages.status;
    const text = requests.length === 0 ? messages.none : [messages.yours, ...requests.map((r) => `- ${this.statusLine(r, formTitle(r.formId))}`)].join('\n\n');
    return { ...textWithSuggestions(text, []), channelData: { iad: { decision: 'status' } satisfies AnswerChannelData } };
  }

  feedbackThanks(helpful: boolean): Partial<Activity> {
    return helpful
      ? textWithSuggestions(this.messages.feedbackThanksPositive, [])
      : textWithSuggestions(this.messages.feedbackThanksNegative, this.messages.fallbackSuggestions.map(imBack));
  }

  text(message: string): Partial<Activity> {
    return textWithSuggestions(message, []);
  }

  private statusLine(status: RequestStatusView, formTitle: string | undefined): string {
    const messages = this.messages.status;
    return fillTemplate(messages.found, { reference: status.reference, form: formTitle ?? status.formId, created: status.createdAt.slice(0, 10), status: messages.names[status.status] });
  }

  /** For each place asked about that the answer does not name: that the page names no office there. */
  private placeNotes(body: string, places: readonly Place[]): string[] {
    const folded = fold(body);
    return places
      .filter((place) => !folded.includes(fold(place.name.replace(/^the /i, ''))))
      .map((place) =>
        place.region && folded.includes(fold(place.region.name.replace(/^the /i, '')))
          ? fillTemplate(this.messages.placeInRegion, { place: place.name, region: place.region.name })
          : fillTemplate(this.messages.placeNotNamed, { place: place.name }),
      );
  }

  /** "Request this" for a service answer; "Ask IAD staff" when the question asked what the page does not say. */
  private nextStep(entry: KnowledgeEntry | undefined, missing: Detail | undefined, question: string): CardAction | undefined {
    if (missing) {
      const { formId, prefill } = this.staffOffer(entry);
      return messageBack(this.messages.askStaffLabel, { action: 'startForm', formId, prefill, message: question.slice(0, 2000) });
    }
    const offer = entry ? this.offerFor(entry) : undefined;
    return offer ? messageBack(this.messages.requestThisLabel, { action: 'startForm', formId: offer.formId, prefill: offer.prefill }) : undefined;
  }

  /** The request that asks IAD staff what an answer about `entry` does not say: its service's, or one for assistance. */
  staffOffer(entry: KnowledgeEntry | undefined): RequestOffer {
    return (entry && this.offerFor(entry)) ?? { formId: REQUEST_ASSISTANCE_FORM, prefill: {} };
  }

  /** Follow-ups the entry declares; with a moderate answer, the close alternatives first. */
  private related(entry: KnowledgeEntry | undefined, alternatives: readonly Candidate[], certainty: 'clear' | 'moderate'): CardAction[] {
    const close = alternatives.flatMap((c) => (c.unit.kind === 'entry' ? [c.unit.entry.id] : []));
    const ids = certainty === 'moderate' ? [...close, ...(entry?.related ?? [])] : [...(entry?.related ?? []), ...close];
    return ids
      .filter((id, i, all) => id !== entry?.id && all.indexOf(id) === i)
      .map((id) => this.knowledge.entries.find((e) => e.id === id))
      .filter((e): e is KnowledgeEntry => e !== undefined)
      .slice(0, 3)
      .map(askButton);
  }

  private feedbackButton(entry: KnowledgeEntry, helpful: boolean, question: string): CardAction {
    return messageBack(helpful ? this.messages.feedbackYes : this.messages.feedbackNo, { action: 'feedback', entryId: entry.id, helpful, question: question.slice(0, 500) });
  }
}

/** Marks the card form of an answer; channelAdaptation keeps either it or the text form. */
export const ANSWER_CARD = 'iad-answer';

interface AnswerCardParts {
  title: string;
  body: string;
  notes: string[];
  source: string;
  next?: CardAction;
  related: CardAction[];
  relatedLabel: string;
  feedback: CardAction[];
  feedbackQuestion: string;
}

/**
 * An answer as an Adaptive Card (1.5). The next step is a button of its own; related topics
 * are a group under a small heading, each a tappable line of text that wraps between words
 * (a button would cut a long title short on a phone); feedback is two small thumbs beside
 * its question, apart from the topics.
 */
function answerCard(parts: AnswerCardParts): Attachment {
  const submit = (action: CardAction) => ({ type: 'Action.Submit', title: action.title, data: action.value });
  const thumb = (action: CardAction, glyph: string) => ({
    type: 'Column',
    width: 'auto',
    selectAction: submit(action),
    items: [{ type: 'TextBlock', text: glyph, size: 'Medium' }],
  });
  return {
    ...CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: parts.title, weight: 'Bolder', size: 'Medium', wrap: true },
        { type: 'TextBlock', text: parts.body, wrap: true },
        ...parts.notes.map((note) => ({ type: 'TextBlock', text: note, wrap: true, spacing: 'Small' })),
        { type: 'TextBlock', text: parts.source, isSubtle: true, size: 'Small', wrap: true },
        ...(parts.next ? [{ type: 'ActionSet', actions: [{ ...submit(parts.next), style: 'positive' }] }] : []),
        ...(parts.related.length > 0
          ? [
              { type: 'TextBlock', text: parts.relatedLabel, isSubtle: true, size: 'Small', weight: 'Bolder', spacing: 'Medium', wrap: true },
              ...parts.related.map((action) => ({
                type: 'Container',
                selectAction: submit(action),
                spacing: 'Small',
                items: [{ type: 'TextBlock', text: `› ${action.title}`, wrap: true, color: 'Accent' }],
              })),
            ]
          : []),
        ...(parts.feedback.length === 2
          ? [
              {
                type: 'ColumnSet',
                spacing: 'Medium',
                separator: true,
                columns: [
                  { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [{ type: 'TextBlock', text: parts.feedbackQuestion, isSubtle: true, size: 'Small', wrap: true }] },
                  thumb(parts.feedback[0]!, '👍'),
                  thumb(parts.feedback[1]!, '👎'),
                ],
              },
            ]
          : []),
      ],
    }),
    name: ANSWER_CARD,
  };
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
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
