import { TurnContext, type StatePropertyAccessor } from 'botbuilder';
import { ComponentDialog, DialogSet, DialogTurnStatus, WaterfallDialog, type DialogState, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { normalizedWords } from '../../engine/analyzer';
import type { AnswerEngine, EngineResult } from '../../engine/answerEngine';
import type { EngineSet } from '../../engine/engineSet';
import type { Intent } from '../../engine/intents';
import { questionParts } from '../../engine/questionParts';
import type { OutOfScopeTopic } from '../../engine/decide';
import type { FormCatalog } from '../../forms/formCatalog';
import { FormAction } from '../../forms/formSession';
import type { FormVocabulary } from '../../forms/formVocabulary';
import { validateYesNo } from '../../forms/fields/yesNo';
import type { RequestOffer } from '../../forms/serviceRequests';
import { RequestTriggers } from '../../forms/requestTriggers';
import type { Logger } from '../../logger';
import type { FeedbackKind, FeedbackLog } from '../../storage/feedbackLog';
import { placeNamesFromIntl, redactPersonalData, type KnownWords } from '../../storage/redact';
import { findReference, type RequestStore } from '../../storage/requestStore';
import { BotAction } from '../botAction';
import { forgetLastAnswer, readMemory, rememberLanguage, rememberTopic } from '../conversationMemory';
import type { FormReplies } from '../formReplies';
import { plainText } from '../plainText';
import { REQUEST_ASSISTANCE_FORM, type Replies } from '../replies';
import { TurnLanguage } from '../turnLanguage';
import { FormDialog, type FormDialogOptions, type FormOutcome, type Interruptions } from './formDialog';
import type { Locale } from '../../content/knowledgeEntry';

const TURN = 'mainTurn';
/** Where a turn keeps the language it is answered in (decided once, in `run`). */
const TURN_LOCALE = Symbol('turnLocale');
/** How many of a partner's requests a status question lists. */
const STATUS_LIST_LENGTH = 5;

export interface MainDialogDependencies {
  /** The answer engines by locale: a turn asks its locale's. */
  engines: EngineSet;
  /** What is said in each locale. */
  replies: (locale: Locale) => Replies;
  formReplies: (locale: Locale) => FormReplies;
  forms: FormCatalog;
  /** The words form answers are written with, in every language. */
  vocabulary: FormVocabulary;
  store: RequestStore;
  feedback: FeedbackLog;
  logger: Logger;
  today: () => Date;
  /** The conversation's memory of topics (conversationMemory.ts). */
  memory: StatePropertyAccessor<unknown>;
}

/**
 * The root of every conversation and its one turn router. A turn is decided once, in order:
 * a command ("start over", before anything else), a button, the answer to the open form's
 * step (the form takes the turn, and hands back what is not an answer), a request status by
 * reference, small talk, an intent (the status of my requests, a request to start, something
 * only staff can do), and otherwise a question for the answer engine, read with the topic
 * just discussed.
 */
export class MainDialog extends ComponentDialog {
  /** Per language: what starts a guided request, read with that language's analysis. */
  private readonly requestTriggers: ReadonlyMap<Locale, RequestTriggers>;
  /** Form commands ("cancel") are the form's own, not small talk's "start over". */
  private readonly formCommands: ReadonlySet<string>;
  /** What redaction keeps: the knowledge's words, and places (the gazetteer's and every country's name). */
  private readonly knownWords: KnownWords;
  private readonly turnLanguage: TurnLanguage;

  constructor(private readonly deps: MainDialogDependencies) {
    super(MainDialog.name);
    const interruptions: Interruptions = {
      question: (context, text) => this.answerIfConfident(context, text),
      readsAsMessage: (context, text) => this.readsAsMessage(context, text),
      action: (context, action) => this.runAction(context, action),
    };
    const { engines } = deps;
    const engine = engines.default;
    const messages = (locale: Locale) => engines.for(locale).knowledge.messages;
    const localeOf = (context: TurnContext) => this.localeOf(context);
    for (const formId of deps.forms.ids) this.addDialog(new FormDialog(formId, { ...deps, messages, localeOf, interruptions }));
    this.requestTriggers = new Map(engines.locales.map((locale) => [locale, new RequestTriggers(deps.forms.in(locale), (entries, mode, synonyms) => engines.for(locale).phraseMatcher(entries, mode, synonyms), messages(locale).forms.words.request, { words: engines.for(locale).knowledge.intents.wants, isNote: (text) => engines.for(locale).intents.isNote(text) }, (text) => engines.for(locale).intents.likelierRequest(text))]));
    // "hola" and "solicitar asistencia" are Spanish, even on an English conversation: each is one language's own phrase.
    const recognizes = (locale: Locale) => (text: string) => engines.for(locale).smalltalk(text) !== undefined || this.requestTriggers.get(locale)!.find(text) !== undefined;
    this.turnLanguage = new TurnLanguage(engines.locales.map((locale) => ({ locale, switch: messages(locale).language.switch, recognizes: recognizes(locale) })));
    this.formCommands = new Set(engines.locales.flatMap((locale) => Object.values(messages(locale).forms.commands).flat()).map((w) => normalizedWords(w).join(' ')));
    const countries = placeNamesFromIntl(['en', 'es', 'fr', 'nl']);
    this.knownWords = { isKnownWord: (word) => engine.isKnownWord(word), isPlaceName: (word) => engine.isPlaceName(word) || countries.has(word) };
    // A form's outcome is the turn's: one that stepped aside hands its message back (see run).
    this.addDialog(new WaterfallDialog(TURN, [(step) => this.route(step), (step) => step.endDialog(step.result)]));
    this.initialDialogId = TURN;
  }

  /**
   * Runs the dialog for this turn, starting it when nothing is active, in the language the
   * turn is answered in. A message that only asks for a language gets its confirmation; the
   * open form, if any, goes on at the next message.
   */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const { activity } = context;
    const memory = await readMemory(this.deps.memory, context);
    const text = typeof activity.text === 'string' && activity.value === undefined ? plainText(activity.text) : undefined;
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dialogContext = await dialogSet.createContext(context);
    const formOpen = this.deps.forms.ids.includes(dialogContext.child?.activeDialog?.id ?? '');
    const language = this.turnLanguage.choose(text, activity.locale, memory, formOpen);
    context.turnState.set(TURN_LOCALE, language.locale);
    // Every reply says which language it is in: clients and screen readers read it accordingly.
    context.onSendActivities(async (_context, activities, next) => {
      for (const reply of activities) reply.locale ??= language.locale;
      return next();
    });
    await rememberLanguage(this.deps.memory, context, memory, activity.locale, language.remember ? language.locale : undefined);
    if (language.switched) {
      this.deps.logger.info('language', { conversationId: activity.conversation.id, locale: language.locale });
      const { switched, switchedInForm } = this.engineFor(context).knowledge.messages.language;
      if (!formOpen) await context.sendActivity(this.repliesFor(context).smalltalk(switched));
      else {
        await context.sendActivity(this.repliesFor(context).text(switchedInForm));
        await dialogContext.repromptDialog();
      }
      return;
    }
    if (this.isStartOver(context)) await dialogContext.cancelAllDialogs();
    const result = await dialogContext.continueDialog();
    const setAside = result.status === DialogTurnStatus.complete && (result.result as FormOutcome | undefined)?.outcome === 'setAside';
    if (result.status === DialogTurnStatus.empty || setAside) await dialogContext.beginDialog(this.id);
  }

  /** "Start over" works anywhere, even in the middle of a form. */
  private isStartOver(context: TurnContext): boolean {
    const text = context.activity.text;
    return typeof text === 'string' && this.engineFor(context).smalltalk(plainText(text))?.intent === 'startOver' && !this.isFormCommand(text);
  }

  private isFormCommand(text: string): boolean {
    return this.formCommands.has(normalizedWords(text).join(' '));
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const { logger } = this.deps;
    const replies = this.repliesFor(context);
    const engine = this.engineFor(context);
    const activity = context.activity;
    const conversationId = activity.conversation.id;

    if (activity.value !== undefined && activity.value !== null) return this.handleAction(step, activity.value);

    const text = plainText(TurnContext.removeRecipientMention(activity) ?? activity.text ?? '');
    if (!text) {
      const message = activity.attachments?.length ? engine.knowledge.messages.nonTextMessage : engine.knowledge.messages.emptyMessage;
      await context.sendActivity(replies.text(message));
      return step.endDialog();
    }

    // "yes" or "no" right after an answer answers the question its card ends on: "Was this
    // helpful?", as its thumbs do, or, after what the page does not say, whether to ask IAD staff.
    const memory = await readMemory(this.deps.memory, context);
    await forgetLastAnswer(this.deps.memory, context, memory);
    const yesNo = validateYesNo(text, this.deps.vocabulary);
    const last = memory.lastAnswer;
    if (last && yesNo.ok) {
      const yes = yesNo.value === 'yes';
      if (last.offersStaff && yes) return this.askStaff(step, last.entryId, last.question);
      if (!last.offersStaff) {
        await this.recordFeedback(context, last.entryId, yes, last.question, 'typed');
        return step.endDialog();
      }
    }

    const reference = findReference(text);
    if (reference) {
      const status = this.deps.store.statusFor(reference, activity.channelId, activity.from.id);
      logger.info('status', { conversationId, found: Boolean(status) });
      await context.sendActivity(replies.status(reference, status, status && this.formTitle(context, status.formId)));
      return step.endDialog();
    }

    const smalltalk = engine.smalltalk(text);
    if (smalltalk) {
      logger.info('smalltalk', { conversationId, intent: smalltalk.intent });
      await context.sendActivity(replies.smalltalk(smalltalk.reply));
      return step.endDialog();
    }

    // A question about what the program does not cover is declined, however it is put
    // ("how do I apply for a job at ATF" is no request for assistance).
    const result = engine.ask(text, { recent: memory.recent });
    if (result.decision.kind === 'fallback' && result.decision.reason === 'out-of-scope' && !this.asksHelpIn(context, text, result.decision.topic)) {
      await this.reply(context, text, result);
      return step.endDialog();
    }

    // Phrases decide first, being exact; the intent model reads what they did not find.
    const intent = engine.intents.intent(text);
    if (intent === 'status') return this.listRequests(step);
    const guessed = intent === undefined ? engine.intents.guessedIntent(text) : undefined;
    // A request's own words inside a message the model is sure asks after one ("did our ask for
    // an assessment ever reach the right desk?") name the request sent, not a new one; words
    // that ask for one ("let's request one") still do.
    if (guessed === 'status' && !engine.intents.asksForTopic(text)) return this.listRequests(step);
    const offer = this.requestOffer(context, text, result, memory.recent, undefined);
    if (offer) return this.startRequest(step, text, offer, result, false);
    // Only a guessed request can change the offer; a guessed status or "do it now" is handled below.
    const guessedOffer = this.triggersFor(context).formOfIntent(guessed) && this.requestOffer(context, text, result, memory.recent, guessed);
    if (guessedOffer) return this.startRequest(step, text, guessedOffer, result, true);
    if (guessed === 'status') return this.listRequests(step);
    if ((intent ?? guessed) === 'doItNow') {
      const offer = { formId: REQUEST_ASSISTANCE_FORM, prefill: {} };
      logger.info('cannot do', { conversationId });
      await context.sendActivity(replies.cannotDo(offer, text));
      return step.endDialog();
    }
    // "We recovered four revolvers, can ATF help find where they come from?" asks for the service
    // it is about: the answers first, then its form, which steps aside if the partner goes on asking.
    const partnerPlace = result.places.some((place) => !place.home);
    const ownCaseOffer = engine.intents.asksIadForOwnCase(text, partnerPlace) ? this.answeredServiceOffer(context, text, result) : undefined;

    // Several questions in one message ("what does IAD manage, and what is the campaign?"): each answered.
    // Each part is read after the one before it, as in a conversation: in "Results of the
    // campaign? How many guns seized so far?" the second part is about the campaign.
    const parts: { part: string; result: EngineResult }[] = [];
    // As far as the engine reads a question: 100 KB of pasted questions are not 5,000 searches.
    for (const part of questionParts(text.slice(0, engine.knowledge.settings.maxQueryChars))) {
      const before = parts.at(-1)?.result.decision;
      const recent = before?.kind === 'answer' && before.best.unit.kind === 'entry' ? [before.best.unit.entry.id] : [];
      parts.push({ part, result: engine.ask(part, { recent }) });
    }
    const answered = parts.filter(({ result }, i) => result.decision.kind === 'answer' && parts.findIndex((p) => sameAnswer(p.result, result)) === i);
    if (answered.length > 1) for (const { part, result: partResult } of answered) await this.reply(context, part, partResult);
    else await this.reply(context, text, result);
    return ownCaseOffer ? this.beginRequest(step, text, ownCaseOffer, true) : step.endDialog();
  }

  /**
   * "We'd like a course on money laundering for our analysts, can ATF organise it?", "we need
   * ATF's technical support for our national firearms registry, how do we ask?": IAD asked for
   * training or assistance on a subject the page does not cover, which partners may ask for (the
   * forms' "other"), rather than a question about the subject.
   */
  private asksHelpIn(context: TurnContext, text: string, topic: OutOfScopeTopic): boolean {
    const { intents } = this.engineFor(context);
    const triggers = this.triggersFor(context);
    const trigger = triggers.find(text);
    const asked = trigger !== undefined || intents.asksToAct(text) || intents.asksIfIadCan(text);
    if (!asked) return false;
    const guessed = triggers.formOfIntent(intents.guessedIntent(text));
    const training = triggers.formOfTopic(text);
    // Training needs the model's reading too ("register a pistol, I want to request the permit"
    // has a training word and a trigger); assistance, named by no topic word, its trigger is enough.
    if (training !== undefined) return topic.trainingSubject === true && guessed === training;
    return topic.assistanceSubject === true && (guessed ?? trigger?.formId) === REQUEST_ASSISTANCE_FORM;
  }

  /** "What's the status of my request?": this account's latest requests. */
  private async listRequests(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { activity } = step.context;
    const requests = this.deps.store.ownedBy(activity.channelId, activity.from.id, STATUS_LIST_LENGTH);
    this.deps.logger.info('status', { conversationId: activity.conversation.id, listed: requests.length });
    await step.context.sendActivity(this.repliesFor(step.context).statusList(requests, (formId) => this.formTitle(step.context, formId)));
    return step.endDialog();
  }

  /**
   * The request a message asks to start, if any: a dialog's trigger ("open a request"), or the
   * service the message is about or that was just discussed, asked for ("I want to request
   * that", "can you set that up?", "we'd like ATF to do an assessment"). Asked to act, the
   * service of the answer counts even when the engine is only fairly sure of it: the form shows
   * the choice and the partner confirms it. The intent model's request, `guessed` when no
   * phrase said anything ("we would love to get six of our fire investigators onto the arson course"),
   * counts as asking to act, and starts its form when nothing else names one. A question
   * under a condition ("if we request the team, how fast...?") asks nothing.
   */
  private requestOffer(context: TurnContext, text: string, result: EngineResult, recent: readonly string[], guessed: Intent | undefined): RequestOffer | undefined {
    const engine = this.engineFor(context);
    const { intents } = engine;
    // A condition supposes, unless the message also plainly asks IAD to act: "if a bomb goes off
    // during the summit we'd want the team on standby; can we set that up now?"
    if (intents.asksUnderCondition(text) && !intents.asksToAct(text)) return undefined;
    const intended = this.triggersFor(context).formOfIntent(guessed);
    const asksToAct = intended !== undefined || intents.asksToAct(text);
    const pointsBack = intents.pointsBack(text);
    const about = result.decision.kind === 'answer' && result.decision.best.unit.kind === 'entry' ? result.decision.best.unit.entry : undefined;
    const answered = about && (asksToAct || (result.decision.kind === 'answer' && result.decision.certainty === 'clear')) ? about : undefined;
    const last = recent[0] === undefined ? undefined : engine.entry(recent[0]);
    // "I want to request the post-blast one", after the list of courses: one of those courses.
    const picked = pointsBack ? engine.entryNamedAmong(recent, text, about) : undefined;
    const replies = this.repliesFor(context);
    // "Request it": the pointer stands for the topic just discussed, whatever else "request" matches,
    // unless the message names a service itself ("...an assessment, can you set that up?").
    const pointed = pointsBack && !this.triggersFor(context).namesService(text) ? (picked ?? last) : picked;
    const topicOffer = this.triggersFor(context).inFormOfTopic(text, (pointed && replies.offerFor(pointed)) ?? (answered && replies.offerFor(answered)) ?? (last && replies.offerFor(last)));
    // "What are the criteria to be nominated for a course?" asks about nominations, it nominates nobody.
    const trigger = intents.asksOnly(text) && !asksToAct ? undefined : this.triggersFor(context).find(text);
    const asksForTopic = trigger !== undefined || (last !== undefined && intents.asksForTopic(text)) || asksToAct;
    if (topicOffer && (pointsBack || !trigger) && asksForTopic) return topicOffer;
    // Asked to act on a topic of a form's own ("we'd like a workshop on cargo manifests"), with
    // no service of it named: that form, whatever the model guessed; the partner says which.
    const formId = trigger?.formId ?? (asksToAct ? this.triggersFor(context).formOfTopic(text) : undefined) ?? intended;
    return formId === undefined ? undefined : { formId, prefill: {} };
  }

  /** The request for the service an answer is about, in the form the message's topic names ("arson training" is a course, not the lab). */
  private answeredServiceOffer(context: TurnContext, text: string, result: EngineResult): RequestOffer | undefined {
    if (result.decision.kind !== 'answer' || result.decision.best.unit.kind !== 'entry') return undefined;
    const offer = this.repliesFor(context).offerFor(result.decision.best.unit.entry);
    return offer && this.triggersFor(context).inFormOfTopic(text, offer);
  }

  /**
   * Starts the request a message asks for. A question asked in the same message ("What is
   * BATS? We need access for a case") is answered first, and so is a message that is one
   * question with a clear answer ("do we need to ask for the response team?"); "I want to
   * request that" after an answer about a service requests that service. A request only the
   * intent model read (`guessed`) may be a question after all ("can ATF find where these
   * pistols came from?"): the answer to the whole message comes first, then the form, which
   * is easy to cancel.
   */
  private async startRequest(step: WaterfallStepContext, text: string, offer: RequestOffer, whole: EngineResult, guessed: boolean): Promise<DialogTurnResult> {
    const { context } = step;
    const engine = this.engineFor(context);
    const clear = whole.decision.kind === 'answer' && whole.decision.certainty === 'clear';
    // Read whole, the guessed request keeps its context: "We found 4 handguns. Can ATF help find out
    // where they were bought?" Here and below, an answer only fairly sure of itself, about a
    // service of another form, says nothing the request needs ("une formation sur les enquêtes
    // après explosion. L'ATF peut-elle l'organiser ?" is no question about intelligence sharing).
    if (guessed && whole.decision.kind === 'answer' && this.answerFits(context, whole, offer)) await this.reply(context, text, whole);
    else {
      const questions = questionsWithout(text, (s) => this.triggersFor(context).find(s) !== undefined);
      for (const sentence of questions) {
        const result = engine.ask(sentence);
        if (this.answerFits(context, result, offer)) await this.reply(context, sentence, result);
      }
      const oneQuestion = questions.length === 0 && /^[^.!?\n]+\?\s*$/.test(text);
      if (oneQuestion && clear) await this.reply(context, text, whole);
    }
    return this.beginRequest(step, text, offer, guessed);
  }

  /** Whether an answer goes with a request: a clear one always, a moderate one only about a service of the request's form. */
  private answerFits(context: TurnContext, result: EngineResult, offer: RequestOffer): boolean {
    if (result.decision.kind !== 'answer') return false;
    if (result.decision.certainty === 'clear' || result.decision.best.unit.kind !== 'entry') return true;
    const answered = this.repliesFor(context).offerFor(result.decision.best.unit.entry);
    return answered?.formId === offer.formId;
  }

  /**
   * Opens a request's form. One opened on a reading of the message (`tentative`: the partner
   * asked whether IAD can do it, or only the intent model saw a request) steps aside when the
   * partner's next message is no answer to it, and that message is read as any other.
   */
  private beginRequest(step: WaterfallStepContext, text: string, offer: RequestOffer, tentative: boolean): Promise<DialogTurnResult> {
    this.deps.logger.info('form started', { conversationId: step.context.activity.conversation.id, form: offer.formId, via: 'message', tentative });
    return step.beginDialog(offer.formId, { openingMessage: text, prefill: offer.prefill, tentative } satisfies FormDialogOptions);
  }

  /**
   * Whether the router acts on this text of its own accord: small talk, a status, something to
   * do now, a request, or a follow-up to the last answer ("ok, I want that", "who can use it?").
   */
  private readsAsMessage(context: TurnContext, text: string): boolean {
    const engine = this.engineFor(context);
    const { intents } = engine;
    return (
      engine.smalltalk(text) !== undefined ||
      (intents.intent(text) ?? intents.guessedIntent(text)) !== undefined ||
      this.triggersFor(context).find(text) !== undefined ||
      intents.asksForTopic(text) ||
      intents.pointsBack(text) ||
      intents.asksMore(text)
    );
  }

  /** A question asked in the middle of a form: answered only when the engine is confident, else the form takes the text. */
  private async answerIfConfident(context: TurnContext, question: string): Promise<boolean> {
    const result = this.engineFor(context).ask(question);
    if (result.decision.kind !== 'answer') return false;
    await this.reply(context, question, result);
    return true;
  }

  private async reply(context: TurnContext, question: string, result: EngineResult): Promise<void> {
    const { logger } = this.deps;
    const replies = this.repliesFor(context);
    const engine = this.engineFor(context);
    const { decision, query } = result;
    const conversationId = context.activity.conversation.id;
    if (query.truncated) await context.sendActivity(replies.text(engine.knowledge.messages.longMessageNote));
    const top = result.candidates.find((c) => c.unit.kind === 'entry');
    const suggested = top?.unit.kind === 'entry' ? top.unit.entry.id : undefined;
    switch (decision.kind) {
      case 'answer':
        logger.info('answer', { conversationId, unit: decision.best.unit.key, confidence: decision.best.confidence, certainty: decision.certainty, followsUp: result.followsUp, missing: result.missing?.id });
        if (decision.best.unit.kind === 'entry') await rememberTopic(this.deps.memory, context, decision.best.unit.entry.id, question, result.missing !== undefined);
        if (decision.certainty === 'moderate') this.record(context, 'low-confidence', { question, suggestedEntryId: suggested });
        break;
      case 'clarify':
        logger.info('clarify', { conversationId, options: decision.options.map((c) => c.unit.key) });
        this.record(context, 'clarify', { question, suggestedEntryId: suggested });
        break;
      case 'fallback':
        logger.info('fallback', { conversationId, reason: decision.reason, ...(decision.reason === 'out-of-scope' ? { topic: decision.topic.id } : {}) });
        this.record(context, 'fallback', { question, suggestedEntryId: suggested });
    }
    await context.sendActivity(replies.forResult(result, question));
  }

  private async handleAction(step: WaterfallStepContext, value: unknown): Promise<DialogTurnResult> {
    const { context } = step;
    const formAction = FormAction.safeParse(value);
    if (formAction.success) {
      await this.staleFormAction(context, formAction.data);
      return step.endDialog();
    }
    const parsed = BotAction.safeParse(value);
    if (parsed.success && parsed.data.action === 'startForm' && this.formTitle(context, parsed.data.formId) !== undefined) {
      const { formId, prefill, message } = parsed.data;
      this.deps.logger.info('form started', { conversationId: context.activity.conversation.id, form: formId, via: 'button' });
      return step.beginDialog(formId, { openingMessage: message, prefill } satisfies FormDialogOptions);
    }
    if (!parsed.success || !(await this.runAction(context, parsed.data))) await this.invalidAction(context, parsed.success ? ['unknown id'] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    return step.endDialog();
  }

  /** The buttons of answers: a topic to answer, or feedback. False for what they cannot do here (an unknown id, a form to start). */
  private async runAction(context: TurnContext, action: BotAction): Promise<boolean> {
    const { logger } = this.deps;
    const replies = this.repliesFor(context);
    const engine = this.engineFor(context);
    const conversationId = context.activity.conversation.id;
    switch (action.action) {
      case 'startForm':
        return false;
      case 'ask': {
        const entry = engine.entry(action.entryId);
        if (!entry) return false;
        logger.info('answer', { conversationId, unit: `e:${entry.id}`, via: 'button' });
        await rememberTopic(this.deps.memory, context, entry.id, entry.title);
        await context.sendActivity(replies.answer(engine.chosenCandidate(entry), [], entry.title));
        return true;
      }
      case 'feedback':
        if (!engine.entry(action.entryId)) return false;
        await this.recordFeedback(context, action.entryId, action.helpful, action.question, 'button');
        return true;
    }
  }

  /** "Yes" to an answer's offer to ask IAD staff what the page does not say: its button, typed. */
  private async askStaff(step: WaterfallStepContext, entryId: string, question: string): Promise<DialogTurnResult> {
    const { formId, prefill } = this.repliesFor(step.context).staffOffer(this.engineFor(step.context).entry(entryId));
    this.deps.logger.info('form started', { conversationId: step.context.activity.conversation.id, form: formId, via: 'typed yes' });
    return step.beginDialog(formId, { openingMessage: question, prefill } satisfies FormDialogOptions);
  }

  /** A thumb, pressed or typed: recorded for content authors, and thanked. */
  private async recordFeedback(context: TurnContext, entryId: string, helpful: boolean, question: string | undefined, via: 'button' | 'typed'): Promise<void> {
    this.deps.logger.info('feedback', { conversationId: context.activity.conversation.id, entryId, helpful, via });
    this.record(context, helpful ? 'helpful' : 'not-helpful', { entryId, question });
    await context.sendActivity(this.repliesFor(context).feedbackThanks(helpful));
  }

  /**
   * A form's button after that form ended. A Submit pressed again (a double click, an old
   * summary card) finds the request it was submitted as; anything else is no longer valid.
   */
  private async staleFormAction(context: TurnContext, action: FormAction): Promise<void> {
    const { activity } = context;
    const submitted = action.command === 'submit' ? this.deps.store.submittedWith(action.form, activity.channelId, activity.from.id) : undefined;
    if (submitted) await context.sendActivity(this.formRepliesFor(context).alreadySubmitted(submitted.reference));
    else await this.invalidAction(context, ['form is over']);
  }

  private async invalidAction(context: TurnContext, issues: string[]): Promise<void> {
    this.deps.logger.warn('invalid action', { conversationId: context.activity.conversation.id, issues });
    await context.sendActivity(this.repliesFor(context).text(this.engineFor(context).knowledge.messages.invalidAction));
  }

  /** The engine of the turn's language (decided in `run`). */
  private engineFor(context: TurnContext): AnswerEngine {
    return this.deps.engines.for(this.localeOf(context));
  }

  private repliesFor(context: TurnContext): Replies {
    return this.deps.replies(this.localeOf(context));
  }

  private localeOf(context: TurnContext): Locale {
    return context.turnState.get(TURN_LOCALE) ?? this.deps.engines.defaultLocale;
  }

  private formRepliesFor(context: TurnContext): FormReplies {
    return this.deps.formReplies(this.localeOf(context));
  }

  private triggersFor(context: TurnContext): RequestTriggers {
    return this.requestTriggers.get(this.localeOf(context)) ?? this.requestTriggers.get(this.deps.engines.defaultLocale)!;
  }

  private formTitle(context: TurnContext, formId: string): string | undefined {
    return this.deps.forms.form(formId, this.localeOf(context))?.title;
  }

  /** What content authors see in `npm run report`: personal data removed here, before it is stored. */
  private record(context: TurnContext, kind: FeedbackKind, event: { question?: string; entryId?: string; suggestedEntryId?: string }): void {
    const { feedback } = this.deps;
    const engine = this.engineFor(context);
    feedback.record({
      ...event,
      kind,
      question: event.question === undefined ? undefined : redactPersonalData(event.question, this.knownWords),
      locale: engine.knowledge.locale,
      channelId: context.activity.channelId,
    });
  }
}

/** Two results that answer with the same unit. */
function sameAnswer(a: EngineResult, b: EngineResult): boolean {
  return a.decision.kind === 'answer' && b.decision.kind === 'answer' && a.decision.best.unit.key === b.decision.best.unit.key;
}

/** The sentences of a message that ask something ("...?") and that `excluded` does not claim. */
function questionsWithout(text: string, excluded: (sentence: string) => boolean): string[] {
  return (text.match(/[^.!?\n]+\?/g) ?? []).map((s) => s.trim()).filter((sentence) => sentence.length > 0 && !excluded(sentence));
}
