import type { Locale } from '../content/knowledgeEntry';
import type { FormDefinition } from './formDefinition';

/**
 * The guided dialogs in every language: the default language's, as written in dialogs/,
 * and each translation. A language without translations speaks the default's forms.
 */
export class FormCatalog {
  constructor(
    private readonly byLocale: ReadonlyMap<Locale, readonly FormDefinition[]>,
    readonly defaultLocale: Locale,
  ) {}

  get locales(): Locale[] {
    return [...this.byLocale.keys()];
  }

  /** The forms in `locale` (the default language's when it has none). */
  in(locale: Locale): readonly FormDefinition[] {
    return this.byLocale.get(locale) ?? this.byLocale.get(this.defaultLocale)!;
  }

  get ids(): string[] {
    return this.in(this.defaultLocale).map((form) => form.id);
  }

  form(id: string, locale: Locale = this.defaultLocale): FormDefinition | undefined {
    return this.in(locale).find((form) => form.id === id);
  }
}
