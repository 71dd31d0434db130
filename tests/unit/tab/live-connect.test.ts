/**
 * The tab's live supervisor with stubs (the real stack: tests/integration/live-restart.test.ts): a slow
 * connect is reported and the server's answer decides; the page moves only to the container the server
 * names, says so, and never gives up on its own.
 */
import type { LiveMeetingResponse } from '../../../src/api/schemas';
import { clientFail, clientOk, type ClientResult } from '../../../src/live/client-result';
import type { LiveMeeting, MeetingSnapshot } from '../../../src/live/live-meeting';
import {
  MOVED_NOTICE,
  RECONNECTING_HINT,
  SLOW_HINT,
  superviseLiveMeeting,
  type LiveDeps,
  type LiveLinkState,
  type LiveSupervisor,
} from '../../../src/tab/features/live/connect-live';

const user = { id: 'u1', name: 'Alex' };
const fast = {
  reportAfterMs: 40,
  backoffMs: [20, 40],
  disconnectedReportMs: 40,
  pollMs: 10_000,
  tickMs: 5,
  attemptTimeoutMs: 5_000,
};

interface FakeMeeting extends LiveMeeting {
  connected: boolean;
  disposed: boolean;
}
function fakeMeeting(containerId: string): FakeMeeting {
  const m = {
    containerId,
    connected: true,
    disposed: false,
    getSnapshot: (): MeetingSnapshot => ({
      connected: m.connected,
      checkIns: [],
      present: [],
      thirtyFive: undefined,
      sessionRun: undefined,
    }),
    subscribe: () => () => undefined,
    checkIn: () => clientFail('NOT_CONNECTED', 'not used here'),
    thirtyFive: {} as LiveMeeting['thirtyFive'], // not used by the connection flow
    session: {} as LiveMeeting['session'],
    dispose: () => {
      m.disposed = true;
    },
  };
  return m;
}

const response = (containerId: string, generation = 1): LiveMeetingResponse => ({
  containerId,
  generation,
  connection: { type: 'local', endpoint: 'http://127.0.0.1:7070' },
});
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `server(report)` answers POST …/live (report = the replaceStale id, if any); `load(id, n)` decides
 * the n-th load of a container (resolve later for a slow connect).
 */
function stubs(opts: {
  server: (replaceStale: string | undefined) => ClientResult<LiveMeetingResponse>;
  load?: (containerId: string, n: number) => Promise<ClientResult<LiveMeeting>>;
}) {
  const log: string[] = [];
  const meetings: FakeMeeting[] = [];
  const loads = new Map<string, number>();
  const deps: LiveDeps<{ fetchToken: (id: string | undefined) => Promise<string> }> = {
    openLive: async (_c, _m, o) => {
      log.push(o?.replaceStale ? `report ${o.replaceStale}` : 'ask');
      return opts.server(o?.replaceStale);
    },
    fluidToken: async (doc) => `token-for-${doc}`,
    createLiveClient: (_conn, fetchToken) => ({ fetchToken }),
    openLiveMeeting: async (client, containerId) => {
      const n = (loads.get(containerId) ?? 0) + 1;
      loads.set(containerId, n);
      log.push(`load ${containerId} with ${await client.fetchToken(undefined)}`);
      const r = opts.load ? await opts.load(containerId, n) : clientOk<LiveMeeting>(fakeMeeting(containerId));
      if (r.ok) meetings.push(r.value as FakeMeeting);
      return r;
    },
  };
  return { deps, log, meetings };
}

let running: LiveSupervisor | undefined;
afterEach(() => running?.stop());

function supervise<C>(deps: LiveDeps<C>) {
  const states: LiveLinkState[] = [];
  running = superviseLiveMeeting(deps, { communityId: 'c', meetingId: 'm', user }, (s) => states.push(s), fast);
  const until = async (p: (s: LiveLinkState) => boolean, ms = 3000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const s = states.at(-1);
      if (s && p(s)) return s;
      await wait(5);
    }
    throw new Error(
      `timed out; states: ${JSON.stringify(states.map((s) => ({ ...s, meeting: s.meeting?.containerId })))}`,
    );
  };
  return { states, until };
}

describe('keeping a page on the live meeting', () => {
  it('opens the container the server names, with tokens for it', async () => {
    const { deps, log } = stubs({ server: () => clientOk(response('k1')) });
    const { until } = supervise(deps);
    const s = await until((x) => x.phase === 'open');
    expect(s.meeting?.containerId).toBe('k1');
    expect(s.notice).toBeUndefined();
    expect(log).toEqual(['ask', 'load k1 with token-for-k1']);
  });

  it('a slow connect is reported, and when the server says the container is fine it keeps waiting on it', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const { deps, log } = stubs({
      server: () => clientOk(response('k1')), // the server checked: k1 is alive
      load: async (id) => {
        await held; // the connection is held back far past reportAfterMs
        return clientOk(fakeMeeting(id));
      },
    });
    const { until } = supervise(deps);
    await until((x) => x.hint === SLOW_HINT);
    await wait(150);
    release();
    const s = await until((x) => x.phase === 'open');
    expect(s.meeting?.containerId).toBe('k1');
    expect(s.notice).toBeUndefined();
    expect(log.filter((l) => l.startsWith('load'))).toEqual(['load k1 with token-for-k1']); // one attempt, never abandoned
    expect(log.filter((l) => l.startsWith('report')).length).toBeGreaterThanOrEqual(2);
    expect(new Set(log.filter((l) => l.startsWith('report')))).toEqual(new Set(['report k1']));
  });

  it('moves to the container the server replaced a lost one with, and says so', async () => {
    let registered = 'k1';
    const { deps, log } = stubs({
      server: (report) => {
        if (report === 'k1') registered = 'k2'; // the server confirmed k1 lost and replaced it
        return clientOk(response(registered, registered === 'k1' ? 1 : 2));
      },
      load: async (id) =>
        id === 'k1' ? clientFail('LIVE_CONTAINER_UNAVAILABLE', 'cannot load') : clientOk(fakeMeeting(id)),
    });
    const { until } = supervise(deps);
    const s = await until((x) => x.phase === 'open');
    expect(s.meeting?.containerId).toBe('k2');
    expect(s.notice).toBe(MOVED_NOTICE);
    expect(log).toEqual(['ask', 'load k1 with token-for-k1', 'report k1', 'load k2 with token-for-k2']);
  });

  it('retries the same container with backoff while the server says it is fine, and never gives up', async () => {
    const { deps, log } = stubs({
      server: () => clientOk(response('k1')),
      load: async (id, n) =>
        n < 4 ? clientFail('LIVE_CONTAINER_UNAVAILABLE', 'did not connect') : clientOk(fakeMeeting(id)),
    });
    const { until } = supervise(deps);
    const s = await until((x) => x.phase === 'open');
    expect(s.meeting?.containerId).toBe('k1');
    expect(log.filter((l) => l.startsWith('load'))).toHaveLength(4);
    expect(log.filter((l) => l.startsWith('report'))).toEqual(['report k1', 'report k1', 'report k1']);
  });

  it('an open meeting that stays disconnected is reported; once the server replaced it, the page moves over', async () => {
    let registered = 'k1';
    const { deps, meetings, log } = stubs({
      server: (report) => {
        if (report === 'k1') registered = 'k2';
        return clientOk(response(registered));
      },
    });
    const { until } = supervise(deps);
    await until((x) => x.phase === 'open');
    meetings[0]!.connected = false; // e.g. the live service restarted and forgot k1
    await until((x) => x.hint === RECONNECTING_HINT);
    const s = await until((x) => x.phase === 'open' && x.meeting?.containerId === 'k2');
    expect(meetings[0]!.disposed).toBe(true);
    expect(s.notice).toBe(MOVED_NOTICE);
    expect(s.hint).toBeUndefined();
    expect(log).toContain('report k1');
  });

  it('notices, while connected, that the meeting moved (a cheap poll of the record)', async () => {
    let registered = 'k1';
    const { deps, meetings } = stubs({ server: () => clientOk(response(registered)) });
    const states: LiveLinkState[] = [];
    running = superviseLiveMeeting(deps, { communityId: 'c', meetingId: 'm', user }, (s) => states.push(s), {
      ...fast,
      pollMs: 30,
    });
    while (states.at(-1)?.phase !== 'open') await wait(5);
    registered = 'k2';
    while (states.at(-1)?.meeting?.containerId !== 'k2') await wait(5);
    expect(meetings[0]!.disposed).toBe(true);
    expect(states.at(-1)!.notice).toBe(MOVED_NOTICE);
  });

  it('waits with a hint while the live service is not answering, then connects', async () => {
    let calls = 0;
    const { deps } = stubs({
      server: () => (++calls < 3 ? clientFail('LIVE_CONTAINER_UNAVAILABLE', 'no answer') : clientOk(response('k1'))),
    });
    const { states, until } = supervise(deps);
    const s = await until((x) => x.phase === 'open');
    expect(s.meeting?.containerId).toBe('k1');
    expect(states.some((x) => x.hint?.includes('not answering'))).toBe(true);
  });

  it('stops on a failure retrying cannot fix (no access), and does not replace anything', async () => {
    const { deps, log } = stubs({
      server: (report) => (report ? clientOk(response('k2')) : clientOk(response('k1'))),
      load: async () => clientFail('FORBIDDEN', 'You are not a member of this community.'),
    });
    const { until } = supervise(deps);
    const s = await until((x) => x.phase === 'error');
    expect(s.error).toEqual({ code: 'FORBIDDEN', message: 'You are not a member of this community.' });
    await wait(100);
    expect(log.filter((l) => l.startsWith('report'))).toEqual([]);
  });

  it('disposes the open meeting and a late one on stop, and reports nothing after', async () => {
    const { deps, meetings } = stubs({ server: () => clientOk(response('k1')) });
    const { states, until } = supervise(deps);
    await until((x) => x.phase === 'open');
    running!.stop();
    const seen = states.length;
    await wait(50);
    expect(meetings[0]!.disposed).toBe(true);
    expect(states).toHaveLength(seen);
  });
});
