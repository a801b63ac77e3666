import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../src/config';

describe('config', () => {
  it('has working defaults for local use', () => {
    const config = loadConfig({});
    expect(config).to.include({ PORT: 3978, DATA_DIR: 'data', KNOWLEDGE_DIR: 'knowledge', LOG_LEVEL: 'info' });
    expect(config.MicrosoftAppId).to.equal(undefined);
    expect(Object.isFrozen(config)).to.equal(true);
  });

  const bad: [string, NodeJS.ProcessEnv, RegExp][] = [
    ['a port that is not a number', { PORT: 'eighty' }, /^Configuration error: PORT .*\(got "eighty"\)$/],
    ['a port out of range', { PORT: '70000' }, /^Configuration error: PORT /],
    ['an unknown log level', { LOG_LEVEL: 'verbose' }, /^Configuration error: LOG_LEVEL /],
    ['an app id without a password', { MicrosoftAppId: 'abc' }, /^Configuration error: MicrosoftAppPassword is required when MicrosoftAppId is set$/],
    ['single tenant without a tenant', { MicrosoftAppType: 'SingleTenant' }, /^Configuration error: MicrosoftAppTenantId is required/],
    ['all interfaces without authentication', { HOST: '0.0.0.0' }, /^Configuration error: HOST would let other machines reach a bot whose authentication is off/],
    ['a LAN address without authentication', { HOST: '192.168.1.20' }, /^Configuration error: HOST /],
    ['a cloud botbuilder does not know', { ChannelService: 'https://example.org' }, /^Configuration error: ChannelService /],
    ['a rate of zero', { CONVERSATION_RATE_PER_MINUTE: '0' }, /^Configuration error: CONVERSATION_RATE_PER_MINUTE /],
  ];
  for (const [name, env, expected] of bad) {
    it(`stops with one line naming the variable for ${name}`, () => {
      expect(() => loadConfig(env)).to.throw(ConfigError, expected);
    });
  }

  it('listens on this machine only when authentication is off, and everywhere when it is on', () => {
    expect(loadConfig({})).to.include({ HOST: '127.0.0.1', authenticated: false, ALLOW_REMOTE_WITHOUT_AUTH: false });
    expect(loadConfig({ HOST: '::1' }).HOST).to.equal('::1');
    expect(loadConfig({ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'p' })).to.include({ HOST: '0.0.0.0', authenticated: true });
  });

  it('listens elsewhere without authentication only when that is asked for in so many words', () => {
    expect(loadConfig({ HOST: '0.0.0.0', ALLOW_REMOTE_WITHOUT_AUTH: 'true' })).to.include({ HOST: '0.0.0.0', ALLOW_REMOTE_WITHOUT_AUTH: true });
  });

  it('has rate limits that a person typing and clicking never meets', () => {
    expect(loadConfig({})).to.include({ CONVERSATION_RATE_BURST: 30, CONVERSATION_RATE_PER_MINUTE: 60, CLIENT_RATE_BURST: 60, CLIENT_RATE_PER_MINUTE: 60, STATE_RETENTION_DAYS: 30 });
  });

  it('documents every variable in .env.example and the README', () => {
    const example = readFileSync(join(__dirname, '..', '.env.example'), 'utf8');
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    expect(CONFIG_VARIABLES.filter((name) => !new RegExp(`^${name}=`, 'm').test(example))).to.deep.equal([]);
    expect(CONFIG_VARIABLES.filter((name) => !readme.includes(`\`${name}\``))).to.deep.equal([]);
  });

  it('never echoes a password', () => {
    expect(() => loadConfig({ MicrosoftAppType: 'Wrong', MicrosoftAppPassword: 's3cret' })).to.throw(ConfigError).with.property('message').that.does.not.include('s3cret');
  });
});
