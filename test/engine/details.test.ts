import { expect } from 'chai';
import { Analyzer } from '../../src/engine/analyzer';
import { DetailFinder } from '../../src/engine/details';

const finder = new DetailFinder(
  {
    details: [
      { id: 'cost', name: 'what it costs', phrases: ['cost', 'how much', 'who pays'] },
      { id: 'participants', name: 'how many take part', phrases: ['how many officers', 'how many people'] },
      { id: 'statistics', name: 'figures', phrases: ['how many', 'statistics'] },
    ],
  },
  new Analyzer(),
  (stem) => (stem === 'agent' ? ['agent', 'offic'] : [stem]),
);

describe('engine/details', () => {
  const table: [string, string | undefined][] = [
    ['How much does the course cost?', 'cost'],
    ['who pays the travel of the team', 'cost'],
    ['how many officers were trained', 'participants'], // the longer phrase wins over "how many"
    ['how many agents came', 'participants'], // through a synonym
    ['how many guns were traced', 'statistics'],
    ['what is eTrace', undefined],
  ];
  for (const [question, detail] of table) it(`"${question}" asks for ${detail ?? 'no detail'}`, () => expect(finder.asked(question)?.id).to.equal(detail));

  it('names, of the details a question asks, one the answer does not give', () => {
    // "How many officers" is the longer phrase; the answer gives the numbers, not the cost.
    expect(finder.asked('how many officers can attend and who pays?', ['participants', 'statistics'])?.id).to.equal('cost');
    expect(finder.asked('how many officers can attend and who pays?', ['participants', 'statistics', 'cost'])?.id).to.equal('participants');
  });
});
