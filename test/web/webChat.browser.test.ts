import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect } from 'chai';
import type { BrowserContext, Page } from 'playwright-core';
import type { App } from '../../src/app';
import { startTestApp } from '../server/testApp';
import { ARTIFACTS, launchBrowser } from './browser';

/** The page served by the bot, in Chromium, through the built-in Direct Line endpoint. */
describe('web chat in a real browser (Chromium)', function () {
  this.timeout(120_000);
  let app: App;
  let url: string;
  let browser: BrowserContext;
  let page: Page;

  before(async () => {
    ({ app, url } = await startTestApp());
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage();
    await page.goto(url);
    await page.getByText('Welcome to the IAD Partner Assistant').first().waitFor();
  });
  afterEach(async function () {
    await page.screenshot({ path: join(ARTIFACTS, `web-${this.currentTest!.title.replace(/\W+/g, '-')}.png`) });
    await page.close();
  });

  const type = async (text: string) => {
    const box = page.locator('[data-id="webchat-sendbox-input"], input[type=text], textarea').first();
    await box.fill(text);
    await box.press('Enter');
  };
  // Web Chat keeps hidden copies of buttons for screen readers (live region): click the visible one.
  const click = (name: string | RegExp) => page.locator('button:not(.webchat__live-region-activity__suggested-action)').filter({ hasText: name }).last().click();
  const see = (text: string | RegExp) => page.getByText(text).last().waitFor({ timeout: 15_000 });

  it('answers from a suggested action, a card button and a typed question, each with its source', async () => {
    await click('What is eTrace?'); // a suggested action of the welcome
    await see('Firearms tracing with eTrace');
    await see(/Source: ATF International Affairs Division program page/);
    await page.locator('.ac-selectable').filter({ hasText: 'ATF resources shared with international partners' }).last().click(); // a related topic of the answer card
    await see(/IAD shares access to a variety of ATF resources|shares access to ATF resources/);
    await type('what is BATS??');
    await see('Access to the Bomb Arson Tracking System (BATS)');
  });

  it('takes a whole request for assistance through buttons and the summary card, and shows the reference', async () => {
    await type('I want to submit a request');
    await see('What kind of assistance do you need?');
    await click('Firearms tracing with eTrace');
    await see('Which agency or ministry are you requesting for?');
    for (const [answer, next] of [
      ['Royal Bahamas Police Force', 'In which country is your agency?'],
      ['Bahamas', 'What is your full name?'],
      ['Dana Rolle', /What is your role or rank/],
      ['detective sergeant', 'What e-mail address can IAD staff use to reach you?'],
      ['dana.rolle@rbpf.example', /What phone number can IAD staff use/],
    ] as const) {
      await type(answer);
      await see(next);
    }
    await click('Skip');
    await see('Please describe the case and what you need from IAD, in a few sentences.');
    await type('Two pistols recovered after a shooting in Nassau; we need to know where they were first sold.');
    await see('How urgent is the request?');
    await click(/^High: a time-sensitive investigation/);
    await see('May IAD staff contact you about this request with the details you gave?');
    await click('Yes');
    await see('Please check your request for assistance:');
    await page.screenshot({ path: join(ARTIFACTS, 'web-summary-card.png') });
    await click('Submit');
    await see(/Your request is stored with reference/);
    const text = await page.locator('#webchat').innerText();
    const reference = /IAD-\d{4}-\d{6}/.exec(text)![0];
    expect(app.store.get(reference)!.answers).to.deep.include({ assistanceType: 'tracing', country: 'BS', urgency: 'high', phone: '' });
  });

  it('shows what a partner typed in the summary as the text typed: no markup, no image fetched, no link hiding its target', async () => {
    // Where an injected image or link would point: a listener that counts who comes.
    let visits = 0;
    const trap: Server = createServer((_req, res) => {
      visits++;
      res.end();
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
    try {
      await type('request assistance');
      await click('Firearms tracing with eTrace');
      await see('Which agency or ministry are you requesting for?');
      for (const [answer, next] of [
        [`&lt;img src=${origin}/html.png&gt; **Policía** _Federal_`, 'In which country is your agency?'],
        ['Mexico', 'What is your full name?'],
        ['Ana Ruiz', /What is your role or rank/],
        [`![pixel](${origin}/markdown.png) [click me](${origin}/link)`, 'What e-mail address can IAD staff use to reach you?'],
        ['ana@pf.example', /What phone number can IAD staff use/],
        ['skip', 'Please describe the case and what you need from IAD, in a few sentences.'],
        ['We seized 14 rifles in Sonora and need to know where they were first sold.', 'How urgent is the request?'],
        ['routine', 'May IAD staff contact you about this request with the details you gave?'],
        ['yes', 'Please check your request for assistance:'],
      ] as const) {
        await type(answer);
        await see(next);
      }
      const summary = page.locator('.ac-adaptiveCard').last();
      await summary.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, 'web-summary-typed-markup.png') });
      // Web Chat strips the zero-width spaces it puts around the links it makes of bare URLs.
      const shown = (await summary.innerText()).replace(/\u200b/g, '');
      expect(shown).to.include('<img src=');
      expect(shown).to.include('**Policía** _Federal_');
      expect(shown).to.include(`![pixel](${origin}/markdown.png) [click me](${origin}/link)`);
      expect(await summary.locator(`img[src^="${origin}"], strong, em`).count()).to.equal(0);
      // Web Chat links bare URLs, showing the address itself; no link may hide its target behind other words.
      const links = await summary.locator('a').evaluateAll((anchors) => anchors.map((a) => ({ text: (a as HTMLElement).innerText.replace(/\u200b/g, '').trim(), href: a.getAttribute('href') ?? '' })));
      for (const link of links) expect(decodeURI(link.href).replace(/\\$/, ''), link.text).to.include(link.text.replace(/\\$/, ''));
      expect(visits).to.equal(0);
    } finally {
      await new Promise((resolve) => trap.close(resolve));
    }
  });

  it('lays an answer out for a 390 px phone: next step, related topics and small thumbs apart, no word broken', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await type('What is eTrace?');
    await see('Firearms tracing with eTrace');
    const card = page.locator('.ac-adaptiveCard').last();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'web-answer-phone.png') });
    const layout = await card.evaluate((root) => {
      const sets = [...root.querySelectorAll('.ac-actionSet')].map((set) => [...set.querySelectorAll('button')].map((b) => b.textContent?.trim() ?? ''));
      const tappable = [...root.querySelectorAll('.ac-selectable')].map((el) => el.textContent?.trim() ?? '');
      const thumbs = tappable.filter((text) => /^(👍|👎)$/.test(text));
      const topics = tappable.filter((text) => text.startsWith('›'));
      // A word laid out on two lines has two boxes: that is a word broken in the middle.
      const broken: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
      return { sets, thumbs, topics, broken, overflow: root.scrollWidth > root.clientWidth + 1 };
    });
    expect(layout.sets).to.deep.equal([['Request this']]);
    expect(layout.topics).to.include('› ATF resources shared with international partners');
    expect(layout.thumbs).to.have.length(2);
    expect(layout.broken).to.deep.equal([]);
    expect(layout.overflow).to.equal(false);
    await card.locator('.ac-selectable').filter({ hasText: '›' }).first().click();
    await see(/resources shared with international partners/);
    await page.locator('.ac-adaptiveCard').last().locator('.ac-selectable').filter({ hasText: '👍' }).click();
    await see('Thank you for the feedback.');
  });

  describe('in a Spanish browser', () => {
    let spanish: BrowserContext;
    before(async () => {
      spanish = await launchBrowser({ locale: 'es-MX' });
    });
    after(async () => {
      await spanish?.close();
    });

    it('welcomes in Spanish, answers in French after the switch, and takes a request in French', async () => {
      const page = await spanish.newPage();
      const box = () => page.locator('[data-id="webchat-sendbox-input"], input[type=text], textarea').first();
      const say = async (text: string) => {
        await box().fill(text);
        await box().press('Enter');
      };
      const see = (text: string | RegExp) => page.getByText(text).last().waitFor({ timeout: 15_000 });
      try {
        await page.goto(url);
        await see(/^Bienvenido al Asistente para Socios de la IAD/);
        expect(await page.title()).to.equal('Asistente IAD para socios');
        expect(await page.locator('html').getAttribute('lang')).to.equal('es');
        await say('¿Qué es eTrace y quién lo puede usar?');
        await see(/Fuente: /);
        // The partner's own message shows as theirs, not as the assistant's.
        await page.locator('.webchat__bubble--from-user').filter({ hasText: '¿Qué es eTrace y quién lo puede usar?' }).first().waitFor();

        await page.selectOption('#language', 'fr');
        expect(await page.title()).to.equal('Assistant IAD pour les partenaires');
        await say('Qui peut utiliser eTrace ?');
        await see(/Source : /);
        await say('Je voudrais faire une demande d’assistance');
        await see('De quel type d’assistance avez-vous besoin ?');
      } finally {
        await page.screenshot({ path: join(ARTIFACTS, 'web-spanish-then-french.png') });
        await page.close();
      }
    });
  });
});
