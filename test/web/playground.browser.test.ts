import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect } from 'chai';
import type { BrowserContext, Page } from 'playwright-core';
import type { App } from '../../src/app';
import { startTestApp } from '../server/testApp';
import { ARTIFACTS, launchBrowser } from './browser';

const ROOT = join(__dirname, '..', '..');

/** A port nothing listens on now (the Playground takes a port number, not 0). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not come up`);
}

/** The bot as Teams sees it, through the Microsoft 365 Agents Playground's own UI (channel msteams). */
describe('Teams-like client: Microsoft 365 Agents Playground in Chromium', function () {
  this.timeout(150_000);
  let app: App;
  let playground: ChildProcess;
  let browser: BrowserContext;
  let page: Page;

  before(async () => {
    let url: string;
    ({ app, url } = await startTestApp());
    const port = await freePort();
    playground = spawn(
      join(ROOT, 'node_modules', '.bin', 'agentsplayground'),
      ['-e', `${url}/api/messages`, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
      { env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' }, stdio: 'ignore' },
    );
    await waitForHttp(`http://127.0.0.1:${port}/`, 30_000);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByText('Welcome to the IAD Partner Assistant').first().waitFor({ timeout: 30_000 });
  });
  after(async () => {
    await page?.screenshot({ path: join(ARTIFACTS, 'playground-final.png') }).catch(() => undefined);
    await browser?.close();
    playground?.kill();
    await app?.close();
  });

  const type = async (text: string) => {
    const box = page.locator('[data-lexical-editor="true"]').first();
    await box.click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  const see = (text: string | RegExp) => page.getByText(text).last().waitFor({ timeout: 20_000 });
  const click = (name: string | RegExp) => page.getByRole('button', { name }).last().click();

  it('welcomes once on install, then answers a question with its source', async () => {
    // Counted by its last sentence: the Playground's log panel shows messages cut short.
    expect(await page.getByText(/or pick a topic below\.$/).count()).to.equal(1);
    await type('What is the Bomb Arson Tracking System?');
    await see('Access to the Bomb Arson Tracking System (BATS)');
    await see(/Source: ATF International Affairs Division program page/);
    await page.screenshot({ path: join(ARTIFACTS, 'playground-answer.png') });
  });

  it('takes a request for assistance to a reference, through buttons and the Adaptive Card summary', async () => {
    await type('Request assistance');
    await see('What kind of assistance do you need?');
    await click('Forensics and Fire Research Laboratory');
    for (const [answer, next] of [
      ['Ontario Provincial Police', 'In which country is your agency?'],
      ['Canada', 'What is your full name?'],
      ['Marie Tremblay', /What is your role or rank/],
      ['fire investigator', 'What e-mail address can IAD staff use to reach you?'],
      ['m.tremblay@opp.example', /What phone number can IAD staff use/],
      ['+1 416 555 0142', 'Please describe the case and what you need from IAD, in a few sentences.'],
      ['Warehouse fire with suspected accelerant; we need laboratory analysis of debris samples.', 'When did the incident happen? (for example 14/03/2026)'],
      ['03/11/2026', 'Where did it happen (city and country)?'],
      ['Hamilton, Canada', 'How urgent is the request?'],
    ] as const) {
      await type(answer);
      await see(next);
    }
    await click('Routine');
    await see('May IAD staff contact you about this request with the details you gave?');
    await click('Yes');
    await see('Please check your request for assistance:');
    await page.screenshot({ path: join(ARTIFACTS, 'playground-summary-card.png') });
    await click('Submit');
    await see(/Your request is stored with reference/);
    const text = await page.locator('body').innerText();
    const reference = /IAD-\d{4}-\d{6}/.exec(text)![0];
    expect(app.store.get(reference)!.answers).to.deep.include({ assistanceType: 'laboratory', country: 'CA', incidentDate: '2026-11-03', urgency: 'routine' });
  });
});
