import { expect } from 'chai';
import type { TurnContext } from 'botbuilder';
import { SerialTurns } from '../../src/bot/serialTurns';

const contextOf = (conversationId: string) => ({ activity: { channelId: 'test', conversation: { id: conversationId } } }) as unknown as TurnContext;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('bot/serialTurns', () => {
  it('runs the turns of one conversation one after the other, in arrival order', async () => {
    const serial = new SerialTurns();
    const log: string[] = [];
    const turn = (name: string, ms: number) =>
      serial.onTurn(contextOf('c1'), async () => {
        log.push(`${name} starts`);
        await pause(ms);
        log.push(`${name} ends`);
      });
    await Promise.all([turn('first', 30), turn('second', 1), turn('third', 1)]);
    expect(log).to.deep.equal(['first starts', 'first ends', 'second starts', 'second ends', 'third starts', 'third ends']);
  });

  it('lets other conversations run meanwhile, and a failed turn does not block the next', async () => {
    const serial = new SerialTurns();
    const log: string[] = [];
    const slow = serial.onTurn(contextOf('a'), async () => {
      await pause(30);
      log.push('a');
      throw new Error('turn failed');
    });
    await serial.onTurn(contextOf('b'), async () => void log.push('b'));
    await slow.catch(() => log.push('a failed'));
    await serial.onTurn(contextOf('a'), async () => void log.push('a again'));
    expect(log).to.deep.equal(['b', 'a', 'a failed', 'a again']);
  });
});
