import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { ROUND_TIMER_MAX_MINUTES, type ThirtyFiveGameRecord } from '../../domain/thirty-five';
import type { AppDeps } from '../deps';
import { loadGame, updateGame } from '../thirty-five-games';

/**
 * The facilitator opens the next round for scoring: the record holds which round is open (the
 * server accepts splits for it only) and its timer. Opening the open round again changes nothing.
 * Store round trips: 2 (access) + 1 (game) + 1 (write).
 */
export async function openThirtyFiveRound(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; gameId: string; round: number; minutes: number },
): Promise<Result<ThirtyFiveGameRecord>> {
  if (!Number.isInteger(input.minutes) || input.minutes < 0 || input.minutes > ROUND_TIMER_MAX_MINUTES) {
    return fail('VALIDATION_FAILED', `A round timer is 0 to ${ROUND_TIMER_MAX_MINUTES} minutes.`);
  }
  const loaded = await loadGame(deps, who, input, 'facilitator');
  if (!loaded.ok) return loaded;
  const now = deps.clock.now();
  return updateGame(deps, loaded.value, (g) => {
    const r = input.round + 1;
    if (g.status !== 'playing' || !g.plan) return fail('CONFLICT', 'Deal the cards before opening a round.');
    if (g.scoring?.round === input.round && g.scoring.open) return ok('unchanged');
    if (input.round !== g.roundsClosed)
      return fail('CONFLICT', `The next round to play is round ${g.roundsClosed + 1}, not round ${r}.`);
    if (input.round >= g.plan.rounds.length)
      return fail('CONFLICT', `All ${g.plan.rounds.length} rounds are played: finish the game.`);
    if (g.scoring?.round === input.round) return fail('CONFLICT', `Round ${r} is being closed.`);
    const endsAt = input.minutes > 0 ? new Date(now.getTime() + input.minutes * 60_000).toISOString() : null;
    return ok({ ...g, scoring: { round: input.round, open: true, endsAt } });
  });
}
