import { prioritiseFromGame, type Topic } from '../../domain/backlog';
import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import {
  checkMerges,
  rankWithMerges,
  sameResult,
  tryScoreThirtyFive,
  type CardMerge,
  type RankedCard,
  type ThirtyFiveGameRecord,
} from '../../domain/thirty-five';
import type { AppDeps } from '../deps';
import type { Versioned } from '../ports';
import { loadGame, updateGame } from '../thirty-five-games';
import { applyToTopics } from '../topic-writes';

export interface CommitInput {
  readonly communityId: string;
  readonly gameId: string;
  readonly merges: readonly CardMerge[];
  /** What the facilitator's screen shows as the result, if sent: refused when it is not what the record says. */
  readonly result?: readonly RankedCard[] | undefined;
}

/** The backlog topic a ranked card becomes: the same id on every attempt, so a retry creates nothing twice. */
export const topicIdForCard = (gameId: string, cardId: string) => `${gameId}.${cardId}`;

/**
 * The result becomes the community's prioritised backlog, in one idempotent step. The server scores
 * the splits it saved at each round's close (never a client's) with the rules engine against its own
 * plan, applies the facilitator's merges, and refuses a shown result that does not follow
 * (RESULT_MISMATCH: the screen is out of date; reload). Each
 * ranked card (with the cards merged into it) becomes a prioritised topic ranked by the game;
 * topics prioritised before keep their order below them. A second commit returns the first one.
 * Store round trips: 2 (access) + 1 (game) + applyToTopics (1 query + one write per new or re-ranked topic) + 1 (game).
 */
export async function commitThirtyFive(
  deps: AppDeps,
  who: Principal,
  input: CommitInput,
): Promise<Result<{ game: ThirtyFiveGameRecord; topics: Topic[] }>> {
  const loaded = await loadGame(deps, who, input, 'facilitator');
  if (!loaded.ok) return loaded;
  const g = loaded.value.value;
  if (g.status === 'committed') return ok({ game: g, topics: await topicsOf(deps, g) });
  if (g.status !== 'finished' || !g.plan)
    return fail('VALIDATION_FAILED', 'Finish the game (close its last round) before committing its result.');

  const merges = checkMerges(
    g.cards.map((c) => c.id),
    input.merges,
  );
  if (!merges.ok) return merges;
  const scored = tryScoreThirtyFive(g.plan, g.splits);
  if (!scored.ok) return scored;
  const result = rankWithMerges(scored.value, input.merges);
  if (input.result && !sameResult(input.result, result)) {
    return fail(
      'RESULT_MISMATCH',
      'The result shown is not what the saved rounds say; nothing was committed. Reload the game and try again.',
    );
  }

  const topicIds = await writeTopics(deps, who, g, result);
  if (!topicIds.ok) return topicIds;
  const committed = await updateGame(deps, loaded.value, (current) =>
    current.status === 'committed'
      ? ok('unchanged')
      : ok({
          ...current,
          status: 'committed',
          merges: [...input.merges],
          result,
          committed: { at: deps.clock.now().toISOString(), topicIds: topicIds.value },
        }),
  );
  if (!committed.ok) return committed;
  return ok({ game: committed.value, topics: await topicsOf(deps, committed.value) });
}

async function writeTopics(
  deps: AppDeps,
  who: Principal,
  g: ThirtyFiveGameRecord,
  result: readonly RankedCard[],
): Promise<Result<string[]>> {
  const cards = new Map(g.cards.map((c) => [c.id, c]));
  const now = deps.clock.now().toISOString();
  const ranked: Topic[] = [];
  for (const line of result) {
    const card = cards.get(line.cardId);
    if (!card) return fail('VALIDATION_FAILED', `Card ${line.cardId} is not in this game.`);
    const also = line.mergedCardIds.map((m) => cards.get(m)?.title).filter((t): t is string => !!t);
    const description = [card.description, also.length ? `Merged with: ${also.join('; ')}` : '']
      .filter(Boolean)
      .join('\n\n');
    const score = {
      normalized: line.normalized,
      roundsScored: line.roundsScored,
      outOf: 7 * (g.plan?.rounds.length ?? g.plannedRounds),
      cards: 1 + line.mergedCardIds.length,
    };
    ranked.push({
      id: topicIdForCard(g.gameId, line.cardId),
      communityId: g.communityId,
      tenantId: who.tenantId,
      title: card.title,
      description: description.slice(0, 2000),
      state: 'prioritised',
      rank: ranked.length + 1,
      score,
      ownerId: null,
      proposedBy: card.authorId,
      proposedAt: now,
      supporters: [],
      sessionIds: [],
    });
  }
  // The game's result on top; topics prioritised earlier keep their order below it (one backlog write, retried as one).
  const written = await applyToTopics(deps, g.communityId, (topics) => ok(prioritiseFromGame(topics, ranked)));
  return written.ok ? ok(ranked.map((t) => t.id)) : written;
}

async function topicsOf(deps: AppDeps, g: ThirtyFiveGameRecord): Promise<Topic[]> {
  const ids = g.committed?.topicIds ?? [];
  const found = await Promise.all(ids.map((id) => deps.store.topics.get(g.communityId, id)));
  return found.filter((t): t is Versioned<Topic> => !!t).map((t) => t.value);
}
