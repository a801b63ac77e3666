import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ContentError } from './contentError';
import { Locale } from './knowledgeEntry';
import { displayPath, parseYamlText } from './yamlFile';

export const SourceFrontMatter = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  title: z.string().trim().min(1),
  locale: Locale,
});
export type SourceFrontMatter = z.infer<typeof SourceFrontMatter>;

/** A section of a source document: the unit that is indexed, cited and checked for coverage. */
export interface Passage {
  documentId: string;
  documentTitle: string;
  locale: Locale;
  section: string;
  text: string;
  /** 1-based line of the section heading, for messages. */
  line: number;
}

export interface SourceDocument extends SourceFrontMatter {
  file: string;
  passages: Passage[];
}

/**
 * Reads a program page kept as markdown with YAML front matter and splits it into one
 * passage per heading, so a new page becomes answerable without hand-written Q&A.
 * Headings with no text under them (page navigation such as "Get involved") yield no passage.
 */
export function readSourceDocument(file: string): SourceDocument {
  const shownFile = displayPath(file);
  const lines = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') {
    throw new ContentError([{ file: shownFile, line: 1, message: 'must start with a front matter block (---, id, title, locale, ---)' }]);
  }
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new ContentError([{ file: shownFile, line: 1, message: 'front matter is not closed with ---' }]);
  const { data: meta } = parseYamlText(lines.slice(1, end).join('\n'), file, SourceFrontMatter);

  const passages: Passage[] = [];
  let current: { section: string; line: number; body: string[] } | undefined;
  const flush = () => {
    const text = current?.body.join('\n').replace(/\n{3,}/g, '\n\n').trim();
    if (current && text) passages.push({ documentId: meta.id, documentTitle: meta.title, locale: meta.locale, section: current.section, text, line: current.line });
  };
  lines.slice(end + 1).forEach((line, i) => {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      current = { section: heading[1]!, line: end + 2 + i, body: [] };
    } else if (current) {
      current.body.push(line);
    } else if (line.trim()) {
      throw new ContentError([{ file: shownFile, line: end + 2 + i, message: 'text before the first heading: every passage needs a section heading to be cited' }]);
    }
  });
  flush();
  if (passages.length === 0) throw new ContentError([{ file: shownFile, message: 'has no section with text' }]);
  return { ...meta, file: shownFile, passages };
}
