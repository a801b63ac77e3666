import { expect } from 'chai';
import { redactPersonalData } from '../../src/storage/redact';

describe('storage/redact', () => {
  const known = new Set(['etrace', 'mexico', 'atf', 'iad', 'bats', 'my', 'can', 'how']);
  const isKnown = (word: string) => known.has(word);
  const table: [string, string, string][] = [
    ['an e-mail address', 'write to maria.lopez@policia.example please', 'write to [email] please'],
    ['a phone number', 'call me on +52 (55) 1234-5678', 'call me on [number]'],
    ['a case number', 'case 2024-00871 needs etrace', 'case [number] needs etrace'],
    ['a link', 'see https://example.org/case?id=7', 'see [link]'],
    ['names', 'My name is Maria Lopez from Mexico, can ATF help?', 'My name is [name] [name] from Mexico, can ATF help?'],
    ['a name that opens the message', 'Maria here, can ATF help?', '[name] here, can ATF help?'],
    ['nothing personal', 'How do I get etrace access', 'How do I get etrace access'],
  ];
  for (const [name, input, expected] of table) {
    it(`removes ${name}`, () => expect(redactPersonalData(input, isKnown)).to.equal(expected));
  }
});
