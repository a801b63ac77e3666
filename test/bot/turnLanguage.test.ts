import { expect } from 'chai';
import { TurnLanguage } from '../../src/bot/turnLanguage';

const languages = new TurnLanguage([
  { locale: 'en', switch: ['english please', 'in english'] },
  { locale: 'es', switch: ['en español', 'in spanish'] },
  { locale: 'fr', switch: ['en français', 'in french'] },
]);

describe('bot/turnLanguage', () => {
  it('answers in the language a partner asks for, with a courtesy word or two', () => {
    expect(languages.choose('en español por favor', 'en-US', undefined)).to.deep.equal({ locale: 'es', switched: true, remember: true });
    expect(languages.choose('English please!', 'es-MX', 'es')).to.deep.include({ locale: 'en', switched: true });
    // A question that names a language asks about it: "are the courses in Spanish?" is no switch.
    expect(languages.choose('are the ILEA courses taught in spanish or only in english?', 'en-US', undefined)).to.deep.include({ locale: 'en', switched: false });
  });

  it('answers a message plainly written in another language in that language, and remembers it', () => {
    expect(languages.choose('¿Qué cursos patrocina la ATF en las academias?', 'en-US', 'en')).to.deep.equal({ locale: 'es', switched: false, remember: true });
    expect(languages.choose("Quelles sont les équipes d'intervention internationales de l'ATF?", undefined, undefined)).to.deep.include({ locale: 'fr', remember: true });
  });

  it('keeps the conversation\'s language for a message too short or too mixed to tell, else the channel\'s', () => {
    expect(languages.choose('ok', 'en-US', 'es')).to.deep.equal({ locale: 'es', switched: false, remember: false });
    expect(languages.choose('BATS?', 'fr-CA', undefined)).to.deep.include({ locale: 'fr', remember: false });
    // Keywords carry no function words: "ATF IAD mission statement" says nothing of its language.
    expect(languages.choose('ATF IAD mission statement', 'es-MX', undefined)).to.deep.include({ locale: 'es' });
    expect(languages.choose('what is eTrace', 'pt-BR', undefined)).to.deep.include({ locale: 'en' });
    expect(languages.choose(undefined, 'de-DE', undefined)).to.deep.include({ locale: 'en' });
  });
});
