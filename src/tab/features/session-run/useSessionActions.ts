/**
 * The session steps for a page: one controller per live meeting, one step at a time (`busy` names
 * it), and the last refusal as a message for an ErrorNotice. Never throws into React.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LiveMeeting } from '../../../live/live-meeting';
import { useServices } from '../../app-services';
import { createSessionController, type SessionController } from './session-controller';

export interface SessionActionError {
  /** What was tried, for the notice's title ("Could not start the session"). */
  readonly title: string;
  readonly message: string;
}

export interface UseSessionActions {
  readonly controller: SessionController | undefined;
  readonly busy: string | undefined;
  readonly error: SessionActionError | undefined;
  /** Runs one step; a failure becomes `error` (titled `title`). Resolves to whether it succeeded. */
  run(title: string, step: (c: SessionController) => unknown): Promise<boolean>;
  clearError(): void;
}

export const errorMessage = (e: unknown): string => (e instanceof Error && e.message ? e.message : String(e));

export function useSessionActions(meeting: LiveMeeting | undefined, communityId: string): UseSessionActions {
  const { api } = useServices();
  const controller = useMemo(
    () => (meeting ? createSessionController({ api: { sessions: api.sessions, backlog: api.backlog, listTopics: api.listTopics }, live: meeting.session, communityId }) : undefined),
    [api, meeting, communityId],
  );
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<SessionActionError | undefined>(undefined);

  const run = useCallback(
    async (title: string, step: (c: SessionController) => unknown): Promise<boolean> => {
      if (!controller) {
        setError({ title, message: 'Not connected to the live meeting yet; try again in a moment.' });
        return false;
      }
      setBusy(title);
      setError(undefined);
      try {
        await step(controller);
        return true;
      } catch (e) {
        setError({ title, message: errorMessage(e) });
        return false;
      } finally {
        setBusy(undefined);
      }
    },
    [controller],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { controller, busy, error, run, clearError };
}

/** The current time, ticking every `ms` (for the opening's soft cap). */
export function useNow(ms = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
