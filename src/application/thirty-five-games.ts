/**
 * Shared steps of the Thirty Five use cases: load a game for a facilitator, and write a change with
 * a compare-and-swap (re-read and re-apply on a stale ETag, so a concurrent checkpoint is never
 * silently overwritten).
 */
import type { Principal } from '../domain/identity';
import { fail, ok, type Result } from '../domain/result';
import type { ThirtyFiveGameRecord } from '../domain/thirty-five';
import { requireMember, requireRole } from './access';
import type { AppDeps } from './deps';
import type { Versioned } from './ports';
import { updateVersioned } from './update-versioned';

export async function loadGame(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; gameId: string },
  role: 'member' | 'facilitator',
): Promise<Result<Versioned<ThirtyFiveGameRecord>>> {
  const access =
    role === 'facilitator'
      ? await requireRole(deps, who, input.communityId, 'facilitator')
      : await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const game = await deps.store.thirtyFiveGames.get(input.communityId, input.gameId);
  if (!game) return fail('GAME_NOT_FOUND', 'No Thirty Five game with this id in this community.');
  return ok(game);
}

/**
 * Applies `change` to the stored game and writes it (updateVersioned); on a stale ETag reads again and
 * re-applies. `change` returns the new record, or a failure (nothing written). Two store round trips
 * when nobody else writes meanwhile (the read was done by the caller).
 */
export async function updateGame(
  deps: AppDeps,
  first: Versioned<ThirtyFiveGameRecord>,
  change: (current: ThirtyFiveGameRecord) => Result<ThirtyFiveGameRecord | 'unchanged'>,
): Promise<Result<ThirtyFiveGameRecord>> {
  const { communityId, gameId } = first.value;
  const updated = await updateVersioned<ThirtyFiveGameRecord>(
    {
      read: () => deps.store.thirtyFiveGames.get(communityId, gameId),
      write: (game, etag) =>
        etag === undefined ? deps.store.thirtyFiveGames.create(game) : deps.store.thirtyFiveGames.update(game, etag),
    },
    (current) => {
      if (!current) return fail('GAME_NOT_FOUND', 'This Thirty Five game no longer exists.');
      const next = change(current.value);
      if (!next.ok || next.value === 'unchanged') return next;
      return ok({ ...next.value, updatedAt: deps.clock.now().toISOString() });
    },
    { first, busy: 'This game is being changed by someone else right now; try again.' },
  );
  return updated.ok ? ok(updated.value.value) : updated;
}

/** Splits as a canonical, comparable list. */
export const splitKey = (s: { round: number; pair: number; points: readonly number[] }) =>
  `${s.round}:${s.pair}:${s.points[0]}-${s.points[1]}`;
export const sortSplits = <T extends { round: number; pair: number }>(splits: readonly T[]): T[] =>
  [...splits].sort((a, b) => a.round - b.round || a.pair - b.pair);
