import { expect } from 'chai';
import { Analyzer } from '../../src/engine/analyzer';
import { PlaceFinder } from '../../src/engine/places';

const finder = new PlaceFinder(
  {
    places: [
      { id: 'caribbean', name: 'the Caribbean', named: true, words: ['caribbean', 'west indies'] },
      { id: 'netherlands', name: 'the Netherlands', named: true, words: ['netherlands', 'holland', 'dutch'] },
      { id: 'trinidad', name: 'Trinidad and Tobago', named: false, in: 'caribbean', words: ['trinidad', 'port of spain'] },
      { id: 'spain', name: 'Spain', named: false, words: ['spain', 'madrid'] },
    ],
    presenceWords: ['atf', 'office', 'staff', 'yes', 'no'],
  },
  new Analyzer(),
);

describe('engine/places', () => {
  it('finds each place named once, in reading order, with the named region it lies in', () => {
    const places = finder.find('A pistol from Port of Spain, Trinidad, traced via Holland');
    expect(places.map((p) => p.id)).to.deep.equal(['trinidad', 'netherlands']);
    expect(places[0]!.region?.name).to.equal('the Caribbean');
  });

  it('gives the words of the places found, which weigh less in a question', () => {
    expect([...finder.wordsIn('a rifle seized in port of spain')]).to.deep.equal(['port', 'of', 'spain']);
  });

  it('makes only the names of a named place synonyms of each other', () => {
    expect(finder.synonymGroups()).to.deep.equal([['caribbean', 'west indies'], ['netherlands', 'holland', 'dutch']]);
  });

  it('reads a place with only words of presence as asking whether IAD is there', () => {
    const known = (text: string) => new Analyzer().stems(text); // every word known, in this test
    expect(finder.asksPresence('ATF in Madrid yes or no', known('ATF yes no'))).to.equal(true);
    expect(finder.asksPresence('Goedemiddag, ATF office in Holland?', known('ATF office'))).to.equal(true); // unknown words say nothing
    expect(finder.asksPresence('ATF etrace in Madrid?', known('ATF etrace'))).to.equal(false); // a topic of its own
    expect(finder.asksPresence('capital of Spain?', known(''))).to.equal(false); // no word of presence
    expect(finder.asksPresence('ATF office?', known('ATF office'))).to.equal(false); // no place
  });
});
