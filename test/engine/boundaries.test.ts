import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';

/** The answer engine and the content layer stay plain TypeScript, testable without a turn context. */
describe('engine boundaries', () => {
  for (const folder of ['engine', 'content']) {
    it(`src/${folder} imports nothing from the Bot Framework`, () => {
      const dir = join(__dirname, '..', '..', 'src', folder);
      const offenders = readdirSync(dir)
        .filter((name) => name.endsWith('.ts'))
        .filter((name) => /from ['"](botbuilder|botframework)[^'"]*['"]|require\(['"]botbuilder/.test(readFileSync(join(dir, name), 'utf8')));
      expect(offenders).to.deep.equal([]);
    });
  }
});
