import type lunr from 'lunr';
import type { KnowledgeBase } from '../content/loadKnowledge';
import type { KnowledgeEntry } from '../content/knowledgeEntry';
import { deriveAcronyms } from './acronyms';
import { analyzerFor } from './analyzerFor';
import { normalizedWords } from './analyzer';
import { decide, type Decision, type OutOfScopeTopic } from './decide';
import { DetailFinder, type Detail } from './details';
import { IntentRecognizer } from './intents';
import { INTENT_LABELS } from './intentModel';
import { OutOfScopeDetector } from './outOfScope';
import { PhraseMatcher, type PhraseMode } from './phraseMatcher';
import { PlaceFinder, type Place } from './places';
import { analyzeQuery, type QueryTerm, type AnalyzedQuery, type QueryContext } from './query';
import { rankCandidates, type Candidate } from './rank';
import { buildSearchIndex, loadOrBuildSearchIndex } from './searchIndex';
import { buildUnits, documentsOf, type SearchUnit } from './searchUnits';
import { SmalltalkMatcher, type SmalltalkMatch } from './smalltalk';
import { SynonymExpander } from './synonymExpander';
import { Vocabulary } from './vocabulary';

export interface EngineResult {
  query: AnalyzedQuery;
  candidates: Candidate[];
  /** Declared out-of-scope topics the question names. */
  topics: OutOfScopeTopic[];
  decision: Decision;
  /** A detail the question asks for (a cost, a date) that the answer does not give. */
  missing?: Detail;
  /** The places the question names (gazetteer). */
  places: Place[];
  /** The entry of an earlier turn this message was read with ("who can use it?"). */
  followsUp?: string;
}

/** What the conversation so far tells: the entries answered, most recent first. */
export interface AskContext {
  recent?: readonly string[];
}

export interface EngineOptions {
  /** Where the serialized index lives; without it the index is built in memory. */
  indexFile?: string;
}

/**
 * The framework-free answer engine: knowledge in, decisions out. It is built once at
 * start-up and is read-only afterwards, so one instance serves every conversation.
 */
export class AnswerEngine {
  readonly knowledge: KnowledgeBase;
  /** True when the index was built at construction rather than loaded from its file. */
  readonly indexRebuilt: boolean;
  private readonly index: lunr.Index;
  private readonly unitsByKey: Map<string, SearchUnit>;
  private readonly entriesById: Map<string, KnowledgeEntry>;
  private readonly context: QueryContext;
  /** Out-of-scope phrases; `ineffective` lists those knowledge:check reports. */
  readonly outOfScope: OutOfScopeDetector;
  private readonly smalltalkMatcher: SmalltalkMatcher;
  private readonly concepts: PhraseMatcher<string>;
  private readonly details: DetailFinder;
  /** The gazetteer; `unseenPresenceWords` lists what knowledge:check reports. */
  readonly places: PlaceFinder;
  /** What a message asks the assistant to do, and whether it points back to the topic just discussed. */
  readonly intents: IntentRecognizer;
  private readonly placeWords: ReadonlySet<string>;
  /** The entries that say where IAD has staff. */
  private readonly presenceEntries: readonly string[];

  constructor(knowledge: KnowledgeBase, options: EngineOptions = {}) {
    this.knowledge = knowledge;
    const analyzer = analyzerFor(knowledge);
    const units = buildUnits(knowledge, analyzer);
    const documents = units.flatMap((unit) => documentsOf(unit, analyzer));
    const loaded = options.indexFile
      ? loadOrBuildSearchIndex(options.indexFile, documents, knowledge.settings)
      : { index: buildSearchIndex(documents, knowledge.settings), rebuilt: true };
    this.index = loaded.index;
    this.indexRebuilt = loaded.rebuilt;
    this.unitsByKey = new Map(units.map((unit) => [unit.key, unit]));
    this.entriesById = new Map(knowledge.entries.map((entry) => [entry.id, entry]));

    const acronyms = deriveAcronyms([...knowledge.passages.map((p) => p.text), ...knowledge.entries.flatMap((e) => [e.title, e.answer])]);
    this.places = new PlaceFinder(knowledge.places, analyzer);
    this.presenceEntries = knowledge.entries.filter((entry) => entry.provides.includes('presence')).map((entry) => entry.id);
    this.placeWords = new Set(knowledge.places.places.flatMap((place) => place.words.flatMap((phrase) => normalizedWords(phrase))));
    const synonyms = new SynonymExpander([...knowledge.synonyms.groups, ...acronyms, ...this.places.synonymGroups()], analyzer);
    const vocabulary = new Vocabulary();
    for (const unit of units) {
      const text = unit.kind === 'entry' ? [unit.entry.title, unit.entry.answer, ...unit.entry.tags, ...unit.entry.questions].join('\n') : `${unit.passage.section}\n${unit.passage.text}`;
      for (const term of analyzer.terms(text)) vocabulary.add(term.word, term.stem);
    }
    for (const term of synonyms.terms) vocabulary.add(term.word, term.stem);
    const topicStems = new Set([
      ...knowledge.entries.flatMap((entry) => analyzer.stems([entry.title, ...entry.tags].join('\n'))),
      ...synonyms.terms.map((term) => term.stem),
    ]);
    this.smalltalkMatcher = new SmalltalkMatcher(knowledge.smalltalk, analyzer);
    this.concepts = new PhraseMatcher(
      knowledge.entries.flatMap((entry) => entry.concepts.map((phrase) => ({ phrase, value: entry.id }))),
      analyzer,
      'words',
      (stem) => synonyms.equivalents(stem),
    );
    const equivalents = (stem: string) => synonyms.equivalents(stem);
    this.details = new DetailFinder(knowledge.details, analyzer, equivalents);
    // The entries' own questions are what questions look like, in the partners' words.
    const intentExamples = [
      ...INTENT_LABELS.flatMap((label) => knowledge.intentExamples[label].map((text) => ({ text, label }))),
      ...knowledge.entries.flatMap((entry) => [entry.title, ...entry.questions].map((text) => ({ text, label: 'question' as const }))),
    ];
    this.intents = new IntentRecognizer(knowledge.intents, analyzer, intentExamples, {
      confidence: knowledge.settings.intentConfidence,
      confidenceWithCase: knowledge.settings.intentConfidenceWithCase,
      maxChars: knowledge.settings.maxQueryChars,
    });
    this.outOfScope = new OutOfScopeDetector(knowledge.outOfScope, analyzer, {
      stems: new Set(units.flatMap((unit) => [...unit.stems])),
      pairs: new Set(units.flatMap((unit) => [...unit.pairs])),
      texts: [...knowledge.entries.flatMap((e) => [e.title, e.answer, ...e.questions]), ...knowledge.passages.map((p) => p.text)],
    });
    this.context = {
      analyzer,
      vocabulary,
      synonyms,
      dictionary: analyzer.language.dictionary(),
      topicStems,
      idf: inverseDocumentFrequency(units),
      isPlaceWord: () => false,
      settings: knowledge.settings,
    };
  }

  /**
   * The decision on a question. With the conversation's context, a message that points back
   * ("who can use it?") or is too short to stand alone is also read with the topic just
   * answered, and "tell me more" gets that topic's whole section of the program page.
   */
  ask(text: string, context: AskContext = {}): EngineResult {
    const last = context.recent?.[0] === undefined ? undefined : this.entriesById.get(context.recent[0]);
    if (last) text = this.withRelativeYear(text, last);
    const direct = this.searchAsked(text);
    if (!last) return direct;
    const pointsBack = this.intents.pointsBack(text);
    const more = this.intents.asksMore(text);
    const short = direct.query.terms.length <= 3;
    const shift = this.intents.shiftsObject(text);
    if (more && this.intents.withoutMore(text).trim().length === 0) return this.moreAbout(last, direct);
    if (!pointsBack && !more && !short && !shift) return direct;
    const contextual = this.search(`${text}\n${last.title}`);
    if (contextual.decision.kind !== 'answer') return direct;
    const followed = { ...contextual, followsUp: last.id };
    if (direct.decision.kind !== 'answer') return followed;
    // "ATF in Peru yes or no?" names its own topic, however short; so does "what happened in
    // fiscal 2019?" after another topic, by a year its answer gives and the topic's does not.
    const namesOwnTopic = direct.decision.best.named || this.yearMovesOn(text, direct, last) || this.titleMovesOn(direct, last);
    // "And in Mexico?" and "what about BATS?" move to another topic; "and the goal?" asks about
    // this one, like any short question.
    if (namesOwnTopic && (shift || (!pointsBack && !more))) return direct;
    // "Who does ATF partner with for these academies?" names its own topic clearly enough.
    const ownTopic = direct.decision.certainty === 'clear' && direct.decision.best.confidence >= contextual.decision.best.confidence;
    if (pointsBack || more) return ownTopic ? direct : followed;
    // A short question without a pointer ("what is the goal?") is read with the topic when
    // that reading is at least as sure, or stays on the topic while the other leaves it.
    const staysOnTopic = contextual.decision.best.unit.key === `e:${last.id}` && direct.decision.best.unit.key !== `e:${last.id}`;
    return staysOnTopic || contextual.decision.best.confidence >= direct.decision.best.confidence ? followed : direct;
  }

  /**
   * The first of `entryIds` (most recent first) whose answer has a word the message names a
   * topic with, one that `own` (the message's own answer) lacks and that fewer than half the
   * units use (idf above ln 2): "the post-blast one", after the list of courses, is one of those
   * courses; "ATF to do a trafficking assessment" is not, for all their "ATF" and "trafficking".
   */
  entryNamedAmong(entryIds: readonly string[], text: string, own?: KnowledgeEntry): KnowledgeEntry | undefined {
    const ownSays = own && this.has(own.answer);
    const topics = this.topicTerms(text).filter((term) => !ownSays?.(term));
    return entryIds
      .map((id) => this.entriesById.get(id))
      .find((entry) => entry !== undefined && topics.some(this.has(entry.answer)));
  }

  /**
   * Whether a question names, by a word of its answer's title, a topic the last topic never
   * speaks of: "etrace intl" after the division's mission asks about eTrace. (Tags are too
   * general for this: "goal" is one of the mission's, and "what is the goal?" after the
   * campaign asks about the campaign.)
   */
  private titleMovesOn(result: EngineResult, last: KnowledgeEntry): boolean {
    const best = result.decision.kind === 'answer' && result.decision.certainty === 'clear' ? result.decision.best.unit : undefined;
    if (best?.kind !== 'entry' || best.entry.id === last.id) return false;
    const titled = this.has(best.entry.title);
    const lastSays = this.has([last.title, ...last.tags, last.answer].join('\n'));
    // The question as the search already read it: no second analysis of the same words.
    return result.query.terms.some((term) => namesTopic(term) && titled(term) && !lastSays(term));
  }

  /** The question's words that name a topic (see `namesTopic`). */
  private topicTerms(text: string): QueryTerm[] {
    return analyzeQuery(text, this.context).terms.filter(namesTopic);
  }

  /** Whether a text has a query term's own words. */
  private has(text: string): (term: QueryTerm) => boolean {
    const stems = new Set(this.context.analyzer.stems(text));
    return (term) => term.variants.some((v) => v.kind === 'exact' && v.stems.every((stem) => stems.has(stem)));
  }

  /**
   * "And the year after?", after an answer about fiscal year 2019, asks about 2020: the year is
   * added to the question, so the search finds what the page says of it, or the answer says
   * plainly that the page gives nothing for that year. Only when the last answer gives one year.
   */
  private withRelativeYear(text: string, last: KnowledgeEntry): string {
    const offset = this.intents.yearOffset(text);
    const [year, ...others] = yearsGiven(this.unitsByKey.get(`e:${last.id}`)!);
    // Before the closing question mark: words after a question are read as context.
    return offset === undefined || year === undefined || others.length > 0 ? text : text.replace(/[\s?]*$/, (end) => ` ${Number(year) + offset}${end}`);
  }

  /** Whether the question names a year that its own answer gives and the last topic's does not. */
  private yearMovesOn(question: string, result: EngineResult, last: KnowledgeEntry): boolean {
    const best = result.decision.kind === 'answer' ? result.decision.best.unit : undefined;
    if (best?.kind !== 'entry') return false;
    const own = yearsGiven(best);
    const topic = yearsGiven(this.unitsByKey.get(`e:${last.id}`)!);
    return yearsIn(question).some((year) => own.has(year) && !topic.has(year));
  }

  /** A word of a place of the gazetteer ("port" of Port of Spain): not personal data, whatever its capitals. */
  isPlaceName(word: string): boolean {
    return this.placeWords.has(word);
  }

  /**
   * A phrase matcher over this knowledge's analysis, for phrases declared elsewhere (dialog
   * triggers); with `synonyms`, a phrase's word also matches its one-word synonyms.
   */
  phraseMatcher<T>(entries: readonly { phrase: string; value: T }[], mode: PhraseMode, synonyms = true): PhraseMatcher<T> {
    return new PhraseMatcher(entries, this.context.analyzer, mode, synonyms ? (stem) => this.context.synonyms.equivalents(stem) : undefined);
  }

  /**
   * The message read whole; when that finds no answer and the message also tells context
   * ("In a meeting someone said BATS. What does BATS mean?"), its question sentences alone.
   */
  private searchAsked(text: string): EngineResult {
    const whole = this.search(text);
    const asked = askedPart(text);
    if (asked === text || (whole.decision.kind === 'answer' && whole.decision.certainty === 'clear')) return whole;
    const questions = this.search(asked);
    // Read whole, a message only fairly sure of its answer may have been led off by what it tells
    // ("I just arrived at the liaison post in Miami. What does IAD do?" is no question about where
    // IAD's staff are): its questions alone, if they are clearly answered, say what it asks.
    if (whole.decision.kind === 'answer') return questions.decision.kind === 'answer' && questions.decision.certainty === 'clear' ? questions : whole;
    // A message declined for a topic it names stays declined unless its questions alone are
    // clearly answered: "Our servers were hit by ransomware. Can ATF help?" is about ransomware;
    // "...weapons diverted from legal stocks. What courses does ATF sponsor?" is about courses.
    const declined = whole.decision.kind === 'fallback' && whole.decision.reason === 'out-of-scope';
    const answered = questions.decision.kind === 'answer' && (!declined || questions.decision.certainty === 'clear');
    return answered ? questions : whole;
  }

  private search(message: string): EngineResult {
    const text = this.intents.withoutSetAside(message);
    const read = text.slice(0, this.knowledge.settings.maxQueryChars);
    const placeWords = this.places.wordsIn(read);
    const query = analyzeQuery(text, { ...this.context, isPlaceWord: (word) => placeWords.has(word) });
    // Like concepts, presence is read in the question sentences; a place told before counts
    // ("I'm a customs inspector in Aruba. Is ATF there?").
    const questionSentences = askedPart(read);
    const askedWords = new Set(normalizedWords(questionSentences));
    const otherWords = query.terms.filter((term) => !placeWords.has(term.word) && askedWords.has(term.word)).map((term) => ({ stem: this.context.analyzer.stem(term.word), known: term.known }));
    const presence = this.places.asksPresence(placeWords, otherWords) ? this.presenceEntries : [];
    const candidates = this.withConcepts(questionSentences, rankCandidates(query, this.index, this.unitsByKey, this.knowledge.settings), presence);
    const topics = this.outOfScope.find(read);
    const decision = decide(candidates, this.knowledge.settings, topics);
    const answered = decision.kind === 'answer' ? decision.best.unit : undefined;
    const asked = this.details.asked(read, answered?.kind === 'entry' ? answered.entry.provides : []);
    const missing = asked && answered && !(answered.kind === 'entry' && answered.entry.provides.includes(asked.id)) ? asked : answered && yearNotCovered(read, answered);
    return { query, candidates, topics, decision, missing, places: this.places.find(read) };
  }

  /**
   * A question that uses an entry's own phrase for its topic ("where the gun was first
   * sold"), or that the gazetteer reads as asking where IAD is (`alsoNamed`), is about that
   * entry: it is ranked first and counts as confident.
   */
  private withConcepts(text: string, candidates: Candidate[], alsoNamed: readonly string[]): Candidate[] {
    const named = new Set([...this.concepts.find(text).map((match) => match.value), ...alsoNamed]);
    if (named.size === 0) return candidates;
    const { conceptConfidence, conceptWeight } = this.knowledge.settings;
    const boosted = candidates.map((c) =>
      c.unit.kind === 'entry' && named.has(c.unit.entry.id) ? { ...c, confidence: Math.max(c.confidence, conceptConfidence), score: c.score + conceptWeight, named: true } : c,
    );
    for (const id of named) {
      if (boosted.some((c) => c.unit.kind === 'entry' && c.unit.entry.id === id)) continue;
      boosted.push({ unit: this.unitsByKey.get(`e:${id}`)!, score: conceptConfidence + conceptWeight, lunrScore: 0, coverage: 0, evidence: 0, confidence: conceptConfidence, named: true });
    }
    return boosted.sort((a, b) => b.score - a.score);
  }

  /** The whole section of the program page that the last answer came from. */
  private moreAbout(entry: KnowledgeEntry, direct: EngineResult): EngineResult {
    const passage = [...this.unitsByKey.values()].find((unit) => unit.kind === 'passage' && unit.passage.documentId === entry.source.document && unit.passage.section === entry.source.section);
    if (!passage) return direct;
    const best: Candidate = { unit: passage, score: 1, lunrScore: 0, coverage: 1, evidence: 0, confidence: 1 };
    return { ...direct, decision: { kind: 'answer', best, alternatives: [], certainty: 'clear' }, missing: undefined, followsUp: entry.id };
  }

  smalltalk(text: string): SmalltalkMatch | undefined {
    return this.smalltalkMatcher.match(text);
  }

  entry(id: string): KnowledgeEntry | undefined {
    return this.entriesById.get(id);
  }

  /** The candidate for an entry the partner picked by button: certain by definition. */
  chosenCandidate(entry: KnowledgeEntry): Candidate {
    const unit = this.unitsByKey.get(`e:${entry.id}`)!;
    return { unit, score: 1, lunrScore: 0, coverage: 1, evidence: 0, confidence: 1 };
  }

  /** A word of the knowledge, its synonyms or a stop word ("Can", "What"): not personal data. */
  isKnownWord(word: string): boolean {
    return this.context.analyzer.isStopWord(word) || this.context.vocabulary.hasStem(this.context.analyzer.stem(word));
  }
}

/**
 * The question sentences of a message that also gives context ("Our lab analyses fire debris.
 * Is there arson training?"): an entry's concept counts when the question uses it.
 */
function askedPart(text: string): string {
  const sentences = text.split(/(?<=[.!?])\s+/);
  const questions = sentences.filter((sentence) => /\?\s*$/.test(sentence));
  return questions.length > 0 && questions.length < sentences.length ? questions.join(' ') : text;
}

const YEAR = /\b(?:19|20)\d{2}\b/g;

/** A year asked about that a dated answer (fiscal year 2019, 2021) does not mention: said plainly. */
function yearNotCovered(question: string, unit: SearchUnit): Detail | undefined {
  const given = yearsGiven(unit);
  if (given.size === 0) return undefined;
  const missing = yearsIn(question).filter((year) => !given.has(year));
  return missing.length > 0 ? { id: 'year', name: `anything about ${missing.join(' or ')}` } : undefined;
}

/** The years a unit's text gives. */
function yearsGiven(unit: SearchUnit): Set<string> {
  return new Set(yearsIn(unit.kind === 'entry' ? `${unit.entry.title} ${unit.entry.answer}` : unit.passage.text));
}

/** The years a text names, each once. */
function yearsIn(text: string): string[] {
  return [...new Set(text.match(YEAR) ?? [])];
}

/** A word that names a topic and that fewer than half the units use (idf above ln 2). */
function namesTopic(term: QueryTerm): boolean {
  return term.topic && term.weight > Math.LN2;
}

/** idf over search units (not lunr documents), so an entry with many questions is one voice. */
function inverseDocumentFrequency(units: readonly SearchUnit[]): (stem: string) => number | undefined {
  const unitCount = new Map<string, number>();
  for (const unit of units) for (const stem of unit.stems) unitCount.set(stem, (unitCount.get(stem) ?? 0) + 1);
  return (stem) => {
    const n = unitCount.get(stem);
    return n === undefined ? undefined : Math.log(1 + (units.length - n + 0.5) / (n + 0.5));
  };
}
