import { expect } from 'chai';
import type { Activity, CardAction } from 'botbuilder';
import type { AnswerChannelData } from '../../src/bot/replies';
import { realEngines } from '../helpers';
import { createTestBot } from './testBot';

const iad = (activity: Partial<Activity>) => (activity.channelData as { iad?: AnswerChannelData } | undefined)?.iad;
const actions = (activity: Partial<Activity>): CardAction[] => activity.suggestedActions?.actions ?? [];
const press = (action: CardAction): Partial<Activity> => ({ type: 'message', text: String(action.text ?? action.title), value: action.value });
const decided = (replies: Partial<Activity>[]) => replies.find((a) => iad(a) !== undefined)!;

/** The turn router on the real content: what partners say besides plain questions. */
describe('bot/mainDialog (the turn router)', () => {
  it('reads a follow-up with the topic just discussed, and "I want to request that" requests that service', async () => {
    const bot = createTestBot();
    expect(iad(decided(await bot.say('What is eTrace?')))).to.deep.include({ decision: 'answer', entryId: 'etrace-tracing' });
    expect(iad(decided(await bot.say('who can use it?')))).to.deep.include({ decision: 'answer', entryId: 'etrace-tracing' });
    const request = await bot.say('ok, I want to request that');
    expect(iad(request[0]!)).to.deep.include({ decision: 'form', formId: 'request-assistance', prefilled: { assistanceType: 'tracing' } });
    expect(request.at(-1)!.text).to.equal('Which agency or ministry are you requesting for?');
  });

  it('requests the one of a list just given that the partner names ("the post-blast one")', async () => {
    const bot = createTestBot();
    await bot.say('Which courses does ATF sponsor at the ILEAs?');
    await bot.say('what are the classes like?');
    const request = await bot.say('good. I want to request the post-blast one for my team');
    expect(iad(request[0]!)).to.deep.include({ decision: 'form', formId: 'request-training', prefilled: { topic: 'post-blast' } });
    // A service of its own is no item of that list, whatever words they share ("ATF", "trafficking").
    const other = createTestBot();
    await other.say('Which courses does ATF sponsor at the ILEAs?');
    const assessment = await other.say('our task force would like ATF to do a trafficking assessment on the routes into Haiti, can you set that up?');
    expect(assessment.map((r) => iad(r)).find((d) => d?.decision === 'form')).to.deep.include({ formId: 'request-assistance', prefilled: { assistanceType: 'trafficking-assessment' } });
  });

  it('requests, in Spanish, the course of a list just given that the partner names ("el de post-explosión"), or the topic just discussed ("pedirlo")', async () => {
    const bot = createTestBot({ engines: realEngines() });
    await bot.send({ type: 'message', text: '¿Qué cursos patrocina la ATF en las ILEA?', locale: 'es' });
    const request = await bot.say({ type: 'message', text: 'Perfecto, quisiera solicitar el de investigación post-explosión para mi unidad.', locale: 'es' });
    expect(request.map((r) => iad(r)).find((d) => d?.decision === 'form')).to.deep.include({ formId: 'request-training', prefilled: { topic: 'post-blast' } });
    // A pronoun joined to the verb ("pedirlo") stands for the topic just discussed.
    const tracing = createTestBot({ engines: realEngines() });
    await tracing.send({ type: 'message', text: '¿Qué es eTrace?', locale: 'es' });
    const asked = await tracing.say({ type: 'message', text: 'Perfecto, quiero pedirlo', locale: 'es' });
    expect(asked.map((r) => iad(r)).find((d) => d?.decision === 'form')).to.deep.include({ formId: 'request-assistance', prefilled: { assistanceType: 'tracing' } });
  });

  it('starts the request for the service a message asks IAD to act on, in the form its words name', async () => {
    const assessment = await createTestBot().say('We would like ATF to look at the gun smuggling routes into our islands, an assessment. Can you set that up?');
    expect(iad(assessment[0]!)).to.deep.include({ decision: 'form', formId: 'request-assistance', prefilled: { assistanceType: 'trafficking-assessment' } });
    const course = await createTestBot().say('Our bomb squad needs a course on working scenes after explosions, can we ask ATF for this?');
    expect(course.map((r) => iad(r)).find((d) => d?.decision === 'form')).to.deep.include({ formId: 'request-training' });
    // Asked for an account, BATS access is requested, not searched by the assistant.
    const account = await createTestBot().say('We want to log our arson cases in the Bomb Arson Tracking System and search it. Can you open an account for our unit?');
    expect(account.map((r) => iad(r)).find((d) => d?.decision === 'form')).to.deep.include({ formId: 'request-assistance', prefilled: { assistanceType: 'bats' } });
    // A question about how the service works is answered, not turned into a request.
    const question = decided(await createTestBot().say('do the response teams come on their own or we have to ask for them first'));
    expect(iad(question)).to.deep.include({ decision: 'answer', entryId: 'international-response-teams' });
  });

  it('opens a request the intent model read without an answer only fairly sure of itself about another form\'s service', async () => {
    const replies = await createTestBot({ engines: realEngines() }).send({ type: 'message', text: "Bonjour, notre brigade voudrait une formation sur les enquêtes après explosion. L'ATF peut-elle l'organiser?", locale: 'fr' });
    const decisions = replies.map((r) => iad(r)).filter((d) => d !== undefined);
    expect(decisions.find((d) => d?.decision === 'form')).to.deep.include({ formId: 'request-training', prefilled: { topic: 'post-blast' } });
    expect(decisions.filter((d) => d?.decision === 'answer').map((d) => d?.entryId)).to.not.include('intelligence-sharing');
  });

  it('starts the request for training when asked for a workshop on a subject no service of the page names', async () => {
    const replies = await createTestBot({ engines: realEngines() }).say("Notre brigade souhaiterait bénéficier d'un atelier sur l'analyse des manifestes de fret.");
    expect(replies.map((r) => iad(r)).find((d) => d?.decision === 'form')).to.deep.include({ formId: 'request-training' });
  });

  it('answers a question asked under a condition ("if we request...") instead of starting the request', async () => {
    const bot = createTestBot();
    const answer = decided(await bot.say('if we request the International Response Team how fast can they arrive?'));
    expect(iad(answer)).to.deep.include({ decision: 'answer', entryId: 'international-response-teams', missing: 'duration' });
    // Nor after a topic that offers a request: "ask for the team" is still under the condition.
    const after = await bot.say('if we ask for the response team, how soon can they arrive?');
    expect(after.map((r) => iad(r)?.decision)).to.not.include('form');
     // A supposition that ends in a plain ask to act is a request.
    const standby = await createTestBot().say('If a bomb goes off at the summit we host next spring we would want the response team on standby. Can we set that up now?');
    expect(standby.map((r) => iad(r)).find((d) => d?.decision === 'form')).to.deep.include({ formId: 'request-assistance', prefilled: { assistanceType: 'response-team' } });
  });

  it('answers a question about how requests work ("what are the criteria to be nominated?") instead of starting one', async () => {
    const replies = await createTestBot().say('What are the criteria for an officer to be nominated to an ATF course at ILEA? Rank, years of service?');
    expect(replies.map((r) => iad(r)?.decision)).to.not.include('form');
    expect(iad(decided(replies))).to.deep.include({ decision: 'answer', missing: 'eligibility' });
    // Asked to act, the same words are a request.
    const nominate = await createTestBot().say('We would like to nominate two officers for the arson course, how do we apply?');
    expect(nominate.map((r) => iad(r)).find((d) => d?.decision === 'form')).to.deep.include({ formId: 'request-training' });
  });

  it('answers "tell me more" with the whole section the last answer came from', async () => {
    const bot = createTestBot();
    await bot.say('What is the Bomb Arson Tracking System?');
    const [more] = await bot.say('tell me more');
    expect(iad(more!)).to.deep.include({ decision: 'answer', passage: 'iad-program-page#Technical Assistance' });
    expect(more!.text).to.include('International Response Teams');
  });

  it('lists this account\'s requests when asked for a status without a reference', async () => {
    const bot = createTestBot();
    const [none] = await bot.say('any news on my request?');
    expect(iad(none!)).to.deep.include({ decision: 'status' });
    expect(none!.text).to.match(/^I can't find a request submitted from this account/);
    const { reference } = bot.store.submit({ formId: 'request-training', locale: 'en', channelId: 'test', userId: 'user1', answers: { topic: 'arson' } });
    const [list] = await bot.say('what is the status of my request?');
    expect(list!.text).to.include(`Request ${reference} (Request for training)`);
    expect(list!.text).to.include('received, waiting for IAD staff');
  });

  it('reads requests and status questions no phrase has written with the intent model, and lets phrases speak first', async () => {
    // A request in the partner's own words: the answer to the whole message, then the form, with the course chosen.
    const training = await createTestBot().say('we would love to get six of our fire investigators onto the arson investigation course');
    expect(training.map((r) => iad(r)?.decision).filter(Boolean)).to.deep.equal(['answer', 'form']);
    expect(training.map((r) => iad(r)).find((d) => d?.decision === 'form')).to.deep.include({ formId: 'request-training', prefilled: { topic: 'arson' } });
    const [status] = await createTestBot().say('it has been a month since our lab submission and nobody has written back');
    expect(iad(status!)).to.deep.include({ decision: 'status' });
    // A request's words inside a question about one sent before name that request, not a new one.
    const [asked] = await createTestBot().say('did the people at IAD ever look at our ask for a trafficking assessment from last spring?');
    expect(iad(asked!)).to.deep.include({ decision: 'status' });
    const [looked] = await createTestBot().say('did IAD ever look at our ask for a trafficking assessment from last spring?');
    expect(iad(looked!)).to.deep.include({ decision: 'status' });
    // A follow-up phrase requests the topic just discussed, whatever the model makes of two words.
    const bot = createTestBot();
    await bot.say('What is eTrace?');
    const [request] = await bot.say('request it');
    expect(iad(request!)).to.deep.include({ decision: 'form', formId: 'request-assistance', prefilled: { assistanceType: 'tracing' } });
  });

  it('answers a partner who asks whether ATF can do it for their own case, then opens the request, which gives way if they go on asking', async () => {
    const asked = 'We seized 14 pistols at the port last week. Can ATF trace them for us?';
    const bot = createTestBot();
    const replies = await bot.say(asked);
    expect(replies.map((r) => iad(r)?.decision).filter(Boolean)).to.deep.equal(['answer', 'form']);
    expect(replies.map((r) => iad(r)).find((d) => d?.decision === 'form')).to.deep.include({ formId: 'request-assistance', prefilled: { assistanceType: 'tracing' } });
    // The partner goes on asking: the form steps aside, and the question is read with the topic just discussed.
    const next = await bot.say('who can use it?');
    expect(iad(decided(next))).to.deep.include({ decision: 'answer', entryId: 'etrace-tracing' });
    expect(next.map((r) => r.text)).to.not.include('Which agency or ministry are you requesting for?');
    // An answer to its question goes on with the form; "ok" goes on with it too, "no thanks" ends it.
    const answering = createTestBot();
    await answering.say(asked);
    expect((await answering.say('ok')).at(-1)!.text).to.equal('Which agency or ministry are you requesting for?');
    expect((await answering.say('Royal Bahamas Police Force')).at(-1)!.text).to.equal('In which country is your agency?');
    const declining = createTestBot();
    await declining.say(asked);
    expect((await declining.say('no thanks')).at(-1)!.text).to.match(/^Your request was cancelled and nothing was sent/);
    // A few words about a service for the partner's own people ask for it too, in any language.
    const terse = await createTestBot({ engines: realEngines() }).say('accès BATS pour notre brigade ?');
    expect(terse.map((r) => iad(r)).find((d) => d?.decision === 'form')).to.deep.include({ formId: 'request-assistance', prefilled: { assistanceType: 'bats' } });
    // Asking what the partner's own people may do is no request.
    const may = await createTestBot().say('can we use these ATF resources for our own criminal case or only for joint US cases?');
    expect(may.map((r) => iad(r)?.decision)).to.not.include('form');
  });

  it('says plainly what only IAD staff can do, and offers the request with what the message said', async () => {
    const bot = createTestBot();
    const [reply] = await bot.say('trace this gun now please, serial BXK482');
    expect(iad(reply!)).to.deep.include({ decision: 'cannotDo' });
    expect(reply!.text).to.match(/^I can't do that myself/);
    const started = await bot.say(press(actions(reply!)[0]!));
    expect(iad(started[0]!)).to.deep.include({ decision: 'form', prefilled: { assistanceType: 'tracing' } });
  });

  it('answers with what the page says and says plainly what it does not, offering to ask IAD staff', async () => {
    const bot = createTestBot();
    const answer = decided(await bot.say('How much does an ILEA course cost for our officers?'));
    expect(iad(answer)).to.deep.include({ decision: 'answer', missing: 'cost' });
    expect(answer.text).to.include("IAD's program information does not say what it costs or who pays for it.");
    expect(actions(answer)[0]).to.deep.include({ title: 'Ask IAD staff' });
  });

  it('tells where IAD works, and that the page names no office in the place asked about', async () => {
    const bot = createTestBot();
    const peru = decided(await bot.say('Do you have people in Peru?'));
    expect(iad(peru)).to.deep.include({ entryId: 'iad-locations' });
    expect(peru.text).to.include('The program information names no IAD office in Peru.');
    const jamaica = decided(await bot.say('does ATF have officers in Jamaica?'));
    expect(jamaica.text).to.include('names the Caribbean without listing the countries there, so it does not say whether IAD staff are in Jamaica');
  });

  it('starts a request from a plain sentence, with the type and the case drafted from it', async () => {
    const bot = createTestBot();
    const opening = 'We need the International Response Team in Bogota, a car bomb exploded this morning at the market. Please start the request.';
    const started = await bot.say(opening);
    expect(iad(started[0]!)).to.deep.include({ decision: 'form', formId: 'request-assistance', prefilled: { assistanceType: 'response-team' } });
    for (const answer of ['DIJIN', 'Colombia', 'Ana Ruiz', 'technician', 'ana@dijin.example', 'skip', '12/11/2026', 'Bogota', 'urgent']) await bot.say(answer);
    const [summary] = await bot.say('yes');
    expect(summary!.text).to.include(`**Case summary:** We need the International Response Team in Bogota, a car bomb exploded this morning at the market. Please start the request.`);
  });

  it('answers the question of a message that also asks for a request, then starts the request', async () => {
    const bot = createTestBot();
    const replies = await bot.say('What is BATS? Our bomb squad needs access, please open a request.');
    expect(iad(replies[0]!)).to.deep.include({ decision: 'answer', entryId: 'bats' });
    expect(replies.map((r) => iad(r)?.decision)).to.include('form');
  });

  it('takes a request for training on a subject the page does not cover, and still declines questions about it', async () => {
    const training = await createTestBot().say('We want a training for our analysts on money laundering by gun traffickers. Can you organise one?');
    expect(training.map((r) => iad(r)).find((d) => d?.decision === 'form')).to.deep.include({ formId: 'request-training' });
    const assistance = decided(await createTestBot().say('can ATF help us with a money laundering case?'));
    expect(iad(assistance)).to.deep.include({ decision: 'fallback' });
    const visa = decided(await createTestBot().say('Could you help me get a visa for my trip to a training in the US?'));
    expect(iad(visa)).to.deep.include({ decision: 'fallback' });
  });

  it('takes a request for technical assistance on a subject partners may ask help with, and still declines a permit asked for', async () => {
    const registry = await createTestBot().say('We need technical help from ATF to modernise our national firearms registry. How do we request it?');
    expect(registry.map((r) => iad(r)).find((d) => d?.decision === 'form')).to.deep.include({ formId: 'request-assistance' });
    const question = decided(await createTestBot().say('how does the national firearms registry of Canada work?'));
    expect(iad(question)).to.deep.include({ decision: 'fallback' });
    const permit = decided(await createTestBot().say('How do I register a pistol in Jamaica? I want to request the permit.'));
    expect(iad(permit)).to.deep.include({ decision: 'fallback' });
  });

  it('declines what the program does not cover, however it is put', async () => {
    const bot = createTestBot();
    const [reply] = await bot.say('how do I apply for a job at ATF? please open a request');
    expect(iad(reply!)).to.deep.include({ decision: 'fallback' });
    expect(reply!.text).to.match(/^I can't help with jobs, careers and pay at ATF/);
  });

  it('records what content authors should review, places kept and names removed', async () => {
    const bot = createTestBot();
    await bot.say('My name is Maria Lopez, what is the weather in Toronto?');
    expect(bot.recorded.at(-1)).to.deep.include({ kind: 'fallback' });
    expect(bot.recorded.at(-1)!.question).to.include('Toronto');
    expect(bot.recorded.at(-1)!.question).to.not.match(/Maria|Lopez/);
  });

  it('answers each question of a message that asks two', async () => {
    const bot = createTestBot();
    const replies = await bot.say('What is BATS, and what is the Anti-Firearms Trafficking Campaign?');
    expect(replies.map((r) => iad(r)?.entryId).filter(Boolean)).to.deep.equal(['bats', 'anti-firearms-trafficking-campaign']);
  });

  it('reads a question after another in the same message as following it', async () => {
    const bot = createTestBot();
    const replies = await bot.say('Results of the anti firearms trafficking campaign? how many guns seized so far');
    const answers = replies.filter((r) => iad(r)?.decision === 'answer');
    expect(answers.map((r) => iad(r))).to.have.length(1);
    expect(iad(answers[0]!)).to.deep.include({ entryId: 'anti-firearms-trafficking-campaign', missing: 'statistics' });
  });

  it('says plainly that a dated answer says nothing about another year', async () => {
    const bot = createTestBot();
    const answer = decided(await bot.say('how many ILEA classes did IAD run in 2023?'));
    expect(iad(answer)).to.deep.include({ entryId: 'ilea-classes-fy2019', missing: 'year' });
    expect(answer.text).to.include("IAD's program information does not say anything about 2023.");
  });

  describe('in several languages', () => {
    it('greets in the language of the greeting, and answers the next question in its own language', async () => {
      const bot = createTestBot({ engines: realEngines() });
      const [hola] = await bot.say('hola');
      expect(hola!.text).to.match(/^¡Hola!/);
      expect(hola!.locale).to.equal('es');
      const [bonjour] = await bot.say('bonjour');
      expect(bonjour!.locale).to.equal('fr');
      const answer = decided(await bot.say('What is eTrace and who can use it?'));
      expect(answer.locale).to.equal('en');
      // "ok" is small talk in every language: the conversation keeps its language.
      const [ok] = await bot.say('ok');
      expect(ok!.locale).to.equal('en');
    });
  });
});
