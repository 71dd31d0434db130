import { ConfigError, parseConfig } from '../../../src/server/config';

describe('server configuration', () => {
  it('starts on embedded defaults in dev mode', () => {
    const c = parseConfig({ AUTH_MODE: 'dev' });
    expect(c.authMode).toBe('dev');
    expect(c.store).toEqual({ kind: 'embedded', path: '.data/guildhall.sqlite' });
    expect(c.fluid.mode).toBe('local');
    expect(c.port).toBe(3978);
    expect(c.host).toBe('127.0.0.1');
  });

  it('defaults to SSO, and then lists every missing setting in one message', () => {
    let error: unknown;
    try {
      parseConfig({ STORE_KIND: 'cosmos', FLUID_MODE: 'azure', PORT: 'eighty' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'AAD_APP_CLIENT_ID', 'TAB_DOMAIN', 'BOT_ID', 'BOT_PASSWORD', 'COSMOS_ENDPOINT', 'FLUID_TENANT_ID', 'FLUID_TENANT_KEY']) {
      expect(problems).toContain(name);
    }
    expect((error as Error).message.split('\n').length).toBeGreaterThan(8);
  });

  it('refuses dev identities in production', () => {
    expect(() => parseConfig({ AUTH_MODE: 'dev', NODE_ENV: 'production' })).toThrow(/dev identities are refused/);
  });

  it('builds an SSO and Cosmos configuration', () => {
    const c = parseConfig({
      AUTH_MODE: 'sso', AAD_APP_CLIENT_ID: 'cid', TAB_DOMAIN: 'guildhall.example', BOT_ID: 'b', BOT_PASSWORD: 'p',
      ICS_LINK_SECRET: 'a-production-secret-of-32-characters!', STORE_KIND: 'cosmos', COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/', PORT: '8080',
    });
    expect(c.sso).toEqual({ clientId: 'cid', tabDomain: 'guildhall.example' });
    expect(c.store).toEqual({ kind: 'cosmos', endpoint: 'https://acct.documents.azure.com/', database: 'guildhall' });
    expect(c.port).toBe(8080);
  });
});
