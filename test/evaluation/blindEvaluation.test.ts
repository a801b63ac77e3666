import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { evaluateBlindSet, mentionsAll, type BotReply, type ChatTarget, type PartnerInput } from '../../src/evaluation/blindEvaluation';
import { byLocale, readBlindSet, type BlindSet } from '../../src/evaluation/blindSet';

/** A stand-in bot that replies from a table, by message. */
function scripted(table: Record<string, BotReply[]>): ChatTarget {
  return { conversation: () => async (input: PartnerInput) => (typeof input === 'string' ? (table[input] ?? []) : (table[JSON.stringify(input.value)] ?? [])) };
}
const answer = (text: string, extra = {}): BotReply => ({ text, buttons: [], iad: { decision: 'answer', ...extra } });

const set: BlindSet = {
  author: 'test',
  written: '2026-12-02',
  locale: 'en',
  answer: [
    { q: 'what is eTrace', section: 'Technical Assistance', mustMention: ['eTrace'] },
    { q: 'where are staff', section: 'x', mustMention: ['Canada|Mexico'] },
    { q: 'ambiguous', section: 'x', mustMention: ['BATS'] },
  ],
  partial: [{ q: 'cost?', topic: 't', missing: 'cost' }],
  decline: [{ q: 'weather?' }],
  requests: [{ q: 'open a request for a trace', form: 'assistance', service: 'tracing' }],
  status: [{ q: 'my request?' }],
  doItNow: [{ q: 'trace it now', service: 'tracing' }],
  followUps: [{ turns: [{ q: 'what is eTrace', mustMention: ['eTrace'] }, { q: 'I want that', expect: 'request-assistance' }] }],
};

describe('evaluation/blindEvaluation', () => {
  it('judges what a partner sees: the terms of a right answer, honesty, declines, started requests', async () => {
    const report = await evaluateBlindSet(
      scripted({
        'what is eTrace': [answer('Firearms tracing with eTrace')],
        'where are staff': [answer('IAD staff work in Mexico'), { text: 'I will take your request', buttons: [], iad: { decision: 'form', formId: 'request-assistance' } }],
        ambiguous: [{ text: 'Did you mean', buttons: [{ title: 'BATS', value: 'bats' }], iad: { decision: 'clarify', options: ['bats'] } }],
        '"bats"': [answer('Access to BATS')],
        'cost?': [answer('ILEA courses', { missing: 'cost' })],
        'weather?': [answer('the weather is fine')],
        'open a request for a trace': [{ text: 'I will take your request', buttons: [], iad: { decision: 'form', formId: 'request-assistance', prefilled: { assistanceType: 'tracing' } } }],
        'my request?': [{ text: 'Your requests', buttons: [], iad: { decision: 'status' } }],
        'trace it now': [{ text: 'I cannot do that myself', buttons: [], iad: { decision: 'cannotDo' } }],
        'I want that': [{ text: 'I will take your request', buttons: [], iad: { decision: 'form', formId: 'request-assistance' } }],
      }),
      set,
    );
    // Answered, but a form opened after a plain question too: counted, as it costs the partner a cancel.
    expect(report.answer).to.include({ total: 3, correct: 2, clarified: 1, clarifiedFirstRight: 1 });
    expect(report.answer.formsOpened).to.deep.equal(['where are staff']);
    expect(report.partial).to.include({ correct: 1, withContent: 1 });
    expect(report.partial.formsOpened).to.deep.equal([]);
    expect(report.decline).to.include({ total: 1, correct: 0 });
    expect(report.decline.failures[0]).to.deep.include({ question: 'weather?', got: 'answer: the weather is fine' });
    expect(report.requests).to.include({ correct: 1, prefilled: 1 });
    expect(report.status.correct).to.equal(1);
    expect(report.doItNow.correct).to.equal(1);
    expect(report.followUps).to.include({ total: 2, correct: 2, conversations: 1, conversationsRight: 1 });
  });

  it('talks to the bot in the language the set is written in, as a channel would say it', async () => {
    const locales: string[] = [];
    const target: ChatTarget = { conversation: (locale) => (locales.push(locale), async () => [answer('eTrace')]) };
    await evaluateBlindSet(target, { ...set, locale: 'es' });
    expect(new Set(locales)).to.deep.equal(new Set(['es']));
    const groups = byLocale([{ set }, { set: { ...set, locale: 'fr' as const } }, { set }]);
    expect([...groups].map(([locale, group]) => [locale, group.length])).to.deep.equal([['en', 2], ['fr', 1]]);
  });

  it('takes an answer in the partner\'s language as right when its entry has the terms, and wants a set\'s own language', async () => {
    const onlyAnswers = { ...set, partial: [], decline: [], requests: [], status: [], doItNow: [], followUps: [] };
    const help = {
      englishText: (id: string) => (id === 'etrace-tracing' ? 'eTrace firearms tracing' : undefined),
      languageOf: (text: string) => (/rastreo/.test(text) ? ('es' as const) : ('en' as const)),
    };
    const spanish = scripted({ 'what is eTrace': [answer('El rastreo de armas con eTrace', { entryId: 'etrace-tracing' })] });
    // An English set's question answered in Spanish (the partner wrote Spanish): the entry's English text has "tracing".
    const en = await evaluateBlindSet(spanish, { ...onlyAnswers, answer: [{ q: 'what is eTrace', section: 'x', mustMention: ['tracing'] }] }, help);
    expect(en.answer.correct).to.equal(1);
    // A Spanish set answered in English is not answered in the partner's language, whatever its terms.
    const english = scripted({ 'que es eTrace': [answer('eTrace firearms tracing', { entryId: 'etrace-tracing' })] });
    const es = await evaluateBlindSet(english, { ...onlyAnswers, locale: 'es', answer: [{ q: 'que es eTrace', section: 'x', mustMention: ['eTrace'] }] }, help);
    expect(es.answer.correct).to.equal(0);
  });

  const mentions: [string, string[], boolean][] = [
    ['Firearms tracing with eTrace', ['etrace'], true],
    ['IAD staff work in México', ['Mexico|Canada'], true],
    ['ILEA courses', ['ILEA', '2019'], false],
  ];
  for (const [text, terms, expected] of mentions) it(`"${text}" ${expected ? 'mentions' : 'does not mention'} ${terms.join(' + ')}`, () => expect(mentionsAll(text, terms)).to.equal(expected));

  it('reads every committed blind set', () => {
    const folder = join(__dirname, '..', 'fixtures', 'blind');
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.yaml'))) expect(readBlindSet(join(folder, file)).answer.length, file).to.be.greaterThan(50);
  });
});
