import type { Middleware, TurnContext } from 'botbuilder';

/**
 * Turns of one conversation run one after the other in this process: a double click or two
 * messages sent at once are taken in order, each on the state the previous one saved, so
 * neither overwrites the other. (Across processes sharing a store, the store's eTags catch
 * the race instead.) Only conversations with a turn in flight are remembered.
 */
export class SerialTurns implements Middleware {
  private readonly tails = new Map<string, Promise<void>>();

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const key = `${context.activity.channelId}/${context.activity.conversation.id}`;
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    this.tails.set(key, tail);
    await previous;
    try {
      await next();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
