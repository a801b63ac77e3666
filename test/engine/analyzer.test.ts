import { expect } from 'chai';
import { Analyzer, normalizedWords, stemWord } from '../../src/engine/analyzer';

describe('engine/analyzer', () => {
  const words: [string, string, string[]][] = [
    ['lowercase and punctuation', 'eTrace: how??', ['etrace', 'how']],
    ['accents folded', 'Policía — rastreo', ['policia', 'rastreo']],
    ['dotted acronyms joined', 'B.A.T.S. access?', ['bats', 'access']],
    ['possessives and contractions dropped', "ATF's lab, we're asking, don't", ['atf', 'lab', 'we', 'asking', 'do']],
    ['hyphens split', 'post-blast', ['post', 'blast']],
    ['emoji and symbols vanish', '🔥🔥 ~^+-* fire', ['fire']],
    ['digits kept', 'FY 2019: 12 classes', ['fy', '2019', '12', 'classes']],
    ['letters and digits split', 'FY2019 and 2nd', ['fy', '2019', 'and', '2', 'nd']],
  ];
  for (const [name, input, expected] of words) {
    it(`normalizes: ${name}`, () => expect(normalizedWords(input)).to.deep.equal(expected));
  }

  it('stems British and American spellings alike', () => {
    expect(stemWord('organisations')).to.equal(stemWord('organizations'));
    expect(stemWord('analyse')).to.equal(stemWord('analyze'));
  });

  it('drops standard and configured stop words', () => {
    const analyzer = new Analyzer(['please']);
    expect(analyzer.terms('Could you please tell me what the lab does').map((t) => t.word)).to.deep.equal(['tell', 'lab']);
  });
});
