/**
 * The live layer against the real Fluid local service: the server-side factory creates a meeting
 * container; three participants connect, check in at the same moment, and all converge on one entry
 * per person; a lost container, a refused token and a service that goes away are reported as such.
 */
import {
  createLiveClient,
  openLiveMeeting,
  type FetchFluidToken,
  type LiveMeeting,
  type LiveUser,
  type MeetingSnapshot,
} from '../../src/live';
import { createMeetingContainerFactory, mintFluidToken } from '../../src/live/server';
import { startLocalFluidService, type LocalFluidService as FluidLocalService } from '../../src/dev/local-fluid-service';
import { freePort as freeLoopbackPort } from '../fixtures/local-stack';

const KEY = 'test-key-not-a-secret';
let fluid: FluidLocalService;
const opened: LiveMeeting[] = [];
const timings: Record<string, number> = {};

beforeAll(async () => {
  fluid = await startLocalFluidService({ port: await freeLoopbackPort() });
  timings['service start'] = fluid.startMs;
});
afterAll(async () => {
  for (const m of opened) m.dispose();
  await fluid?.stop();
  process.stdout.write(`live-meeting timings (ms): ${JSON.stringify(timings)}\n`);
});

const mint = (input: { documentId?: string; user: { id: string; name: string } }) =>
  mintFluidToken({ tenantId: 'local', tenantKey: KEY, ...input });
const connection = () => ({ type: 'local' as const, endpoint: fluid.endpoint });
const tokensFor =
  (user: LiveUser): FetchFluidToken =>
  async (documentId) =>
    mint({ ...(documentId ? { documentId } : {}), user });

async function join(containerId: string, id: string, name: string): Promise<LiveMeeting> {
  const user = { id, name };
  const client = createLiveClient(connection(), tokensFor(user), user);
  const meeting = await openLiveMeeting(client, containerId, user, { connectTimeoutMs: 15000 });
  opened.push(meeting);
  return meeting;
}

function until(
  meeting: LiveMeeting,
  predicate: (s: MeetingSnapshot) => boolean,
  timeoutMs = 15000,
): Promise<MeetingSnapshot> {
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

const people = [
  ['u1', 'Alex Morgan'],
  ['u2', 'Bea Okafor'],
  ['u3', 'Chen Wei'],
] as const;

describe('live meeting on the Fluid local service', () => {
  let containerId: string;
  let meetings: LiveMeeting[];

  it('creates an initialised container from the server side', async () => {
    const factory = createMeetingContainerFactory({ connection: connection(), mintToken: mint });
    let t = Date.now();
    containerId = await factory.create({ communityId: 'c1', meetingId: 'm1', generation: 1 });
    timings['container create (first)'] = Date.now() - t;
    expect(containerId).toMatch(/\S+/);
    t = Date.now();
    const second = await factory.create({ communityId: 'c1', meetingId: 'm2', generation: 1 });
    timings['container create (second)'] = Date.now() - t;
    expect(second).not.toBe(containerId);
  });

  it('connects three participants who see an empty lobby', async () => {
    const t = Date.now();
    meetings = await Promise.all(people.map(([id, name]) => join(containerId, id, name)));
    timings['3 clients connect (parallel)'] = Date.now() - t;
    for (const m of meetings) {
      expect(m.containerId).toBe(containerId);
      expect(m.getSnapshot()).toMatchObject({ connected: true, checkIns: [] });
    }
  });

  it('lists the connected people (audience) by name, once each, without the server', async () => {
    const s = await until(meetings[0]!, (x) => x.present.length === 3);
    expect(s.present).toEqual([
      { id: 'u1', name: 'Alex Morgan' },
      { id: 'u2', name: 'Bea Okafor' },
      { id: 'u3', name: 'Chen Wei' },
    ]);
  });

  it('syncs concurrent check-ins to every participant, one entry per person', async () => {
    const t = Date.now();
    meetings.forEach((m, i) => m.checkIn(`  ready \n  to work ${i + 1} `));
    const finals = await Promise.all(meetings.map((m) => until(m, (s) => s.checkIns.length === 3)));
    timings['3 concurrent check-ins visible everywhere'] = Date.now() - t;
    for (const s of finals) {
      expect(s.checkIns.map((c) => [c.userId, c.displayName, c.text]).sort()).toEqual([
        ['u1', 'Alex Morgan', 'ready to work 1'],
        ['u2', 'Bea Okafor', 'ready to work 2'],
        ['u3', 'Chen Wei', 'ready to work 3'],
      ]);
      for (const c of s.checkIns) expect(Number.isNaN(Date.parse(c.at))).toBe(false);
    }
  });

  it("replaces a person's entry when they edit it (never a second one), newest last", async () => {
    const t = Date.now();
    meetings[1]!.checkIn('changed my mind: tired but curious');
    const after = await Promise.all(
      meetings.map((m) => until(m, (s) => s.checkIns.some((c) => c.text.startsWith('changed my mind')))),
    );
    timings['one edit visible everywhere'] = Date.now() - t;
    for (const s of after) {
      expect(s.checkIns).toHaveLength(3);
      expect(s.checkIns.filter((c) => c.userId === 'u2')).toEqual([
        expect.objectContaining({ text: 'changed my mind: tired but curious' }),
      ]);
      expect(s.checkIns.at(-1)!.userId).toBe('u2');
    }
  });

  it('keeps the same snapshot object until something changes, and notifies on a change', async () => {
    const m = meetings[0]!;
    const a = m.getSnapshot();
    expect(m.getSnapshot()).toBe(a);
    const changed = until(m, (s) => s !== a && s.checkIns.some((c) => c.text === 'same object?'));
    meetings[2]!.checkIn('same object?');
    const b = await changed;
    expect(b).not.toBe(a);
    expect(Object.isFrozen(b)).toBe(true);
  });

  it('refuses an empty or too long check-in without touching the tree', async () => {
    const m = meetings[0]!;
    const before = m.getSnapshot();
    expect(m.checkIn('   ')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/few words/) },
    });
    expect(m.checkIn('x'.repeat(141))).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/at most 140 characters/) },
    });
    expect(m.getSnapshot()).toBe(before);
  });

  it('refuses an edit made from inside a change listener (views never mutate in a listener)', async () => {
    const m = meetings[0]!;
    let caught: unknown;
    const off = m.subscribe(() => {
      try {
        m.checkIn('echo');
      } catch (e) {
        caught = e;
      }
    });
    const seen = until(m, (s) => s.checkIns.some((c) => c.text === 'listener test'));
    meetings[1]!.checkIn('listener test');
    await seen;
    off();
    expect(String(caught)).toMatch(/must not be called from a change listener/);
    expect(m.getSnapshot().checkIns.some((c) => c.text === 'echo')).toBe(false);
  });

  it('drops a person from the audience when they leave', async () => {
    const late = await join(containerId, 'u4', 'Dara Nolan');
    await until(meetings[0]!, (s) => s.present.some((p) => p.id === 'u4'));
    late.dispose();
    const s = await until(meetings[0]!, (x) => !x.present.some((p) => p.id === 'u4'));
    expect(s.present.map((p) => p.id)).toEqual(['u1', 'u2', 'u3']);
  });

  it('reports a container the service does not have as unavailable, within the timeout', async () => {
    const user = { id: 'u1', name: 'Alex Morgan' };
    const client = createLiveClient(connection(), tokensFor(user), user);
    const started = Date.now();
    await expect(openLiveMeeting(client, 'no-such-container', user, { connectTimeoutMs: 4000 })).rejects.toMatchObject({
      code: 'LIVE_CONTAINER_UNAVAILABLE',
    });
    timings['missing container rejected'] = Date.now() - started;
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it("the server's probe: a container the service has is alive, an id it does not know is gone", async () => {
    const factory = createMeetingContainerFactory({ connection: connection(), mintToken: mint });
    let t = Date.now();
    expect(await factory.probe(containerId)).toBe('alive');
    timings['probe (alive)'] = Date.now() - t;
    t = Date.now();
    expect(await factory.probe('no-such-container')).toBe('gone');
    timings['probe (gone)'] = Date.now() - t;
  });

  it('passes a refused token through as itself (not as a lost container)', async () => {
    const user = { id: 'u9', name: 'Not A Member' };
    const refused = Object.assign(new Error('You are not a member of this community.'), { code: 'FORBIDDEN' });
    const client = createLiveClient(connection(), async () => Promise.reject(refused), user);
    const started = Date.now();
    await expect(openLiveMeeting(client, containerId, user, { connectTimeoutMs: 4000 })).rejects.toBe(refused);
    expect(Date.now() - started).toBeLessThan(6000);
  });
});

describe('when the live service is not there', () => {
  it('fails to open within the timeout, as unavailable', async () => {
    const endpoint = `http://127.0.0.1:${await freeLoopbackPort()}`;
    const user = { id: 'u1', name: 'Alex Morgan' };
    const client = createLiveClient({ type: 'local', endpoint }, tokensFor(user), user);
    const started = Date.now();
    await expect(openLiveMeeting(client, 'any', user, { connectTimeoutMs: 2000 })).rejects.toMatchObject({
      code: 'LIVE_CONTAINER_UNAVAILABLE',
    });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("the server's probe says unknown (never gone) when the service does not answer", async () => {
    const endpoint = `http://127.0.0.1:${await freeLoopbackPort()}`;
    const factory = createMeetingContainerFactory({
      connection: { type: 'local', endpoint },
      mintToken: mint,
      probeTimeoutMs: 2000,
    });
    const started = Date.now();
    expect(await factory.probe('any')).toBe('unknown');
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('gives up creating a container after the factory timeout, with a clear error', async () => {
    const endpoint = `http://127.0.0.1:${await freeLoopbackPort()}`;
    const factory = createMeetingContainerFactory({
      connection: { type: 'local', endpoint },
      mintToken: mint,
      timeoutMs: 2000,
    });
    const started = Date.now();
    await expect(factory.create({ communityId: 'c1', meetingId: 'm9', generation: 1 })).rejects.toThrow(
      /m9|live service|ECONNREFUSED|fetch/i,
    );
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('shows connected: false when the service goes away under an open meeting', async () => {
    const own = await startLocalFluidService({ port: await freeLoopbackPort() });
    try {
      const conn = { type: 'local' as const, endpoint: own.endpoint };
      const id = await createMeetingContainerFactory({ connection: conn, mintToken: mint }).create({
        communityId: 'c1',
        meetingId: 'm3',
        generation: 1,
      });
      const user = { id: 'u1', name: 'Alex Morgan' };
      const m = await openLiveMeeting(createLiveClient(conn, tokensFor(user), user), id, user, {
        connectTimeoutMs: 10000,
      });
      opened.push(m);
      m.checkIn('before the outage');
      const down = until(m, (s) => !s.connected);
      await own.stop();
      const s = await down;
      expect(s.checkIns.map((c) => c.text)).toEqual(['before the outage']);
      m.dispose(); // stop its reconnect attempts now
      expect(m.getSnapshot()).toBe(s);
    } finally {
      await own.stop();
    }
  });
});
