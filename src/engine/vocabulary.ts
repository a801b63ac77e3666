/**
 * The words the knowledge uses, for typo tolerance. Lunr's own fuzzy matching works on
 * stems, where a typo often changes the stem itself ("trafising" -> "trafis"); comparing
 * surface words in a spelling-insensitive form ("trafficking" -> "trafiking") catches the
 * typos partners actually make with a small edit distance.
 */
export class Vocabulary {
  private readonly stemsBySkeleton = new Map<string, Set<string>>();
  private readonly knownStems = new Set<string>();

  add(word: string, stem: string): void {
    this.knownStems.add(stem);
    const key = skeleton(word);
    const stems = this.stemsBySkeleton.get(key) ?? new Set<string>();
    stems.add(stem);
    this.stemsBySkeleton.set(key, stems);
  }

  hasStem(stem: string): boolean {
    return this.knownStems.has(stem);
  }

  /** Stems of the known words closest to `word` within `maxDistance` edits (the nearest only). */
  closest(word: string, maxDistance: number): string[] {
    if (maxDistance <= 0) return [];
    const target = skeleton(word);
    let best = maxDistance + 1;
    let found: string[] = [];
    for (const [candidate, stems] of this.stemsBySkeleton) {
      if (Math.abs(candidate.length - target.length) >= best) continue;
      const distance = boundedEditDistance(target, candidate, Math.min(best, maxDistance));
      if (distance > maxDistance) continue;
      if (distance < best) {
        best = distance;
        found = [...stems];
      } else if (distance === best) {
        found.push(...stems);
      }
    }
    return [...new Set(found)];
  }
}

/** Spelling-insensitive form: "ck" and "ph" sounds folded, doubled letters collapsed. */
export function skeleton(word: string): string {
  return word.replace(/ck/g, 'k').replace(/ph/g, 'f').replace(/(.)\1+/g, '$1');
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), or
 * `limit + 1` as soon as the distance must exceed `limit`.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previousPrevious[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit + 1);
}
