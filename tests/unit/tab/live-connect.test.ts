import type { LiveMeetingResponse } from '../../../src/api/schemas';
import type { LiveMeeting } from '../../../src/live/live-meeting';
import { connectLiveMeeting, type LiveDeps } from '../../../src/tab/features/live/connect-live';

const user = { id: 'u1', name: 'Alex' };
const fakeMeeting = (containerId: string): LiveMeeting => ({
  containerId,
  getSnapshot: () => ({ connected: true, checkIns: [], present: [], thirtyFive: undefined, sessionRun: undefined }),
  subscribe: () => () => undefined,
  checkIn: () => undefined,
  thirtyFive: {} as LiveMeeting['thirtyFive'], // not used by the connection flow
  session: {} as LiveMeeting['session'],
  dispose: () => undefined,
});
const unavailable = () => Object.assign(new Error('cannot load'), { code: 'LIVE_CONTAINER_UNAVAILABLE' });

function deps(opts: { failFor?: string[]; fail?: Error }) {
  const log: string[] = [];
  let n = 0;
  const d: LiveDeps<{ containerHint: string; fetchToken: (id: string | undefined) => Promise<string> }> = {
    openLive: async (c, m, o) => {
      log.push(`live ${c}/${m}${o?.replaceStale ? ` replace ${o.replaceStale}` : ''}`);
      n += 1;
      return { containerId: `k${n}`, generation: n, connection: { type: 'local', endpoint: 'http://127.0.0.1:7070' } } satisfies LiveMeetingResponse;
    },
    fluidToken: async (doc) => `token-for-${doc}`,
    createLiveClient: (_conn, fetchToken) => ({ containerHint: 'x', fetchToken }),
    openLiveMeeting: async (client, containerId) => {
      log.push(`open ${containerId} with ${await client.fetchToken(undefined)}`);
      if (opts.fail) throw opts.fail;
      if (opts.failFor?.includes(containerId)) throw unavailable();
      return fakeMeeting(containerId);
    },
  };
  return { d, log };
}

describe('connecting to the live meeting', () => {
  it('opens the container the server names, with tokens for it', async () => {
    const { d, log } = deps({});
    const m = await connectLiveMeeting(d, { communityId: 'c', meetingId: 'm', user });
    expect(m.containerId).toBe('k1');
    expect(log).toEqual(['live c/m', 'open k1 with token-for-k1']);
  });

  it('asks once for a fresh container when the old one is unavailable', async () => {
    const { d, log } = deps({ failFor: ['k1'] });
    const attempts: string[] = [];
    const m = await connectLiveMeeting(d, { communityId: 'c', meetingId: 'm', user, onAttempt: (a) => attempts.push(a) });
    expect(m.containerId).toBe('k2');
    expect(log).toEqual(['live c/m', 'open k1 with token-for-k1', 'live c/m replace k1', 'open k2 with token-for-k2']);
    expect(attempts).toEqual(['first', 'replace']);
  });

  it('gives up after the second failure', async () => {
    const { d, log } = deps({ failFor: ['k1', 'k2'] });
    await expect(connectLiveMeeting(d, { communityId: 'c', meetingId: 'm', user })).rejects.toMatchObject({ code: 'LIVE_CONTAINER_UNAVAILABLE' });
    expect(log.filter((l) => l.startsWith('live'))).toHaveLength(2);
  });

  it('does not replace the container for other errors', async () => {
    const { d, log } = deps({ fail: new Error('boom') });
    await expect(connectLiveMeeting(d, { communityId: 'c', meetingId: 'm', user })).rejects.toThrow('boom');
    expect(log).toHaveLength(2);
  });
});
