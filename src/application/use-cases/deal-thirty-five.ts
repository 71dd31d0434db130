import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import {
  tryPlanThirtyFive,
  tryReplanFromRound,
  type GameCard,
  type ThirtyFiveGameRecord,
} from '../../domain/thirty-five';
import type { AppDeps } from '../deps';
import { loadGame, updateGame } from '../thirty-five-games';

const sameCards = (a: readonly GameCard[], b: readonly GameCard[]) => {
  const key = (cs: readonly GameCard[]) =>
    JSON.stringify([...cs].map((c) => [c.id, c.authorId, c.title, c.description]).sort());
  return key(a) === key(b);
};

/** Every author must be a member of the community (a card from nobody cannot be dealt). */
async function checkAuthors(deps: AppDeps, communityId: string, cards: readonly GameCard[]): Promise<Result<void>> {
  const members = new Set((await deps.store.memberships.listByCommunity(communityId)).map((m) => m.value.userId));
  const strangers = cards.filter((c) => !members.has(c.authorId));
  if (strangers.length) {
    return fail(
      'VALIDATION_FAILED',
      `Cards can only be dealt for members of the community; not members: ${strangers.map((c) => c.authorId).join(', ')}.`,
    );
  }
  return ok(undefined);
}

/**
 * The facilitator deals: the server plans the game from the written cards and the game's seed with
 * the rules engine, and keeps the plan. Repeating the same deal returns the same plan; another deal
 * of a dealt game is refused. Store round trips: 2 (access) + 1 (game) + 1 (members) + 1 (write).
 */
export async function dealThirtyFive(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; gameId: string; cards: readonly GameCard[] },
): Promise<Result<ThirtyFiveGameRecord>> {
  const loaded = await loadGame(deps, who, input, 'facilitator');
  if (!loaded.ok) return loaded;
  if (loaded.value.value.status !== 'writing') {
    const g = loaded.value.value;
    return g.plan && sameCards(g.cards, input.cards)
      ? ok(g)
      : fail('CONFLICT', 'The cards of this game are already dealt.');
  }
  const authors = await checkAuthors(deps, input.communityId, input.cards);
  if (!authors.ok) return authors;
  return updateGame(deps, loaded.value, (g) => {
    if (g.status !== 'writing')
      return g.plan && sameCards(g.cards, input.cards)
        ? ok('unchanged')
        : fail('CONFLICT', 'The cards of this game are already dealt.');
    const plan = tryPlanThirtyFive({
      participants: input.cards.map((c) => c.authorId),
      cards: input.cards.map((c) => ({ id: c.id, authorId: c.authorId })),
      rounds: g.plannedRounds,
      seed: g.seed,
    });
    if (!plan.ok) return plan;
    return ok({ ...g, status: 'playing', cards: [...input.cards], plan: plan.value, roundsClosed: 0 });
  });
}

/**
 * Between rounds, the facilitator re-deals the rest of the game for the people who play on (someone
 * left, someone joined late with a new card). Rounds already closed are kept as they were; a dealt
 * card keeps its text; a leaver's card stays in the record for the rounds it was played in.
 */
export async function redealThirtyFive(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; gameId: string; fromRound: number; cards: readonly GameCard[] },
): Promise<Result<ThirtyFiveGameRecord>> {
  const loaded = await loadGame(deps, who, input, 'facilitator');
  if (!loaded.ok) return loaded;
  const authors = await checkAuthors(deps, input.communityId, input.cards);
  if (!authors.ok) return authors;
  return updateGame(deps, loaded.value, (g) => {
    if (g.status !== 'playing' || !g.plan)
      return fail('VALIDATION_FAILED', 'Only a game being played can be re-dealt.');
    if (input.fromRound !== g.roundsClosed) {
      return fail(
        'VALIDATION_FAILED',
        `Re-deal from the next round to play (round ${g.roundsClosed + 1}); closed rounds stay as played.`,
      );
    }
    const known = new Map(g.cards.map((c) => [c.id, c]));
    const byAuthor = new Map(g.cards.map((c) => [c.authorId, c]));
    for (const c of input.cards) {
      const was = known.get(c.id);
      if (was && (was.authorId !== c.authorId || was.title !== c.title || was.description !== c.description)) {
        return fail(
          'VALIDATION_FAILED',
          `Card ${c.id} was dealt with another text or author; a dealt card cannot change.`,
        );
      }
      const authorsCard = byAuthor.get(c.authorId);
      if (!was && authorsCard) return fail('VALIDATION_FAILED', `${c.authorId} already has a card in this game.`);
    }
    const plan = tryReplanFromRound(g.plan, input.fromRound, {
      participants: input.cards.map((c) => c.authorId),
      cards: input.cards.map((c) => ({ id: c.id, authorId: c.authorId })),
      rounds: g.plan.rounds.length,
      seed: `${g.seed}:${input.fromRound}`,
    });
    if (!plan.ok) return plan;
    const cards = [...g.cards, ...input.cards.filter((c) => !known.has(c.id))];
    return ok({ ...g, cards, plan: plan.value });
  });
}
