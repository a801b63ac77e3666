import { expect } from 'chai';
import { placeNamesFromIntl, redactPersonalData } from '../../src/storage/redact';

describe('storage/redact', () => {
  const knownWords = new Set(['etrace', 'atf', 'iad', 'rcmp', 'training', 'trace', 'access', 'help']);
  const places = new Set(['mexico', 'rotterdam', 'port', 'spain', 'canada']);
  const known = { isKnownWord: (word: string) => knownWords.has(word), isPlaceName: (word: string) => places.has(word) };
  const redact = (text: string) => redactPersonalData(text, known);

  const removed: [string, string, string][] = [
    ['a name after "my name is"', 'My name is Maria Lopez from Mexico, can ATF help?', 'My name is [name] [name] from Mexico, can ATF help?'],
    ['a name written in lowercase after "my name is"', 'my name is maria lopez and I need training', 'my name is [name] [name] and I need training'],
    ['a name inside a sentence', 'Can John Smith get his old car repaired?', 'Can [name] [name] get his old car repaired?'],
    ['a name that signs the message', 'Maria here, can ATF help?', '[name] here, can ATF help?'],
    ['a name after a rank, even one that is a place', 'Officer Jordan asked, and Dr. Lopez too', 'Officer [name] asked, and Dr. [name] too'],
    ['a name after "soy" and "je suis"', 'Hola, soy María Fernández. Bonjour, je suis Jean-Pierre Dubois', 'Hola, soy [name] [name]. Bonjour, je suis [name] [name]'],
    ['a name typed in capitals', 'HOW DO I GET ETRACE ACCESS FOR MARIA LOPEZ', 'HOW DO I GET ETRACE ACCESS FOR [name] [name]'],
    ['an e-mail address', 'write to maria.lopez@policia.example please', 'write to [email] please'],
    ['a link', 'see https://example.org/case?id=7', 'see [link]'],
    ['phone numbers', 'call +52 55 1234 5678 or +52 (55) 1234-5678', 'call [number] or [number]'],
    ['a case number', 'case 2024-00871 needs etrace', 'case [number] needs etrace'],
    ['a short case number', 'what about case 4471?', 'what about case [number]?'],
    ['a reference number', 'status of IAD-2026-000123', 'status of [number]'],
    ['serial numbers', 'trace BXK482 and 4471-AC23', 'trace [number] and [number]'],
    ['licence plates', 'plate ABC 1234, also XYZ-123-D', 'plate [number], also [number]'],
    ['a long digit run', 'my badge 88412907', 'my badge [number]'],
  ];
  for (const [name, input, expected] of removed) {
    it(`removes ${name}`, () => expect(redact(input)).to.equal(expected));
  }

  const kept: [string, string][] = [
    ['countries and cities', 'Training in Mexico, Rotterdam and Port of Spain'],
    ['an agency the knowledge knows', 'Can the RCMP get etrace access?'],
    ['an ordinary word opening a sentence', 'Extradition treaty with Mexico? Weather too.'],
    ['a question with nothing personal', 'How do I get etrace access'],
    ['years, periods and small numbers', 'We ran 12 classes in 2025 and 2019-2024 for 300 officers'],
    ['firearm models and measures', 'Are AK-47 and 9mm traced since the 1990s?'],
    ['months and languages', 'Is there training in January in Spanish?'],
  ];
  for (const [name, input] of kept) {
    it(`keeps ${name}`, () => expect(redact(input)).to.equal(input));
  }

  it('keeps questions short', () => expect(redact('etrace '.repeat(100))).to.have.length(300));

  it('lists the words of country and region names in several languages', () => {
    const names = placeNamesFromIntl(['en', 'es']);
    expect(['mexico', 'méxico', 'trinidad', 'tobago', 'caribbean', 'países', 'bajos'].filter((word) => !names.has(word))).to.deep.equal([]);
    expect(names.has('unknown'), 'private-use codes name no place').to.equal(false);
  });
});
