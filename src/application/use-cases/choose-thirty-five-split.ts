import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import { checkBallot, type SplitBallot, type SplitChoice } from '../../domain/thirty-five';
import type { AppDeps } from '../deps';
import { loadGame } from '../thirty-five-games';

/**
 * A participant casts their split for their pair in the open round. The server checks it against
 * what it stored (docs/adr/0017-votes-the-server-vouches-for.md): the caller is a member and one of
 * the pair's two holders in the server's own plan (seat), the round is the one the facilitator
 * opened (phase), the pair is not closed, and the split is valid. It stores one entry per person and
 * round, replacing the caller's own earlier one; only then does the client show it live.
 * Store round trips: 2 (access) + 1 (game) + 1–3 (the person's own choice document).
 */
export async function chooseThirtyFiveSplit(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; gameId: string } & SplitBallot,
): Promise<Result<SplitChoice>> {
  const loaded = await loadGame(deps, who, input, 'member');
  if (!loaded.ok) return loaded;
  const game = loaded.value.value;
  const checked = checkBallot(game, who.userId, input);
  if (!checked.ok) return checked;
  const choice = checked.value;
  const stored = await deps.store.thirtyFiveChoices.put({
    ...choice,
    communityId: game.communityId,
    gameId: game.gameId,
    at: deps.clock.now().toISOString(),
  });
  if (!stored.ok) return stored;
  return ok(choice);
}
