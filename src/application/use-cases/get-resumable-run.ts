import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import type { SavedSessionRun } from '../../domain/session-run';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

/**
 * The meeting's last saved run of show whose session is not closed yet (what a lost live container
 * resumes from), or null. Any member may read it: it is what the meeting showed everyone.
 * Round trips: 2 reads (access) + 1 query + 1 read (the session).
 */
export async function getResumableRun(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; meetingId: string },
): Promise<Result<SavedSessionRun | null>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const latest = await deps.store.sessionRuns.latestForMeeting(input.communityId, input.meetingId);
  if (!latest) return ok(null);
  const session = await deps.store.sessions.get(input.communityId, latest.value.sessionId);
  return ok(session && !session.value.closed ? latest.value : null);
}
