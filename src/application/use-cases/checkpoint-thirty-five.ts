import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { tryScoreThirtyFive, type PairRef, type ThirtyFiveGameRecord } from '../../domain/thirty-five';
import type { AppDeps } from '../deps';
import { loadGame, sortSplits, splitKey, updateGame } from '../thirty-five-games';

export interface CheckpointInput {
  readonly communityId: string;
  readonly gameId: string;
  /** Rounds closed so far: the checkpoint covers rounds 0 … roundsClosed − 1. */
  readonly roundsClosed: number;
  /** `finished` after the last round. */
  readonly phase: 'playing' | 'finished';
  readonly splits: readonly { round: number; pair: number; points: readonly [number, number] }[];
  readonly closedPairs: readonly PairRef[];
}

/**
 * At every round's close the facilitator's page saves the game: the agreed splits and closed pairs of
 * the closed rounds, checked against the server's own plan with the rules engine. A checkpoint never
 * goes back: a closed round's splits cannot change, and fewer closed rounds than stored is refused.
 * Repeating the same checkpoint changes nothing. Store round trips: 2 (access) + 1 (game) + 1 (write).
 */
export async function checkpointThirtyFive(deps: AppDeps, who: Principal, input: CheckpointInput): Promise<Result<ThirtyFiveGameRecord>> {
  const loaded = await loadGame(deps, who, input, 'facilitator');
  if (!loaded.ok) return loaded;
  return updateGame(deps, loaded.value, (g) => {
    if (g.status === 'committed') return fail('CONFLICT', 'This game is committed: its rounds cannot change.');
    if (!g.plan || g.status === 'writing') return fail('VALIDATION_FAILED', 'Deal the cards before closing a round.');
    const rounds = g.plan.rounds.length;
    if (input.roundsClosed < g.roundsClosed) {
      return fail('CONFLICT', `Rounds 1 to ${g.roundsClosed} are already saved; a checkpoint cannot go back to ${input.roundsClosed}.`);
    }
    if (input.roundsClosed > rounds) return fail('VALIDATION_FAILED', `The game has ${rounds} rounds.`);
    if (input.phase === 'finished' && input.roundsClosed !== rounds) return fail('VALIDATION_FAILED', `Finish after the last round (${rounds}); ${input.roundsClosed} are closed.`);
    if (g.status === 'finished' && input.phase === 'playing') return fail('CONFLICT', 'This game is finished.');
    const late = input.splits.find((s) => s.round >= input.roundsClosed) ?? input.closedPairs.find((p) => p.round >= input.roundsClosed);
    if (late) return fail('VALIDATION_FAILED', `Round ${late.round + 1} is not closed: it cannot be saved yet.`);
    const scored = tryScoreThirtyFive(g.plan, input.splits);
    if (!scored.ok) return scored;
    for (const p of input.closedPairs) {
      if (!g.plan.rounds[p.round]?.pairs[p.pair]) return fail('VALIDATION_FAILED', `Round ${p.round + 1} has no pair ${p.pair + 1}.`);
      if (input.splits.some((s) => s.round === p.round && s.pair === p.pair)) {
        return fail('VALIDATION_FAILED', `Round ${p.round + 1} pair ${p.pair + 1} is both agreed and closed.`);
      }
    }
    const submitted = new Set(input.splits.map(splitKey));
    const changed = g.splits.find((s) => !submitted.has(splitKey(s)));
    if (changed) return fail('CONFLICT', `Round ${changed.round + 1} is saved with another split for pair ${changed.pair + 1}; a closed round cannot change.`);
    const splits = sortSplits(input.splits.map((s) => ({ round: s.round, pair: s.pair, points: [s.points[0], s.points[1]] as [number, number] })));
    const closedPairs = sortSplits(input.closedPairs.map((p) => ({ round: p.round, pair: p.pair })));
    const status = input.phase;
    if (g.roundsClosed === input.roundsClosed && g.status === status && g.splits.length === splits.length && g.closedPairs.length === closedPairs.length) {
      return ok('unchanged');
    }
    return ok({ ...g, status, roundsClosed: input.roundsClosed, splits, closedPairs });
  });
}
