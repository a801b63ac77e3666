import { expect } from 'chai';
import { err, HUGE, ok } from './fieldResults';
import type { FieldResult } from '../../../src/forms/fields/fieldType';
import { validateYesNo } from '../../../src/forms/fields/yesNo';
import { VOCABULARY } from './vocabularyFixture';

describe('forms/fields/yesNo', () => {
  describe('validateYesNo', () => {
    const table: [string, string, FieldResult][] = [
      ['yes', 'yes', ok('yes')],
      ['capitals and punctuation', 'Yes!', ok('yes')],
      ['with please', 'yes please', ok('yes')],
      ['y', 'Y', ok('yes')],
      ['okay', 'okay.', ok('yes')],
      ['of course', 'Of course!', ok('yes')],
      ['i agree', 'I agree', ok('yes')],
      ['sí', 'Sí', ok('yes')],
      ['si, gracias', 'si, gracias', ok('yes')],
      ['oui', 'oui merci', ok('yes')],
      ['ja', 'ja', ok('yes')],
      ['true', 'TRUE', ok('yes')],
      ['thumbs up with a skin tone', '👍🏽', ok('yes')],
      ['no', 'no', ok('no')],
      ['nope', 'Nope.', ok('no')],
      ['no thanks', 'No, thanks', ok('no')],
      ['non', 'non', ok('no')],
      ['nee', 'nee', ok('no')],
      ['false', 'false', ok('no')],
      ['thumbs down', '👎', ok('no')],
      ['i do not agree', 'I do not agree', ok('no')],
      ["don't", "Don't", ok('no')],
      ['unsure', 'not sure', err('invalid')],
      ['both', 'yes and no', err('invalid')],
      ['something else', 'maybe', err('invalid')],
      ['emoji only', '🙂', err('invalid')],
      ['empty', ' ', err('required')],
      ['100 KB', HUGE, err('invalid')],
    ];
    for (const [name, input, expected] of table) {
      it(name, () => expect(validateYesNo(input, VOCABULARY)).to.deep.equal(expected));
    }
  });
});
