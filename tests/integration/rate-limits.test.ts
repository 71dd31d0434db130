/**
 * Rate limits over real HTTP: one person beyond the per-identity limit gets 429 with Retry-After and
 * a clear message while others carry on; unauthenticated floods are limited per IP; and with the
 * DEFAULT limits a 30-person meeting's burst (everyone opening the side panel and the stage and
 * supporting a topic at once, all from one NAT address) is never limited.
 */
import { encodeDevIdentity } from '../../src/api/dev-identity';
import { parseConfig } from '../../src/server/config';
import { startServer, type RunningServer } from '../../src/server/server';
import { createRecordStore } from '../../src/store/create-record-store';
import type { RecordStore } from '../../src/application/ports';

const BASE = {
  AUTH_MODE: 'dev',
  NODE_ENV: 'test',
  PORT: '0',
  FLUID_ENDPOINT: 'http://127.0.0.1:9',
  REMINDER_INTERVAL_SECONDS: '0',
  ICS_LINK_SECRET: 'x'.repeat(32),
};

async function start(env: Record<string, string> = {}): Promise<{ server: RunningServer; close(): Promise<void> }> {
  const store: RecordStore = await createRecordStore({ kind: 'embedded', path: ':memory:' });
  const server = await startServer(parseConfig({ ...BASE, ...env }), { store });
  return {
    server,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}

const as = (url: string, user: string) => (path: string, body?: unknown) =>
  fetch(url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: encodeDevIdentity({ tenantId: 'tenant-a', userId: user, displayName: user }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('rate limits', () => {
  it('answers one person beyond their limit with 429, Retry-After and a clear message; others carry on', async () => {
    const { server, close } = await start({ RATE_LIMIT_PER_USER: '5', RATE_LIMIT_WINDOW_SECONDS: '30' });
    try {
      const alex = as(server.url, 'alex');
      for (let i = 0; i < 5; i++) expect((await alex('/api/me')).status).toBe(200);
      const limited = await alex('/api/me');
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(30);
      expect(limited.headers.get('cache-control')).toBe('no-store');
      const body = await limited.json();
      expect(body.error.code).toBe('RATE_LIMITED');
      expect(body.error.message).toBe(`Too many requests from you; try again in ${retryAfter} seconds.`);
      // The limit is per identity: the same user in another tenant and another user are not limited.
      expect((await as(server.url, 'bea')('/api/me')).status).toBe(200);
      const otherTenant = await fetch(`${server.url}/api/me`, {
        headers: { authorization: encodeDevIdentity({ tenantId: 'tenant-b', userId: 'alex', displayName: 'alex' }) },
      });
      expect(otherTenant.status).toBe(200);
    } finally {
      await close();
    }
  });

  it('limits unauthenticated requests per IP before authentication', async () => {
    const { server, close } = await start({ RATE_LIMIT_PER_IP: '10' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await fetch(`${server.url}/api/me`)).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual([429, 429]);
      const limited = await fetch(`${server.url}/api/health`);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await limited.json()).error.message).toMatch(
        /^Too many requests from this address; try again in \d+ seconds\.$/,
      );
    } finally {
      await close();
    }
  });

  it('never limits a 30-person meeting with the default limits, everyone behind one address', async () => {
    const { server, close } = await start();
    try {
      const facilitator = as(server.url, 'p0');
      const community = (
        await (
          await facilitator('/api/communities', { name: 'Big CoP', purpose: 'working-group', cadencePerMonth: 2 })
        ).json()
      ).community.id as string;
      const people = Array.from({ length: 30 }, (_, i) => as(server.url, `p${i}`));
      await Promise.all(people.slice(1).map((p) => p(`/api/communities/${community}/members`, {})));
      const topic = (
        await (await facilitator(`/api/communities/${community}/topics`, { title: 'Remote retros' })).json()
      ).topic.id;
      // Each person opens the side panel and the stage, reads the backlog, supports a topic and re-reads
      // the game, three times over: 24 requests each (opening a side panel takes about 10), 720 in all,
      // all at once from 127.0.0.1.
      const burst = people.map(async (p) => {
        const statuses: number[] = [];
        for (let round = 0; round < 3; round++) {
          const rs = await Promise.all([
            p('/api/me'),
            p('/api/communities'),
            p(`/api/communities/${community}`),
            p(`/api/communities/${community}/topics`),
            p(`/api/communities/${community}/meetings/m1/thirty-five`),
            p('/api/contexts/m1'),
            p(`/api/communities/${community}/topics/${topic}/support`, {}),
            p(`/api/communities/${community}/sessions`),
          ]);
          statuses.push(...rs.map((r) => r.status));
        }
        return statuses;
      });
      const statuses = (await Promise.all(burst)).flat();
      expect(statuses).toHaveLength(720);
      expect(statuses.filter((s) => s === 429)).toEqual([]);
    } finally {
      await close();
    }
  }, 150_000); // 720 requests take seconds on a loaded 2-core machine
});
