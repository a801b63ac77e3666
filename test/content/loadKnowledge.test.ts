import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { ContentError } from '../../src/content/contentError';
import { loadKnowledge } from '../../src/content/loadKnowledge';
import { knowledgeCopy, KNOWLEDGE_DIR } from '../helpers';

function loadErrors(root: string): string {
  try {
    loadKnowledge(root);
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return (error as ContentError).message;
  }
  throw new Error('expected the knowledge to be rejected');
}

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

describe('content/loadKnowledge', () => {
  it('loads every real content file and cross-checks them', () => {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    expect(knowledge.entries.length).to.be.greaterThan(20);
    expect(knowledge.passages.map((p) => p.section)).to.include('Technical Assistance');
    for (const entry of knowledge.entries) expect(entry.questions.length, entry.id).to.be.at.least(5);
  });

  it('names the file and line of a duplicate id, a broken link and an unknown section', () => {
    const root = knowledgeCopy();
    const file = join(root, 'en', 'entries', 'technical-assistance.yaml');
    edit(file, (text) =>
      text
        .replace('id: trafficking-assessments', 'id: etrace-tracing')
        .replace('related: [shared-atf-resources, trafficking-assessments, technical-assistance]', 'related: [no-such-entry]')
        .replace(/section: Technical Assistance/, 'section: Technical Assistence'),
    );
    const message = loadErrors(root);
    expect(message).to.match(/technical-assistance\.yaml:\d+: entries\[2\]\.id: duplicate id "etrace-tracing"/);
    expect(message).to.match(/technical-assistance\.yaml:\d+: entries\[\d\]\.related\[0\]: names "no-such-entry"/);
    expect(message).to.match(/technical-assistance\.yaml:\d+: entries\[0\]\.source\.section: "Technical Assistence" is not a section/);
  });

  it('reports problems in several files in one run', () => {
    const root = knowledgeCopy();
    edit(join(root, 'retrieval.yaml'), (text) => text.replace('maxSuggestions: 3', 'maxSuggestions: nine'));
    edit(join(root, 'en', 'messages.yaml'), (text) => text.replace(/^turnError: .*$/m, 'turnError: "Sorry."'));
    const message = loadErrors(root);
    expect(message).to.match(/retrieval\.yaml:\d+: maxSuggestions:/);
    expect(message).to.match(/messages\.yaml:\d+: turnError: must contain \{conversationId\}/);
  });

  it('rejects a source document without front matter', () => {
    const root = knowledgeCopy();
    edit(join(root, 'sources', 'iad-program-page.md'), (text) => text.replace(/^---[\s\S]*?---\n/, ''));
    expect(loadErrors(root)).to.match(/iad-program-page\.md:1: must start with a front matter block/);
  });
});
