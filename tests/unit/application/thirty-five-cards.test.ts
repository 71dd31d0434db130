/**
 * Anonymous Thirty Five cards (issue 9, docs/adr/0023-anonymous-thirty-five-cards.md), on the embedded
 * store in memory: a card is written by its author through the server, stored with the author under an
 * opaque per-game id, one per person (a rewrite replaces one's own); the deal and the re-deal are made
 * from the stored cards, and the commit's topics are proposed by the real authors.
 */
import type { AppDeps } from '../../../src/application/deps';
import { checkpointThirtyFive } from '../../../src/application/use-cases/checkpoint-thirty-five';
import { commitThirtyFive } from '../../../src/application/use-cases/commit-thirty-five';
import { dealThirtyFive, redealThirtyFive } from '../../../src/application/use-cases/deal-thirty-five';
import { getMyThirtyFiveCard } from '../../../src/application/use-cases/get-my-thirty-five-card';
import { joinCommunity } from '../../../src/application/use-cases/join-community';
import { openThirtyFiveRound } from '../../../src/application/use-cases/open-thirty-five-round';
import { writeThirtyFiveCard } from '../../../src/application/use-cases/write-thirty-five-card';
import { CARD_LIMITS } from '../../../src/domain/thirty-five';
import { code, thirtyFiveWorld, value, who } from '../../fixtures/use-case-world';

const names = ['alex', 'bea', 'chen', 'dara'];

let deps: AppDeps;
let communityId: string;
let gameId: string;
beforeEach(async () => {
  ({ deps, communityId, gameId } = await thirtyFiveWorld(names));
});

const write = (userId: string, title: string, description?: string) =>
  writeThirtyFiveCard(deps, who(userId), {
    communityId,
    gameId,
    title,
    ...(description !== undefined ? { description } : {}),
  });
/** Opens and closes both rounds (no splits) and finishes the game. */
async function playBothRounds() {
  for (const round of [0, 1]) {
    value(await openThirtyFiveRound(deps, who('alex'), { communityId, gameId, round, minutes: 0 }));
    const phase = round === 1 ? 'finished' : 'playing';
    value(await checkpointThirtyFive(deps, who('alex'), { communityId, gameId, roundsClosed: round + 1, phase }));
  }
}
const storedCards = async () => (await deps.store.thirtyFiveGames.get(communityId, gameId))!.value.cards;

describe('writing a card (server first)', () => {
  it('stores it with its author under an opaque id that is not the user id, and answers with no author', async () => {
    const card = value(await write('bea', '  Remote   retros ', 'how we run them'));
    expect(card).toEqual({ id: expect.stringMatching(/^c-/), title: 'Remote retros', description: 'how we run them' });
    expect(card).not.toHaveProperty('authorId');
    expect(card.id).not.toContain('bea');
    expect(await storedCards()).toEqual([{ ...card, authorId: 'bea' }]);
    expect(value(await getMyThirtyFiveCard(deps, who('bea'), { communityId, gameId }))).toEqual(card);
    expect(value(await getMyThirtyFiveCard(deps, who('chen'), { communityId, gameId }))).toBeNull();
  });

  it('a rewrite replaces one’s own card and keeps its id (one card per person)', async () => {
    const first = value(await write('bea', 'Remote retros'));
    value(await write('chen', 'Estimation'));
    const again = value(await write('bea', 'Remote retros that work', 'really'));
    expect(again.id).toBe(first.id);
    const cards = await storedCards();
    expect(cards).toHaveLength(2);
    expect(cards.find((c) => c.authorId === 'bea')).toMatchObject({ id: first.id, title: 'Remote retros that work' });
  });

  it('is refused to a non-member and to another tenant, and nothing is stored', async () => {
    expect(code(await write('mallory', 'Sneaky'))).toBe('NOT_A_MEMBER');
    expect(
      code(await writeThirtyFiveCard(deps, who('bea', 'tenant-b'), { communityId, gameId, title: 'Elsewhere' })),
    ).not.toBe('OK');
    expect(await storedCards()).toEqual([]);
  });

  it('refuses an over-long title or description, or an empty title, with a clear message', async () => {
    const long = await write('bea', 'x'.repeat(CARD_LIMITS.title + 1));
    expect(code(long)).toBe('VALIDATION_FAILED');
    expect(long.ok ? '' : long.error.message).toMatch(/at most 80 characters/);
    expect(code(await write('bea', 'Fine', 'y'.repeat(CARD_LIMITS.description + 1)))).toBe('VALIDATION_FAILED');
    expect(code(await write('bea', '   '))).toBe('VALIDATION_FAILED');
    expect(await storedCards()).toEqual([]);
  });

  it('is refused once the game is over, and a dealt card no longer changes (wrong phase)', async () => {
    for (const u of names) value(await write(u, `Topic of ${u}`));
    value(await dealThirtyFive(deps, who('alex'), { communityId, gameId }));
    const dealt = await write('bea', 'Changed my mind');
    expect(code(dealt)).toBe('VALIDATION_FAILED');
    expect(dealt.ok ? '' : dealt.error.message).toMatch(/already dealt/);
    await playBothRounds();
    await joinCommunity(deps, who('eli'), { communityId });
    const late = await write('eli', 'Too late');
    expect(code(late)).toBe('VALIDATION_FAILED');
    expect(late.ok ? '' : late.error.message).toMatch(/game is over/);
    expect((await storedCards()).map((c) => c.authorId).sort()).toEqual(names);
  });
});

describe('the deal from the stored cards', () => {
  it('deals the stored cards (nobody holds their own), and the commit credits the real authors', async () => {
    for (const u of names) value(await write(u, `Topic of ${u}`));
    const game = value(await dealThirtyFive(deps, who('alex'), { communityId, gameId }));
    const authorOf = new Map(game.cards.map((c) => [c.id, c.authorId]));
    for (const r of game.plan!.rounds)
      for (const p of r.pairs) {
        expect(authorOf.get(p.cards[0])).not.toBe(p.holders[0]);
        expect(authorOf.get(p.cards[1])).not.toBe(p.holders[1]);
      }
    expect(game.plan!.rounds.flatMap((r) => r.pairs.flatMap((p) => [...p.cards])).every((id) => authorOf.has(id))).toBe(
      true,
    );
    await playBothRounds();
    const committed = value(await commitThirtyFive(deps, who('alex'), { communityId, gameId, merges: [] }));
    expect(committed.topics.map((t) => t.proposedBy).sort()).toEqual(names);
  });

  it('needs two stored cards, and only a facilitator deals', async () => {
    value(await write('bea', 'Alone'));
    expect(code(await dealThirtyFive(deps, who('alex'), { communityId, gameId }))).toBe('VALIDATION_FAILED');
    value(await write('chen', 'Not alone'));
    expect(code(await dealThirtyFive(deps, who('bea'), { communityId, gameId }))).toBe('FORBIDDEN');
    expect(code(await dealThirtyFive(deps, who('alex'), { communityId, gameId }))).toBe('OK');
  });

  it("re-deals the stored cards of who plays on, a late joiner's new card included", async () => {
    for (const u of names) value(await write(u, `Topic of ${u}`));
    value(await dealThirtyFive(deps, who('alex'), { communityId, gameId }));
    await joinCommunity(deps, who('eli'), { communityId });
    const late = value(await write('eli', 'Late topic'));
    const players = ['alex', 'bea', 'chen', 'eli']; // dara left
    const game = value(await redealThirtyFive(deps, who('alex'), { communityId, gameId, fromRound: 0, players }));
    const next = game.plan!.rounds[0]!;
    const dealt = [...next.pairs.flatMap((p) => [...p.cards]), ...(next.bye ? [next.bye.card] : [])];
    expect(dealt).toContain(late.id);
    expect(next.pairs.flatMap((p) => [...p.holders]).sort()).toEqual([...players].sort());
  });
});
