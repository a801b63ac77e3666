import { expect } from 'chai';
import { questionParts } from '../../src/engine/questionParts';

describe('engine/questionParts', () => {
  const table: [string, string[]][] = [
    ['What is eTrace?', ['What is eTrace?']],
    ['Two questions: what does IAD manage overall, and what is the campaign about?', ['Two questions: what does IAD manage overall', 'what is the campaign about?']],
    ['What is BATS? Who can use it?', ['What is BATS?', 'Who can use it?']],
    ['guns and rifles, and explosives', ['guns and rifles, and explosives']], // no question word after "and"
    ['Is there arson training? I investigate fires in St Lucia.', ['Is there arson training?']], // context, not a second question
    ['What is eTrace? Tell me about BATS too.', ['What is eTrace?', 'Tell me about BATS too.']],
    ['whats eTrace and whats BATS, quick', ['whats eTrace', 'whats BATS, quick']],
    ['is it for guns and explosives', ['is it for guns and explosives']],
  ];
  for (const [text, parts] of table) it(`splits "${text}"`, () => expect(questionParts(text)).to.deep.equal(parts));
});
