import { expect } from 'chai';
import { decide, type Decision } from '../../src/engine/decide';
import type { Candidate } from '../../src/engine/rank';
import type { SearchUnit } from '../../src/engine/searchUnits';
import { realEngine } from '../helpers';

/** The answer policy on made-up candidates: thresholds from the real settings. */
describe('engine/decide', () => {
  const { knowledge } = realEngine();
  const settings = knowledge.settings;
  const { answer, suggest, clear, clarifyMargin } = settings.thresholds;
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

  it('answers a confident winner clearly, with no related topics needed', () => {
    const d = decide([entry(first, 2, clear + 0.1), entry(second, 1, answer)], settings);
    expect(d).to.deep.include({ kind: 'answer', certainty: 'clear' });
    expect(ids(d)).to.deep.equal([`e:${first!.id}`]);
  });

  it('answers a confident best even with close runners-up, showing them as related (no "did you mean")', () => {
    const d = decide([entry(first, 2, answer + 0.05), entry(second, 2 - clarifyMargin / 2, answer + 0.05)], settings);
    expect(d).to.deep.include({ kind: 'answer', certainty: 'moderate' });
    expect(d.kind === 'answer' && d.alternatives.map((c) => c.unit.key)).to.deep.equal([`e:${second!.id}`]);
  });

  it('answers an option worth offering that leads the next by a margin: a one-option "did you mean" is an answer', () => {
    const middle = (answer + suggest) / 2;
    expect(decide([entry(first, 1, middle)], settings)).to.deep.include({ kind: 'answer', certainty: 'moderate' });
    expect(decide([entry(first, 2, middle), entry(second, 2 - clarifyMargin - 0.01, middle)], settings).kind).to.equal('answer');
  });

  it('asks "did you mean" only when two or more options worth offering are genuinely close, at most maxSuggestions', () => {
    const middle = (answer + suggest) / 2;
    const close = 2 - clarifyMargin / 2;
    const d = decide([entry(first, 2, middle), entry(second, close, middle), entry(third, close, middle), entry(fourth, close, middle)], settings);
    expect(d.kind).to.equal('clarify');
    expect(ids(d)).to.have.length(settings.maxSuggestions);
    expect(ids(d)[0]).to.equal(`e:${first!.id}`);
  });

  it('falls back when nothing reaches the suggestion threshold, or nothing matched', () => {
    expect(decide([entry(first, 1, suggest - 0.01)], settings)).to.deep.include({ kind: 'fallback', reason: 'not-confident' });
    expect(decide([], settings)).to.deep.include({ kind: 'fallback', reason: 'no-question' });
  });

  it('answers from a passage only when no entry is worth offering', () => {
    expect(decide([passage(3, 0.9), entry(first, 1, suggest - 0.01)], settings)).to.deep.include({ kind: 'answer' });
    const withEntry = decide([passage(3, 0.9), entry(first, 1, suggest + 0.01)], settings);
    expect(withEntry.kind === 'answer' && withEntry.best.unit.kind).to.equal('entry');
  });

  it('declines a named out-of-scope topic unless the best match speaks of it (a wording, which no answer contains, always)', () => {
    const topic = { id: 'employment', name: 'jobs', stems: ['job'] };
    expect(decide([entry(first, 2, 0.9)], settings, [topic])).to.deep.include({ kind: 'fallback', reason: 'out-of-scope' });
    expect(decide([entry(first, 2, 0.9)], settings, [{ ...topic, stems: ['etrac'] }]).kind).to.equal('answer');
    // An exact wording no text of the knowledge contains names the topic whatever words it shares with the answer.
    expect(decide([entry(first, 2, 0.9)], settings, [{ ...topic, stems: ['etrac'], worded: true }])).to.deep.include({ kind: 'fallback', reason: 'out-of-scope' });
  });
});
