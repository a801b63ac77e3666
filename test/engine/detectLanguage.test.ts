import { expect } from 'chai';
import { detectLanguage } from '../../src/engine/detectLanguage';

const LOCALES = ['en', 'es', 'fr'] as const;

describe('engine/detectLanguage', () => {
  const table: [string, string, 'en' | 'es' | 'fr' | undefined, 'en' | 'es' | 'fr' | undefined][] = [
    ['a Spanish question', '¿Cuáles son los cursos que ofrece la ATF a los policías extranjeros?', undefined, 'es'],
    ['a French question', 'Quelles sont les formations offertes par l’ATF aux policiers étrangers ?', undefined, 'fr'],
    ['an English question', 'Which countries does the division have staff in?', 'es', 'en'],
    ['keywords say nothing', 'ATF IAD mission statement', undefined, undefined],
    ['too short', 'BATS?', undefined, undefined],
    ['a Spanish question on a French conversation switches it', '¿Cuáles son los cursos que ofrece la ATF en las academias?', 'fr', 'es'],
    // French without accents shares "la", "de" and "a" with Spanish: a tie keeps the conversation's language.
    ['French without accents on a French conversation stays French', 'la campagne anti-trafic de 2021, ca vise quoi a la frontiere?', 'fr', undefined],
  ];
  for (const [name, text, current, expected] of table) it(name, () => expect(detectLanguage(text, LOCALES, current)).to.equal(expected));
});
