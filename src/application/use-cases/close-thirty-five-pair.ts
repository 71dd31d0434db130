import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { roundCheckpoint, type ThirtyFiveGameRecord } from '../../domain/thirty-five';
import type { AppDeps } from '../deps';
import { loadGame, sortSplits, updateGame } from '../thirty-five-games';

/**
 * The facilitator closes a stuck pair of the open round (a partner left, or they cannot agree): its
 * two cards go unscored this round and the server takes no more splits for it. A pair whose stored
 * splits agree cannot be closed. Store round trips: 2 (access) + 1 (game) + 1 (choices) + 1 (write).
 */
export async function closeThirtyFivePair(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; gameId: string; round: number; pair: number },
): Promise<Result<ThirtyFiveGameRecord>> {
  const loaded = await loadGame(deps, who, input, 'facilitator');
  if (!loaded.ok) return loaded;
  const g0 = loaded.value.value;
  const choices = g0.plan
    ? await deps.store.thirtyFiveChoices.listForRound(g0.communityId, g0.gameId, input.round)
    : [];
  return updateGame(deps, loaded.value, (g) => {
    const r = input.round + 1;
    if (g.status !== 'playing' || !g.plan || !g.scoring?.open || g.scoring.round !== input.round) {
      return fail('CONFLICT', 'Only a pair of the open round can be closed.');
    }
    if (!g.plan.rounds[input.round]?.pairs[input.pair])
      return fail('VALIDATION_FAILED', `Round ${r} has no pair ${input.pair + 1}.`);
    if (g.closedPairs.some((p) => p.round === input.round && p.pair === input.pair)) return ok('unchanged');
    if (roundCheckpoint(g.plan, input.round, choices, []).splits.some((s) => s.pair === input.pair)) {
      return fail('CONFLICT', 'That pair has agreed; its split counts.');
    }
    return ok({ ...g, closedPairs: sortSplits([...g.closedPairs, { round: input.round, pair: input.pair }]) });
  });
}
