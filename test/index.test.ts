import { expect } from 'chai';
import { tempDir } from './helpers';
import { startAppProcess } from './server/appProcess';

describe('index (npm start)', function () {
  this.timeout(60_000);

  it('listens on this machine only when authentication is off', async () => {
    const bot = await startAppProcess({ DATA_DIR: tempDir('start-local') });
    try {
      expect(bot.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(bot.output()).to.include('"authentication":"off (no MicrosoftAppId): this machine only"');
      expect(bot.output()).to.not.include('insecure');
    } finally {
      await bot.stop();
    }
  });

  it('refuses to listen elsewhere without authentication, with one line that says why', async () => {
    const failure = await startAppProcess({ DATA_DIR: tempDir('start-refused'), HOST: '0.0.0.0' }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(failure).to.match(/Configuration error: HOST would let other machines reach a bot whose authentication is off/);
    expect(failure).to.not.match(/\n\s+at /); // no stack trace
  });

  it('listens elsewhere without authentication when told to in so many words, and warns at start', async () => {
    const bot = await startAppProcess({ DATA_DIR: tempDir('start-remote'), HOST: '0.0.0.0', ALLOW_REMOTE_WITHOUT_AUTH: 'true' });
    try {
      expect(bot.output()).to.match(/"level":"warn","event":"insecure: authentication is off and other machines may connect"/);
    } finally {
      await bot.stop();
    }
  });
});
