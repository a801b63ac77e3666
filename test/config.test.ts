import { expect } from 'chai';
import { ConfigError, loadConfig } from '../src/config';

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
  ];
  for (const [name, env, expected] of bad) {
    it(`stops with one line naming the variable for ${name}`, () => {
      expect(() => loadConfig(env)).to.throw(ConfigError, expected);
    });
  }

  it('never echoes a password', () => {
    expect(() => loadConfig({ MicrosoftAppType: 'Wrong', MicrosoftAppPassword: 's3cret' })).to.throw(ConfigError).with.property('message').that.does.not.include('s3cret');
  });
});
