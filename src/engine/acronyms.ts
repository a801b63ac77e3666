const connectors = new Set(['and', 'of', 'the', 'for', 'on', '&']);
const sentenceOpeners = new Set(['a', 'an', 'the', 'what', 'where', 'when', 'how', 'who', 'which', 'why', 'during', 'in', 'some', 'since', 'upon']);

/**
 * Synonym groups [name, acronym] for the proper names in the knowledge ("Forensics and
 * Fire Research Laboratory" -> "ffrl", "Anti-Firearms Trafficking Campaign" -> "aftc"),
 * because partners abbreviate names that the program text spells out. A name is a run of
 * capitalised words (connectors allowed inside) that a comma or a possessive ends;
 * acronyms shorter than three letters are too ambiguous to keep.
 */
export function deriveAcronyms(texts: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  const addRun = (run: string[]) => {
    while (run.length > 0 && (connectors.has(run.at(-1)!.toLowerCase()))) run.pop();
    while (run.length > 0 && (connectors.has(run[0]!.toLowerCase()) || sentenceOpeners.has(run[0]!.toLowerCase()))) run.shift();
    const capitalised = run.filter((w) => !connectors.has(w.toLowerCase()));
    if (capitalised.length < 3) return;
    const acronym = capitalised.flatMap((w) => w.split('-')).map((part) => part[0]!.toLowerCase()).join('');
    if (acronym.length >= 3 && !groups.has(acronym)) groups.set(acronym, [run.join(' '), acronym]);
  };
  for (const text of texts) {
    for (const clause of text.split(/[.!?:;,()\n"]+/)) {
      let run: string[] = [];
      for (const word of clause.split(/\s+/).filter(Boolean)) {
        const possessive = /['’]s$/.test(word);
        const bare = word.replace(/['’]s$/, '');
        const isName = /^\p{Lu}[\p{L}-]*$/u.test(bare) && !/^\p{Lu}+$/u.test(bare);
        if (isName || (run.length > 0 && connectors.has(bare.toLowerCase()))) run.push(bare);
        if (!isName && !(run.length > 0 && connectors.has(bare.toLowerCase()))) {
          addRun(run);
          run = [];
        } else if (possessive) {
          addRun(run);
          run = [];
        }
      }
      addRun(run);
    }
  }
  return [...groups.values()];
}
