import { expect } from 'chai';
import { Analyzer } from '../../src/engine/analyzer';
import { PhraseMatcher, type PhraseMode } from '../../src/engine/phraseMatcher';

const analyzer = new Analyzer();
const found = (phrase: string, mode: PhraseMode, text: string, equivalents?: (stem: string) => string[]) =>
  new PhraseMatcher([{ phrase, value: phrase }], analyzer, mode, equivalents).find(text).length > 0;

describe('engine/phraseMatcher', () => {
  const table: [string, PhraseMode, string, boolean][] = [
    ['background check', 'sequence', 'do you run background checks?', true],
    ['background check', 'sequence', 'a check of his background', false],
    ['have an office', 'phrase', 'do you have an office in Lima?', true],
    ['have an office', 'phrase', 'do you have offices', false],
    ['status of my request', 'words', 'any news: status of my request?', true],
    ['request status', 'words', 'what is the status of our request', true], // any order
    ['status of my request', 'words', 'status: I sent my first report in May and later a request', false], // scattered over the message
    ['we submitted a request', 'wordForms', 'we submitted a request last week', true],
    ['we submitted a request', 'wordForms', 'we want to submit a request', false], // tense is kept
    ['trace this gun', 'words', 'can you trace this gun now', true],
    ['request a course', 'ordered', 'can we request the post-blast course', true],
    ['like training for', 'ordered', 'what is ATF training for investigators like us', false], // out of order
    ['for investigators', 'orderedForms', 'a course for our fire investigators', true],
    ['for investigators', 'orderedForms', 'lab support for investigations', false], // as written
    ['for investigators', 'orderedForms', 'do investigators go for a week', false], // out of order
    ['we requested', 'exact', 'we requested a course last month', true],
    ['we requested', 'exact', 'we request a course', false],
  ];
  for (const [phrase, mode, text, expected] of table) {
    it(`${mode}: "${phrase}" ${expected ? 'is' : 'is not'} in "${text}"`, () => expect(found(phrase, mode, text)).to.equal(expected));
  }

  it('matches a word by its synonyms when given equivalents', () => {
    const gun = (stem: string) => (stem === 'rifl' ? ['rifl', 'gun'] : [stem]);
    expect(found('trace this gun', 'words', 'trace this rifle', gun)).to.equal(true);
    expect(found('trace this gun', 'words', 'trace this rifle')).to.equal(false);
  });

  it('finds the longest phrase first, and only the phrases that do not overlap a longer one', () => {
    const matcher = new PhraseMatcher(['spain', 'port of spain', 'trinidad'].map((phrase) => ({ phrase, value: phrase })), analyzer, 'sequence');
    expect(matcher.find('a pistol found in Port of Spain, Trinidad').map((m) => m.value)).to.deep.equal(['port of spain', 'spain', 'trinidad']);
    expect(matcher.findSeparate('a pistol found in Port of Spain, Trinidad').map((m) => m.value)).to.deep.equal(['port of spain', 'trinidad']);
  });
});
