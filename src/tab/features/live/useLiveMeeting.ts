/**
 * The meeting's live state for a page: keeps the page on the meeting's container (see
 * connect-live.ts: reconnects with backoff, moves to a fresh container once the server replaced it),
 * renders from the LiveMeeting's snapshots with useSyncExternalStore, and stops on unmount or change.
 * The Fluid code is loaded on demand, so pages without a live meeting never download it.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { LiveMeeting, MeetingSnapshot } from '../../../live/live-meeting';
import { apiResult } from '../../api-result';
import { useServices } from '../../app-services';
import { superviseLiveMeeting, type LiveLinkState, type LiveSupervisor } from './connect-live';

export type LiveStatus = 'idle' | 'connecting' | 'replacing' | 'connected' | 'reconnecting' | 'error';

export interface UseLiveMeeting {
  readonly status: LiveStatus;
  readonly snapshot: MeetingSnapshot;
  readonly meeting: LiveMeeting | undefined;
  readonly error: { readonly code: string; readonly message: string } | undefined;
  /** What is happening while not connected (and what to do), for the status line. */
  readonly hint: string | undefined;
  /** "The live meeting moved to a fresh connection; …" once it did, until dismissed. */
  readonly notice: string | undefined;
  dismissNotice(): void;
  retry(): void;
}

const EMPTY: MeetingSnapshot = Object.freeze({
  connected: false,
  checkIns: [],
  present: [],
  thirtyFive: undefined,
  sessionRun: undefined,
});
const noop = () => undefined;
const STARTING: LiveLinkState = {
  phase: 'connecting',
  meeting: undefined,
  containerId: undefined,
  hint: undefined,
  notice: undefined,
  error: undefined,
};

export function useLiveMeeting(communityId: string | undefined, meetingId: string | undefined): UseLiveMeeting {
  const { api, me } = useServices();
  const [link, setLink] = useState<LiveLinkState | undefined>(undefined);
  const [supervisor, setSupervisor] = useState<LiveSupervisor | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!communityId || !meetingId) {
      setLink(undefined);
      return;
    }
    let cancelled = false;
    let running: LiveSupervisor | undefined;
    setLink(STARTING);
    (async () => {
      const [live, who] = await Promise.all([import('../../../live'), me()]);
      if (cancelled) return;
      const user = { id: who.userId, name: who.displayName };
      running = superviseLiveMeeting(
        {
          openLive: (c, mt, o) => apiResult(api.openLiveMeeting(c, mt, o)),
          fluidToken: (doc) => api.fluidToken(doc),
          createLiveClient: live.createLiveClient,
          openLiveMeeting: live.tryOpenLiveMeeting,
        },
        { communityId, meetingId, user },
        (state) => !cancelled && setLink(state),
      );
      setSupervisor(running);
    })().catch((e: unknown) => {
      if (cancelled) return;
      const message = e instanceof Error ? e.message : String(e);
      setLink({ ...STARTING, phase: 'error', error: { code: 'REQUEST_FAILED', message } });
    });
    return () => {
      cancelled = true;
      running?.stop();
      setSupervisor(undefined);
    };
  }, [api, me, communityId, meetingId, attempt]);

  const meeting = link?.phase === 'open' ? link.meeting : undefined;
  const subscribe = useCallback((cb: () => void) => (meeting ? meeting.subscribe(cb) : noop), [meeting]);
  const getSnapshot = useCallback(() => (meeting ? meeting.getSnapshot() : EMPTY), [meeting]);
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);

  const status: LiveStatus = !link
    ? 'idle'
    : link.phase === 'open'
      ? snapshot.connected
        ? 'connected'
        : 'reconnecting'
      : link.phase;
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const dismissNotice = useCallback(() => supervisor?.dismissNotice(), [supervisor]);
  return {
    status,
    snapshot,
    meeting,
    error: link?.error,
    hint: status === 'connected' ? undefined : link?.hint,
    notice: link?.notice,
    dismissNotice,
    retry,
  };
}
