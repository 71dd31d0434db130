/**
 * The HTTP contract (src/api/contract.ts) and what the server really serves are the same list: a
 * route mounted the old way (outside the contract) or a contract entry nobody mounts fails here.
 * And every route behind the token check refuses a caller without one.
 */
import { contractRoutes } from '../../src/api/contract';
import { pathOf, paramNames } from '../../src/api/contract-kit';
import { mountedRoutes } from '../fixtures/mounted-routes';
import { startTestServer, type TestServer } from '../fixtures/test-server';

/** The Bot Framework's endpoint: its contract is the Bot Framework's, not ours. */
const BOT_ENDPOINT = 'POST /api/messages';

const declared = () =>
  contractRoutes()
    .map((r) => `${r.method} /api${r.path}`)
    .sort();
const served = (s: TestServer) =>
  mountedRoutes(s.app)
    .filter((r) => r.split(' ')[1]!.startsWith('/api/') && r !== BOT_ENDPOINT)
    .sort();

describe('the HTTP contract and the mounted routes (dev mode)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves every route of the contract and no other route under /api (the bot endpoint aside)', () => {
    const mounted = served(server);
    expect(mounted.length).toBeGreaterThan(40);
    expect(new Set(mounted).size).toBe(mounted.length);
    expect(mounted).toEqual(declared());
    expect(mountedRoutes(server.app)).toContain(BOT_ENDPOINT);
  });

  it('refuses every route behind the token check without credentials (401), whatever the ids', async () => {
    const users = contractRoutes().filter((r) => r.access === 'user');
    for (const r of users) {
      const params = Object.fromEntries(paramNames(r.path).map((n) => [n, `x-${n}`]));
      const init: RequestInit =
        r.method === 'GET' || r.method === 'DELETE'
          ? { method: r.method }
          : { method: r.method, body: '{}', headers: { 'content-type': 'application/json' } };
      const res = await fetch(`${server.url}/api${pathOf(r.path, params)}`, init);
      const body = (await res.json()) as { error?: { code?: string } };
      expect({ route: r.name, status: res.status, code: body.error?.code }).toEqual({
        route: r.name,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('names why each public route needs no token', () => {
    const publicRoutes = contractRoutes()
      .filter((r) => r.access === 'public')
      .map((r) => r.name)
      .sort();
    expect(publicRoutes).toEqual(['devSetup', 'health', 'sessionCalendarFile']);
  });
});

describe('the HTTP contract and the mounted routes (SSO mode)', () => {
  let sso: TestServer;
  beforeAll(async () => {
    sso = await startTestServer({
      AUTH_MODE: 'sso',
      AAD_APP_CLIENT_ID: 'cid',
      TAB_DOMAIN: 'guildhall.example',
      BOT_ID: 'bot',
      BOT_PASSWORD: 'pw',
      ICS_LINK_SECRET: 'test-ics-link-secret-of-32-characters',
    });
  });
  afterAll(async () => {
    await sso.close();
  });

  it('serves the contract without the dev setup', () => {
    expect(served(sso)).toEqual(declared().filter((r) => r !== 'GET /api/dev/setup'));
  });
});
