import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError, throwIfAny, type ContentProblem } from '../content/contentError';
import { Locale } from '../content/knowledgeEntry';
import { formatFieldPath, readYamlFile, type YamlSource } from '../content/yamlFile';
import { checkField, conditionValues, type FormField } from './fields/fieldTypes';
import { FormCatalog } from './formCatalog';
import { FormDefinition } from './formDefinition';
import { FormTranslation } from './formTranslation';

/**
 * Loads every dialogs/*.yaml (the forms, in the default language) and every
 * dialogs/<locale>/*.yaml (their translations), and checks what the schemas cannot: unique
 * form and field ids, conditions that point at an earlier field with fixed answers and name
 * its values, and translations that cover every field and choice of their form, and nothing
 * else. Every problem is reported with its file and line in one run.
 */
export function loadForms(dir: string, defaultLocale: Locale = 'en'): FormCatalog {
  const problems: ContentProblem[] = [];
  const forms: FormDefinition[] = [];
  for (const file of yamlFiles(dir, problems)) {
    try {
      const { data, source } = readYamlFile(file, FormDefinition);
      checkForm(data, source, problems);
      if (data.locale !== defaultLocale) problems.push({ file: source.file, line: source.lineOf(['locale']), field: 'locale', message: `forms are written in "${defaultLocale}"; translations go in dialogs/<locale>/` });
      if (forms.some((f) => f.id === data.id)) problems.push({ file: source.file, line: source.lineOf(['id']), field: 'id', message: `duplicate form id "${data.id}"` });
      forms.push(data);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
    }
  }
  const byLocale = new Map<Locale, FormDefinition[]>([[defaultLocale, forms]]);
  for (const locale of translationLocales(dir).filter((l) => l !== defaultLocale)) {
    byLocale.set(locale, translate(forms, join(dir, locale), locale, problems));
  }
  throwIfAny(problems);
  return new FormCatalog(byLocale, defaultLocale);
}

function yamlFiles(dir: string, problems: ContentProblem[]): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort().map((name) => join(dir, name));
  } catch {
    problems.push({ file: dir, message: 'folder is missing' });
    return [];
  }
}

function translationLocales(dir: string): Locale[] {
  try {
    const folders = new Set(readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name));
    return Locale.options.filter((locale) => folders.has(locale));
  } catch {
    return [];
  }
}

/** Every form in `locale`, from its translation file; a missing file or text is a problem, named with its file. */
function translate(forms: readonly FormDefinition[], dir: string, locale: Locale, problems: ContentProblem[]): FormDefinition[] {
  const translated: FormDefinition[] = [];
  for (const form of forms) {
    const file = join(dir, `${form.id}.yaml`);
    try {
      const { data, source } = readYamlFile(file, FormTranslation);
      const problem = (path: PropertyKey[], message: string) => problems.push({ file: source.file, line: source.lineOf(path), field: formatFieldPath(path), message });
      if (data.id !== form.id) problem(['id'], `must be "${form.id}", the form this file translates`);
      if (data.locale !== locale) problem(['locale'], `must be "${locale}", the folder's language`);
      translated.push({ ...form, ...data, locale, fields: form.fields.map((field) => translateField(field, data, problem)) });
      for (const id of Object.keys(data.fields)) if (!form.fields.some((f) => f.id === id)) problem(['fields', id], `"${id}" is not a field of ${form.id}`);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
    }
  }
  const names = new Set(forms.map((form) => `${form.id}.yaml`));
  for (const file of yamlFiles(dir, problems)) if (!names.has(file.split(/[\\/]/).pop()!)) problems.push({ file, message: 'translates no form (its name must be a form id)' });
  return translated;
}

/**
 * A field in the translation's words. A choice keeps the default language's names as
 * synonyms too: partners often name a service as ATF does ("eTrace", "BATS", "response team").
 */
function translateField(field: FormField, translation: FormTranslation, problem: (path: PropertyKey[], message: string) => void): FormField {
  const words = translation.fields[field.id];
  if (!words) {
    problem(['fields'], `field "${field.id}" is not translated`);
    return field;
  }
  const { choices: choiceWords, ...texts } = words;
  if ('patternHint' in field && field.patternHint !== undefined && texts.patternHint === undefined) problem(['fields', field.id], 'needs "patternHint": the form gives one');
  if (field.type !== 'choice') {
    if (choiceWords) problem(['fields', field.id, 'choices'], `"${field.id}" has no choices`);
    return { ...field, ...texts };
  }
  for (const value of Object.keys(choiceWords ?? {})) if (!field.choices.some((c) => c.value === value)) problem(['fields', field.id, 'choices', value], `"${value}" is not a choice of ${field.id}`);
  const choices = field.choices.map((choice) => {
    const own = choiceWords?.[choice.value];
    if (!own) problem(['fields', field.id, 'choices'], `choice "${choice.value}" is not translated`);
    return own ? { value: choice.value, label: own.label, synonyms: [...own.synonyms, choice.label, ...choice.synonyms] } : choice;
  });
  return { ...field, ...texts, choices };
}

function checkForm(form: FormDefinition, source: YamlSource, problems: ContentProblem[]): void {
  const problem = (path: PropertyKey[], message: string) => problems.push({ file: source.file, line: source.lineOf(path), field: formatFieldPath(path), message });
  form.fields.forEach((field, index) => {
    const earlier = form.fields.slice(0, index);
    if (earlier.some((f) => f.id === field.id)) problem(['fields', index, 'id'], `duplicate field id "${field.id}"`);
    checkField(field, (path, message) => problem(['fields', index, ...path], message));
    if (!field.when) return;
    const target = earlier.find((f) => f.id === field.when!.field);
    if (!target) {
      problem(['fields', index, 'when', 'field'], `"${field.when.field}" is not an earlier field`);
      return;
    }
    const values = field.when.in ?? [field.when.equals!];
    const allowed = conditionValues(target);
    if (!allowed) problem(['fields', index, 'when', 'field'], `"${target.id}" is a ${target.type} field: conditions need a field with fixed answers (a choice or yes/no)`);
    else for (const value of values) if (!allowed.includes(value)) problem(['fields', index, 'when'], `"${value}" is not a value of ${target.id} (have: ${allowed.join(', ')})`);
  });
}
