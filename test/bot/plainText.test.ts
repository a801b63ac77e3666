import { expect } from 'chai';
import { plainText } from '../../src/bot/plainText';

describe('bot/plainText', () => {
  const table: [string, string, string][] = [
    ['Teams paragraph markup', '<p>What is <strong>eTrace</strong>?</p>', 'What is eTrace ?'],
    ['scripts with their content', '<script>alert(1)</script>etrace', 'etrace'],
    ['entities', 'BATS &amp; eTrace&nbsp;&lt;3', 'BATS & eTrace <3'],
    ['plain text untouched', 'how do I trace a gun?', 'how do I trace a gun?'],
  ];
  for (const [name, input, expected] of table) it(name, () => expect(plainText(input)).to.equal(expected));
});
