import { FormVocabulary } from '../../../src/forms/formVocabulary';

/** A small vocabulary in three languages, as messages.yaml `forms.words` gives it: the field tests do not depend on content. */
export const VOCABULARY = new FormVocabulary([
  {
    yes: ['yes', 'y', 'okay', 'ok', 'of course', 'i agree', 'true', 'ja'],
    no: ['no', 'nope', 'not', 'i do not agree', "don't", 'false', 'nee'],
    courtesy: ['please', 'thanks'],
    today: ['today'],
    yesterday: ['yesterday'],
    request: [],
    countries: { USA: 'US', 'United States of America': 'US', UK: 'GB', 'Great Britain': 'GB', Holland: 'NL', Trinidad: 'TT' },
  },
  { yes: ['sí', 'claro'], no: ['no'], courtesy: ['gracias', 'por favor'], today: ['hoy'], yesterday: ['ayer'], request: [], countries: { EEUU: 'US', Holanda: 'NL' } },
  { yes: ['oui', "d'accord"], no: ['non'], courtesy: ['merci'], today: ["aujourd'hui"], yesterday: ['hier'], request: [], countries: {} },
]);
