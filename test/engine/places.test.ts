import { expect } from 'chai';
import { Analyzer } from '../../src/engine/analyzer';
import { PlaceFinder } from '../../src/engine/places';

const finder = new PlaceFinder(
  {
    places: [
      { id: 'caribbean', name: 'the Caribbean', named: true, home: false, words: ['caribbean', 'west indies'] },
      { id: 'netherlands', name: 'the Netherlands', named: true, home: false, words: ['netherlands', 'holland', 'dutch'] },
      { id: 'trinidad', name: 'Trinidad and Tobago', named: false, home: false, in: 'caribbean', words: ['trinidad', 'port of spain'] },
      { id: 'spain', name: 'Spain', named: false, home: false, words: ['spain', 'madrid'] },
      { id: 'united-states', name: 'the United States', named: false, home: true, words: ['united states', 'texas'] },
    ],
    presenceWords: ['atf', 'office', 'staff', 'yes', 'the'],
  },
  new Analyzer(),
);

describe('engine/places', () => {
  it('finds each place named once, in reading order, with the named region it lies in', () => {
    const places = finder.find('A pistol from Port of Spain, Trinidad, traced via Holland');
    expect(places.map((p) => p.id)).to.deep.equal(['trinidad', 'netherlands']);
    expect(places[0]!.region?.name).to.equal('the Caribbean');
  });

  it("tells ATF's own country from the partners' places", () => {
    expect(finder.find('rifles bought in Texas, seized in Trinidad').map((p) => [p.id, p.home])).to.deep.equal([
      ['united-states', true],
      ['trinidad', false],
    ]);
  });

  it('gives the words of the places found, which weigh less in a question', () => {
    expect([...finder.wordsIn('a rifle seized in port of spain')]).to.deep.equal(['port', 'of', 'spain']);
  });

  it('makes only the names of a named place synonyms of each other', () => {
    expect(finder.synonymGroups()).to.deep.equal([['caribbean', 'west indies'], ['netherlands', 'holland', 'dutch']]);
  });

  it('reads a place with only words of presence as asking whether IAD is there', () => {
    // The message's words other than the place's; every one known to the knowledge unless marked unknown.
    const asks = (text: string, words: string, unknown = '') => {
      const analyzer = new Analyzer();
      const placeWords = finder.wordsIn(text);
      const other = (list: string) => analyzer.stems(list).filter((stem) => !placeWords.has(stem));
      return finder.asksPresence(placeWords, [...other(words).map((stem) => ({ stem, known: true })), ...other(unknown).map((stem) => ({ stem, known: false }))]);
    };
    expect(asks('ATF in Madrid yes or no', 'ATF yes no')).to.equal(true);
    expect(asks('Goedemiddag, ATF office in Holland?', 'ATF office', 'Goedemiddag')).to.equal(true); // unknown words say nothing
    expect(asks('ATF etrace in Madrid?', 'ATF etrace')).to.equal(false); // a topic of its own
    expect(asks('capital of Spain?', 'capital')).to.equal(false); // no word of presence
    expect(asks('ATF office?', 'ATF office')).to.equal(false); // no place
  });

  it('tells the presence words no question can show, being stop words', () => {
    expect(finder.unseenPresenceWords).to.deep.equal(['the']);
  });
});
