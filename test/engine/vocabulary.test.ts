import { expect } from 'chai';
import { boundedEditDistance, skeleton, Vocabulary } from '../../src/engine/vocabulary';

describe('engine/vocabulary', () => {
  const distances: [string, string, number][] = [
    ['same', 'same', 0],
    ['substitution', 'firearms|firearns', 1],
    ['transposition', 'tracing|tracnig', 1],
    ['insertion and deletion', 'laboratory|laboratry', 1],
    ['beyond the limit', 'explosives|weather', 3],
  ];
  for (const [name, pair, expected] of distances) {
    it(`edit distance: ${name}`, () => {
      const [a, b] = pair.includes('|') ? pair.split('|') : [pair, pair];
      expect(boundedEditDistance(a!, b!, 2)).to.equal(Math.min(expected, 3));
    });
  }

  it('compares spelling-insensitive forms', () => {
    expect(skeleton('trafficking')).to.equal('trafiking');
    expect(skeleton('jjjjjjkkkk')).to.equal('jk');
  });

  it('finds the nearest known word for a typo, and nothing for an unrelated word', () => {
    const vocabulary = new Vocabulary();
    vocabulary.add('trafficking', 'traffick');
    vocabulary.add('training', 'train');
    vocabulary.add('firearms', 'firearm');
    expect(vocabulary.closest('trafising', 2)).to.deep.equal(['traffick']);
    expect(vocabulary.closest('firarms', 1)).to.deep.equal(['firearm']);
    expect(vocabulary.closest('weather', 2)).to.deep.equal([]);
  });
});
