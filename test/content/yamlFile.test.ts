import { expect } from 'chai';
import { ContentError } from '../../src/content/contentError';
import { EntryFile } from '../../src/content/knowledgeEntry';
import { parseYamlText } from '../../src/content/yamlFile';

const validEntry = `entries:
  - id: etrace-tracing
    locale: en
    title: Firearms tracing with eTrace
    answer: IAD's technical support includes tracing firearms using ATF's eTrace.
    questions: [a, b, c, d, e]
    tags: [etrace]
    source: { document: iad-program-page, section: Technical Assistance }
    related: []
`;

function problemsOf(text: string): string[] {
  try {
    parseYamlText(text, 'knowledge/en/entries/broken.yaml', EntryFile);
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return (error as ContentError).message.split('\n');
  }
  throw new Error('expected a ContentError');
}

describe('content/yamlFile', () => {
  it('accepts a valid entry file', () => {
    const { data } = parseYamlText(validEntry, 'ok.yaml', EntryFile);
    expect(data.entries[0]!.id).to.equal('etrace-tracing');
  });

  const cases: [string, string, RegExp][] = [
    ['a YAML syntax error', 'entries:\n  - id: [unclosed\n', /^knowledge\/en\/entries\/broken\.yaml:\d+: YAML syntax/],
    ['a missing field', validEntry.replace('    title: Firearms tracing with eTrace\n', ''), /broken\.yaml:2: entries\[0\]\.title: Invalid input/],
    ['a misspelt key', validEntry.replace('tags:', 'tgas:'), /broken\.yaml:2: entries\[0\]: Unrecognized key: "tgas"/],
    ['too few questions', validEntry.replace('[a, b, c, d, e]', '[a, b]'), /broken\.yaml:6: entries\[0\]\.questions: needs at least 5 alternate questions/],
    ['an id that is not kebab-case', validEntry.replace('id: etrace-tracing', 'id: eTrace Tracing'), /broken\.yaml:2: entries\[0\]\.id: must be kebab-case/],
    ['an unknown locale', validEntry.replace('locale: en', 'locale: de'), /broken\.yaml:3: entries\[0\]\.locale: Invalid option/],
    ['a duplicate key', validEntry.replace('    tags: [etrace]\n', '    tags: [etrace]\n    tags: [x]\n'), /broken\.yaml:\d+: YAML syntax: Map keys must be unique/],
  ];
  for (const [name, text, expected] of cases) {
    it(`reports ${name} with file, line and field`, () => {
      const problems = problemsOf(text);
      expect(problems.some((p) => expected.test(p)), problems.join('\n')).to.equal(true);
      expect(problems.join('\n')).not.to.match(/\n\s+at /); // no stack trace
    });
  }
});
