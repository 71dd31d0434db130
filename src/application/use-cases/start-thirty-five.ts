import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import { DEFAULT_ROUNDS, type ThirtyFiveGameRecord } from '../../domain/thirty-five';
import { requireRole } from '../access';
import type { AppDeps } from '../deps';

/**
 * A facilitator starts a game of Thirty Five in a meeting: card writing opens. The record holds the
 * game from the first moment, with a seed made here (the deal is reproducible from it). One write.
 */
export async function startThirtyFive(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; meetingId: string; rounds?: number },
): Promise<Result<ThirtyFiveGameRecord>> {
  const access = await requireRole(deps, who, input.communityId, 'facilitator');
  if (!access.ok) return access;
  const now = deps.clock.now().toISOString();
  const game: ThirtyFiveGameRecord = {
    gameId: `g-${deps.ids.newId()}`,
    communityId: input.communityId,
    tenantId: who.tenantId,
    meetingId: input.meetingId,
    status: 'writing',
    plannedRounds: input.rounds ?? DEFAULT_ROUNDS,
    seed: deps.ids.newId(),
    cards: [],
    plan: null,
    roundsClosed: 0,
    splits: [],
    closedPairs: [],
    merges: [],
    result: null,
    committed: null,
    scoring: null,
    startedBy: who.userId,
    startedAt: now,
    updatedAt: now,
  };
  const created = await deps.store.thirtyFiveGames.create(game);
  return created.ok ? ok(created.value.value) : created;
}
