import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { checkSavedRun, mergeSavedRun, type SavedRunState, type SavedSessionRun } from '../../domain/session-run';
import type { AppDeps } from '../deps';
import { facilitatesSession, findSession } from '../facilitation';
import { requireMember } from '../access';
import { updateVersioned } from '../update-versioned';

export interface SaveSessionRunInput {
  readonly communityId: string;
  readonly sessionId: string;
  /** The meeting the run is in (where a lost container is resumed). */
  readonly meetingId: string;
  readonly run: SavedRunState;
}

export interface SavedRunOutcome {
  readonly saved: SavedSessionRun;
  /** Group notes and takeaways the record had that this save lacked: kept (see mergeSavedRun). */
  readonly kept: { readonly groupNotes: number; readonly takeaways: number };
}

/**
 * The facilitator's client saves the run of show (at each phase change and a few seconds after any
 * change) so that a lost live container is rebuilt from the record (docs/adr/0018-saving-the-run-of-show.md).
 * Only the session's facilitator (or a facilitator or champion) saves; a closed session's run is not
 * saved any more. The save is merged with what the record holds: no group note or takeaway already
 * kept is ever dropped, and the answer says how many were kept that the save lacked.
 * Round trips: 2 reads (access) + 1 read (session) + (1 read + 1 write) per attempt (updateVersioned).
 */
export async function saveSessionRun(
  deps: AppDeps,
  who: Principal,
  input: SaveSessionRunInput,
): Promise<Result<SavedRunOutcome>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const found = await findSession(deps, input.communityId, input.sessionId);
  if (!found.ok) return found;
  const session = found.value.value;
  if (!facilitatesSession(access.value, session)) {
    return fail('FORBIDDEN', "Only this session's facilitator (or a facilitator or champion) saves its run of show.");
  }
  if (session.closed)
    return fail('CONFLICT', 'This session is closed: its outcome is in the record and its run is no longer saved.');
  const checked = checkSavedRun(input.run);
  if (!checked.ok) return checked;

  let kept: SavedRunOutcome['kept'] = { groupNotes: 0, takeaways: 0 };
  const written = await updateVersioned<SavedSessionRun>(
    {
      read: () => deps.store.sessionRuns.get(input.communityId, input.sessionId),
      write: (run, etag) => deps.store.sessionRuns.put(run, etag),
    },
    (before) => {
      const merged = mergeSavedRun(before?.value.run, input.run);
      kept = merged.kept;
      return ok<SavedSessionRun>({
        communityId: input.communityId,
        sessionId: input.sessionId,
        meetingId: input.meetingId,
        run: merged.run,
        savedBy: who.userId,
        savedAt: deps.clock.now().toISOString(),
      });
    },
    { busy: 'The run is being saved by someone else right now; try again.' },
  );
  return written.ok ? ok({ saved: written.value.value, kept }) : written;
}
