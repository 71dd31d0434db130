/**
 * The facilitator's side panel saves the run of show to the record while it runs (see run-saver.ts),
 * so a lost live container resumes from it. Returns the last save's outcome, for a quiet status line.
 */
import { useEffect, useMemo, useState } from 'react';
import type { SessionRunState } from '../../../domain/session-run';
import { createRunSaver, type SaveOutcome } from './run-saver';
import type { SessionController } from './session-controller';

export function useRunAutosave(
  controller: SessionController | undefined,
  run: SessionRunState | undefined,
  meetingId: string | undefined,
  enabled: boolean,
): SaveOutcome | undefined {
  const [outcome, setOutcome] = useState<SaveOutcome | undefined>(undefined);
  const saver = useMemo(
    () =>
      controller && meetingId && enabled
        ? createRunSaver({ save: (r) => controller.save(r, meetingId), onSaved: setOutcome })
        : undefined,
    [controller, meetingId, enabled],
  );
  useEffect(() => () => saver?.dispose(), [saver]);
  useEffect(() => {
    if (saver && run && !run.closed) saver.changed(run);
  }, [saver, run]);
  return outcome;
}
