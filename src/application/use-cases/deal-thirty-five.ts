import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { tryPlanThirtyFive, tryReplanFromRound, type ThirtyFiveGameRecord } from '../../domain/thirty-five';
import type { AppDeps } from '../deps';
import { loadGame, updateGame } from '../thirty-five-games';

/** Only cards of members are dealt (a card from someone who left the community is left out). */
async function membersOf(deps: AppDeps, communityId: string): Promise<Set<string>> {
  return new Set((await deps.store.memberships.listByCommunity(communityId)).map((m) => m.value.userId));
}

/**
 * The facilitator deals: the server plans the game from the cards it stored (written server first,
 * docs/adr/0023-anonymous-thirty-five-cards.md) and the game's seed with the rules engine, and keeps
 * the plan; it knows the authors, so nobody holds their own card. Repeating a deal of a dealt game
 * returns its plan. Store round trips: 2 (access) + 1 (game) + 1 (members) + 1 (write).
 */
export async function dealThirtyFive(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; gameId: string },
): Promise<Result<ThirtyFiveGameRecord>> {
  const loaded = await loadGame(deps, who, input, 'facilitator');
  if (!loaded.ok) return loaded;
  const dealtAlready = (g: ThirtyFiveGameRecord) =>
    g.plan ? ok(g) : fail('CONFLICT', 'The cards of this game are already dealt.');
  if (loaded.value.value.status !== 'writing') return dealtAlready(loaded.value.value);
  const members = await membersOf(deps, input.communityId);
  return updateGame(deps, loaded.value, (g) => {
    if (g.status !== 'writing') {
      const was = dealtAlready(g);
      return was.ok ? ok('unchanged') : was;
    }
    const cards = g.cards.filter((c) => members.has(c.authorId));
    if (cards.length < 2) return fail('VALIDATION_FAILED', 'At least two cards are needed to deal.');
    const plan = tryPlanThirtyFive({
      participants: cards.map((c) => c.authorId),
      cards: cards.map((c) => ({ id: c.id, authorId: c.authorId })),
      rounds: g.plannedRounds,
      seed: g.seed,
    });
    if (!plan.ok) return plan;
    return ok({ ...g, status: 'playing', cards, plan: plan.value, roundsClosed: 0 });
  });
}

/**
 * Between rounds, the facilitator re-deals the rest of the game for the people who play on (someone
 * left, someone joined late with a new card). The request names only who plays on; their cards are
 * the ones the server stored (a person without a card is left out). Rounds already closed are kept as
 * they were; a leaver's card stays in the record for the rounds it was played in.
 */
export async function redealThirtyFive(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; gameId: string; fromRound: number; players: readonly string[] },
): Promise<Result<ThirtyFiveGameRecord>> {
  const loaded = await loadGame(deps, who, input, 'facilitator');
  if (!loaded.ok) return loaded;
  const members = await membersOf(deps, input.communityId);
  const playing = new Set(input.players.filter((p) => members.has(p)));
  return updateGame(deps, loaded.value, (g) => {
    if (g.status !== 'playing' || !g.plan)
      return fail('VALIDATION_FAILED', 'Only a game being played can be re-dealt.');
    if (input.fromRound !== g.roundsClosed) {
      return fail(
        'VALIDATION_FAILED',
        `Re-deal from the next round to play (round ${g.roundsClosed + 1}); closed rounds stay as played.`,
      );
    }
    const cards = g.cards.filter((c) => playing.has(c.authorId));
    if (cards.length < 2) return fail('VALIDATION_FAILED', 'At least two people with a card must play on.');
    const plan = tryReplanFromRound(g.plan, input.fromRound, {
      participants: cards.map((c) => c.authorId),
      cards: cards.map((c) => ({ id: c.id, authorId: c.authorId })),
      rounds: g.plan.rounds.length,
      seed: `${g.seed}:${input.fromRound}`,
    });
    if (!plan.ok) return plan;
    return ok({ ...g, plan: plan.value });
  });
}
