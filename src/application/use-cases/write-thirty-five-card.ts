import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { type AnonymousCard, checkCardText, type ThirtyFiveGameRecord } from '../../domain/thirty-five';
import type { AppDeps } from '../deps';
import { loadGame, updateGame } from '../thirty-five-games';

/** Is this card in the game's deal (any round)? */
const isDealt = (g: ThirtyFiveGameRecord, cardId: string) =>
  !!g.plan?.rounds.some((r) => r.bye?.card === cardId || r.pairs.some((p) => p.cards.includes(cardId)));

/**
 * A member writes (or rewrites) their own card, server first (docs/adr/0023-anonymous-thirty-five-cards.md):
 * the record keeps it with its author under an opaque per-game card id (random, not derived from the
 * user id); the client then shows it in the live tree under that id, with no author. One card per person:
 * a rewrite replaces one's own card and keeps its id. Cards are written while the game collects them, or
 * after the deal by a late joiner (dealt in by a re-deal); a dealt card no longer changes.
 * Store round trips: 2 (access) + 1 (game) + 1 (write).
 */
export async function writeThirtyFiveCard(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; gameId: string; title: string; description?: string },
): Promise<Result<AnonymousCard>> {
  const loaded = await loadGame(deps, who, input, 'member');
  if (!loaded.ok) return loaded;
  const text = checkCardText(input.title, input.description);
  if (!text.ok) return text;
  const newId = `c-${deps.ids.newId()}`;
  let written: AnonymousCard | undefined;
  const saved = await updateGame(deps, loaded.value, (g) => {
    if (g.status !== 'writing' && g.status !== 'playing')
      return fail('VALIDATION_FAILED', 'The game is over: cards can no longer be written.');
    const own = g.cards.find((c) => c.authorId === who.userId);
    if (own && isDealt(g, own.id))
      return fail('VALIDATION_FAILED', 'Your card is already dealt: it can no longer be changed.');
    const card = { id: own?.id ?? newId, authorId: who.userId, ...text.value };
    written = { id: card.id, title: card.title, description: card.description };
    return ok({ ...g, cards: [...g.cards.filter((c) => c.authorId !== who.userId), card] });
  });
  if (!saved.ok) return saved;
  return written ? ok(written) : fail('CONFLICT', 'The card was not saved; try again.');
}
