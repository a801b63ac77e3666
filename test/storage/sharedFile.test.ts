import { join } from 'node:path';
import { expect } from 'chai';
import { openDatabase } from '../../src/storage/database';
import { SqliteRequestStore } from '../../src/storage/requestStore';
import { tempDir } from '../helpers';
import { startAppProcess, type AppProcess } from '../server/appProcess';
import { ChannelStub } from '../server/channelStub';

const ANSWERS = ['we need ATF help with a trafficking case', 'Policía Federal', 'Mexico', 'Ana Ruiz', 'investigator', 'ana@pf.example', 'skip', 'We seized 14 rifles in Sonora and need an assessment of the route.', 'routine', 'yes', 'submit'];

describe('storage: two instances on one data folder', function () {
  this.timeout(120_000);
  const dataDir = tempDir('shared');
  const channel = new ChannelStub();
  let serviceUrl: string;
  let instances: AppProcess[] = [];
  before(async () => {
    serviceUrl = await channel.start();
    instances = await Promise.all([startAppProcess({ DATA_DIR: dataDir }), startAppProcess({ DATA_DIR: dataDir })]);
  });
  after(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await channel.stop();
  });

  let sequence = 0;
  const post = (instance: AppProcess, conversationId: string, text: string) =>
    fetch(`${instance.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', id: `m${++sequence}`, channelId: 'emulator', serviceUrl, from: { id: `partner-${conversationId}` }, recipient: { id: 'bot' }, conversation: { id: conversationId }, text }),
    }).then((response) => response.status);

  it('completes 40 concurrent requests whose turns alternate between the instances, with no error and nothing lost', async () => {
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 40 }, async (_, n) => {
        const conversationId = `shared-${n}`;
        for (const [turn, text] of ANSWERS.entries()) statuses.push(await post(instances[(n + turn) % 2]!, conversationId, text));
      }),
    );
    expect(statuses.filter((status) => status !== 200)).to.deep.equal([]);
    const texts = channel.received.map((a) => a.text ?? '');
    expect(texts.filter((text) => /went wrong|could only take one/.test(text))).to.deep.equal([]);
    const db = openDatabase(join(dataDir, 'iad.sqlite'));
    const requests = new SqliteRequestStore(db).list();
    db.close();
    expect(requests).to.have.length(40);
    for (let n = 0; n < 40; n++) {
      const last = channel.inConversation(`shared-${n}`).at(-1)!;
      expect(last.text, `conversation ${n}`).to.match(/stored with reference \*\*IAD-\d{4}-\d{6}\*\*/);
    }
    expect(instances.every((instance) => instance.alive())).to.equal(true);
  });

  it('stores a request once when its Submit reaches both instances at once', async () => {
    const db = openDatabase(join(dataDir, 'iad.sqlite'));
    const store = new SqliteRequestStore(db);
    const before = store.list().length;
    await Promise.all(
      Array.from({ length: 10 }, async (_, n) => {
        const conversationId = `double-${n}`;
        for (const text of ANSWERS.slice(0, -1)) await post(instances[n % 2]!, conversationId, text);
        expect(await Promise.all([post(instances[0]!, conversationId, 'submit'), post(instances[1]!, conversationId, 'submit')])).to.deep.equal([200, 200]);
      }),
    );
    expect(store.list().length - before).to.equal(10);
    db.close();
  });

  it('takes two messages of one conversation that reach both instances at once without a 500, losing neither silently', async () => {
    for (let n = 0; n < 10; n++) {
      const conversationId = `race-${n}`;
      await post(instances[0]!, conversationId, 'request assistance');
      await post(instances[1]!, conversationId, 'tracing');
      const before = channel.inConversation(conversationId).length;
      const statuses = await Promise.all([post(instances[0]!, conversationId, 'RCMP'), post(instances[1]!, conversationId, 'RCMP')]);
      expect(statuses).to.deep.equal([200, 200]);
      const replies = channel.inConversation(conversationId).slice(before).map((a) => a.text ?? '');
      expect(replies.filter((text) => /went wrong/.test(text))).to.deep.equal([]);
      // Either both were taken in turn, or the one that lost the race asked for the message again.
      const next = await post(instances[n % 2]!, conversationId, 'Canada');
      expect(next).to.equal(200);
      const after = channel.inConversation(conversationId).at(-1)!.text ?? '';
      expect(after, conversationId).to.equal('What is your full name?');
    }
  });
});
