/**
 * The facilitator's steps for a page: one controller per live meeting, run one at a time
 * (see useStepRunner).
 */
import { useMemo } from 'react';
import type { LiveMeeting } from '../../../live/live-meeting';
import { useServices } from '../../app-services';
import { errorMessage, useStepRunner, type StepError, type StepRunner } from '../live/useStepRunner';
import { createGameController, type GameController } from './game-controller';

export type GameActionError = StepError;
export type UseGameActions = StepRunner<GameController>;
export { errorMessage };

export function useGameActions(
  meeting: LiveMeeting | undefined,
  communityId: string,
  meetingId: string | undefined,
): UseGameActions {
  const { api } = useServices();
  const controller = useMemo(
    () =>
      meeting && meetingId
        ? createGameController({ api: api.thirtyFive, live: meeting.thirtyFive, communityId, meetingId })
        : undefined,
    [api, meeting, communityId, meetingId],
  );
  return useStepRunner(controller);
}
