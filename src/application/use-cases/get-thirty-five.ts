import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import type { ThirtyFiveGameRecord } from '../../domain/thirty-five';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

/** The meeting's latest game as the record holds it (what a lost live container resumes from), or null. */
export async function latestThirtyFive(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; meetingId: string },
): Promise<Result<ThirtyFiveGameRecord | null>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const game = await deps.store.thirtyFiveGames.latestForMeeting(input.communityId, input.meetingId);
  return ok(game?.value ?? null);
}
