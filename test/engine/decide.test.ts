import { expect } from 'chai';
import { decide, type Decision } from '../../src/engine/decide';
import type { Candidate } from '../../src/engine/rank';
import type { SearchUnit } from '../../src/engine/searchUnits';
import { realEngine } from '../helpers';

/** The answer policy on made-up candidates: thresholds from the real settings. */
describe('engine/decide', () => {
  const { knowledge } = realEngine();
  const settings = knowledge.settings;
  const { answer, suggest, ambiguityRatio } = settings.thresholds;
  const [first, second, third, fourth] = knowledge.entries;
  const entry = (e: typeof first, score: number, confidence: number): Candidate => ({
    unit: { key: `e:${e!.id}`, kind: 'entry', entry: e!, stems: new Set(['etrac']), pairs: new Set(), questions: [] } as SearchUnit,
    score,
    lunrScore: score,
    coverage: confidence,
    evidence: 5,
    confidence,
  });
  const passage = (score: number, confidence: number): Candidate => ({
    unit: { key: 'p:0', kind: 'passage', passage: knowledge.passages[0]!, stems: new Set(), pairs: new Set(), questions: [] } as SearchUnit,
    score,
    lunrScore: score,
    coverage: confidence,
    evidence: 5,
    confidence,
  });
  const ids = (d: Decision) => (d.kind === 'answer' ? [d.best] : d.kind === 'clarify' ? d.options : []).map((c) => c.unit.key);

  it('answers a confident, clear winner', () => {
    const d = decide([entry(first, 2, answer + 0.1), entry(second, 1, answer)], settings);
    expect(d.kind).to.equal('answer');
    expect(ids(d)).to.deep.equal([`e:${first!.id}`]);
  });

  it('asks "did you mean" when runners-up are close, with at most maxSuggestions options', () => {
    const close = 2 * ambiguityRatio + 0.01;
    const d = decide([entry(first, 2, 0.9), entry(second, close, 0.9), entry(third, close, 0.9), entry(fourth, close, 0.9)], settings);
    expect(d.kind).to.equal('clarify');
    expect(ids(d)).to.have.length(settings.maxSuggestions);
    expect(ids(d)[0]).to.equal(`e:${first!.id}`);
  });

  it('suggests when nothing is confident enough to answer but something is worth offering', () => {
    const d = decide([entry(first, 1, (answer + suggest) / 2)], settings);
    expect(d.kind).to.equal('clarify');
  });

  it('falls back when nothing reaches the suggestion threshold, or nothing matched', () => {
    expect(decide([entry(first, 1, suggest - 0.01)], settings)).to.deep.include({ kind: 'fallback', reason: 'not-confident' });
    expect(decide([], settings)).to.deep.include({ kind: 'fallback', reason: 'no-question' });
  });

  it('answers from a passage only when no entry is worth suggesting', () => {
    expect(decide([passage(3, 0.9), entry(first, 1, suggest - 0.01)], settings)).to.deep.include({ kind: 'answer' });
    expect(decide([passage(3, 0.9), entry(first, 1, suggest + 0.01)], settings).kind).to.equal('clarify');
  });

  it('declines a named out-of-scope topic unless the best match speaks of it', () => {
    const topic = { id: 'employment', name: 'jobs', stems: ['job'] };
    expect(decide([entry(first, 2, 0.9)], settings, [topic])).to.deep.include({ kind: 'fallback', reason: 'out-of-scope' });
    expect(decide([entry(first, 2, 0.9)], settings, [{ ...topic, stems: ['etrac'] }]).kind).to.equal('answer');
  });
});
