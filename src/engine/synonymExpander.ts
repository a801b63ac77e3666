import type { Analyzer, Term } from './analyzer';

interface Phrase {
  stems: string[];
  group: number;
}

/**
 * Expands a query with the synonyms of the words and phrases it contains. Phrases are
 * matched on stems, longest first, so "bomb arson tracking system" and "BATS" meet.
 */
export class SynonymExpander {
  private readonly phrases: Phrase[];
  private readonly singleStems = new Map<string, Set<string>>();
  readonly terms: Term[];

  constructor(groups: readonly (readonly string[])[], analyzer: Analyzer) {
    this.terms = groups.flatMap((group) => group.flatMap((phrase) => analyzer.terms(phrase)));
    for (const group of groups) {
      const singles = group.map((phrase) => analyzer.stems(phrase)).filter((stems) => stems.length === 1).map((stems) => stems[0]!);
      for (const stem of singles) for (const other of singles) (this.singleStems.get(stem) ?? this.singleStems.set(stem, new Set([stem])).get(stem)!).add(other);
    }
    this.phrases = groups
      .flatMap((group, index) => group.map((phrase) => ({ stems: analyzer.stems(phrase), group: index })))
      .filter((phrase) => phrase.stems.length > 0)
      .sort((a, b) => b.stems.length - a.stems.length);
  }

  /** The stem and its one-word synonyms ("gun" for "firearm"): what a phrase's word may be matched by. */
  equivalents(stem: string): readonly string[] {
    return [...(this.singleStems.get(stem) ?? [stem])];
  }

  /**
   * For each position of `stems`, the other phrases (as stem lists) of every group whose
   * phrase covers that position. A document matches a synonym only if it has all its stems.
   */
  expand(stems: readonly string[]): string[][][] {
    const added: Map<string, string[]>[] = stems.map(() => new Map());
    for (const phrase of this.phrases) {
      for (let start = 0; start + phrase.stems.length <= stems.length; start++) {
        if (!phrase.stems.every((stem, k) => stems[start + k] === stem)) continue;
        const alternatives = this.phrases.filter((other) => other.group === phrase.group && other !== phrase);
        for (let k = 0; k < phrase.stems.length; k++) {
          for (const other of alternatives) {
            if (other.stems.length === 1 && other.stems[0] === stems[start + k]) continue;
            added[start + k]!.set(other.stems.join(' '), other.stems);
          }
        }
      }
    }
    return added.map((alternatives) => [...alternatives.values()]);
  }
}
