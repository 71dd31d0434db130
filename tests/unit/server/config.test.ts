import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, parseConfig } from '../../../src/server/config';

const problemsOf = (env: Record<string, string>): string => {
  try {
    parseConfig(env, () => 'x'.repeat(32));
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
};

describe('server configuration', () => {
  it('starts on embedded defaults in dev mode', () => {
    const c = parseConfig({ AUTH_MODE: 'dev', ICS_LINK_SECRET: 'a-test-secret-of-at-least-32-characters' });
    expect(c.authMode).toBe('dev');
    expect(c.store).toEqual({ kind: 'embedded', path: '.data/guildhall.sqlite' });
    expect(c.fluid.mode).toBe('local');
    expect(c.port).toBe(3978);
    expect(c.host).toBe('127.0.0.1');
    expect(c.rateLimit).toEqual({ windowMs: 60_000, perIp: 3000, perUser: 600 });
    expect(c.trustProxy).toBe(0);
  });

  it('reads the rate limits and refuses nonsense', () => {
    const env = {
      RATE_LIMIT_WINDOW_SECONDS: '10',
      RATE_LIMIT_PER_IP: '50',
      RATE_LIMIT_PER_USER: '20',
      TRUST_PROXY: '1',
    };
    const c = parseConfig({ AUTH_MODE: 'dev', ...env }, () => 'x'.repeat(32));
    expect(c.rateLimit).toEqual({ windowMs: 10_000, perIp: 50, perUser: 20 });
    expect(c.trustProxy).toBe(1);
    const problems = problemsOf({ AUTH_MODE: 'dev', RATE_LIMIT_PER_USER: '0', RATE_LIMIT_PER_IP: 'lots' });
    expect(problems).toContain('RATE_LIMIT_PER_USER: RATE_LIMIT_PER_USER must be 1 or more');
    expect(problems).toContain('RATE_LIMIT_PER_IP: RATE_LIMIT_PER_IP must be a number');
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
    for (const name of [
      'PORT',
      'AAD_APP_CLIENT_ID',
      'TAB_DOMAIN',
      'BOT_ID',
      'BOT_PASSWORD',
      'COSMOS_ENDPOINT',
      'FLUID_TENANT_ID',
      'FLUID_TENANT_KEY',
    ]) {
      expect(problems).toContain(name);
    }
    expect((error as Error).message.split('\n').length).toBeGreaterThan(8);
  });

  it('refuses dev identities in production', () => {
    expect(() => parseConfig({ AUTH_MODE: 'dev', NODE_ENV: 'production' })).toThrow(/dev identities are refused/);
  });

  it('refuses dev identities when listening beyond loopback', () => {
    for (const host of ['0.0.0.0', '::', '10.1.2.3', 'guildhall.example']) {
      expect(problemsOf({ AUTH_MODE: 'dev', HOST: host })).toContain(
        'AUTH_MODE: dev identities are refused when the server listens beyond this machine ' +
          `(HOST=${host}; use 127.0.0.1)`,
      );
    }
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) {
      expect(parseConfig({ AUTH_MODE: 'dev', HOST: host }, () => 'x'.repeat(32)).host).toBe(host);
    }
  });

  it('refuses dev identities with Cosmos DB', () => {
    expect(
      problemsOf({ AUTH_MODE: 'dev', STORE_KIND: 'cosmos', COSMOS_ENDPOINT: 'https://acct.documents.azure.com/' }),
    ).toContain('dev identities are refused with STORE_KIND=cosmos (a real Cosmos DB record); use AUTH_MODE=sso');
  });

  it('refuses dev identities with Azure Fluid Relay', () => {
    expect(
      problemsOf({ AUTH_MODE: 'dev', FLUID_MODE: 'azure', FLUID_TENANT_ID: 't', FLUID_TENANT_KEY: 'k' }),
    ).toContain('dev identities are refused with FLUID_MODE=azure (a real Azure Fluid Relay); use AUTH_MODE=sso');
  });

  it('signs dev calendar links with a random secret made once per install and kept under DATA_DIR', () => {
    const a = mkdtempSync(path.join(tmpdir(), 'guildhall-config-'));
    const b = mkdtempSync(path.join(tmpdir(), 'guildhall-config-'));
    try {
      const first = parseConfig({ AUTH_MODE: 'dev', DATA_DIR: a }).icsLinkSecret;
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(parseConfig({ AUTH_MODE: 'dev', DATA_DIR: a }).icsLinkSecret).toBe(first);
      expect(readFileSync(path.join(a, 'ics-link-secret'), 'utf8').trim()).toBe(first);
      expect(statSync(path.join(a, 'ics-link-secret')).mode & 0o077).toBe(0);
      expect(parseConfig({ AUTH_MODE: 'dev', DATA_DIR: b }).icsLinkSecret).not.toBe(first);
      const given = parseConfig({ AUTH_MODE: 'dev', DATA_DIR: b, ICS_LINK_SECRET: 'y'.repeat(32) });
      expect(given.icsLinkSecret).toBe('y'.repeat(32));
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  it('builds an SSO and Cosmos configuration', () => {
    const c = parseConfig({
      AUTH_MODE: 'sso',
      AAD_APP_CLIENT_ID: 'cid',
      TAB_DOMAIN: 'guildhall.example',
      BOT_ID: 'b',
      BOT_PASSWORD: 'p',
      ICS_LINK_SECRET: 'a-production-secret-of-32-characters!',
      STORE_KIND: 'cosmos',
      COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
      PORT: '8080',
    });
    expect(c.sso).toEqual({ clientId: 'cid', tabDomain: 'guildhall.example' });
    expect(c.store).toEqual({ kind: 'cosmos', endpoint: 'https://acct.documents.azure.com/', database: 'guildhall' });
    expect(c.port).toBe(8080);
  });
});
