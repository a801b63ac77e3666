import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import lunr from 'lunr';
import type { RetrievalSettings } from '../content/retrievalSettings';
import type { Analyzer } from './analyzer';
import { documentsOf, indexFields, type SearchUnit } from './searchUnits';

/** Bump when analysis or document layout changes: serialized indexes from before are stale. */
export const INDEX_FORMAT = 1;

interface SerializedIndex {
  format: number;
  fingerprint: string;
  index: object;
}

/** Builds the lunr index. Field boosts are baked in here, so they come from the settings once. */
export function buildSearchIndex(units: readonly SearchUnit[], analyzer: Analyzer, settings: RetrievalSettings): lunr.Index {
  const builder = new lunr.Builder();
  // Text arrives already analyzed (see Analyzer), so lunr's own pipelines stay empty.
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.ref('ref');
  for (const field of indexFields) builder.field(field, { boost: settings.fieldBoosts[field] });
  for (const unit of units) {
    for (const doc of documentsOf(unit, analyzer)) builder.add({ ref: doc.ref, ...doc.fields });
  }
  return builder.build();
}

/**
 * Loads the serialized index at `file` when it was built from the same content
 * (`fingerprint`) by the same index format; otherwise builds it and writes it for next time.
 */
export function loadOrBuildSearchIndex(
  file: string,
  fingerprint: string,
  build: () => lunr.Index,
): { index: lunr.Index; rebuilt: boolean } {
  const stored = readSerialized(file);
  if (stored && stored.format === INDEX_FORMAT && stored.fingerprint === fingerprint) {
    return { index: lunr.Index.load(stored.index), rebuilt: false };
  }
  const index = build();
  writeSearchIndex(file, fingerprint, index);
  return { index, rebuilt: true };
}

export function writeSearchIndex(file: string, fingerprint: string, index: lunr.Index): void {
  mkdirSync(dirname(file), { recursive: true });
  const serialized: SerializedIndex = { format: INDEX_FORMAT, fingerprint, index: index.toJSON() };
  // Written aside and renamed so a concurrent start never reads half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(serialized));
  renameSync(temporary, file);
}

function readSerialized(file: string): SerializedIndex | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<SerializedIndex>;
    return typeof parsed.fingerprint === 'string' && typeof parsed.format === 'number' && parsed.index ? (parsed as SerializedIndex) : undefined;
  } catch {
    return undefined; // A damaged cache is rebuilt, not fatal.
  }
}
