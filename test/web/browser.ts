import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { tempDir } from '../helpers';

/** Where screenshots of browser tests are kept, for a person to look at after a run. */
export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

/**
 * Debian's Chromium, headless, kept off the network (.ci/run installs it). Not found is a
 * failure with a reason, not a skip: the widget must be tested in a real browser.
 */
export async function launchBrowser(options: { locale?: string } = {}): Promise<BrowserContext> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launchPersistentContext(tempDir('chromium'), {
    executablePath,
    headless: true,
    locale: options.locale ?? 'en-US',
    viewport: { width: 1100, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
