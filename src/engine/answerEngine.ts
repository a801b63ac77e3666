import type lunr from 'lunr';
import type { KnowledgeBase } from '../content/loadKnowledge';
import type { KnowledgeEntry } from '../content/knowledgeEntry';
import { deriveAcronyms } from './acronyms';
import { analyzerFor } from './analyzerFor';
import { stemWord } from './analyzer';
import { decide, type Decision, type OutOfScopeTopic } from './decide';
import { englishDictionary } from './dictionary';
import { OutOfScopeDetector } from './outOfScope';
import { analyzeQuery, type AnalyzedQuery, type QueryContext } from './query';
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
    const synonyms = new SynonymExpander([...knowledge.synonyms.groups, ...acronyms], analyzer);
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
    this.outOfScope = new OutOfScopeDetector(knowledge.outOfScope, analyzer, {
      stems: new Set(units.flatMap((unit) => [...unit.stems])),
      pairs: new Set(units.flatMap((unit) => [...unit.pairs])),
    });
    this.context = { analyzer, vocabulary, synonyms, dictionary: englishDictionary(), topicStems, idf: inverseDocumentFrequency(units), settings: knowledge.settings };
  }

  ask(text: string): EngineResult {
    const query = analyzeQuery(text, this.context);
    const candidates = rankCandidates(query, this.index, this.unitsByKey, this.knowledge.settings);
    const topics = this.outOfScope.find(this.context.analyzer.stems(text.slice(0, this.knowledge.settings.maxQueryChars)));
    return { query, candidates, topics, decision: decide(candidates, this.knowledge.settings, topics) };
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
    return this.context.analyzer.isStopWord(word) || this.context.vocabulary.hasStem(stemWord(word));
  }
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
