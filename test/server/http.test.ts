import { expect } from 'chai';
import { cardText, tempDir } from '../helpers';
import { ChannelStub } from './channelStub';
import { activity, appWithChannel, postActivity as post, startTestApp } from './testApp';

describe('server (HTTP, Bot Framework protocol)', () => {
  describe('without app credentials', () => {
    const running = appWithChannel();

    it('reports health', async () => {
      const response = await fetch(`${running.url}/healthz`);
      expect(response.status).to.equal(200);
      expect(await response.json()).to.deep.include({ status: 'ok', entries: running.app.engine.knowledge.entries.length });
    });

    it('takes an activity on /api/messages and replies to the channel at its serviceUrl', async () => {
      const response = await post(running.url, activity(running.serviceUrl, { text: 'What is eTrace?' }));
      expect(response.status).to.be.within(200, 202);
      const replies = await running.channel.waitFor(2);
      expect(replies[0]!.type).to.equal('typing');
      // The emulator renders Adaptive Cards, so the answer comes as a card.
      expect(cardText(replies[1]!)).to.include('Firearms tracing with eTrace');
      expect(cardText(replies[1]!)).to.include('Source: ');
      expect(replies[1]!.channelData).to.deep.include({ iad: replies[1]!.channelData.iad });
      expect(replies[1]!.channelData.iad.entryId).to.equal('etrace-tracing');
    });

    const badBodies: [string, string][] = [
      ['malformed JSON', '{"type": "message", '],
      ['a JSON array', '[1, 2, 3]'],
      ['a JSON string', '"hello"'],
    ];
    for (const [name, body] of badBodies) {
      it(`answers 400 with a reason for ${name}`, async () => {
        const response = await post(running.url, body);
        expect(response.status).to.equal(400);
        expect(await response.text()).to.match(/JSON|activity/i);
      });
    }

    it('answers 400 for an object that is not an activity', async () => {
      const response = await post(running.url, { hello: 'world' });
      expect(response.status).to.equal(400);
    });
  });

  describe('a request for assistance, across a restart', () => {
    const channel = new ChannelStub();
    const dataDir = tempDir('restart');
    const conversation = { id: `intake-${Date.now()}` };
    let serviceUrl: string;
    before(async () => (serviceUrl = await channel.start()));
    after(() => channel.stop());

    /** Posts one message to the running app and returns the replies the channel received for it. */
    async function say(url: string, text: string) {
      const before = channel.received.length;
      const response = await post(url, activity(serviceUrl, { text, conversation }));
      expect(response.status).to.be.within(200, 202);
      await channel.waitFor(before + 1);
      await new Promise((resolve) => setTimeout(resolve, 50)); // a turn may send several activities
      return channel.received.slice(before).map((a) => a.text ?? '');
    }

    it('takes the intake through /api/messages, resumes it after a restart, and reports its status after another', async () => {
      let { app, url } = await startTestApp({ DATA_DIR: dataDir });
      await say(url, 'we need ATF help with a trafficking case');
      for (const answer of ['Policía Federal', 'Mexico', 'Ana Ruiz']) await say(url, answer);
      await app.close();

      ({ app, url } = await startTestApp({ DATA_DIR: dataDir }));
      expect(await say(url, 'investigator')).to.include('What e-mail address can IAD staff use to reach you?');
      for (const answer of ['ana@pf.example', 'skip', 'We seized 14 rifles in Sonora last week and need an assessment.', 'routine', 'yes']) await say(url, answer);
      const submitted = (await say(url, 'submit')).find((text) => /IAD-\d{4}-\d{6}/.test(text))!;
      const reference = /IAD-\d{4}-\d{6}/.exec(submitted)![0];
      expect(app.store.get(reference)!.answers).to.deep.include({ assistanceType: 'trafficking-assessment', email: 'ana@pf.example', name: 'Ana Ruiz' });
      await app.close();

      ({ app, url } = await startTestApp({ DATA_DIR: dataDir }));
      expect((await say(url, `status ${reference}`))[1]).to.match(new RegExp(`^Request ${reference} \\(Request for assistance\\), submitted \\d{4}-\\d{2}-\\d{2}: received`));
      await app.close();
    });
  });

  describe('ten partners who each press Submit twice at once', () => {
    const running = appWithChannel();
    it('store ten requests, and each partner is told the one reference twice', async () => {
      const { app, url, channel, serviceUrl } = running;
      const answers = ['we need ATF help with a trafficking case', 'Policía Federal', 'Mexico', 'Ana Ruiz', 'investigator', 'ana@pf.example', 'skip', 'We seized 14 rifles in Sonora and need an assessment.', 'routine', 'yes'];
      await Promise.all(
        Array.from({ length: 10 }, async (_, n) => {
          const conversation = { id: `double-submit-${n}` };
          for (const text of answers) expect((await post(url, activity(serviceUrl, { text, conversation }))).status).to.equal(200);
          const summary = channel.inConversation(conversation.id).at(-1)!;
          const submit = (summary.attachments![0]!.content as { actions: { title: string; data: unknown }[] }).actions.find((a) => a.title === 'Submit')!.data;
          const statuses = await Promise.all([1, 2].map(() => post(url, activity(serviceUrl, { conversation, value: submit })).then((r) => r.status)));
          expect(statuses).to.deep.equal([200, 200]);
          const said = channel.inConversation(conversation.id).map((a) => a.text ?? '');
          const references = said.flatMap((text) => /IAD-\d{4}-\d{6}/.exec(text) ?? []);
          expect(references).to.have.length(2);
          expect(references[0]).to.equal(references[1]);
          expect(said.filter((text) => text.startsWith('This request was already submitted'))).to.have.length(1);
        }),
      );
      expect(app.store.list()).to.have.length(10);
    });
  });
});
