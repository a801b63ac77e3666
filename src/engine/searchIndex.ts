import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import lunr from 'lunr';
import type { RetrievalSettings } from '../content/retrievalSettings';
import { indexFields, type IndexDocument } from './searchUnits';

interface SerializedIndex {
  fingerprint: string;
  index: object;
}

/** Builds the lunr index. Field boosts are baked in here, so they come from the settings once. */
export function buildSearchIndex(documents: readonly IndexDocument[], settings: RetrievalSettings): lunr.Index {
  const builder = new lunr.Builder();
  // Text arrives already analyzed (see Analyzer), so lunr's own pipelines stay empty.
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.ref('ref');
  for (const field of indexFields) builder.field(field, { boost: settings.fieldBoosts[field] });
  for (const doc of documents) builder.add({ ref: doc.ref, ...doc.fields });
  return builder.build();
}

/**
 * What the index is built from: the analyzed documents and the field boosts. Hashing the
 * analyzer's output rather than the content files means a change to the analysis code
 * makes a stored index stale too.
 */
export function indexFingerprint(documents: readonly IndexDocument[], settings: RetrievalSettings): string {
  return createHash('sha256')
    .update(JSON.stringify({ lunr: lunr.version, boosts: settings.fieldBoosts, documents }))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Loads the serialized index at `file` when it has the same fingerprint; otherwise
 * builds it and writes it for the next start (`npm run build:index` does this ahead of time).
 */
export function loadOrBuildSearchIndex(
  file: string,
  documents: readonly IndexDocument[],
  settings: RetrievalSettings,
): { index: lunr.Index; rebuilt: boolean } {
  const fingerprint = indexFingerprint(documents, settings);
  const stored = readSerialized(file);
  if (stored?.fingerprint === fingerprint) return { index: lunr.Index.load(stored.index), rebuilt: false };
  const index = buildSearchIndex(documents, settings);
  writeSerialized(file, { fingerprint, index: index.toJSON() });
  return { index, rebuilt: true };
}

function writeSerialized(file: string, serialized: SerializedIndex): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // Written aside and renamed so a concurrent start never reads half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(serialized), { mode: 0o600 });
  renameSync(temporary, file);
}

function readSerialized(file: string): SerializedIndex | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<SerializedIndex>;
    return typeof parsed.fingerprint === 'string' && parsed.index ? (parsed as SerializedIndex) : undefined;
  } catch {
    return undefined; // A damaged cache is rebuilt, not fatal.
  }
}
