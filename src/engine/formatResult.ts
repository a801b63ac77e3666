import type { EngineResult } from './answerEngine';
import type { Candidate } from './rank';

/** A short, stable label for a candidate: the entry id or the cited section. */
export function candidateLabel(candidate: Candidate): string {
  return candidate.unit.kind === 'entry' ? candidate.unit.entry.id : `passage: ${candidate.unit.passage.section}`;
}

/** The decision and ranked matches as plain text, for authors (`npm run ask`). */
export function formatResult(result: EngineResult, limit = 8): string {
  const { decision, candidates, query } = result;
  const lines: string[] = [];
  switch (decision.kind) {
    case 'answer':
      lines.push(`decision: answer -> ${candidateLabel(decision.best)}`);
      break;
    case 'clarify':
      lines.push(`decision: did you mean -> ${decision.options.map(candidateLabel).join(' | ')}`);
      break;
    case 'fallback':
      lines.push(`decision: fallback (${decision.reason})`);
  }
  lines.push(
    `query terms: ${query.terms
      .map((t) => `${t.word}${t.known ? '' : '?'}[${t.weight.toFixed(2)}]${t.variants.length ? '=' + t.variants.map((v) => `${v.kind[0]}:${v.stems.join('+')}`).join(',') : ''}`)
      .join(' ') || '(none)'}${query.truncated ? ' (message truncated)' : ''}`,
  );
  lines.push('  score  conf   cover  evid   match');
  for (const c of candidates.slice(0, limit)) {
    lines.push(`  ${c.score.toFixed(2).padStart(5)}  ${c.confidence.toFixed(2)}   ${c.coverage.toFixed(2)}   ${c.evidence.toFixed(2).padStart(5)}  ${candidateLabel(c)}`);
  }
  return lines.join('\n');
}
