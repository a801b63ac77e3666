import { formatProblem } from '../content/contentError';
import { shortenedPhrases, translationGaps, ungroundedDetails, uncoveredSentences } from '../content/contentChecks';
import { knowledgeLocales, loadKnowledge, type KnowledgeBase } from '../content/loadKnowledge';
import { loadConfig } from '../config';
import { AnswerEngine } from '../engine/answerEngine';
import { loadForms } from '../forms/loadForms';
import { runTool } from './cli';

/**
 * `npm run knowledge:check`, for the dialogs and their translations (by loading them), and for
 * every locale: schema and cross-file checks (by loading), that
 * each translation has every entry, detail, topic and place of English, grounding of
 * answers, coverage of the source text, and, as warnings, alternate questions whose best
 * match is another entry (overlaps) and intent phrases that analysis shortens.
 */
runTool(() => {
  const config = loadConfig();
  const root = config.KNOWLEDGE_DIR;
  // The dialogs and their translations: a mistake throws a ContentError, which runTool prints with its file and line.
  const forms = loadForms(config.DIALOGS_DIR);
  console.log(`dialogs: ${forms.ids.length} forms in ${forms.locales.join(', ')}`);
  const [base, ...translations] = knowledgeLocales(root).map((locale) => loadKnowledge(root, locale));
  let errors = 0;
  for (const translation of translations) {
    for (const problem of translationGaps(base!, translation)) {
      console.log(`error: ${formatProblem(problem)}`);
      errors++;
    }
  }
  for (const knowledge of [base!, ...translations]) errors += checkLocale(knowledge);
  return errors > 0 ? 1 : 0;
});

/** One locale's checks; prints its problems and returns how many are errors. */
function checkLocale(knowledge: KnowledgeBase): number {
  const engine = new AnswerEngine(knowledge);
  const where = (file: string) => `${knowledge.folder}/${file}`;
  let errors = 0;

  for (const problem of ungroundedDetails(knowledge)) {
    console.log(`error: ${formatProblem(problem)}`);
    errors++;
  }
  for (const gap of uncoveredSentences(knowledge)) {
    console.log(`error: ${gap.file}:${gap.line}: section "${gap.section}": no answer covers "${gap.sentence}" (best ${(gap.best * 100).toFixed(0)}%)`);
    errors++;
  }
  for (const { topic, phrase, why } of engine.outOfScope.ineffective) {
    const reason = why === 'used' ? 'uses only words the knowledge uses' : 'is read as a number or a two-letter stem, which other words share';
    console.log(`error: ${where('out-of-scope.yaml')}: topic ${topic}: "${phrase}" ${reason}, so it would decline in-scope questions (use a longer phrase, or a wording)`);
    errors++;
  }
  for (const word of engine.places.unseenPresenceWords) {
    console.log(`error: ${where('places.yaml')}: presence word "${word}" is a stop word, so no question ever shows it`);
    errors++;
  }
  let warnings = 0;
  for (const { list, phrase, readsAs } of shortenedPhrases(knowledge.intents)) {
    console.log(`warning: ${where('intents.yaml')}: ${list}: "${phrase}" is matched as "${readsAs}" (one-letter words are not read)`);
    warnings++;
  }
  let overlaps = 0;
  for (const entry of knowledge.entries) {
    entry.questions.forEach((question, i) => {
      const top = engine.ask(question).candidates.find((c) => c.unit.kind === 'entry');
      if (top?.unit.kind === 'entry' && top.unit.entry.id !== entry.id) {
        const { file, line } = knowledge.locate(entry.id, ['questions', i]);
        console.log(`warning: ${file}:${line}: "${question}" (${entry.id}) matches ${top.unit.entry.id} best`);
        overlaps++;
      }
    });
  }
  const questions = knowledge.entries.reduce((sum, e) => sum + e.questions.length, 0);
  console.log(
    `${knowledge.locale}: ${knowledge.entries.length} entries, ${questions} alternate questions, ${knowledge.passages.length} passages: ${errors} error(s), ${overlaps} overlapping question(s), ${warnings} shortened phrase(s)`,
  );
  return errors;
}
