import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError, throwIfAny, type ContentProblem } from './contentError';
import { EntryFile, Locale, type KnowledgeEntry } from './knowledgeEntry';
import { Messages } from './messages';
import { RetrievalSettings } from './retrievalSettings';
import { SmalltalkFile } from './smalltalk';
import { readSourceDocument, type Passage, type SourceDocument } from './sourceDocument';
import { DetailFile } from './details';
import { IntentExamples } from './intentExamples';
import { IntentFile } from './intents';
import { OutOfScopeFile } from './outOfScope';
import { PlaceFile } from './places';
import { StopWordFile } from './stopWords';
import { SynonymFile } from './synonyms';
import { formatFieldPath, readYamlFile, type ParsedYaml, type YamlSource } from './yamlFile';

/** Everything the answer engine and the bot need for one locale, validated and cross-checked. */
export interface KnowledgeBase {
  locale: Locale;
  /** The locale's folder, for messages to authors. */
  folder: string;
  entries: KnowledgeEntry[];
  documents: SourceDocument[];
  passages: Passage[];
  synonyms: SynonymFile;
  stopWords: string[];
  outOfScope: OutOfScopeFile;
  details: DetailFile;
  places: PlaceFile;
  intents: IntentFile;
  intentExamples: IntentExamples;
  smalltalk: SmalltalkFile;
  messages: Messages;
  settings: RetrievalSettings;
  /** Where an entry's field is written, for messages to authors. */
  locate(entryId: string, field?: PropertyKey[]): { file: string; line?: number };
}

/**
 * Loads `<root>/retrieval.yaml`, the program text (`<root>/sources/`, cited by every locale:
 * the page is English), the intent model's examples (`<root>/intent-examples.yaml`: partners
 * mix languages, so every locale's model learns from all of them) and `<root>/<locale>/…`.
 * All files are read and checked before anything is reported, so one run lists every mistake
 * with its file and line.
 */
export function loadKnowledge(root: string, locale: Locale = 'en'): KnowledgeBase {
  const problems: ContentProblem[] = [];
  const attempt = <T>(file: string, read: (file: string) => T): T | undefined => {
    try {
      return read(file);
    } catch (error) {
      if (error instanceof ContentError) problems.push(...error.problems);
      else problems.push({ file, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      return undefined;
    }
  };
  const dir = join(root, locale);
  const settings = attempt(join(root, 'retrieval.yaml'), (f) => readYamlFile(f, RetrievalSettings).data);
  const synonyms = attempt(join(dir, 'synonyms.yaml'), (f) => readYamlFile(f, SynonymFile).data);
  const stopWords = attempt(join(dir, 'stopwords.yaml'), (f) => readYamlFile(f, StopWordFile).data.words);
  const outOfScope = attempt(join(dir, 'out-of-scope.yaml'), (f) => readYamlFile(f, OutOfScopeFile).data);
  const details = attempt(join(dir, 'details.yaml'), (f) => readYamlFile(f, DetailFile));
  const places = attempt(join(dir, 'places.yaml'), (f) => readYamlFile(f, PlaceFile));
  const intents = attempt(join(dir, 'intents.yaml'), (f) => readYamlFile(f, IntentFile).data);
  const intentExamples = attempt(join(root, 'intent-examples.yaml'), (f) => readYamlFile(f, IntentExamples).data);
  const smalltalk = attempt(join(dir, 'smalltalk.yaml'), (f) => readYamlFile(f, SmalltalkFile).data);
  const messages = attempt(join(dir, 'messages.yaml'), (f) => readYamlFile(f, Messages).data);
  const entryFiles = listFiles(join(dir, 'entries'), '.yaml', problems).map((f) => attempt(f, (file) => readYamlFile(file, EntryFile)));
  const documents = listFiles(join(root, 'sources'), '.md', problems)
    .map((f) => attempt(f, readSourceDocument))
    .filter((d): d is SourceDocument => d !== undefined);

  const located = entryFiles
    .filter((f) => f !== undefined)
    .flatMap(({ data, source }) => data.entries.map((entry, i) => ({ entry, source, path: ['entries', i] as PropertyKey[] })));
  crossCheck(located, documents, locale, problems);
  if (details) checkDetails(located, details, problems);
  if (places) checkPlaces(places, problems);
  throwIfAny(problems);
  const byId = new Map(located.map((item) => [item.entry.id, item]));
  return {
    entries: located.map((item) => item.entry),
    locate: (entryId, field = []) => {
      const item = byId.get(entryId);
      return item ? { file: item.source.file, line: item.source.lineOf([...item.path, ...field]) } : { file: dir };
    },
    locale,
    folder: dir,
    documents,
    // Passages answer in their own words: only those written in this locale are searched.
    passages: documents.flatMap((d) => d.passages).filter((passage) => passage.locale === locale),
    synonyms: synonyms!,
    stopWords: stopWords!,
    outOfScope: outOfScope!,
    details: details!.data,
    places: places!.data,
    intents: intents!,
    intentExamples: intentExamples!,
    smalltalk: smalltalk!,
    messages: messages!,
    settings: settings!,
  };
}

/** The locales with a folder of their own under the knowledge root, the default (`en`) first. */
export function knowledgeLocales(root: string): Locale[] {
  const folders = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  return Locale.options.filter((locale) => folders.includes(locale));
}

function listFiles(dir: string, extension: string, problems: ContentProblem[]): string[] {
  try {
    const files = readdirSync(dir).filter((name) => name.endsWith(extension)).sort().map((name) => join(dir, name));
    if (files.length === 0) problems.push({ file: dir, message: `has no ${extension} files` });
    return files;
  } catch {
    problems.push({ file: dir, message: 'folder is missing' });
    return [];
  }
}

interface LocatedEntry {
  entry: KnowledgeEntry;
  source: YamlSource;
  path: PropertyKey[];
}

/** Checks what no single file can: unique ids, existing links and cited sections, locale. */
function crossCheck(located: LocatedEntry[], documents: SourceDocument[], locale: Locale, problems: ContentProblem[]): void {
  const ids = new Set<string>();
  const problem = (item: LocatedEntry, field: PropertyKey[], message: string) =>
    problems.push({ file: item.source.file, line: item.source.lineOf([...item.path, ...field]), field: formatFieldPath([...item.path, ...field]), message });

  for (const item of located) {
    if (ids.has(item.entry.id)) problem(item, ['id'], `duplicate id "${item.entry.id}"`);
    ids.add(item.entry.id);
  }
  for (const item of located) {
    const { entry } = item;
    if (entry.locale !== locale) problem(item, ['locale'], `is "${entry.locale}" but the file is in the ${locale} folder`);
    entry.related.forEach((id, i) => {
      if (!ids.has(id)) problem(item, ['related', i], `names "${id}", which is not an entry id`);
      if (id === entry.id) problem(item, ['related', i], 'an entry cannot be related to itself');
    });
    const document = documents.find((d) => d.id === entry.source.document);
    if (!document) {
      problem(item, ['source', 'document'], `"${entry.source.document}" is not a source document (have: ${documents.map((d) => d.id).join(', ') || 'none'})`);
    } else if (!document.passages.some((p) => p.section === entry.source.section)) {
      problem(item, ['source', 'section'], `"${entry.source.section}" is not a section of ${document.id} (have: ${document.passages.map((p) => p.section).join('; ')})`);
    }
  }
}

/** Details named in `provides` exist and are unique. */
function checkDetails(located: LocatedEntry[], details: ParsedYaml<DetailFile>, problems: ContentProblem[]): void {
  const ids = new Set<string>();
  details.data.details.forEach((detail, i) => {
    if (ids.has(detail.id)) problems.push({ file: details.source.file, line: details.source.lineOf(['details', i, 'id']), field: `details[${i}].id`, message: `duplicate detail "${detail.id}"` });
    ids.add(detail.id);
  });
  for (const item of located) {
    item.entry.provides.forEach((id, i) => {
      if (ids.has(id)) return;
      const path = [...item.path, 'provides', i];
      problems.push({ file: item.source.file, line: item.source.lineOf(path), field: formatFieldPath(path), message: `names "${id}", which is not a detail of details.yaml (have: ${[...ids].join(', ')})` });
    });
  }
}

/** Place ids are unique and `in` names a place the program information names. */
function checkPlaces(places: ParsedYaml<PlaceFile>, problems: ContentProblem[]): void {
  const named = new Set(places.data.places.filter((p) => p.named).map((p) => p.id));
  const ids = new Set<string>();
  places.data.places.forEach((place, i) => {
    const problem = (field: string, message: string) => problems.push({ file: places.source.file, line: places.source.lineOf(['places', i, field]), field: `places[${i}].${field}`, message });
    if (ids.has(place.id)) problem('id', `duplicate place "${place.id}"`);
    ids.add(place.id);
    if (place.in !== undefined && !named.has(place.in)) problem('in', `"${place.in}" is not a place the program information names (named: ${[...named].join(', ')})`);
  });
}
