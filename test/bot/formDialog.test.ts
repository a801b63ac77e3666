import { join } from 'node:path';
import { expect } from 'chai';
import type { Activity, CardAction } from 'botbuilder';
import { openDatabase } from '../../src/storage/database';
import { SqliteRequestStore, type RequestStore } from '../../src/storage/requestStore';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import type { AnswerEngine } from '../../src/engine/answerEngine';
import { cardActions, cardText, realEngine, realEngines, tempDir } from '../helpers';
import { createTestBot, testForms } from './testBot';
import { Outbox } from '../../src/storage/outbox';
import { createLogger } from '../../src/logger';

const texts = (activities: Partial<Activity>[]) => activities.map((a) => a.text ?? '');
const last = (activities: Partial<Activity>[]) => activities.at(-1)!;
const actions = (activity: Partial<Activity>): CardAction[] => activity.suggestedActions?.actions ?? [];
const press = (action: CardAction): Partial<Activity> => ({ type: 'message', text: String(action.text ?? action.title), value: action.value });

/** Plain-text answers of a complete assistance request, after the opening message prefilled the type. */
const TRAFFICKING_ANSWERS = [
  'Policía Federal Ministerial',
  'Mexico',
  'Ana Ruiz',
  'investigator',
  'ana.ruiz@pf.example',
  '+52 55 1234 5678',
  'We seized 14 rifles in Sonora and see a pattern of straw purchases crossing the border.',
  'high',
];

describe('bot: guided request for assistance', () => {
  it('runs a whole request from a plain sentence to a reference, then reports its status', async () => {
    const bot = createTestBot();
    const opening = await bot.say('we need ATF help with a trafficking case');
    expect(texts(opening)[0]).to.match(/^I'll take your request for assistance/);
    expect(texts(opening)[1]).to.equal('Which agency or ministry are you requesting for?'); // the type was prefilled
    for (const answer of TRAFFICKING_ANSWERS) await bot.say(answer);
    const consent = await bot.say('yes');
    const summary = last(consent);
    expect(summary.text).to.match(/^Please check your request for assistance:/);
    expect(summary.text).to.include('**Type of assistance:** Firearms trafficking assessment');
    expect(summary.text).to.include('**Country:** Mexico');
    expect(actions(summary).map((a) => a.title)).to.include.members(['Submit', 'Edit E-mail', 'Cancel']);

    const [submitted] = await bot.say(press(actions(summary).find((a) => a.title === 'Submit')!));
    const reference = /IAD-2026-\d{6}/.exec(submitted!.text!)![0];
    expect(submitted!.text).to.match(/^Thank you. Your request is stored with reference \*\*IAD-2026-\d{6}\*\*/);
    const stored = bot.store.get(reference)!;
    expect(stored.answers).to.deep.include({ assistanceType: 'trafficking-assessment', country: 'MX', email: 'ana.ruiz@pf.example', urgency: 'high', consent: 'yes' });

    const [status] = await bot.say(`status ${reference.toLowerCase()}`);
    expect(status!.text).to.equal(`Request ${reference} (Request for assistance), submitted ${stored.createdAt.slice(0, 10)}: received, waiting for IAD staff.`);
  });

  it('tells someone else that a reference is not found, without saying whether it exists', async () => {
    const bot = createTestBot();
    const reference = bot.store.submit({ formId: 'request-assistance', locale: 'en', channelId: 'test', userId: 'someone-else', answers: { agency: 'X' } }).reference;
    const [reply] = await bot.say(`status ${reference}`);
    expect(reply!.text).to.equal(`I couldn't find a request ${reference} submitted from this account. Please check the reference.`);
    const [unknown] = await bot.say('status IAD-2026-999999');
    expect(unknown!.text).to.equal("I couldn't find a request IAD-2026-999999 submitted from this account. Please check the reference.");
  });

  it('starts from the fallback\'s offer, with buttons for choices', async () => {
    const bot = createTestBot();
    const [fallback] = await bot.say('my car was towed outside the embassy');
    const offer = actions(fallback!).find((a) => a.title === 'Request assistance')!;
    const started = await bot.say(press(offer));
    const ask = last(started);
    expect(ask.text).to.equal('What kind of assistance do you need?');
    const choice = actions(ask).find((a) => a.title === 'Bomb Arson Tracking System (BATS)')!;
    expect(last(await bot.say(press(choice))).text).to.equal('Which agency or ministry are you requesting for?');
  });

  it('reprompts specifically, and after three failures offers to skip an optional field', async () => {
    const bot = createTestBot();
    await bot.say('we need help tracing guns from a seizure');
    for (const answer of TRAFFICKING_ANSWERS.slice(0, 4)) await bot.say(answer);
    const [badEmail] = await bot.say('ana at pf');
    expect(badEmail!.text).to.match(/^That does not look like an email address\./);
    await bot.say('ana@pf.example');
    await bot.say('call me');
    await bot.say('tomorrow');
    const [third] = await bot.say('no');
    expect(third!.text).to.include('You can say "skip" to leave this out');
    expect(actions(third!).map((a) => a.title)).to.include('Skip');
    expect((await bot.say('skip'))[0]!.text).to.equal('Please describe the case and what you need from IAD, in a few sentences.');
  });

  it('answers "why", goes "back", and answers a program question before resuming the same step', async () => {
    const bot = createTestBot();
    await bot.say('request assistance');
    await bot.say('tracing');
    const [why] = await bot.say('why?');
    expect(why!.text).to.equal('Why I ask: IAD supports partner agencies; the agency\'s name tells staff who the request comes from.');
    await bot.say('RCMP');
    expect(last(await bot.say('back')).text).to.equal('Which agency or ministry are you requesting for?');
    await bot.say('RCMP');
    const interrupted = await bot.say('what is the Bomb Arson Tracking System?');
    expect(interrupted[0]!.text).to.match(/^\*\*Access to the Bomb Arson Tracking System \(BATS\)\*\*/);
    expect(interrupted[1]!.text).to.equal('Now, back to your request:');
    expect(interrupted[2]!.text).to.equal('In which country is your agency?');
  });

  it('asks before cancelling, resumes on "no", and stores nothing on "yes"', async () => {
    const bot = createTestBot();
    await bot.say('request assistance');
    await bot.say('tracing');
    const [confirm] = await bot.say('cancel');
    expect(confirm!.text).to.equal('Do you want to cancel this request? Nothing will be sent.');
    const resumed = await bot.say('no');
    expect(texts(resumed)).to.deep.equal(["OK, let's continue.", 'Which agency or ministry are you requesting for?']);
    await bot.say('cancel');
    const [cancelled] = await bot.say('yes');
    expect(cancelled!.text).to.match(/^Your request was cancelled and nothing was sent/);
    expect(bot.store.list()).to.have.length(0);
    expect((await bot.say('what is eTrace?'))[0]!.text).to.match(/Firearms tracing with eTrace/);
  });

  it('edits an answer from the summary card in Teams, and submits from the card', async () => {
    const bot = createTestBot();
    const teams = { channelId: 'msteams' };
    await bot.say({ type: 'message', text: 'we need ATF help with a trafficking case', ...teams });
    for (const answer of TRAFFICKING_ANSWERS) await bot.say({ type: 'message', text: answer, ...teams });
    const summary = last(await bot.say({ type: 'message', text: 'yes', ...teams }));
    const card = summary.attachments![0]!;
    expect(card.contentType).to.equal('application/vnd.microsoft.card.adaptive');
    expect((card.content as { version: string }).version).to.equal('1.5');
    const buttons = cardActions(summary, { nested: true });
    const [askEmail] = await bot.say({ type: 'message', value: buttons.find((b) => b.title === 'Edit E-mail')!.data, ...teams });
    expect(askEmail!.text).to.equal('What e-mail address can IAD staff use to reach you?');
    const back = last(await bot.say({ type: 'message', text: 'ana@fgr.example', ...teams }));
    const [submitted] = await bot.say({ type: 'message', value: cardActions(back).find((b) => b.title === 'Submit')!.data, ...teams });
    const reference = /IAD-2026-\d{6}/.exec(submitted!.text!)![0];
    expect(bot.store.get(reference)!.answers.email).to.equal('ana@fgr.example');
  });

  it('rejects a garbage card submit politely and asks the same question again', async () => {
    const bot = createTestBot();
    await bot.say('request assistance');
    const replies = await bot.say({ type: 'message', value: { action: 'form', command: 'explode', field: 42 } });
    expect(texts(replies)).to.deep.equal(['That button is no longer valid. Please type your question, or say "help".', 'What kind of assistance do you need?']);
  });

  it('keeps the answers when the store fails, and submits on a second try', async () => {
    const db = openDatabase(':memory:');
    const real = new SqliteRequestStore(db);
    let failOnce = true;
    const flaky: RequestStore = Object.assign(Object.create(real) as RequestStore, {
      submit: (...args: Parameters<RequestStore['submit']>) => {
        if (failOnce) {
          failOnce = false;
          throw new Error('SQLITE_BUSY: database is locked');
        }
        return real.submit(...args);
      },
    });
    const bot = createTestBot({ store: flaky });
    await bot.say('we need ATF help with a trafficking case');
    for (const answer of TRAFFICKING_ANSWERS) await bot.say(answer);
    await bot.say('yes');
    const [failed] = await bot.say('submit');
    expect(failed!.text).to.match(/^I couldn't store your request just now, so nothing was lost/);
    const [submitted] = await bot.say('submit');
    expect(submitted!.text).to.match(/reference \*\*IAD-2026-000001\*\*/);
  });

  it('does not take a sentence about the case, typed one step too early, as the partner\'s name', async () => {
    const bot = createTestBot();
    await bot.say('we need ATF help with a trafficking case');
    await bot.say('Policía Federal Ministerial');
    expect(last(await bot.say('Mexico')).text).to.equal('What is your full name?');
    const early = last(await bot.say('Nine pistols found in a container at the port on 24/11/2026, we need them traced'));
    expect(early.text).to.match(/^That doesn't look right: I need a name, such as Marlon Brown\./);
    expect(last(await bot.say("Det. Ana O'Brien-Ruiz")).text).to.equal('What is your role or rank (for example investigator, prosecutor, customs officer)?');
  });

  it('resumes at the same step after a restart of the bot (state in SQLite)', async () => {
    const file = join(tempDir('restart'), 'iad.sqlite');
    const first = openDatabase(file);
    const before = createTestBot({ storage: new SqliteStorage(first), store: new SqliteRequestStore(first) });
    await before.say('we need ATF help with a trafficking case');
    await before.say('Policía Federal Ministerial');
    expect(last(await before.say('Mexico')).text).to.equal('What is your full name?');
    first.close();

    const second = openDatabase(file);
    const after = createTestBot({ storage: new SqliteStorage(second), store: new SqliteRequestStore(second) });
    after.adapter.conversation = before.adapter.conversation;
    const [next] = await after.say('Ana Ruiz');
    expect(next!.text).to.equal('What is your role or rank (for example investigator, prosecutor, customs officer)?');
    second.close();
  });

  it('leaves the form on "start over", from anywhere', async () => {
    const bot = createTestBot();
    await bot.say('request assistance');
    await bot.say('tracing');
    const [reply] = await bot.say('start over');
    expect(reply!.text).to.match(/^Let's start over/);
    expect((await bot.say('what is eTrace?'))[0]!.text).to.match(/Firearms tracing with eTrace/);
  });

  it('keeps what partners type in a form out of the logs', async () => {
    const bot = createTestBot();
    await bot.say('we need ATF help with a trafficking case');
    for (const answer of TRAFFICKING_ANSWERS) await bot.say(answer);
    await bot.say('yes');
    await bot.say('submit');
    const logs = bot.logger.lines.join('\n');
    expect(logs).to.include('"form submitted"');
    for (const answer of TRAFFICKING_ANSWERS) expect(logs).to.not.include(answer);
    expect(logs).to.not.match(/Ana|Ruiz|pf\.example|1234/);
  });

  it('starts the training request from its own words and YAML', async () => {
    const bot = createTestBot();
    const opening = await bot.say('I would like to request training for my unit');
    expect(texts(opening)[0]).to.match(/^I'll take your request for training/);
    expect(last(opening).text).to.equal('Which training topic are you interested in?');
    expect(last(await bot.say('post-blast')).text).to.equal('About how many people would take part?');
    expect(last(await bot.say('a dozen')).text).to.match(/^That doesn't look right: I need a number, such as 12\./);
  });

  describe('hardening', () => {
    /** Brings a fresh request to its summary and returns the summary reply. */
    async function toSummary(bot: ReturnType<typeof createTestBot>, answers = TRAFFICKING_ANSWERS): Promise<Partial<Activity>> {
      await bot.say('we need ATF help with a trafficking case');
      for (const answer of answers) await bot.say(answer);
      return last(await bot.say('yes'));
    }

    it('does not take a button of an earlier question as the answer to the current one', async () => {
      const bot = createTestBot();
      const [fallback] = await bot.say('my car was towed outside the embassy');
      const typeQuestion = last(await bot.say(press(actions(fallback!).find((a) => a.title === 'Request assistance')!)));
      const laboratory = actions(typeQuestion).find((a) => a.title === 'Forensics and Fire Research Laboratory')!;
      expect(last(await bot.say(press(laboratory))).text).to.equal('Which agency or ministry are you requesting for?');
      // The same card's button again, while the form asks for the agency.
      const stale = await bot.say(press(actions(typeQuestion).find((a) => a.title === 'Bomb Arson Tracking System (BATS)')!));
      expect(texts(stale)).to.deep.equal(["That button belongs to an earlier step, so I didn't take it as your answer. Here is where we are:", 'Which agency or ministry are you requesting for?']);
      expect(last(await bot.say('RCMP')).text).to.equal('In which country is your agency?');
      const summary = await (async () => {
        for (const answer of ['Canada', 'Ana Ruiz', 'investigator', 'ana@rcmp.example', 'skip', 'Fire debris from a warehouse arson needs laboratory analysis.', '12/11/2026', 'Toronto', 'routine']) await bot.say(answer);
        return last(await bot.say('yes'));
      })();
      expect(summary.text).to.include('**Type of assistance:** Forensics and Fire Research Laboratory');
      expect(summary.text).to.include('**Requesting agency:** RCMP');
    });

    it('answers a topic button of an earlier answer card in passing, then resumes the form', async () => {
      const bot = createTestBot();
      const [answer] = await bot.say('what is eTrace?');
      await bot.say('request assistance');
      await bot.say('tracing');
      const topic = actions(answer!).find((a) => (a.value as { action?: string }).action === 'ask')!;
      const replies = await bot.say(press(topic));
      expect(replies[0]!.text).to.match(/^\*\*/); // an answer
      expect(texts(replies).slice(1)).to.deep.equal(['Now, back to your request:', 'Which agency or ministry are you requesting for?']);
    });

    it('stores a double Submit once and says so, with the same reference', async () => {
      const bot = createTestBot();
      const summary = await toSummary(bot);
      const submit = actions(summary).find((a) => a.title === 'Submit')!;
      const [first] = await bot.say(press(submit));
      const [second] = await bot.say(press(submit));
      const reference = /IAD-2026-\d{6}/.exec(first!.text!)![0];
      expect(second!.text).to.equal(`This request was already submitted, with reference **${reference}**. Nothing was sent twice.`);
      expect(bot.store.list()).to.have.length(1);
    });

    it('stores nothing twice when the bot stopped after storing the request but before saving the conversation', async () => {
      const db = openDatabase(join(tempDir('crash'), 'iad.sqlite'));
      const bot = createTestBot({ storage: new SqliteStorage(db), store: new SqliteRequestStore(db) });
      const summary = await toSummary(bot);
      const before = db.prepare('SELECT key, etag, value FROM bot_state').all() as { key: string; etag: number; value: string }[];
      const [stored] = await bot.say(press(actions(summary).find((a) => a.title === 'Submit')!));
      // The crash: the request is committed, the conversation's new state never was.
      const restore = db.prepare('UPDATE bot_state SET etag = ?, value = ? WHERE key = ?');
      for (const row of before) restore.run(row.etag, row.value, row.key);
      const [again] = await bot.say('submit');
      const reference = /IAD-2026-\d{6}/.exec(stored!.text!)![0];
      expect(again!.text).to.include(`already submitted, with reference **${reference}**`);
      expect(bot.store.list()).to.have.length(1);
    });

    it('shows what partners typed in the summary as text: no HTML, images or links', async () => {
      const bot = createTestBot();
      // Tags are stripped from what channels deliver, but escaped entities become characters again.
      const hostile = ['&lt;img src=x onerror=alert(1)&gt;', 'Mexico', 'Ana Ruiz', '![track](https://elsewhere.example/x.png) [click](https://evil.example) **bold**'];
      const summary = await toSummary(bot, [...hostile, ...TRAFFICKING_ANSWERS.slice(4)]);
      expect(summary.text).to.include('**Requesting agency:** \\<img src=x onerror=alert(1)\\>');
      expect(summary.text).to.not.match(/(?<!\\)<img|(?<!\\)!\[|(?<!\\)\[click/);
      const teams = createTestBot();
      await teams.say({ type: 'message', text: 'we need ATF help with a trafficking case', channelId: 'msteams' });
      for (const answer of [...hostile, ...TRAFFICKING_ANSWERS.slice(4)]) await teams.say({ type: 'message', text: answer, channelId: 'msteams' });
      const facts = cardText(last(await teams.say({ type: 'message', text: 'yes', channelId: 'msteams' })));
      expect(facts).to.include('Requesting agency: \\<img src=x onerror=alert(1)\\>');
      expect(facts).to.include('Your role: \\!\\[track\\](https://elsewhere.example/x.png) \\[click\\](https://evil.example) \\*\\*bold\\*\\*');
    });

    it('apologises for a failed turn and keeps the form where it was', async () => {
      const { engine } = realEngine();
      const failing = Object.assign(Object.create(engine) as AnswerEngine, {
        ask: (text: string) => {
          if (text.includes('explode')) throw new Error('a bug in the engine');
          return engine.ask(text);
        },
      });
      const bot = createTestBot({ engine: failing });
      await bot.say('request assistance');
      await bot.say('tracing');
      const [sorry] = await bot.say('can you explode?');
      expect(sorry!.text).to.match(/^Sorry, something went wrong on my side\. Please try again\./);
      expect(last(await bot.say('RCMP')).text).to.equal('In which country is your agency?');
    });

    it('keeps only the form\'s own state in the conversation, and starts again politely when it no longer fits', async () => {
      const db = openDatabase(':memory:');
      const bot = createTestBot({ storage: new SqliteStorage(db) });
      await bot.say('request assistance');
      await bot.say('tracing');
      await bot.say('RCMP');
      const [row] = db.prepare("SELECT value FROM bot_state WHERE key LIKE '%conversations%'").all() as { value: string }[];
      expect(row!.value).to.not.include('In which country is your agency?'); // no rendered prompts, no field definitions
      expect(row!.value.match(/"instance"/g)).to.have.length(1); // one copy of the form's state
      expect(row!.value.length).to.be.below(1500);
      db.prepare('UPDATE bot_state SET value = replace(value, \'"fieldId":"country"\', \'"fieldId":"removedField"\')').run();
      const [reset] = await bot.say('Canada');
      expect(reset!.text).to.match(/^The request for assistance form has changed since you started it/);
      expect((await bot.say('what is eTrace?'))[0]!.text).to.match(/Firearms tracing with eTrace/);
    });
  });
});

describe('bot: guided requests in Spanish and French', () => {
  const form = (id: string, locale: 'es' | 'fr') => testForms().form(id, locale)!;
  const field = (id: string, locale: 'es' | 'fr', fieldId: string) => form(id, locale).fields.find((f) => f.id === fieldId)!;

  /** A bot in every language whose staff notifications are captured where the webhook would receive them. */
  function bilingualBot() {
    const notifications: { summary: { locale: string; rows: { field: string; label: string; value: string }[] }; original?: { locale: string; title: string; rows: { field: string; value: string }[] } }[] = [];
    const db = openDatabase(':memory:');
    const outbox = new Outbox(db, {
      webhookUrl: 'https://staff.example/hook',
      logger: createLogger('error', () => undefined),
      fetch: async (_url, init) => {
        notifications.push(JSON.parse(String(init?.body)));
        return new Response(null, { status: 204 });
      },
    });
    const bot = createTestBot({ engines: realEngines(), store: new SqliteRequestStore(db, { outbox }) });
    return { bot, outbox, notifications };
  }

  it('takes a request for assistance in Spanish, with the date written day first, and gives staff an English summary with the original', async () => {
    const { bot, outbox, notifications } = bilingualBot();
    const es = (text: string | Partial<Activity>) => bot.say({ type: 'message', locale: 'es-MX', ...(typeof text === 'string' ? { text } : text) });
    const opening = await es('Quiero solicitar asistencia');
    expect(texts(opening)[0]).to.equal(form('request-assistance', 'es').intro.trim());
    const type = last(opening);
    expect(type.text).to.equal(field('request-assistance', 'es', 'assistanceType').prompt);
    const responseTeam = actions(type).find((a) => (a.value as { value?: string }).value === 'response-team')!;
    expect(responseTeam.title).to.not.equal('International Response Team (arson or explosives)');
    await es(press(responseTeam));
    const caseSummary = 'Explosión en una bodega de Monterrey con dos heridos; pedimos apoyo para la escena.';
    for (const answer of ['Fiscalía General de la República', 'México', 'Juan Pérez', 'fiscal', 'juan.perez@fgr.example', 'omitir', caseSummary]) await es(answer);
    const date = await es('20/11/2026');
    expect(last(date).text).to.equal(field('request-assistance', 'es', 'incidentPlace').prompt);
    await es('Monterrey, México');
    await es('urgente');
    const summary = last(await es('sí'));
    expect(summary.text).to.include(`**${field('request-assistance', 'es', 'incidentDate').label}:** 20 de noviembre de 2026`);
    expect(summary.text).to.include(`**${field('request-assistance', 'es', 'country').label}:** México`);

    const [submitted] = await es('enviar');
    const reference = /IAD-2026-\d{6}/.exec(submitted!.text!)![0];
    expect(submitted!.text).to.equal(form('request-assistance', 'es').submitted.trim().replaceAll('{reference}', reference));
    const stored = bot.store.get(reference)!;
    expect(stored.locale).to.equal('es');
    expect(stored.answers).to.deep.include({ assistanceType: 'response-team', country: 'MX', incidentDate: '2026-11-20', urgency: 'urgent', consent: 'yes' });

    await outbox.deliverDue();
    const [notification] = notifications;
    expect(notification!.summary.locale).to.equal('en');
    expect(notification!.summary.rows).to.deep.include.members([
      { field: 'assistanceType', label: 'Type of assistance', value: 'International Response Team (arson or explosives)' },
      { field: 'incidentDate', label: 'Incident date', value: '20 November 2026' },
      { field: 'country', label: 'Country', value: 'Mexico' },
      { field: 'caseSummary', label: 'Case summary', value: caseSummary },
    ]);
    expect(notification!.original!.locale).to.equal('es');
    expect(notification!.original!.title).to.equal(form('request-assistance', 'es').title);
    expect(notification!.original!.rows).to.deep.include({ field: 'caseSummary', label: field('request-assistance', 'es', 'caseSummary').label, value: caseSummary });
  });

  it('takes a request for training in French, its topic from the opening words, with "passer" and "oui"', async () => {
    const { bot } = bilingualBot();
    const fr = (text: string | Partial<Activity>) => bot.say({ type: 'message', locale: 'fr-CA', ...(typeof text === 'string' ? { text } : text) });
    const opening = await fr('Nous aimerions faire une demande de formation sur les enquêtes en matière d’incendie criminel');
    expect(texts(opening)[0]).to.equal(form('request-training', 'fr').intro.trim());
    expect(last(opening).text).to.equal(field('request-training', 'fr', 'participants').prompt); // the topic was understood
    for (const answer of ['12', 'Police nationale d’Haïti', 'Haïti', 'mars 2027', 'Marie Joseph', 'm.joseph@pnh.example', 'passer']) await fr(answer);
    const summary = last(await fr('oui'));
    expect(summary.text).to.include(`**${field('request-training', 'fr', 'country').label}:** Haïti`);
    const [submitted] = await fr('envoyer');
    const reference = /IAD-2026-\d{6}/.exec(submitted!.text!)![0];
    expect(bot.store.get(reference)).to.deep.include({ locale: 'fr', formId: 'request-training' });
    expect(bot.store.get(reference)!.answers).to.deep.include({ topic: 'arson', country: 'HT', phone: '', consent: 'yes' });
  });

  it('goes on in the language the partner switches to in the middle of a form, where it was', async () => {
    const { bot } = bilingualBot();
    await bot.say('I want to request training');
    await bot.say('arson');
    const switched = await bot.say('en español por favor');
    expect(texts(switched)).to.deep.equal([realEngines().for('es').knowledge.messages.language.switchedInForm, field('request-training', 'es', 'participants').prompt]);
    const next = await bot.say('8');
    expect(last(next).text).to.equal(field('request-training', 'es', 'agency').prompt);
    // An answer in another language does not switch it: agencies keep their own names.
    const agency = await bot.say('Royal Canadian Mounted Police, the federal police of Canada');
    expect(last(agency).text).to.equal(field('request-training', 'es', 'country').prompt);
  });
});
