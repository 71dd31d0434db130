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

/** A valid body or query for each route that refuses an empty one (the outsider test must pass validation). */
const EXAMPLES: Record<string, { body?: unknown; query?: Record<string, string> }> = {
  updateCommunity: { body: { etag: 'e1', name: 'Taken over' } },
  setMemberRoles: { body: { roles: ['member', 'facilitator'] } },
  proposeTopic: { body: { title: 'Sneaky topic' } },
  editTopic: { body: { etag: 'e1', title: 'Renamed' } },
  moveTopic: { body: { position: 1 } },
  mergeTopics: { body: { keepId: 't1', mergeId: 't2' } },
  writeThirtyFiveCard: { body: { title: 'A topic we should work on', description: '' } },
  redealThirtyFive: { body: { fromRound: 1, players: ['u1', 'u2'] } },
  checkpointThirtyFive: { body: { roundsClosed: 1, phase: 'playing' } },
  commitThirtyFive: { body: { merges: [] } },
  openThirtyFiveRound: { body: { round: 0, minutes: 0 } },
  closeThirtyFivePair: { body: { round: 0, pair: 0 } },
  chooseThirtyFiveSplit: { body: { round: 0, pair: 0, points: [4, 3] } },
  scheduleSession: { body: { details: { type: 'deep-dive' }, startsAt: '2027-01-04T15:00:00Z' } },
  changeRotation: { body: { kind: 'join' } },
  editSessionAgenda: { body: { etag: 'e1', agenda: [{ title: 'Talk', minutes: 30 }] } },
  saveSessionNotes: { body: { markdown: 'Notes' } },
  annotateNotes: { body: { anchor: { paragraph: 0 }, text: 'A remark' } },
  addTakeaway: { body: { topicId: null, text: 'A takeaway' } },
  createAction: { body: { takeawayId: 'k1', ownerId: 'mallory', dueDate: '2027-01-31' } },
  updateActionStatus: { body: { etag: 'e1', status: 'done' } },
  giveFeedback: { body: { score: 5 } },
  closeSession: { body: { requestId: 'r1', attendees: [], takeaways: [], feedback: [] } },
  searchOutcomes: { query: { q: 'roadmap' } },
  saveSessionRun: {
    body: {
      meetingId: 'm1',
      run: {
        phase: 'check-in',
        phaseStartedAt: '2027-01-04T15:00:00Z',
        iceBreakerId: 'ib1',
        topicTitle: 'A topic',
        groups: [],
        groupNotes: [],
        takeaways: [],
        voted: [],
        feedbackClosed: false,
      },
    },
  },
};

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

  it("answers another tenant's caller on every route of a community as if it did not exist, and changes nothing", async () => {
    const alex = server.as('alex');
    const body = { name: 'Tenant A', purpose: 'working-group', cadencePerMonth: 2 };
    const id = (await alex('/api/communities', { body })).body.community.id as string;
    const before = await alex(`/api/communities/${id}`);
    const mallory = server.as('mallory', 'tenant-b');
    const scoped = contractRoutes().filter((r) => r.access === 'user' && r.path.startsWith('/communities/:id'));
    expect(scoped.length).toBeGreaterThan(35);
    for (const r of scoped) {
      const example = EXAMPLES[r.name] ?? {};
      // A route whose body or query refuses `{}` needs a valid example here, so the request reaches the access check.
      expect({ route: r.name, body: r.body?.safeParse(example.body ?? {}).success ?? true }).toEqual({
        route: r.name,
        body: true,
      });
      expect({ route: r.name, query: r.query?.safeParse(example.query ?? {}).success ?? true }).toEqual({
        route: r.name,
        query: true,
      });
      const params = Object.fromEntries(paramNames(r.path).map((n) => [n, n === 'id' ? id : `x-${n}`]));
      const path = `/api${pathOf(r.path, params)}${example.query ? `?${new URLSearchParams(example.query)}` : ''}`;
      const write = r.method !== 'GET' && r.method !== 'DELETE';
      const res = await mallory(path, { method: r.method, ...(write ? { body: example.body ?? {} } : {}) });
      expect({ route: r.name, status: res.status, code: res.body?.error?.code }).toEqual({
        route: r.name,
        status: 404,
        code: 'COMMUNITY_NOT_FOUND',
      });
    }
    expect(await alex(`/api/communities/${id}`)).toEqual(before);
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
