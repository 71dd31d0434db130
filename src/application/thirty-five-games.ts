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

export async function loadGame(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; gameId: string },
  role: 'member' | 'facilitator',
): Promise<Result<Versioned<ThirtyFiveGameRecord>>> {
  const access = role === 'facilitator' ? await requireRole(deps, who, input.communityId, 'facilitator') : await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const game = await deps.store.thirtyFiveGames.get(input.communityId, input.gameId);
  if (!game) return fail('GAME_NOT_FOUND', 'No Thirty Five game with this id in this community.');
  return ok(game);
}

const MAX_ATTEMPTS = 5;

/**
 * Applies `change` to the stored game and writes it; on a stale ETag reads again and re-applies.
 * `change` returns the new record, or a failure (nothing written). Two store round trips when
 * nobody else writes meanwhile (the read was done by the caller).
 */
export async function updateGame(
  deps: AppDeps,
  first: Versioned<ThirtyFiveGameRecord>,
  change: (current: ThirtyFiveGameRecord) => Result<ThirtyFiveGameRecord | 'unchanged'>,
): Promise<Result<ThirtyFiveGameRecord>> {
  let current = first;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const next = change(current.value);
    if (!next.ok) return next;
    if (next.value === 'unchanged') return ok(current.value);
    const saved = await deps.store.thirtyFiveGames.update({ ...next.value, updatedAt: deps.clock.now().toISOString() }, current.etag);
    if (saved.ok) return ok(saved.value.value);
    if (saved.error.code !== 'CONFLICT') return saved;
    const fresh = await deps.store.thirtyFiveGames.get(current.value.communityId, current.value.gameId);
    if (!fresh) return fail('GAME_NOT_FOUND', 'This Thirty Five game no longer exists.');
    current = fresh;
  }
  return fail('CONFLICT', 'This game is being changed by someone else right now; try again.');
}

/** Splits as a canonical, comparable list. */
export const splitKey = (s: { round: number; pair: number; points: readonly number[] }) => `${s.round}:${s.pair}:${s.points[0]}-${s.points[1]}`;
export const sortSplits = <T extends { round: number; pair: number }>(splits: readonly T[]): T[] =>
  [...splits].sort((a, b) => a.round - b.round || a.pair - b.pair);
