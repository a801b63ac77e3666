import type { IntentFile } from '../content/intents';
import type { Analyzer } from './analyzer';
import { IntentModel, REQUEST_INTENTS, type IntentGuess, type IntentLabel, type LabelledText } from './intentModel';
import { normalizedWords } from './analyzer';
import { PhraseMatcher, type PhraseMode } from './phraseMatcher';
import { alternation } from './phrasePattern';

/** The most words a terse note has: "need acceso a BATS pls", "quiero mandar evidencias al lab de ATF". */
const NOTE_WORDS = 10;

/** What a message asks the assistant to do; a question is none of these. */
export type Intent = Exclude<IntentLabel, 'question'>;

/**
 * What a message asks the assistant to do (knowledge/<locale>/intents.yaml), and whether it
 * points back to the topic just discussed. Framework-free: the bot's router acts on it.
 */
export class IntentRecognizer {
  private readonly status: PhraseMatcher<'status'>;
  private readonly statusAnchors: PhraseMatcher<true>;
  private readonly statusCues: PhraseMatcher<true>;
  private readonly doItNow: PhraseMatcher<'doItNow'>;
  private readonly doItNowCues: PhraseMatcher<true>;
  private readonly pointers: PhraseMatcher<true>;
  private readonly more: PhraseMatcher<true>;
  private readonly relativeYear: PhraseMatcher<1 | -1>;
  private readonly forTopic: PhraseMatcher<true>;
  private readonly shift: PhraseMatcher<true>;
  private readonly setAside: RegExp | undefined;
  /** "Only courses, or also conferences?" */
  private readonly dismissedAlternative: RegExp | undefined;
  private readonly conditions: PhraseMatcher<true>;
  private readonly questionWords: PhraseMatcher<true>;
  private readonly askToAct: PhraseMatcher<true>;
  private readonly ownCase: PhraseMatcher<true>;
  /** "Our bomb squad", "for customs officers": an owner word and a group of people. */
  private readonly ownPeople: PhraseMatcher<true>;
  /** "Foreign agencies", "policías extranjeras": people in general, not the partner's. */
  private readonly otherPeople: PhraseMatcher<true>;
  private readonly wants: PhraseMatcher<true>;
  private readonly canYou: PhraseMatcher<true>;
  private readonly classifier: IntentModel;

  /**
   * Phrases are matched without synonyms ("attaching" must not meet "attaché"), and those of
   * a status as written (tense matters: "we requested" is a past request, "we request" a new one).
   */
  constructor(
    file: IntentFile,
    analyzer: Analyzer,
    examples: readonly LabelledText[],
    private readonly model: { confidence: number; confidenceWithCase: number; maxChars: number },
  ) {
    const of = <T>(phrases: string[], value: T, mode: PhraseMode) => new PhraseMatcher(phrases.map((phrase) => ({ phrase, value })), analyzer, mode);
    this.status = of(file.status.phrases, 'status' as const, 'wordForms');
    this.statusAnchors = of(file.status.anchors, true as const, 'exact');
    this.statusCues = of(file.status.cues, true as const, 'wordForms');
    this.doItNow = of(file.doItNow.phrases, 'doItNow' as const, 'words');
    this.doItNowCues = of(file.doItNow.cues, true as const, 'wordForms');
    // As written, in order: "el de post-explosión" is "the post-blast one", where "el ... de" in any order would be any sentence.
    this.pointers = of(file.followUp.pointers, true as const, 'exact');
    this.more = of(file.followUp.more, true as const, 'words');
    this.relativeYear = new PhraseMatcher(
      [...file.followUp.yearAfter.map((phrase) => ({ phrase, value: 1 as const })), ...file.followUp.yearBefore.map((phrase) => ({ phrase, value: -1 as const }))],
      analyzer,
      'phrase',
    );
    this.forTopic = of(file.followUp.request, true as const, 'words');
    this.shift = of(file.followUp.shift, true as const, 'wordForms');
    // In order: "before I send my people, I would like to know..." asks nothing of IAD.
    this.askToAct = of(file.askToAct, true as const, 'ordered');
    this.conditions = of(file.conditions, true as const, 'exact');
    this.questionWords = of(file.followUp.questionWords, true as const, 'exact');
    this.ownCase = of(file.ownCase, true as const, 'wordForms');
    // As written: "for investigations" is no "for investigators". The owner comes first ("response
    // teams for bombings" is no team of the partner's); a stranger stands right by the group, on
    // either side ("foreign agencies", "policías extranjeras"; "our bomb squad join the international course" is the partner's).
    const people = file.people ?? { owners: [], groups: [], strangers: [] };
    this.ownPeople = of(people.owners.flatMap((owner) => people.groups.map((group) => `${owner} ${group}`)), true as const, 'orderedForms');
    this.otherPeople = of(people.strangers.flatMap((stranger) => people.groups.flatMap((group) => [`${stranger} ${group}`, `${group} ${stranger}`])), true as const, 'exact');
    this.wants = of(file.wants, true as const, 'wordForms');
    // As written together: in "can we use these ATF resources" the partner asks what they may do.
    this.canYou = of(file.canYou, true as const, 'phrase');
    this.classifier = new IntentModel(examples);
    const cues = alternation(file.setAside);
    const words = '(?:[^\\s,.;:?!]+\\s*){1,4}?';
    this.setAside = cues === '' ? undefined : new RegExp(`(^|[^\\p{L}\\p{N}])(?:${cues})\\s+${words}(?=[,.;:?!]|$)`, 'giu');
    const only = alternation(file.alternatives.only);
    const or = alternation(file.alternatives.or);
    this.dismissedAlternative = only === '' || or === '' ? undefined : new RegExp(`(^|[^\\p{L}\\p{N}])(?:${only})\\s+${words}(?=\\s*,?\\s+(?:${or})\\s)`, 'giu');
  }

  /**
   * The message without what it sets aside, when that ends its clause within a few words:
   * "what other resources do you share besides the lab?" asks about the resources, and
   * "Besides firearms, is there explosives training?" about explosives. So does an
   * alternative the question moves away from: "only courses, or also conferences?" asks
   * about conferences. (After "or", "only" is kept: in "can prosecutors attend, or only
   * police?" the police are part of the question.)
   */
  withoutSetAside(text: string): string {
    const rest = this.setAside ? text.replace(this.setAside, '$1') : text;
    return this.dismissedAlternative ? rest.replace(this.dismissedAlternative, '$1') : rest;
  }

  /** The intent of the longest phrase found; status wins a tie (it names the request explicitly). */
  intent(text: string): Intent | undefined {
    text = this.read(text);
    const status = this.status.find(text)[0] ?? (this.statusCues.find(text).length > 0 ? this.statusAnchors.find(text)[0] : undefined);
    const action = this.doItNow.find(text).find((match) => match.position === 0 || this.doItNowCues.find(text).length > 0);
    if (status && (!action || status.length >= action.length)) return 'status';
    return action?.value;
  }

  /**
   * The intent model's reading, when it is sure enough that the message asks something to be
   * done: what phrases (these and the dialogs' triggers) did not find, in words nobody wrote
   * down. A request needs less certainty when the message tells of the partner's own case.
   * Phrases, being exact, have the first word; and a question under a condition ("if we ask
   * for the team, how soon...?") or one question opening with a question word ("what do we
   * need to get a login for BATS?") is no request.
   */
  guessedIntent(text: string): Intent | undefined {
    text = this.read(text);
    if (this.asksUnderCondition(text)) return undefined;
    const guesses = this.classifier.classify(text);
    // Whether it is a request is one question, which request another: a message torn between
    // assistance and training is still surely a request.
    const requests = guesses.filter((guess) => isRequestIntent(guess.label));
    // A partner who tells of a case of their own while asking about a service wants it, and so
    // does one who asks IAD to act or writes a note saying they want it: less certainty is
    // needed ("we seized 14 pistols, can ATF help us trace them?", "we need help from IAD with
    // a case, can someone contact me?", "besoin traçage arme saisie"). Asked, a want is a
    // question about the service ("do we need an MOU to use eTrace?"); and a longer message has
    // words enough for the model to be sure: "necesito saber el estatus migratorio de un
    // detenido" wants to know something.
    const wants = this.isNote(text) && this.wants.find(text).length > 0;
    const ownNeed = this.tellsOwnCase(text) || wants;
    const needed = ownNeed || this.asksToAct(text) ? this.model.confidenceWithCase : this.model.confidence;
    // Wanting something done for one's own case, not of the assistant ("you", "now"), is a request
    // to IAD staff however much it sounds like an order: "we recovered 40 guns, we want them run
    // through eTrace".
    const orderWords = this.doItNowCues.find(text).length > 0;
    const doItNow = ownNeed && !orderWords ? (guesses.find((guess) => guess.label === 'doItNow')?.probability ?? 0) : 0;
    const request = requestProbability(guesses) + doItNow >= needed;
    if (request) return this.asksOnly(text) ? undefined : (requests[0]!.label as Intent);
    const [guess] = guesses;
    return guess && guess.label !== 'question' && guess.probability >= this.model.confidence ? guess.label : undefined;
  }

  /** Of the requests, the one the intent model finds likelier, however unsure it is: a tie-breaker, not a reading. */
  likelierRequest(text: string): Intent | undefined {
    const [request] = this.classifier.classify(this.read(text)).filter((guess) => isRequestIntent(guess.label));
    return request?.label as Intent | undefined;
  }

  /**
   * A terse note: a few words that ask no question and order nothing of the assistant
   * ("need BATS access", "besoin tracage arme saisie"), where a want is a request.
   */
  isNote(text: string): boolean {
    text = this.read(text);
    return !text.includes('?') && normalizedWords(text).length <= NOTE_WORDS && this.intent(text) === undefined;
  }

  /** "Who can use it?", "and there?": words that stand for the topic just discussed. */
  pointsBack(text: string): boolean {
    text = this.read(text);
    return this.pointers.find(text).length > 0;
  }

  /** "Tell me more", "what else": more about the topic just discussed. */
  asksMore(text: string): boolean {
    text = this.read(text);
    return this.more.find(text).length > 0;
  }

  /** "And the year after?" is 1, "the previous year?" -1: a year counted from the last answer's. */
  yearOffset(text: string): 1 | -1 | undefined {
    return this.relativeYear.find(this.read(text))[0]?.value;
  }

  /** The message without its "tell me more" words: what else it asks, if anything. */
  withoutMore(text: string): string {
    text = this.read(text);
    const more = new Set(this.more.find(text).flatMap((match) => this.more.stemsOf(match.phrase)));
    return this.more.stemsOf(text).filter((stem) => !more.has(stem)).join(' ');
  }

  /** "And in Mexico?", "what about BATS?": the same question about another object (at the start of the message). */
  shiftsObject(text: string): boolean {
    text = this.read(text);
    return this.shift.find(text).some((match) => match.position === 0);
  }

  /** "If we request the team, how fast can it come?": a question asked under a condition it opens with. */
  asksUnderCondition(text: string): boolean {
    text = this.read(text);
    return /\?\s*$/.test(text) && this.conditions.find(text).some((match) => match.position === 0);
  }

  /** "Can you set that up?", "we'd like ATF to do an assessment": asking IAD to act on a service. */
  asksToAct(text: string): boolean {
    text = this.read(text);
    return this.askToAct.find(text).length > 0;
  }

  /** "Can ATF...", "could you...", "¿nos pueden...": asking whether IAD can do something. */
  asksIfIadCan(text: string): boolean {
    return this.canYou.find(this.read(text)).length > 0;
  }

  /**
   * "We recovered four revolvers, can ATF help find where they come from?", "accès BATS pour
   * notre brigade ?": asking whether IAD can do something for the partner's own case or want, or
   * a few words about it and the partner's people, which ask for it. `namesPartnerPlace`: the
   * message names a place outside ATF's own country (places.yaml). Not under a condition
   * anywhere ("if we had a big fire during the summit, could ATF send a team?" supposes), and
   * not one question opening with a question word.
   */
  asksIadForOwnCase(text: string, namesPartnerPlace = false): boolean {
    text = this.read(text);
    const canYou = this.asksIfIadCan(text);
    // Saying what the partner wants, or naming a place of theirs, and asking whether IAD can, is
    // as much their own case: "On aimerait une évaluation du trafic dans la région, c'est
    // possible ?", "could ATF assess how firearms get into Montserrat?" ("need dates" is no case).
    const own = this.tellsOwnCase(text) || (canYou && (namesPartnerPlace || this.wants.find(text).length > 0));
    return (canYou || normalizedWords(text).length <= NOTE_WORDS) && own && this.conditions.find(text).length === 0 && !this.asksOnly(text);
  }

  /**
   * "We seized 14 pistols", "our bomb squad", "for customs officers": the partner's own case or
   * people. "BATS access for foreign agencies?" asks about partners in general.
   */
  private tellsOwnCase(text: string): boolean {
    return this.ownCase.find(text).length > 0 || (this.ownPeople.find(text).length > 0 && this.otherPeople.find(text).length === 0);
  }

  /**
   * "I want that", "we need them here": asking for the service just discussed. One question
   * that opens with a question word asks about it instead ("who can get one?").
   */
  asksForTopic(text: string): boolean {
    text = this.read(text);
    return (this.forTopic.find(text).length > 0 || this.saysWant(text)) && !this.asksOnly(text);
  }

  /**
   * Says it wants something, and the intent model reads a request rather than anything else:
   * after the answer about the response teams, "on a justement besoin d'une équipe pour un
   * incendie au port" wants one; "necesito saber quién puede usarlo" wants to know, and
   * "quisiéramos saber en qué etapa se encuentra la solicitud" asks after one sent.
   */
  private saysWant(text: string): boolean {
    if (text.includes('?') || this.wants.find(text).length === 0) return false;
    const guesses = this.classifier.classify(text);
    const request = requestProbability(guesses);
    return guesses.every((guess) => isRequestIntent(guess.label) || guess.probability < request);
  }

  /** As far as the engine reads a question: a pasted 100 KB report costs no more than its start. */
  private read(text: string): string {
    return text.slice(0, this.model.maxChars);
  }

  /** Only questions, the first opening with a question word ("who can get one?", "what do we need for a login? an MOU?"). */
  asksOnly(text: string): boolean {
    return /^[^.!\n]+\?\s*$/.test(text.trim()) && this.questionWords.find(text).some((match) => match.position === 0);
  }
}

function isRequestIntent(label: IntentLabel): boolean {
  return (REQUEST_INTENTS as readonly string[]).includes(label);
}

/** How sure the model is that a message asks for a request, whichever: assistance or training. */
function requestProbability(guesses: readonly IntentGuess[]): number {
  return guesses.filter((guess) => isRequestIntent(guess.label)).reduce((sum, guess) => sum + guess.probability, 0);
}
