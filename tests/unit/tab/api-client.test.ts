import { ApiError, createApiClient, errorFromResponse, isApiError } from '../../../src/tab/api-client';

type Call = { url: string; init: RequestInit };

function stub(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (url: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(url), init: init ?? {} };
    calls.push(call);
    return respond(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

// Whole records as the server sends them: the client checks every answer against the contract.
const at = '2026-12-01T10:00:00.000Z';
const communityOf = (id: string, name = 'CoP') => ({
  id,
  tenantId: 't1',
  name,
  purpose: 'working-group',
  description: '',
  cadencePerMonth: 2,
  createdBy: 'u1',
  createdAt: at,
});
const membershipOf = (userId: string, roles: string[]) => ({
  communityId: 'a',
  tenantId: 't1',
  userId,
  displayName: userId.toUpperCase(),
  roles,
  joinedAt: at,
});
const bindingOf = (contextId: string, communityId: string) => ({
  tenantId: 't1',
  contextId,
  kind: 'meeting',
  communityId,
  boundBy: 'u1',
  boundAt: at,
});

describe('api client', () => {
  it('sends the host Authorization header and JSON bodies', async () => {
    const s = stub(() => json(201, { community: communityOf('c1') }));
    const api = createApiClient({ fetch: s.fetch, getAuthHeader: async () => 'Bearer abc' });
    const c = await api.createCommunity({ name: 'CoP', purpose: 'working-group', cadencePerMonth: 2 });
    expect(c).toEqual(communityOf('c1'));
    const { url, init } = s.calls[0]!;
    expect(url).toBe('/api/communities');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer abc');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(JSON.parse(String(init.body))).toEqual({ name: 'CoP', purpose: 'working-group', cadencePerMonth: 2 });
  });

  it('maps the API error body to ApiError with code, status and issues', async () => {
    const s = stub(() =>
      json(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Invalid community: name: name is required',
          issues: [{ path: 'name', message: 'name is required' }],
        },
      }),
    );
    const api = createApiClient({ fetch: s.fetch, getAuthHeader: async () => 'x' });
    const err = await api
      .createCommunity({ name: '', purpose: 'working-group', cadencePerMonth: 2 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 400,
      issues: [{ path: 'name', message: 'name is required' }],
    });
    expect(isApiError(err, 'VALIDATION_FAILED')).toBe(true);
    expect(isApiError(err, 'CONFLICT')).toBe(false);
  });

  it('reports a 409 CONFLICT on a stale PATCH', async () => {
    const s = stub(() => json(409, { error: { code: 'CONFLICT', message: 'stale' } }));
    const api = createApiClient({ fetch: s.fetch, getAuthHeader: async () => 'x' });
    await expect(api.updateCommunity('c 1', { etag: 'e1', name: 'n' })).rejects.toMatchObject({
      code: 'CONFLICT',
      status: 409,
    });
    expect(s.calls[0]!.url).toBe('/api/communities/c%201');
    expect(s.calls[0]!.init.method).toBe('PATCH');
  });

  it('treats 204 as no content', async () => {
    const s = stub(() => new Response(null, { status: 204 }));
    const api = createApiClient({ fetch: s.fetch, getAuthHeader: async () => 'x' });
    await expect(api.leaveCommunity('c1')).resolves.toBeUndefined();
    expect(s.calls[0]).toMatchObject({ url: '/api/communities/c1/members/me', init: { method: 'DELETE' } });
  });

  it('unwraps list, binding, membership and token answers', async () => {
    const s = stub(({ url }) => {
      if (url === '/api/communities')
        return json(200, { communities: [{ community: communityOf('a'), roles: ['member'] }] });
      if (url.startsWith('/api/contexts/')) return json(200, { binding: bindingOf('m1', 'a') });
      if (url.endsWith('/roles')) return json(200, { membership: membershipOf('u2', ['member', 'coach']) });
      if (url === '/api/fluid/token') return json(200, { token: 'jwt' });
      return json(200, { containerId: 'k', generation: 1, connection: { type: 'local', endpoint: 'http://x' } });
    });
    const api = createApiClient({ fetch: s.fetch, getAuthHeader: async () => 'x' });
    expect(await api.listMyCommunities()).toEqual([{ community: communityOf('a'), roles: ['member'] }]);
    expect(await api.getContext('m1')).toEqual(bindingOf('m1', 'a'));
    expect(await api.setMemberRoles('a', 'u2', ['member', 'coach'])).toEqual(membershipOf('u2', ['member', 'coach']));
    expect(await api.fluidToken('k')).toBe('jwt');
    expect(await api.openLiveMeeting('a', 'm1', { replaceStale: 'old' })).toMatchObject({ containerId: 'k' });
    const live = s.calls.at(-1)!;
    expect(live.url).toBe('/api/communities/a/meetings/m1/live');
    expect(JSON.parse(String(live.init.body))).toEqual({ replaceStale: 'old' });
  });

  it('does not send Authorization to the dev setup', async () => {
    const setup = {
      tenantId: 't',
      communityId: 'c',
      communityName: 'Demo',
      meetingId: 'm',
      channelId: 'ch',
      users: [],
    };
    const s = stub(() => json(200, setup));
    const api = createApiClient({ fetch: s.fetch, getAuthHeader: async () => 'x' });
    await api.devSetup(3);
    expect(s.calls[0]!.url).toBe('/api/dev/setup?participants=3');
    expect((s.calls[0]!.init.headers as Record<string, string>).authorization).toBeUndefined();
  });

  it('maps network failures, timeouts, unreadable answers and host auth failures', async () => {
    const down = createApiClient({
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as typeof fetch,
    });
    await expect(down.me()).rejects.toMatchObject({ code: 'NETWORK', status: 0 });

    const slow = createApiClient({
      fetch: (async () => {
        throw Object.assign(new Error('timed out'), { name: 'TimeoutError' });
      }) as typeof fetch,
    });
    await expect(slow.me()).rejects.toMatchObject({ code: 'TIMEOUT' });

    const html = createApiClient({ fetch: (async () => new Response('<html>', { status: 200 })) as typeof fetch });
    await expect(html.me()).rejects.toMatchObject({ code: 'BAD_RESPONSE' });

    const noAuth = createApiClient({
      fetch: stub(() => json(200, {})).fetch,
      getAuthHeader: async () => {
        throw new Error('consent required');
      },
    });
    await expect(noAuth.me()).rejects.toMatchObject({
      code: 'AUTH_UNAVAILABLE',
      message: expect.stringContaining('consent required'),
    });
  });

  it('falls back to a status-based error when the body is not the API shape', () => {
    expect(errorFromResponse(502, undefined)).toMatchObject({ code: 'INTERNAL', status: 502 });
    expect(errorFromResponse(404, '<html>')).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(errorFromResponse(401, {})).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorFromResponse(418, {})).toMatchObject({ code: 'HTTP_ERROR' });
    expect(errorFromResponse(403, { error: { code: 'NOT_A_MEMBER', message: 'Join it first.' } })).toMatchObject({
      code: 'NOT_A_MEMBER',
      message: 'Join it first.',
      issues: [],
    });
  });

  it("checks every answer against the route's response schema: a wrong shape is BAD_RESPONSE, extra keys are dropped", async () => {
    const wrong = stub(() => json(200, { community: { ...communityOf('c1'), cadencePerMonth: 'often' } }));
    const err = await createApiClient({ fetch: wrong.fetch })
      .createCommunity({ name: 'CoP', purpose: 'working-group', cadencePerMonth: 2 })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_RESPONSE', status: 200, issues: [{ path: 'community.cadencePerMonth' }] });

    const missing = stub(() => json(200, { topics: [{ id: 't1', title: 'No state, no rank' }] }));
    await expect(createApiClient({ fetch: missing.fetch }).listTopics('c1')).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
    });

    const extra = stub(() =>
      json(200, { community: { ...communityOf('c1'), addedLater: true }, etag: 'e2', note: 'new field' }),
    );
    const updated = await createApiClient({ fetch: extra.fetch }).updateCommunity('c1', { etag: 'e1', name: 'n' });
    expect(updated).toEqual({ community: communityOf('c1'), etag: 'e2' });
  });

  it('builds paths, queries and bodies from the contract', async () => {
    const s = stub(({ url }) => {
      if (url.includes('/sessions?')) return json(200, { sessions: [] });
      if (url.includes('/actions')) return json(200, { actions: [] });
      if (url.includes('/search')) return json(200, { hits: [] });
      if (url.endsWith('/export.md'))
        return new Response('# Notes\n', { status: 200, headers: { 'content-type': 'text/markdown' } });
      return json(200, { changed: [] });
    });
    const api = createApiClient({ fetch: s.fetch, getAuthHeader: async () => 'x' });
    await api.sessions.list('c/1', { type: 'book-club', owner: 'u 2' });
    await api.actions.listOpen('c1');
    await api.actions.listOpen('c1', 'bea');
    await api.sessions.search('c1', 'cycle time & flow');
    expect(await api.sessions.exportMarkdown('c1', 's1')).toBe('# Notes\n');
    await api.backlog.archive('c1', 'MCMx+/==');
    expect(s.calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET /api/communities/c%2F1/sessions?type=book-club&owner=u+2',
      'GET /api/communities/c1/actions',
      'GET /api/communities/c1/actions?owner=bea',
      'GET /api/communities/c1/search?q=cycle+time+%26+flow',
      'GET /api/communities/c1/sessions/s1/export.md',
      'POST /api/communities/c1/topics/MCMx%2B%2F%3D%3D/archive',
    ]);
    expect(s.calls[0]!.init.body).toBeUndefined();
    expect(s.calls.at(-1)!.init.body).toBe('{}');
  });
});
