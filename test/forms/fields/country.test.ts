import { expect } from 'chai';
import { err, HUGE, ok } from './fieldResults';
import { countryName, validateCountry } from '../../../src/forms/fields/country';
import type { FieldResult } from '../../../src/forms/fields/fieldType';
import { VOCABULARY } from './vocabularyFixture';

describe('forms/fields/country', () => {
  describe('validateCountry', () => {
    const table: [string, string, string | undefined, FieldResult][] = [
      ['English name, lowercase', 'mexico', undefined, ok('MX')],
      ['name with accent', 'México', undefined, ok('MX')],
      ['code', 'MX', undefined, ok('MX')],
      ['lowercase code', 'mx', undefined, ok('MX')],
      ['a lowercase word that is also a code: "no" is no Norway', 'no', undefined, err('invalid')],
      ['the same code in capitals', 'NO', undefined, ok('NO')],
      ['leading "the"', 'the netherlands', undefined, ok('NL')],
      ['Holland', 'Holland', undefined, ok('NL')],
      ['Curaçao', 'Curaçao', undefined, ok('CW')],
      ['Curacao without cedilla', 'curacao', undefined, ok('CW')],
      ['Trinidad alone', 'trinidad', undefined, ok('TT')],
      ['"and" for "&"', 'Trinidad and Tobago', undefined, ok('TT')],
      ['The Bahamas', 'The Bahamas', undefined, ok('BS')],
      ['USA', 'USA', undefined, ok('US')],
      ['U.S.A.', 'U.S.A.', undefined, ok('US')],
      ['United States of America', 'United States of America', undefined, ok('US')],
      ['UK', 'UK', undefined, ok('GB')],
      ['Great Britain', 'great britain', undefined, ok('GB')],
      ['"St." and "Saint"', 'Saint Lucia', undefined, ok('LC')],
      ['the code ST is not "saint"', 'ST', undefined, ok('ST')],
      ['a parenthesised alternative', 'Burma', undefined, ok('MM')],
      ['Kosovo', 'Kosovo', undefined, ok('XK')],
      ['a flag', '🇲🇽', undefined, ok('MX')],
      ['name in the form locale', 'Países Bajos', 'es', ok('NL')],
      ['a name the vocabulary adds, in any form language', 'EEUU', undefined, ok('US')],
      ['a Spanish article', 'la Argentina', 'es', ok('AR')],
      ['a French article and elision', "l'Argentine", 'fr', ok('AR')],
      ['French name with its diaeresis missing', 'Haiti', 'fr', ok('HT')],
      ['English name in another locale', 'Netherlands', 'fr', ok('NL')],
      ['name in a locale the form does not use', 'Países Bajos', undefined, err('invalid')],
      ['an invalid locale falls back to English', 'Mexico', 'not a locale!', ok('MX')],
      ['unknown', 'Atlantis', undefined, err('invalid')],
      ['not a country: EU', 'EU', undefined, err('invalid')],
      ['deprecated code', 'AN', undefined, err('invalid')],
      ['empty', '  ', undefined, err('required')],
      ['emoji only', '🌎', undefined, err('invalid')],
      ['100 KB', HUGE, undefined, err('invalid')],
    ];
    for (const [name, input, locale, expected] of table) {
      it(name, () => expect(validateCountry(input, locale ?? 'en', VOCABULARY)).to.deep.equal(expected));
    }

    it('names a code', () => {
      expect(countryName('NL', 'en')).to.equal('Netherlands');
      expect(countryName('mx', 'es')).to.equal('México');
      expect(countryName('not a code', 'en')).to.equal('not a code');
    });
  });
});
