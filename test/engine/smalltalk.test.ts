import { expect } from 'chai';
import { realEngine } from '../helpers';

describe('engine/smalltalk', () => {
  const { engine } = realEngine();
  const table: [string, string | undefined][] = [
    ['hi', 'greeting'],
    ['Hello there!', 'greeting'],
    ['good morning', 'greeting'],
    ['thanks a lot!!', 'thanks'],
    ['ok thank you so much', 'thanks'],
    ['help', 'help'],
    ['what can you do?', 'capabilities'],
    ['what is this bot for?', 'capabilities'],
    ['who are you', 'identity'],
    ['bye', 'goodbye'],
    ['start over', 'startOver'],
    ['hello, thanks', 'thanks'],
    ['hi, what is eTrace?', undefined],
    ['help me trace a gun', undefined],
    ['what is the weather', undefined],
  ];
  for (const [text, intent] of table) {
    it(`"${text}" -> ${intent ?? 'not small talk'}`, () => expect(engine.smalltalk(text)?.intent).to.equal(intent));
  }
});
