import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { ContentError } from '../../src/content/contentError';
import { loadForms } from '../../src/forms/loadForms';
import { tempDir } from '../helpers';

const DIALOGS = join(__dirname, '..', '..', 'dialogs');

/** A copy of dialogs/ with one file changed, and the error its loading reports. */
function errorsAfter(file: string, change: (text: string) => string): string {
  const dir = join(tempDir('dialogs'), 'dialogs');
  cpSync(DIALOGS, dir, { recursive: true });
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  try {
    loadForms(dir);
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return (error as ContentError).message;
  }
  throw new Error('expected the dialogs to be rejected');
}

describe('forms/loadForms', () => {
  it('loads every real dialog file', () => {
    expect(loadForms(DIALOGS).ids).to.deep.equal(['request-assistance', 'request-training']);
  });

  it('gives each language its form: its words, the same fields, and the default language\'s names as synonyms', () => {
    const forms = loadForms(DIALOGS);
    const english = forms.form('request-assistance', 'en')!;
    const spanish = forms.form('request-assistance', 'es')!;
    expect(spanish.locale).to.equal('es');
    expect(spanish.title).to.not.equal(english.title);
    expect(spanish.fields.map((f) => [f.id, f.type, f.required])).to.deep.equal(english.fields.map((f) => [f.id, f.type, f.required]));
    const [englishType, spanishType] = [english.fields[0]!, spanish.fields[0]!];
    if (englishType.type !== 'choice' || spanishType.type !== 'choice') throw new Error('the first field is the type of assistance');
    expect(spanishType.choices.find((c) => c.value === 'bats')!.synonyms).to.include.members(englishType.choices.find((c) => c.value === 'bats')!.synonyms);
  });

  const broken: [string, string, (text: string) => string, RegExp][] = [
    ['an unknown field type', 'request-assistance.yaml', (t) => t.replace('type: email', 'type: mail'), /request-assistance\.yaml:\d+: fields\[5\]\.type: Invalid discriminator value. Expected 'text' \| 'longText'/],
    ['a misspelt key', 'request-assistance.yaml', (t) => t.replace('    help: E-mail is how', '    hlep: E-mail is how'), /request-assistance\.yaml:\d+: fields\[5\]: Unrecognized key: "hlep"/],
    ['a missing prompt', 'request-training.yaml', (t) => t.replace('    prompt: About how many people would take part?\n', ''), /request-training\.yaml:\d+: fields\[2\]\.prompt: Invalid input/],
    ['a condition on a later field', 'request-assistance.yaml', (t) => t.replace('when: { field: assistanceType, in: [response-team, laboratory, bats] }', 'when: { field: urgency, equals: urgent }'), /request-assistance\.yaml:\d+: fields\[8\]\.when\.field: "urgency" is not an earlier field/],
    ['a condition naming a value that is not a choice', 'request-training.yaml', (t) => t.replace('when: { field: topic, equals: other }', 'when: { field: topic, equals: cyber }'), /request-training\.yaml:\d+: fields\[1\]\.when: "cyber" is not a value of topic/],
    ['a duplicate field id', 'request-training.yaml', (t) => t.replace('id: period', 'id: country'), /request-training\.yaml:\d+: fields\[5\]\.id: duplicate field id "country"/],
    ['an invalid pattern', 'request-training.yaml', (t) => t.replace('pattern: "[0-9]{1,4}"', 'pattern: "[0-9"'), /request-training\.yaml:\d+: fields\[2\]\.pattern: is not a valid regular expression/],
    ['a submitted text without the reference', 'request-training.yaml', (t) => t.replaceAll('{reference}', 'it'), /request-training\.yaml:\d+: submitted: must contain \{reference\}/],
    ['a field left untranslated', 'es/request-training.yaml', (t) => t.replace(/^  participants:/m, '  participantes:'), /es\/request-training\.yaml:\d+: fields: field "participants" is not translated/],
    ['a translated field the form does not have', 'es/request-training.yaml', (t) => t.replace(/^  participants:/m, '  participantes:'), /es\/request-training\.yaml:\d+: fields\.participantes: "participantes" is not a field of request-training/],
    ['a choice the form does not have', 'fr/request-training.yaml', (t) => t.replace(/^      arson:/m, '      arsonn:'), /fr\/request-training\.yaml:\d+: fields\.topic\.choices\.arsonn: "arsonn" is not a choice of topic/],
    ['a translation in the wrong folder', 'fr/request-assistance.yaml', (t) => t.replace(/^locale: fr/m, 'locale: es'), /fr\/request-assistance\.yaml:\d+: locale: must be "fr", the folder's language/],
  ];
  for (const [name, file, change, expected] of broken) {
    it(`reports ${name} with file, line and field`, () => {
      const message = errorsAfter(file, change);
      expect(message).to.match(expected);
      expect(message).to.not.match(/\n\s+at /);
    });
  }
});
