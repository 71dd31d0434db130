/**
 * The JSON API over real HTTP: the server with the embedded store. Every class of bad input gets a
 * 4xx with a clear message and changes nothing.
 */
import { encodeDevIdentity } from '../../src/api/dev-identity';
import { startTestServer, type TestServer } from '../fixtures/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const alex = () => server.as('alex');
const bea = () => server.as('bea');
const mallory = () => server.as('mallory', 'tenant-b');

async function newCommunity(name = 'Scrum Masters North') {
  const res = await alex()('/api/communities', { body: { name, purpose: 'working-group', cadencePerMonth: 2 } });
  expect(res.status).toBe(201);
  return res.body.community.id as string;
}

describe('authentication', () => {
  it('refuses a request without credentials', async () => {
    const res = await fetch(`${server.url}/api/communities`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
  });
  it('refuses a malformed dev identity', async () => {
    const res = await fetch(`${server.url}/api/me`, { headers: { authorization: 'DevIdentity not-base64-json' } });
    expect(res.status).toBe(401);
  });
  it('tells who I am', async () => {
    expect((await alex()('/api/me')).body).toEqual({
      tenantId: 'tenant-a',
      userId: 'alex',
      displayName: 'ALEX',
      source: 'dev-local',
    });
  });
});

describe('communities', () => {
  it('creates a community whose creator facilitates it, and lists it', async () => {
    const id = await newCommunity('Lean Practitioners');
    const view = await alex()(`/api/communities/${id}`);
    expect(view.status).toBe(200);
    expect(view.body.community).toMatchObject({
      name: 'Lean Practitioners',
      purpose: 'working-group',
      cadencePerMonth: 2,
      tenantId: 'tenant-a',
    });
    expect(view.body.me.roles).toEqual(['member', 'facilitator', 'champion']);
    const mine = await alex()('/api/communities');
    expect(mine.body.communities.map((c: any) => c.community.id)).toContain(id);
  });

  it('refuses missing fields, wrong types, oversized text and unknown fields, listing each problem, and stores nothing', async () => {
    const before = (await alex()('/api/communities')).body.communities.length;
    const missing = await alex()('/api/communities', { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('VALIDATION_FAILED');
    expect(missing.body.error.issues.map((i: any) => i.path).sort()).toEqual(['cadencePerMonth', 'name', 'purpose']);

    const wrongTypes = await alex()('/api/communities', {
      body: { name: 42, purpose: 'party', cadencePerMonth: 'two' },
    });
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.body.error.message).toMatch(/name must be text/);
    expect(wrongTypes.body.error.message).toMatch(/cadencePerMonth must be 1, 2, 3 or 4/);

    const oversized = await alex()('/api/communities', {
      body: { name: 'x'.repeat(81), purpose: 'learning-community', cadencePerMonth: 1 },
    });
    expect(oversized.status).toBe(400);
    expect(oversized.body.error.message).toMatch(/at most 80 characters/);

    const unknown = await alex()('/api/communities', {
      body: { name: 'A', purpose: 'learning-community', cadencePerMonth: 1, admin: true },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/unknown field.*admin/);

    const notJson = await alex()('/api/communities', { rawBody: '{"name": ' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toMatch(/not valid JSON/);

    const huge = await alex()('/api/communities', { rawBody: JSON.stringify({ name: 'x'.repeat(70_000) }) });
    expect(huge.status).toBe(413);

    expect((await alex()('/api/communities')).body.communities.length).toBe(before);
  });

  it("answers an unknown community and another tenant's community the same way, and changes nothing", async () => {
    const id = await newCommunity('Tenant A only');
    const unknown = await mallory()('/api/communities/does-not-exist');
    const foreign = await mallory()(`/api/communities/${id}`);
    expect(unknown.status).toBe(404);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('COMMUNITY_NOT_FOUND');
    expect((await mallory()(`/api/communities/${id}/members`, { body: {} })).status).toBe(404);
    expect(
      (await mallory()(`/api/communities/${id}`, { method: 'PATCH', body: { etag: 'x', name: 'Hijacked' } })).status,
    ).toBe(404);
    expect((await alex()(`/api/communities/${id}`)).body.members.map((m: any) => m.userId)).toEqual(['alex']);
    expect((await alex()(`/api/communities/${id}`)).body.community.name).toBe('Tenant A only');
  });

  it('refuses ids with odd characters', async () => {
    const res = await alex()(`/api/communities/${encodeURIComponent('x"; DROP')}`);
    expect(res.status).toBe(400);
  });

  it('lets anyone in the tenant join, once; members need a role to change roles', async () => {
    const id = await newCommunity();
    expect((await bea()(`/api/communities/${id}`)).body.error.code).toBe('NOT_A_MEMBER');
    const joined = await bea()(`/api/communities/${id}/members`, { body: { product: 'Billing' } });
    expect(joined.status).toBe(201);
    expect(joined.body.membership).toMatchObject({ userId: 'bea', roles: ['member'], product: 'Billing' });
    expect((await bea()(`/api/communities/${id}/members`, { body: {} })).status).toBe(409);

    const selfPromote = await bea()(`/api/communities/${id}/members/bea/roles`, {
      method: 'PUT',
      body: { roles: ['member', 'facilitator'] },
    });
    expect(selfPromote.status).toBe(403);
    const badRole = await alex()(`/api/communities/${id}/members/bea/roles`, {
      method: 'PUT',
      body: { roles: ['admin'] },
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.message).toMatch(/role must be one of/);
    const promote = await alex()(`/api/communities/${id}/members/bea/roles`, {
      method: 'PUT',
      body: { roles: ['coach'] },
    });
    expect(promote.status).toBe(200);
    expect(promote.body.membership.roles).toEqual(['member', 'coach']);
  });

  it('keeps a facilitator: the last one cannot leave', async () => {
    const id = await newCommunity();
    const leave = await alex()(`/api/communities/${id}/members/me`, { method: 'DELETE' });
    expect(leave.status).toBe(409);
    expect(leave.body.error.code).toBe('LAST_FACILITATOR');
    await bea()(`/api/communities/${id}/members`, { body: {} });
    expect((await bea()(`/api/communities/${id}/members/me`, { method: 'DELETE' })).status).toBe(204);
  });

  it('never overwrites a concurrent edit silently (ETag)', async () => {
    const id = await newCommunity('Original');
    const { etag } = (await alex()(`/api/communities/${id}`)).body;
    const first = await alex()(`/api/communities/${id}`, { method: 'PATCH', body: { etag, name: 'First edit' } });
    expect(first.status).toBe(200);
    const second = await alex()(`/api/communities/${id}`, { method: 'PATCH', body: { etag, cadencePerMonth: 4 } });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('CONFLICT');
    const now = (await alex()(`/api/communities/${id}`)).body.community;
    expect(now).toMatchObject({ name: 'First edit', cadencePerMonth: 2 });
  });

  it('only a facilitator edits the community', async () => {
    const id = await newCommunity('Facilitated');
    await bea()(`/api/communities/${id}/members`, { body: {} });
    const { etag } = (await bea()(`/api/communities/${id}`)).body;
    const res = await bea()(`/api/communities/${id}`, { method: 'PATCH', body: { etag, name: 'Mine now' } });
    expect(res.status).toBe(403);
  });
});

describe('binding a meeting or channel to a community', () => {
  it('binds, resolves, and keeps other tenants out', async () => {
    const id = await newCommunity('Bound');
    expect((await alex()('/api/contexts/meeting-1')).status).toBe(404);
    const bound = await alex()('/api/contexts/meeting-1', {
      method: 'PUT',
      body: { kind: 'meeting', communityId: id },
    });
    expect(bound.status).toBe(200);
    expect((await alex()('/api/contexts/meeting-1')).body.binding).toMatchObject({ communityId: id, kind: 'meeting' });
    expect((await mallory()('/api/contexts/meeting-1')).status).toBe(404);
    expect(
      (await bea()('/api/contexts/meeting-2', { method: 'PUT', body: { kind: 'meeting', communityId: id } })).status,
    ).toBe(403);
    expect(
      (await alex()('/api/contexts/meeting-3', { method: 'PUT', body: { kind: 'webinar', communityId: id } })).status,
    ).toBe(400);
  });
  it('refuses a member of another community taking over a bound meeting, and changes nothing', async () => {
    const id = await newCommunity('Owns meeting-9');
    expect(
      (await alex()('/api/contexts/meeting-9', { method: 'PUT', body: { kind: 'meeting', communityId: id } })).status,
    ).toBe(200);
    const beas = (
      await bea()('/api/communities', {
        body: { name: 'Bea takes over', purpose: 'working-group', cadencePerMonth: 1 },
      })
    ).body.community.id as string;
    const taken = await bea()('/api/contexts/meeting-9', {
      method: 'PUT',
      body: { kind: 'meeting', communityId: beas },
    });
    expect(taken.status).toBe(403);
    expect(taken.body.error.message).toContain("bound to 'Owns meeting-9'");
    expect((await alex()('/api/contexts/meeting-9')).body.binding).toMatchObject({ communityId: id });
  });
  it('binds a real Teams meeting id (base64 with = + /, URL-encoded by the tab)', async () => {
    const id = await newCommunity('Bound by Teams id');
    const meetingId = 'MCMxOTptZWV0aW5nX1k+Lz0/dGhyZWFkLnYy==';
    const path = `/api/contexts/${encodeURIComponent(meetingId)}`;
    expect((await alex()(path, { method: 'PUT', body: { kind: 'meeting', communityId: id } })).status).toBe(200);
    expect((await alex()(path)).body.binding).toMatchObject({ contextId: meetingId, communityId: id });
    expect((await alex()('/api/contexts/bad%20id')).status).toBe(400);
  });
});

describe('live meeting access', () => {
  it("gives no Fluid token for a container that is not one of my communities'", async () => {
    const res = await alex()('/api/fluid/token', { body: { documentId: 'some-container' } });
    expect(res.status).toBe(404);
    expect((await alex()('/api/fluid/token', { body: {} })).status).toBe(400);
  });
  it('refuses a live meeting of a community I do not belong to', async () => {
    const id = await newCommunity('Private-ish');
    expect((await bea()(`/api/communities/${id}/meetings/m1/live`, { body: {} })).status).toBe(403);
    expect((await mallory()(`/api/communities/${id}/meetings/m1/live`, { body: {} })).status).toBe(404);
  });
});

describe('the backlog over HTTP', () => {
  it('takes proposals, points to similar ones, counts +1s, and refuses bad input without storing it', async () => {
    const id = await newCommunity('Backlog CoP');
    await bea()(`/api/communities/${id}/members`, { body: {} });
    const created = await bea()(`/api/communities/${id}/topics`, { body: { title: 'How do we run remote retros?' } });
    expect(created.status).toBe(201);
    expect(created.body.topic).toMatchObject({ state: 'proposed', proposedBy: 'bea' });

    const similar = await alex()(`/api/communities/${id}/topics`, { body: { title: 'Running remote retros' } });
    expect(similar.status).toBe(409);
    expect(similar.body.error.code).toBe('SIMILAR_TOPIC_EXISTS');
    const plusOne = await alex()(`/api/communities/${id}/topics/${created.body.topic.id}/support`, { body: {} });
    expect(plusOne.status).toBe(200);
    expect(plusOne.body.topic.supporters).toEqual(['alex']);

    for (const bad of [
      {},
      { title: '   ' },
      { title: 'x'.repeat(121) },
      { title: 'Ok', force: 'yes' },
      { title: 'Ok', owner: 'me' },
    ]) {
      const res = await alex()(`/api/communities/${id}/topics`, { body: bad });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await mallory()(`/api/communities/${id}/topics`, { body: { title: 'Sneaky' } })).status).toBe(404);
    expect((await server.as('chen')(`/api/communities/${id}/topics`, { body: { title: 'Outsider' } })).status).toBe(
      403,
    );
    expect((await alex()(`/api/communities/${id}/topics/unknown/support`, { body: {} })).status).toBe(404);

    const listed = await alex()(`/api/communities/${id}/topics`);
    expect(listed.body.topics.map((t: any) => t.title)).toEqual(['How do we run remote retros?']);
  });
});

describe('text and ids over HTTP', () => {
  const topics = async () => {
    const id = await newCommunity(`Text CoP ${Math.random().toString(36).slice(2, 7)}`);
    return {
      url: `/api/communities/${id}/topics`,
      titles: async () => (await alex()(`/api/communities/${id}/topics`)).body.topics.map((t: any) => t.title),
    };
  };

  it('refuses control characters in a title with a message naming the character, and stores nothing', async () => {
    const { url, titles } = await topics();
    const res = await alex()(url, { body: { title: 'Retros\u001b[2J', description: 'fine\r\nlines' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Invalid request body: title: title must not contain control characters (it is one line: no tab or line break) (found U+001B)',
    );
    expect(await titles()).toEqual([]);
  });

  it('refuses a lone surrogate, and stores nothing', async () => {
    const { url, titles } = await topics();
    // JSON.stringify writes the lone half as the escape \ud83d; the server's JSON.parse gives it back.
    const res = await alex()(url, { body: { title: 'Broken \ud83d emoji' } });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([
      { path: 'title', message: 'title must not contain a lone surrogate (broken UTF-16)' },
    ]);
    expect(await titles()).toEqual([]);
  });

  it('refuses request ids with / or .. (they become record ids), and stores nothing', async () => {
    const { url, titles } = await topics();
    for (const requestId of ['../../communities/x', 'a/b', 'a..b']) {
      const res = await alex()(url, { body: { title: `Safe id ${requestId}`, requestId } });
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0].path).toBe('requestId');
    }
    expect(await titles()).toEqual([]);
    expect((await alex()(url, { body: { title: 'A good one', requestId: 'r-1:2.3_4' } })).status).toBe(201);
  });
});

describe('robustness', () => {
  it('answers unknown API routes with a JSON 404 and keeps serving after bad input', async () => {
    const res = await alex()('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/No API route/);
    await alex()('/api/communities', { rawBody: '[[[' });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
  it('serves the dev setup only in dev mode and validates its query', async () => {
    expect((await fetch(`${server.url}/api/dev/setup?participants=abc`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/dev/setup?participants=31`)).status).toBe(400);
    const setup = await (await fetch(`${server.url}/api/dev/setup?participants=4`)).json();
    expect(setup.users).toHaveLength(4);
    expect(setup.users[0].roles).toContain('facilitator');
  });
});

describe('SSO mode', () => {
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
  it('refuses local dev identities', async () => {
    const res = await fetch(`${sso.url}/api/me`, {
      headers: { authorization: encodeDevIdentity({ tenantId: 't', userId: 'u', displayName: 'U' }) },
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(/not accepted/);
  });
  it('refuses an unverifiable bearer token', async () => {
    const res = await fetch(`${sso.url}/api/me`, { headers: { authorization: 'Bearer abc.def.ghi' } });
    expect(res.status).toBe(401);
  });
  it('has no dev routes and no /dev page', async () => {
    // Authentication comes first: an anonymous probe learns nothing, not even that the route is absent.
    const probe = await fetch(`${sso.url}/api/dev/setup`);
    expect(probe.status).toBe(401);
    expect(JSON.stringify(await probe.json())).not.toMatch(/demo-cop|dev-user/);
    expect((await fetch(`${sso.url}/dev`)).status).toBe(404);
  });
});

describe('security headers', () => {
  const SSO = {
    AUTH_MODE: 'sso',
    AAD_APP_CLIENT_ID: 'cid',
    TAB_DOMAIN: 'guildhall.example',
    BOT_ID: 'bot',
    BOT_PASSWORD: 'pw',
  };
  let production: TestServer;
  beforeAll(async () => {
    production = await startTestServer({
      ...SSO,
      NODE_ENV: 'production',
      ICS_LINK_SECRET: 'test-ics-link-secret-of-32-characters',
      FLUID_MODE: 'azure',
      FLUID_ENDPOINT: 'https://us.fluidrelay.azure.com',
      FLUID_TENANT_ID: 't',
      FLUID_TENANT_KEY: 'k',
    });
  });
  afterAll(async () => {
    await production.close();
  });
  const directives = (res: Response) =>
    new Map(
      (res.headers.get('content-security-policy') ?? '').split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values.join(' ')] as const;
      }),
    );

  it('sends a CSP that allows only our scripts, Fluent styles, the Fluid service and Teams frames', async () => {
    const res = await fetch(`${server.url}/tab/config`);
    const csp = directives(res);
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('connect-src')).toBe("'self' http://127.0.0.1:9 ws://127.0.0.1:9");
    expect(csp.get('frame-ancestors')).toContain('https://teams.microsoft.com');
    expect(csp.get('object-src')).toBe("'none'");
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // HSTS only in production (a local http server would pin nothing useful).
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends HSTS in production and lets the browser reach Azure Fluid Relay', async () => {
    const res = await fetch(`${production.url}/tab/config`);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const csp = directives(res);
    expect(csp.get('connect-src')).toBe(
      "'self' https://us.fluidrelay.azure.com wss://us.fluidrelay.azure.com https://*.fluidrelay.azure.com wss://*.fluidrelay.azure.com",
    );
    expect(csp.has('upgrade-insecure-requests')).toBe(true);
  });

  it('marks every API answer no-store, errors included', async () => {
    for (const res of [
      await fetch(`${server.url}/api/health`),
      await fetch(`${server.url}/api/me`),
      await fetch(`${server.url}/api/nope`),
    ]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const me = await fetch(`${server.url}/api/me`, {
      headers: { authorization: encodeDevIdentity({ tenantId: 't', userId: 'u', displayName: 'U' }) },
    });
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
  });
});
