/**
 * The facilitator's steps for a page: one controller per live meeting, one step at a time (`busy`
 * names it), and the last refusal as a message for an ErrorNotice. Never throws into React.
 */
import { useCallback, useMemo, useState } from 'react';
import type { LiveMeeting } from '../../../live/live-meeting';
import { useServices } from '../../app-services';
import { createGameController, type GameController } from './game-controller';

export interface GameActionError {
  /** What was tried, for the notice's title ("Could not deal the cards"). */
  readonly title: string;
  readonly message: string;
}

export interface UseGameActions {
  readonly controller: GameController | undefined;
  /** The step running now, if any (buttons are disabled meanwhile). */
  readonly busy: string | undefined;
  readonly error: GameActionError | undefined;
  /** Runs one step; a failure becomes `error` (titled `title`). Resolves to whether it succeeded. */
  run(title: string, step: (c: GameController) => unknown): Promise<boolean>;
  clearError(): void;
}

export const errorMessage = (e: unknown): string => (e instanceof Error && e.message ? e.message : String(e));

export function useGameActions(meeting: LiveMeeting | undefined, communityId: string, meetingId: string | undefined): UseGameActions {
  const { api } = useServices();
  const controller = useMemo(
    () => (meeting && meetingId ? createGameController({ api: api.thirtyFive, live: meeting.thirtyFive, communityId, meetingId }) : undefined),
    [api, meeting, communityId, meetingId],
  );
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<GameActionError | undefined>(undefined);

  const run = useCallback(
    async (title: string, step: (c: GameController) => unknown): Promise<boolean> => {
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
