import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import type { SplitChoice, ThirtyFiveGameRecord } from '../../domain/thirty-five';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

/**
 * The meeting's latest game as the record holds it (what a lost live container resumes from), with
 * the splits stored for its round still being scored, or null.
 */
export async function latestThirtyFive(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; meetingId: string },
): Promise<Result<{ game: ThirtyFiveGameRecord; openChoices: SplitChoice[] } | null>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const found = await deps.store.thirtyFiveGames.latestForMeeting(input.communityId, input.meetingId);
  if (!found) return ok(null);
  const game = found.value;
  const scoring = game.scoring;
  const unsaved = scoring && scoring.round === game.roundsClosed && game.status === 'playing';
  const stored = unsaved
    ? await deps.store.thirtyFiveChoices.listForRound(game.communityId, game.gameId, scoring.round)
    : [];
  return ok({ game, openChoices: stored.map((c) => ({ round: c.round, userId: c.userId, points: c.points })) });
}
