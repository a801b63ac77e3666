import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { AnswerEngine } from '../../src/engine/answerEngine';
import { realEngine, tempDir } from '../helpers';

describe('engine/searchIndex', () => {
  const { knowledge } = realEngine();

  it('writes the index once, loads it while current and rebuilds it when content changes', () => {
    const file = join(tempDir('index'), 'en.json');
    const first = new AnswerEngine(knowledge, { indexFile: file });
    expect(first.indexRebuilt).to.equal(true);
    const written = statSync(file).mtimeMs;

    const second = new AnswerEngine(knowledge, { indexFile: file });
    expect(second.indexRebuilt).to.equal(false);
    expect(statSync(file).mtimeMs).to.equal(written);
    expect(second.ask('how do I get etrace?').decision).to.deep.include({ kind: 'answer' });

    const [entry, ...rest] = knowledge.entries;
    const changed = new AnswerEngine({ ...knowledge, entries: [{ ...entry!, questions: [...entry!.questions, 'a brand new way to ask'] }, ...rest] }, { indexFile: file });
    expect(changed.indexRebuilt).to.equal(true);
  });

  it('rebuilds a damaged index file instead of failing', async () => {
    const file = join(tempDir('index'), 'en.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, '{"fingerprint": "x", "index": {"broken');
    expect(new AnswerEngine(knowledge, { indexFile: file }).indexRebuilt).to.equal(true);
  });
});
