import { expect } from 'chai';
import type { AnswerEngine } from '../../src/engine/answerEngine';
import { EngineSet } from '../../src/engine/engineSet';

const engine = (locale: string) => ({ knowledge: { locale } }) as unknown as AnswerEngine;

describe('engine/engineSet', () => {
  it("gives a turn its locale's engine, by language, and the default for a locale it lacks", () => {
    const set = new EngineSet([engine('en'), engine('es')], 'en');
    expect(set.for('es-MX').knowledge.locale).to.equal('es');
    expect(set.for('fr-CA').knowledge.locale).to.equal('en');
    expect(set.for(undefined).knowledge.locale).to.equal('en');
    expect(() => new EngineSet([engine('es')], 'en')).to.throw(/no engine for the default locale "en"/);
  });
});
