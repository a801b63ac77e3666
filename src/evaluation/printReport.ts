import type { BlindReport, Tally } from './blindEvaluation';

const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);

/** The figures of a blind evaluation as lines of text; with `verbose`, every failure too. */
export function formatBlindReport(name: string, report: BlindReport, verbose: boolean): string[] {
  const { answer, partial, decline, requests, status, doItNow, followUps } = report;
  const row = (label: string, tally: Tally, extra = '') => `  ${label.padEnd(26)} ${String(tally.correct).padStart(4)}/${String(tally.total).padEnd(4)} ${percent(tally.correct, tally.total).padStart(6)}${extra}`;
  const lines = [
    name,
    row('in scope, answered right', answer, `   did you mean ${percent(answer.clarified, answer.total)} (first option right ${answer.clarifiedFirstRight}); a form opened too ${answer.formsOpened.length}`),
    row('detail not on the page', partial, `   said so with the content ${partial.withContent}; a form opened too ${partial.formsOpened.length}`),
    row('out of scope, declined', decline),
    row('requests started', requests, `   type filled in ${requests.prefilled}`),
    row('status asked', status),
    row('"do it now" answered', doItNow),
    row('follow-up turns', followUps, `   conversations right ${followUps.conversationsRight}/${followUps.conversations}`),
  ];
  if (verbose) {
    for (const [label, tally] of Object.entries({ answer, partial, decline, requests, status, doItNow, followUps })) {
      for (const failure of tally.failures) lines.push(`  ${label.toUpperCase()} ${failure.question}\n      expected ${failure.expected}; got ${failure.got}`);
    }
    for (const question of [...answer.formsOpened, ...partial.formsOpened]) lines.push(`  FORM AFTER A QUESTION ${question}`);
  }
  return lines;
}
