/**
 * GET /api/communities/:id/changes over real HTTP with the embedded store: the version the channel
 * tab and the side panel poll. It moves with every change to what they show (a proposal, a volunteer,
 * a schedule, an action's status, the rotation), stays put when nothing changed, and is only for
 * members of the community in the caller's tenant.
 */
import { startTestServer, type TestServer } from '../fixtures/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const alex = () => server.as('alex'); // creates the community: facilitator
const bea = () => server.as('bea'); // member
const chen = () => server.as('chen'); // same tenant, not a member
const mallory = () => server.as('mallory', 'tenant-b');

async function community(): Promise<string> {
  const created = await alex()('/api/communities', {
    body: { name: `Changes ${Math.random().toString(36).slice(2, 7)}`, purpose: 'working-group', cadencePerMonth: 2 },
  });
  expect(created.status).toBe(201);
  const id = created.body.community.id as string;
  expect((await bea()(`/api/communities/${id}/members`, { body: {} })).status).toBe(201);
  return id;
}

describe('the community change version', () => {
  it('moves with every change the channel tab shows, and only then', async () => {
    const id = await community();
    const base = `/api/communities/${id}`;
    const version = async () => {
      const res = await bea()(`${base}/changes`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ version: expect.stringMatching(/^[0-9a-f]{16}$/) });
      return res.body.version as string;
    };
    const seen = new Set<string>();
    const expectMoved = async (what: string) => {
      const v = await version();
      if (seen.has(v)) throw new Error(`the version did not move after ${what}`);
      seen.add(v);
      return v;
    };

    const empty = await expectMoved('creating the community');
    expect(await version()).toBe(empty); // nothing changed, same version

    const topic = (await bea()(`${base}/topics`, { body: { title: 'Remote retros', force: true } })).body.topic
      .id as string;
    await expectMoved('a proposal');
    expect((await alex()(`${base}/topics/${topic}/position`, { method: 'PUT', body: { position: 1 } })).status).toBe(
      200,
    );
    await expectMoved('prioritising');
    expect((await bea()(`${base}/topics/${topic}/owner`, { method: 'PUT' })).status).toBe(200);
    await expectMoved('a volunteer');

    const scheduled = await alex()(`${base}/sessions`, {
      body: {
        startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        details: { type: 'deep-dive' },
        topicIds: [topic],
      },
    });
    expect(scheduled.status).toBe(201);
    await expectMoved('scheduling a session');
    const s = `${base}/sessions/${scheduled.body.session.id}`;
    const takeaway = (await bea()(`${s}/takeaways`, { body: { topicId: null, text: 'Share the roadmap' } })).body
      .takeaway;
    const dueDate = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const action = (await bea()(`${base}/actions`, { body: { takeawayId: takeaway.id, ownerId: 'bea', dueDate } })).body
      .action;
    await expectMoved('a new action');
    const [withEtag] = (await bea()(`${s}/outcomes`)).body.actions;
    expect(
      (await bea()(`${base}/actions/${action.id}`, { method: 'PATCH', body: { etag: withEtag.etag, status: 'doing' } }))
        .status,
    ).toBe(200);
    await expectMoved("an action's status");
    expect((await bea()(`${base}/rotation`, { body: { kind: 'join' } })).status).toBe(200);
    const last = await expectMoved('joining the rotation');

    // A refused write changes nothing, and neither does reading.
    expect((await bea()(`${base}/topics/${topic}/position`, { method: 'PUT', body: { position: 1 } })).status).toBe(
      403,
    );
    await bea()(`${base}/topics`);
    expect(await version()).toBe(last);
  });

  it('is for members only: no credentials, another tenant, a non-member and a bad id are refused', async () => {
    const id = await community();
    const path = `/api/communities/${id}/changes`;
    const anonymous = await fetch(`${server.url}${path}`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('UNAUTHENTICATED');
    const foreign = await mallory()(path);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('COMMUNITY_NOT_FOUND');
    const outsider = await chen()(path);
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.code).toBe('NOT_A_MEMBER');
    expect(outsider.body.version).toBeUndefined();
    expect((await alex()(`/api/communities/${encodeURIComponent('x"; DROP')}/changes`)).status).toBe(400);
  });
});
