import { expect } from 'chai';
import type { Activity, CardAction } from 'botbuilder';
import { AnswerEngine } from '../../src/engine/answerEngine';
import { cardActions, cardText, realEngine, realEngines } from '../helpers';
import { createTestBot } from './testBot';

const actionsOf = (activity: Partial<Activity>): CardAction[] => activity.suggestedActions?.actions ?? [];
const iad = (activity: Partial<Activity>) => (activity.channelData as { iad?: Record<string, unknown> } | undefined)?.iad;

describe('bot/iadBot', () => {
  it('welcomes a partner who joins, with what it can do and suggested questions', async () => {
    const bot = createTestBot();
    const [welcome, ...more] = await bot.say({ type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: 'Partner' }], recipient: { id: 'bot', name: 'bot' } });
    expect(more).to.have.length(0);
    expect(welcome!.text).to.match(/^Welcome to the IAD Partner Assistant/);
    expect(actionsOf(welcome!).map((a) => a.title)).to.include('What is eTrace?');
  });

  it('welcomes once when the app is installed in Teams, not again for the members', async () => {
    const bot = createTestBot();
    const [welcome] = await bot.say({ type: 'installationUpdate', action: 'add', channelId: 'msteams' });
    expect(welcome!.text).to.match(/^Welcome to the IAD Partner Assistant/);
    const members = await bot.say({ type: 'conversationUpdate', channelId: 'msteams', membersAdded: [{ id: 'user1', name: 'Partner' }], recipient: { id: 'bot', name: 'bot' } });
    expect(members).to.have.length(0);
  });

  it('welcomes on the web page\'s join event, in the page\'s language, not when Direct Line adds the members', async () => {
    const bot = createTestBot({ engines: realEngines() });
    const members = await bot.say({ type: 'conversationUpdate', channelId: 'webchat', membersAdded: [{ id: 'user1', name: 'Partner' }], recipient: { id: 'bot', name: 'bot' } });
    expect(members).to.have.length(0);
    const [welcome, ...more] = await bot.say({ type: 'event', channelId: 'webchat', name: 'webchat/join', locale: 'fr-CA', value: { locale: 'fr-CA' } });
    expect(more).to.have.length(0);
    expect(welcome!.text).to.match(/^Bienvenue dans l’assistant des partenaires de l’IAD/);
    expect(await bot.say({ type: 'event', channelId: 'webchat', name: 'something-else' })).to.have.length(0);
  });

  it('does not welcome itself when only the bot joins', async () => {
    const bot = createTestBot();
    expect(await bot.say({ type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'bot' }], recipient: { id: 'bot', name: 'bot' } })).to.have.length(0);
  });

  it('shows typing, then the answer with its title, source, the next step, related topics and feedback buttons', async () => {
    const bot = createTestBot();
    const replies = await bot.send('how do I get etrace?');
    expect(replies[0]!.type).to.equal('typing');
    const answer = replies[1]!;
    expect(answer.text).to.match(/^\*\*Firearms tracing with eTrace\*\*/);
    expect(answer.text).to.include('Source: ATF International Affairs Division program page, section "Technical Assistance"');
    expect(answer.text).to.match(/Was this helpful\?$/);
    const titles = actionsOf(answer).map((a) => a.title);
    expect(titles[0]).to.equal('Request this');
    expect(actionsOf(answer)[0]!.value).to.deep.equal({ action: 'startForm', formId: 'request-assistance', prefill: { assistanceType: 'tracing' } });
    expect(titles.slice(-2)).to.deep.equal(['Yes, helpful', 'Not helpful']);
    expect(titles).to.include('ATF resources shared with international partners');
    expect(iad(answer)).to.deep.include({ decision: 'answer', entryId: 'etrace-tracing' });
    expect(iad(answer)!.score).to.be.a('number');
  });

  it('records negative feedback with the entry id and no personal data', async () => {
    const bot = createTestBot();
    const [answer] = await bot.say('Maria Lopez here (maria@policia.example): what is the Bomb Arson Tracking System?');
    const notHelpful = actionsOf(answer!).find((a) => a.title === 'Not helpful')!;
    const [thanks] = await bot.say({ type: 'message', text: notHelpful.text, value: notHelpful.value });
    expect(thanks!.text).to.match(/^Thank you for telling me/);
    expect(bot.recorded).to.have.length(1);
    expect(bot.recorded[0]).to.deep.include({ kind: 'not-helpful', entryId: iad(answer!)!.entryId });
    expect(bot.recorded[0]!.question).to.not.match(/Maria|Lopez|maria@/);
  });

  it('takes a typed "yes" or "no" right after an answer as the answer to the question its card ends on, and only then', async () => {
    const bot = createTestBot();
    const [answer] = await bot.say('what is the Bomb Arson Tracking System?');
    const [thanks] = await bot.say('yes thanks');
    expect(thanks!.text).to.equal('Thank you for the feedback.');
    expect(bot.recorded.at(-1)).to.deep.include({ kind: 'helpful', entryId: iad(answer!)!.entryId, question: 'what is the Bomb Arson Tracking System?' });
    // Asked once: another "no" is no second thumb.
    const recorded = bot.recorded.length;
    await bot.say('no');
    expect(bot.recorded.filter((e) => e.kind === 'not-helpful')).to.have.length(0);
    expect(bot.recorded.length).to.be.at.most(recorded + 1);
    await bot.say('What is eTrace?');
    const [sorry] = await bot.say('👎');
    expect(sorry!.text).to.match(/^Thank you for telling me/);
    expect(bot.recorded.at(-1)).to.deep.include({ kind: 'not-helpful', entryId: 'etrace-tracing' });
    // After what the page does not say, "yes" takes up the offer to ask IAD staff, as its button does.
    const partial = createTestBot();
    await partial.say('how much does the ILEA post-blast course cost?');
    const started = await partial.say('yes please');
    expect(started.map((r) => iad(r)).find((d) => d?.decision === 'form')).to.deep.include({ formId: 'request-training', prefilled: { topic: 'post-blast' } });
    expect(partial.recorded.filter((e) => e.kind === 'helpful' || e.kind === 'not-helpful')).to.have.length(0);
  });

  it('offers "did you mean" and answers the option the partner picks', async () => {
    // No answer is confident and every option is close here, so the question is ambiguous whatever the tuning.
    const { knowledge } = realEngine();
    const engine = new AnswerEngine({ ...knowledge, settings: { ...knowledge.settings, thresholds: { ...knowledge.settings.thresholds, answer: 1, suggest: 0.01, clarifyMargin: 10 } } });
    const bot = createTestBot({ engine });
    const [clarify] = await bot.say('ilea');
    expect(clarify!.text).to.match(/Did you mean:$/);
    const options = actionsOf(clarify!);
    expect(options.length).to.be.within(2, 3);
    expect(iad(clarify!)).to.deep.include({ decision: 'clarify' });
    const [answer] = await bot.say({ type: 'message', text: String(options[1]!.text), value: options[1]!.value });
    expect(answer!.text).to.include(`**${options[1]!.title}**`);
  });

  it('falls back honestly, offers topics, and records the question without personal data', async () => {
    const bot = createTestBot();
    const [fallback] = await bot.say('Can John Smith get his old car repaired at the embassy? call +1 613 555 0199');
    expect(fallback!.text).to.match(/^I'm sorry, I can't answer that/);
    expect(actionsOf(fallback!).length).to.be.greaterThan(0);
    expect(iad(fallback!)).to.deep.equal({ decision: 'fallback' });
    expect(bot.recorded[0]).to.deep.include({ kind: 'fallback' });
    expect(bot.recorded[0]!.question).to.equal('Can [name] [name] get his old car repaired at the embassy? call [number]');
  });

  it('says which topic it cannot help with when a question is out of scope', async () => {
    const [reply] = await createTestBot().say('What are the requirements to buy a handgun in Texas?');
    expect(reply!.text).to.match(/^I can't help with firearm licences, permits and purchase or ownership rules: IAD's program information doesn't cover it/);
    expect(iad(reply!)).to.deep.equal({ decision: 'fallback' });
  });

  const smalltalk: [string, RegExp][] = [
    ['hi', /^Hello! I answer questions about ATF's International Affairs Division/],
    ['thanks!', /^You're welcome/],
    ['help', /^Ask me a question in your own words/],
    ['start over', /^Let's start over/],
    ['who are you?', /^I am the IAD Partner Assistant/],
  ];
  for (const [text, expected] of smalltalk) {
    it(`replies to "${text}" from the small-talk file`, async () => {
      const [reply] = await createTestBot().say(text);
      expect(reply!.text).to.match(expected);
    });
  }

  const oddInputs: [string, Partial<Activity>, RegExp][] = [
    ['empty text', { type: 'message', text: '   ' }, /^I didn't catch a question/],
    ['an attachment without text', { type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'http://x/y.png' }] }, /^I can only read text messages/],
    ['only emoji', { type: 'message', text: '🔥🔥🙂' }, /^I'm sorry, I can't answer that/],
    ['HTML', { type: 'message', text: '<script>alert(1)</script><b>etrace</b>' }, /Firearms tracing with eTrace/],
    ['a card submit with garbage', { type: 'message', value: { foo: [1, 2], action: 'drop tables' } }, /^That button is no longer valid/],
    ['a button for an entry that does not exist', { type: 'message', value: { action: 'ask', entryId: 'no-such-entry' } }, /^That button is no longer valid/],
    ['100 KB of text', { type: 'message', text: 'where are IAD staff? '.repeat(5000) }, /^Your message was long/],
  ];
  for (const [name, activity, expected] of oddInputs) {
    it(`answers ${name} sensibly`, async () => {
      const [reply] = await createTestBot().say(activity);
      expect(reply!.text).to.match(expected);
    });
  }

  it('ignores activities that are not messages, other than the page’s join event', async () => {
    const bot = createTestBot();
    expect(await bot.send({ type: 'event', name: 'tokens/response', value: 'x' })).to.have.length(0);
    expect(await bot.send({ type: 'messageReaction', reactionsAdded: [{ type: 'like' }] })).to.have.length(0);
    expect(await bot.send({ type: 'typing' })).to.have.length(0);
  });

  it('puts buttons with values on an Adaptive Card in Teams, where suggested actions cannot carry them', async () => {
    const bot = createTestBot();
    const [answer] = await bot.say({ type: 'message', channelId: 'msteams', text: 'What is the Bomb Arson Tracking System?' });
    expect(answer!.suggestedActions).to.equal(undefined);
    const card = answer!.attachments!.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')!;
    expect((card.content as { version: string }).version).to.equal('1.5');
    const notHelpful = cardActions(answer!).find((b) => b.title === 'Not helpful')!;
    expect(cardText(answer!)).to.include('👎'); // a small thumb, apart from the topic buttons
    // Teams delivers an Action.Submit as a message whose value is the data, without text.
    const [thanks] = await bot.say({ type: 'message', channelId: 'msteams', value: notHelpful.data });
    expect(thanks!.text).to.match(/^Thank you for telling me/);
  });

  it('strips a Teams @mention before answering', async () => {
    const bot = createTestBot();
    const [answer] = await bot.say({
      type: 'message',
      channelId: 'msteams',
      text: '<at>IAD Assistant</at> when was this information last reviewed?',
      recipient: { id: 'bot', name: 'IAD Assistant' },
      entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'IAD Assistant' }, text: '<at>IAD Assistant</at>' }],
    });
    expect(iad(answer!)).to.deep.include({ entryId: 'page-last-reviewed' });
  });

  it('keeps what partners type out of the logs', async () => {
    const bot = createTestBot();
    await bot.say('we seized rifles in Rotterdam, can you trace them? contact piet.jansen@politie.example');
    await bot.say('what is the visa process for Piet Jansen');
    const logs = bot.logger.lines.join('\n');
    expect(logs).to.include('"conversationId"');
    expect(logs).to.not.match(/Rotterdam|piet|Jansen|visa/i);
  });

  it('apologises with the conversation id when a turn fails, and logs it without a stack for the user', async () => {
    const bot = createTestBot({ feedback: { record: () => { throw new Error('database is locked'); }, mostFrequent: () => [] } });
    const [apology] = await bot.say('what is the weather in Toronto');
    const conversationId = bot.adapter.conversation.conversation!.id;
    expect(apology!.text).to.equal(`Sorry, something went wrong on my side. Please try again. If it keeps happening, quote reference ${conversationId} when you report it.`);
    expect(bot.logger.lines.some((line) => line.includes('"turn failed"') && line.includes('database is locked') && line.includes(conversationId))).to.equal(true);
    const [next] = await bot.say('hi');
    expect(next!.text).to.match(/^Hello!/);
  });
});
