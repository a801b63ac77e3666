import { expect } from 'chai';
import { TurnLanguage } from '../../src/bot/turnLanguage';

const languages = new TurnLanguage([
  { locale: 'en', switch: ['english please', 'in english'] },
  { locale: 'es', switch: ['en español', 'in spanish'] },
  { locale: 'fr', switch: ['en français', 'in french'] },
]);

describe('bot/turnLanguage', () => {
  it('answers in the language a partner asks for, with a courtesy word or two', () => {
    expect(languages.choose('en español por favor', 'en-US', {})).to.deep.equal({ locale: 'es', switched: true, remember: true });
    expect(languages.choose('English please!', 'es-MX', { language: 'es' })).to.deep.include({ locale: 'en', switched: true });
    // A question that names a language asks about it: "are the courses in Spanish?" is no switch.
    expect(languages.choose('are the ILEA courses taught in spanish or only in english?', 'en-US', {})).to.deep.include({ locale: 'en', switched: false });
  });

  it('answers a message plainly written in another language in that language, and remembers it', () => {
    expect(languages.choose('¿Qué cursos patrocina la ATF en las academias?', 'en-US', { language: 'en' })).to.deep.equal({ locale: 'es', switched: false, remember: true });
    expect(languages.choose("Quelles sont les équipes d'intervention internationales de l'ATF?", undefined, {})).to.deep.include({ locale: 'fr', remember: true });
  });

  it('keeps the conversation\'s language for a message too short or too mixed to tell, else the channel\'s', () => {
    expect(languages.choose('ok', 'en-US', { language: 'es', channelLocale: 'en-US' })).to.deep.equal({ locale: 'es', switched: false, remember: false });
    expect(languages.choose('BATS?', 'fr-CA', {})).to.deep.include({ locale: 'fr', remember: false });
    // Keywords carry no function words: "ATF IAD mission statement" says nothing of its language.
    expect(languages.choose('ATF IAD mission statement', 'es-MX', {})).to.deep.include({ locale: 'es' });
    expect(languages.choose('what is eTrace', 'pt-BR', {})).to.deep.include({ locale: 'en' });
    expect(languages.choose(undefined, 'de-DE', {})).to.deep.include({ locale: 'en' });
  });

  it('follows the channel when its locale changes, as the web page\'s language switch changes it', () => {
    expect(languages.choose('BATS?', 'fr-CA', { language: 'es', channelLocale: 'es-MX' })).to.deep.equal({ locale: 'fr', switched: false, remember: true });
    expect(languages.choose('BATS?', 'es-MX', { language: 'en', channelLocale: 'es-MX' })).to.deep.include({ locale: 'en' });
  });
});
