import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/**
 * A local stand-in for a channel's Bot Connector service: it receives the bot's replies
 * (POST /v3/conversations/{id}/activities[/{replyToId}]) exactly as a real channel would.
 */
export class ChannelStub {
  readonly received: Partial<Activity>[] = [];
  private readonly server: Server;
  private waiters: (() => void)[] = [];

  constructor() {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) {
          this.received.push(JSON.parse(body) as Partial<Activity>);
          this.waiters.splice(0).forEach((wake) => wake());
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${this.received.length}` }));
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves once `count` activities have arrived, or fails after a few seconds. */
  async waitFor(count: number, timeoutMs = 5000): Promise<Partial<Activity>[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} activities, got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.received;
  }

  /** The activities sent to one conversation, in order. */
  inConversation(conversationId: string): Partial<Activity>[] {
    return this.received.filter((activity) => activity.conversation?.id === conversationId);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
