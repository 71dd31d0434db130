/**
 * The live layer against the real Fluid local service: the server-side factory creates a meeting
 * container; three participants connect, check in at the same moment, and all converge.
 */
import { startLocalFluidService, type LocalFluidService } from '../../src/dev/local-fluid-service';
import { createLiveClient, openLiveMeeting, type LiveMeeting, type MeetingSnapshot } from '../../src/live';
import { createMeetingContainerFactory, mintFluidToken } from '../../src/live/server';
import { freePort } from '../fixtures/local-stack';

const KEY = 'test-key-not-a-secret';
let fluid: LocalFluidService;
const opened: LiveMeeting[] = [];

beforeAll(async () => {
  fluid = await startLocalFluidService({ port: await freePort() });
});
afterAll(async () => {
  for (const m of opened) m.dispose();
  await fluid?.stop();
});

const mint = (input: { documentId?: string; user: { id: string; name: string } }) => mintFluidToken({ tenantId: 'local', tenantKey: KEY, ...input });
const connection = () => ({ type: 'local' as const, endpoint: fluid.endpoint });

async function join(containerId: string, id: string, name: string): Promise<LiveMeeting> {
  const user = { id, name };
  const client = createLiveClient(connection(), async (documentId) => mint({ ...(documentId ? { documentId } : {}), user }), user);
  const meeting = await openLiveMeeting(client, containerId, user, { connectTimeoutMs: 15000 });
  opened.push(meeting);
  return meeting;
}

function until(meeting: LiveMeeting, predicate: (s: MeetingSnapshot) => boolean, timeoutMs = 15000): Promise<MeetingSnapshot> {
  return new Promise((resolve, reject) => {
    if (predicate(meeting.getSnapshot())) return resolve(meeting.getSnapshot());
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out; last snapshot: ${JSON.stringify(meeting.getSnapshot())}`));
    }, timeoutMs);
    const off = meeting.subscribe(() => {
      if (predicate(meeting.getSnapshot())) {
        clearTimeout(timer);
        off();
        resolve(meeting.getSnapshot());
      }
    });
  });
}

describe('live meeting on the Fluid local service', () => {
  let containerId: string;

  it('creates a container from the server side', async () => {
    containerId = await createMeetingContainerFactory({ connection: connection(), mintToken: mint }).create({ communityId: 'c1', meetingId: 'm1', generation: 1 });
    expect(containerId).toMatch(/\S+/);
  });

  it('syncs concurrent check-ins to every participant, one entry per person, with presence', async () => {
    const people = [['u1', 'Alex Morgan'], ['u2', 'Bea Okafor'], ['u3', 'Chen Wei']] as const;
    const meetings = await Promise.all(people.map(([id, name]) => join(containerId, id, name)));
    for (const m of meetings) expect(m.getSnapshot().connected).toBe(true);

    meetings.forEach((m, i) => m.checkIn(`  ready   to work ${i + 1} `));
    const finals = await Promise.all(meetings.map((m) => until(m, (s) => s.checkIns.length === 3)));
    for (const s of finals) {
      expect(s.checkIns.map((c) => [c.userId, c.displayName, c.text]).sort()).toEqual([
        ['u1', 'Alex Morgan', 'ready to work 1'],
        ['u2', 'Bea Okafor', 'ready to work 2'],
        ['u3', 'Chen Wei', 'ready to work 3'],
      ]);
    }
    const present = await until(meetings[0]!, (s) => s.present.length === 3);
    expect(present.present.map((p) => p.name)).toEqual(['Alex Morgan', 'Bea Okafor', 'Chen Wei']);

    // Editing replaces the person's own entry; it never adds a second one.
    meetings[1]!.checkIn('changed my mind: tired but curious');
    const after = await until(meetings[2]!, (s) => s.checkIns.some((c) => c.text.startsWith('changed my mind')));
    expect(after.checkIns).toHaveLength(3);
    expect(after.checkIns.filter((c) => c.userId === 'u2')).toHaveLength(1);
  });

  it('refuses an empty or too long check-in without touching the tree', async () => {
    const m = await join(containerId, 'u4', 'Dara Nolan');
    expect(() => m.checkIn('   ')).toThrow(/few words/);
    expect(() => m.checkIn('x'.repeat(141))).toThrow(/at most 140/);
    expect(m.getSnapshot().checkIns.some((c) => c.userId === 'u4')).toBe(false);
  });

  it('keeps the same snapshot object until something changes', async () => {
    const m = await join(containerId, 'u5', 'Eli Haddad');
    await until(m, (s) => s.checkIns.length === 3);
    const a = m.getSnapshot();
    expect(m.getSnapshot()).toBe(a);
  });

  it('reports a container the service does not have as unavailable, within the timeout', async () => {
    const user = { id: 'u1', name: 'Alex Morgan' };
    const client = createLiveClient(connection(), async (documentId) => mint({ ...(documentId ? { documentId } : {}), user }), user);
    const started = Date.now();
    await expect(openLiveMeeting(client, 'no-such-container', user, { connectTimeoutMs: 4000 })).rejects.toMatchObject({ code: 'LIVE_CONTAINER_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(8000);
  });
});
