import { localeOfTag, type Locale } from '../content/knowledgeEntry';
import type { AnswerEngine } from './answerEngine';

/**
 * The answer engines by locale, one per knowledge folder. A turn asks the engine of its
 * locale ("es-MX" is "es"), or the default one when the locale has none.
 */
export class EngineSet {
  private readonly engines: ReadonlyMap<string, AnswerEngine>;

  constructor(engines: readonly AnswerEngine[], readonly defaultLocale: Locale) {
    this.engines = new Map(engines.map((engine) => [engine.knowledge.locale, engine]));
    if (!this.engines.has(defaultLocale)) throw new Error(`EngineSet: no engine for the default locale "${defaultLocale}"`);
  }

  /** A set of one engine, whose locale is the default. */
  static of(engine: AnswerEngine): EngineSet {
    return new EngineSet([engine], engine.knowledge.locale);
  }

  /** The locales answered, the default first. */
  get locales(): Locale[] {
    return [this.defaultLocale, ...[...this.engines.keys()].filter((locale) => locale !== this.defaultLocale)] as Locale[];
  }

  /** The locale of a language tag ("es-MX" is "es") when one of this set's, else undefined. */
  supported(tag: string | undefined): Locale | undefined {
    return localeOfTag(tag, this.locales);
  }

  get default(): AnswerEngine {
    return this.engines.get(this.defaultLocale)!;
  }

  for(locale: string | undefined): AnswerEngine {
    return this.engines.get(this.supported(locale) ?? this.defaultLocale)!;
  }
}
