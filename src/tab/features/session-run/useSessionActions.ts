/**
 * The session steps for a page: one controller per live meeting, run one at a time (see useStepRunner).
 */
import { useEffect, useMemo, useState } from 'react';
import type { LiveMeeting } from '../../../live/live-meeting';
import { useServices } from '../../app-services';
import { errorMessage, useStepRunner, type StepError, type StepRunner } from '../live/useStepRunner';
import { createSessionController, type SessionController } from './session-controller';

export type SessionActionError = StepError;
export type UseSessionActions = StepRunner<SessionController>;
export { errorMessage };

export function useSessionActions(meeting: LiveMeeting | undefined, communityId: string): UseSessionActions {
  const { api } = useServices();
  const controller = useMemo(
    () =>
      meeting
        ? createSessionController({
            api: { sessions: api.sessions, backlog: api.backlog, listTopics: api.listTopics },
            live: meeting.session,
            communityId,
          })
        : undefined,
    [api, meeting, communityId],
  );
  return useStepRunner(controller);
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
