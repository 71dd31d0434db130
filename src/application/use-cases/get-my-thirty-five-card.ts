import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import type { AnonymousCard } from '../../domain/thirty-five';
import type { AppDeps } from '../deps';
import { loadGame } from '../thirty-five-games';

/**
 * A member's own card of a game (or null): the only authorship a member learns
 * (docs/adr/0023-anonymous-thirty-five-cards.md). Store round trips: 2 (access) + 1 (game).
 */
export async function getMyThirtyFiveCard(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; gameId: string },
): Promise<Result<AnonymousCard | null>> {
  const loaded = await loadGame(deps, who, input, 'member');
  if (!loaded.ok) return loaded;
  const own = loaded.value.value.cards.find((c) => c.authorId === who.userId);
  return ok(own ? { id: own.id, title: own.title, description: own.description } : null);
}
