/**
 * The meeting's live state for a page: connects (see connect-live.ts), renders from the
 * LiveMeeting's snapshots with useSyncExternalStore, and disposes on unmount or change.
 * The Fluid code is loaded on demand, so pages without a live meeting never download it.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { LiveMeeting, MeetingSnapshot } from '../../../live/live-meeting';
import { toApiError, useServices } from '../../app-services';
import { connectLiveMeeting } from './connect-live';

export type LiveStatus = 'idle' | 'connecting' | 'replacing' | 'connected' | 'reconnecting' | 'error';

export interface UseLiveMeeting {
  readonly status: LiveStatus;
  readonly snapshot: MeetingSnapshot;
  readonly meeting: LiveMeeting | undefined;
  readonly error: { readonly code: string; readonly message: string } | undefined;
  retry(): void;
}

const EMPTY: MeetingSnapshot = Object.freeze({ connected: false, checkIns: [], present: [], thirtyFive: undefined, sessionRun: undefined });
const noop = () => undefined;

export function useLiveMeeting(communityId: string | undefined, meetingId: string | undefined): UseLiveMeeting {
  const { api, me } = useServices();
  const [meeting, setMeeting] = useState<LiveMeeting | undefined>(undefined);
  const [phase, setPhase] = useState<'idle' | 'connecting' | 'replacing' | 'open' | 'error'>('idle');
  const [error, setError] = useState<UseLiveMeeting['error']>(undefined);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!communityId || !meetingId) {
      setPhase('idle');
      return;
    }
    let cancelled = false;
    let opened: LiveMeeting | undefined;
    setPhase('connecting');
    setError(undefined);
    (async () => {
      const [live, who] = await Promise.all([import('../../../live'), me()]);
      const user = { id: who.userId, name: who.displayName };
      const m = await connectLiveMeeting(
        {
          openLive: (c, mt, o) => api.openLiveMeeting(c, mt, o),
          fluidToken: (doc) => api.fluidToken(doc),
          createLiveClient: live.createLiveClient,
          openLiveMeeting: live.openLiveMeeting,
        },
        { communityId, meetingId, user, onAttempt: (a) => !cancelled && setPhase(a === 'first' ? 'connecting' : 'replacing') },
      );
      if (cancelled) {
        m.dispose();
        return;
      }
      opened = m;
      setMeeting(m);
      setPhase('open');
    })().catch((e: unknown) => {
      if (cancelled) return;
      const err = toApiError(e);
      const code = (e as { code?: unknown } | undefined)?.code;
      setError({ code: typeof code === 'string' ? code : err.code, message: err.message });
      setPhase('error');
    });
    return () => {
      cancelled = true;
      opened?.dispose();
      setMeeting(undefined);
    };
  }, [api, me, communityId, meetingId, attempt]);

  const subscribe = useCallback((cb: () => void) => (meeting ? meeting.subscribe(cb) : noop), [meeting]);
  const getSnapshot = useCallback(() => (meeting ? meeting.getSnapshot() : EMPTY), [meeting]);
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);

  const status: LiveStatus =
    phase === 'open' ? (snapshot.connected ? 'connected' : 'reconnecting') : phase;
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { status, snapshot, meeting, error, retry };
}
