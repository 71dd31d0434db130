/**
 * The record's feedback summary for the stage and the facilitator's panel. Their vote figures come
 * from it (stageVotes in session-view), never from the live tree's marks, which any member's client
 * can write for someone else; a change of the marks only triggers a fresh read.
 */
import { useEffect, useState } from 'react';
import type { FeedbackSummary } from '../../../domain/outcomes';
import type { SessionController } from './session-controller';
import { errorMessage } from './useSessionActions';

/**
 * The record's feedback summary, read once `when` holds and again whenever `key` changes, at most once
 * per `debounceMs` (a burst of marks is one read). In the feedback phase the key is the tree's vote
 * marks: a mark only says "look again", the figures come from what the server answers (stageVotes).
 */
export function useRecordFeedback(
  controller: SessionController | undefined,
  sessionId: string,
  when: boolean,
  key: string,
  debounceMs = 0,
) {
  const [summary, setSummary] = useState<FeedbackSummary | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!controller || !when) return;
    let live = true;
    const read = () =>
      controller.feedback(sessionId).then(
        (f) => {
          if (!live) return;
          if (f.ok) {
            setSummary(f.value);
            setError(undefined);
          } else setError(f.error.message);
        },
        (e: unknown) => live && setError(errorMessage(e)),
      );
    const timer = setTimeout(read, debounceMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [controller, sessionId, when, key, debounceMs]);
  return { summary, error };
}

/** A burst of vote marks (people voting together) costs one read of the record. */
export const RECOUNT_DEBOUNCE_MS = 400;
