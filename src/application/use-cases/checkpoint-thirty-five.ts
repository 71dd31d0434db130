import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { roundCheckpoint, type ThirtyFiveGameRecord } from '../../domain/thirty-five';
import type { AppDeps } from '../deps';
import type { Versioned } from '../ports';
import { loadGame, sortSplits, updateGame } from '../thirty-five-games';

export interface CheckpointInput {
  readonly communityId: string;
  readonly gameId: string;
  /** Rounds closed after this step: `roundsClosed − 1` is the round to close now (or the last one closed). */
  readonly roundsClosed: number;
  /** `finished` after the last round. */
  readonly phase: 'playing' | 'finished';
}

/**
 * The facilitator closes the open round (and, after the last one, finishes the game). The server
 * computes what the round saves from the splits it stored, never from a client's tree: the pairs
 * whose two holders stored the same split count, pairs it closed stay unscored. The close first marks
 * the round as closing (no split is taken after that), then reads the round's splits, then saves, so
 * a split the server accepted before the close is never left out. A checkpoint never goes back;
 * repeating it changes nothing.
 * Store round trips: 2 (access) + 1 (game) + 1 (closing) + 1 (choices) + 1 (game) + 1 (write).
 */
export async function checkpointThirtyFive(
  deps: AppDeps,
  who: Principal,
  input: CheckpointInput,
): Promise<Result<ThirtyFiveGameRecord>> {
  const loaded = await loadGame(deps, who, input, 'facilitator');
  if (!loaded.ok) return loaded;
  const g = loaded.value.value;
  const refused = checkOrder(g, input);
  if (refused) return refused;
  if (input.roundsClosed === g.roundsClosed) {
    // Nothing to close: finishing after the last round, or a repeated checkpoint.
    return updateGame(deps, loaded.value, (cur) => {
      const again = checkOrder(cur, input);
      if (again) return again;
      return input.phase === 'finished' && cur.status !== 'finished'
        ? ok({ ...cur, status: 'finished', scoring: null })
        : ok('unchanged');
    });
  }
  const round = g.roundsClosed;
  if (g.scoring?.round !== round)
    return fail('CONFLICT', `Round ${round + 1} was never opened: open it before closing it.`);

  // 1. No split is taken for the round from now on.
  let current: Versioned<ThirtyFiveGameRecord> = loaded.value;
  if (g.scoring.open) {
    const closing = await updateGame(deps, current, (cur) => {
      if (cur.roundsClosed !== round || cur.scoring?.round !== round || !cur.scoring.open) return ok('unchanged');
      return ok({ ...cur, scoring: { ...cur.scoring, open: false } });
    });
    if (!closing.ok) return closing;
    const fresh = await deps.store.thirtyFiveGames.get(g.communityId, g.gameId);
    if (!fresh) return fail('GAME_NOT_FOUND', 'This Thirty Five game no longer exists.');
    current = fresh;
  }
  // 2. What the server stored for the round. 3. Saved as the round's checkpoint.
  const choices = await deps.store.thirtyFiveChoices.listForRound(g.communityId, g.gameId, round);
  return updateGame(deps, current, (cur) => {
    if (cur.roundsClosed > round) return ok('unchanged'); // a concurrent close saved it already
    const again = checkOrder(cur, input);
    if (again) return again;
    if (!cur.plan) return fail('VALIDATION_FAILED', 'Deal the cards before closing a round.');
    const saved = roundCheckpoint(cur.plan, round, choices, cur.closedPairs);
    return ok({
      ...cur,
      status: input.phase,
      roundsClosed: round + 1,
      splits: sortSplits([...cur.splits.filter((s) => s.round !== round), ...saved.splits]),
      closedPairs: sortSplits([...cur.closedPairs.filter((p) => p.round !== round), ...saved.closedPairs]),
      scoring: { round, open: false, endsAt: null },
    });
  });
}

/** Is this checkpoint in order for the stored game (forward only, one round at a time, finish last)? */
function checkOrder(g: ThirtyFiveGameRecord, input: CheckpointInput): Result<never> | undefined {
  if (g.status === 'committed') return fail('CONFLICT', 'This game is committed: its rounds cannot change.');
  if (!g.plan || g.status === 'writing') return fail('VALIDATION_FAILED', 'Deal the cards before closing a round.');
  const rounds = g.plan.rounds.length;
  if (input.roundsClosed < g.roundsClosed) {
    return fail(
      'CONFLICT',
      `Rounds 1 to ${g.roundsClosed} are already saved; a checkpoint cannot go back to ${input.roundsClosed}.`,
    );
  }
  if (input.roundsClosed > rounds) return fail('VALIDATION_FAILED', `The game has ${rounds} rounds.`);
  if (input.roundsClosed > g.roundsClosed + 1)
    return fail('VALIDATION_FAILED', `Close round ${g.roundsClosed + 1} first.`);
  if (input.phase === 'finished' && input.roundsClosed !== rounds) {
    return fail('VALIDATION_FAILED', `Finish after the last round (${rounds}); ${input.roundsClosed} are closed.`);
  }
  if (g.status === 'finished' && input.phase === 'playing') return fail('CONFLICT', 'This game is finished.');
  return undefined;
}
