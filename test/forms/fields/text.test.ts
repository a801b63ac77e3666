import { expect } from 'chai';
import { err, HUGE, ok } from './fieldResults';
import type { FieldResult } from '../../../src/forms/fields/fieldType';
import { validateText, type TextRules } from '../../../src/forms/fields/text';

describe('forms/fields/text', () => {
  describe('validateText', () => {
    const table: [string, string, TextRules, FieldResult][] = [
      ['empty', '', {}, err('required')],
      ['only spaces', '   ', {}, err('required')],
      ['only newlines and tabs', '\n\t \n', {}, err('required')],
      ['trimmed, runs of spaces collapsed, newlines kept', '  two\t  words\n\nnext line  ', {}, ok('two words\n\nnext line')],
      ['too short', 'ab', { minLength: 3 }, err('tooShort')],
      ['exactly the minimum', 'abc', { minLength: 3 }, ok('abc')],
      ['too long', 'abcd', { maxLength: 3 }, err('tooLong')],
      ['emoji count as one character each', '👍👍👍', { maxLength: 3 }, ok('👍👍👍')],
      ['a pile of combining marks is not one character', `a${'\u0301'.repeat(10)}`, { maxLength: 3 }, err('tooLong')],
      ['100 KB', HUGE, { maxLength: 300 }, err('tooLong')],
      ['HTML kept as text', '<b>x</b>', {}, ok('<b>x</b>')],
      ['pattern matches the whole answer', '2024-00871', { pattern: '\\d{4}-\\d+' }, ok('2024-00871')],
      ['pattern is anchored', 'case 2024-00871', { pattern: '\\d{4}-\\d+' }, err('pattern')],
      ['pattern alternatives are anchored together', 'ab', { pattern: 'a|b' }, err('pattern')],
    ];
    for (const [name, input, rules, expected] of table) {
      it(name, () => expect(validateText(input, rules)).to.deep.equal(expected));
    }
  });
});
