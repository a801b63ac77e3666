import { expect } from 'chai';
import { shortenedPhrases, translationGaps, ungroundedDetails, uncoveredSentences } from '../../src/content/contentChecks';
import { knowledgeLocales, loadKnowledge, type KnowledgeBase } from '../../src/content/loadKnowledge';
import { KNOWLEDGE_DIR, realEngine } from '../helpers';

describe('content/contentChecks', () => {
  const { knowledge } = realEngine();

  it('covers every sentence of the program text with a curated answer', () => {
    const gaps = uncoveredSentences(knowledge);
    expect(gaps.map((g) => `${g.section}: ${g.sentence}`)).to.deep.equal([]);
  });

  it('finds the sentences that lose their answer when an entry is removed', () => {
    const withoutCampaign: KnowledgeBase = { ...knowledge, entries: knowledge.entries.filter((e) => e.id !== 'anti-firearms-trafficking-campaign') };
    const gaps = uncoveredSentences(withoutCampaign);
    expect(gaps.some((g) => g.sentence.startsWith('In 2021, ATF and interagency partners launched'))).to.equal(true);
  });

  it('states no number, date, e-mail or link that the source lacks', () => {
    expect(ungroundedDetails(knowledge)).to.deep.equal([]);
  });

  it('flags an invented phone number, e-mail address and date', () => {
    const [first, ...rest] = knowledge.entries;
    const invented = { ...first!, answer: `${first!.answer} Call +1 202 555 0100, write to iad@atf.example or visit www.atf.gov before March 3, 2027.` };
    const problems = ungroundedDetails({ ...knowledge, entries: [invented, ...rest] });
    const messages = problems.map((p) => p.message).join('\n');
    expect(messages).to.match(/number "202"/);
    expect(messages).to.match(/e-mail address "iad@atf.example"/);
    expect(messages).to.match(/link "www.atf.gov"/);
    expect(messages).to.match(/number "2027"/);
  });

  it('tells which intent phrases analysis leaves with one word or none', () => {
    const intents = { ...knowledge.intents, followUp: { ...knowledge.intents.followUp, request: ['i want a', 'we want a'] }, doItNow: { ...knowledge.intents.doItNow, cues: ['u', 'now'] } };
    expect(shortenedPhrases(intents)).to.deep.equal([
      { list: 'doItNow.cues', phrase: 'u', readsAs: '' },
      { list: 'followUp.request', phrase: 'i want a', readsAs: 'want' },
    ]);
    expect(shortenedPhrases(knowledge.intents)).to.deep.equal([]);
  });
});

describe('content/contentChecks translationGaps', () => {
  it('finds every entry, detail, topic and place of English in each translation of knowledge/', () => {
    const [base, ...translations] = knowledgeLocales(KNOWLEDGE_DIR).map((locale) => loadKnowledge(KNOWLEDGE_DIR, locale));
    expect(translations.map((t) => t.locale)).to.deep.equal(['es', 'fr']);
    for (const translation of translations) expect(translationGaps(base!, translation), translation.locale).to.deep.equal([]);
  });

  it('names the folder and the entry a translation lacks', () => {
    const base = loadKnowledge(KNOWLEDGE_DIR, 'en');
    const es = loadKnowledge(KNOWLEDGE_DIR, 'es');
    const gaps = translationGaps(base, { ...es, entries: es.entries.filter((e) => e.id !== 'bats') });
    expect(gaps.map((g) => `${g.file}: ${g.message}`).join('\n')).to.match(/knowledge\/es: entry "bats" .* has no es translation/);
  });
});
