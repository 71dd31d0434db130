/**
 * The Thirty Five API over real HTTP with the embedded store: a facilitator starts, deals, saves each
 * round and commits; the server plans with its own seed, checks every checkpoint against its plan,
 * re-scores the commit and refuses a result that does not follow. Bad input and the wrong role get a
 * clear 4xx and change nothing. The result lands in the backlog once.
 */
import {
  agreedSplits,
  gameResult,
  planThirtyFive,
  type GameCard,
  type GameState,
  type SplitChoice,
  type ThirtyFivePlan,
} from '../../src/domain/thirty-five';
import { startTestServer, type TestServer } from '../fixtures/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const names = ['alex', 'bea', 'chen', 'dara', 'eli'];
const as = (u: string) => server.as(u);

async function community(): Promise<string> {
  const res = await as('alex')('/api/communities', { body: { name: `CoP ${Math.random().toString(36).slice(2, 7)}`, purpose: 'working-group', cadencePerMonth: 2 } });
  const id = res.body.community.id as string;
  for (const u of names.slice(1)) expect((await as(u)(`/api/communities/${id}/members`, { body: {} })).status).toBe(201);
  return id;
}

const cardsFor = (users: string[]): GameCard[] => users.map((u) => ({ id: `card-${u}`, authorId: u, title: `What ${u} wants to talk about`, description: '' }));

/** Plays every round with both holders agreeing on a split that depends on round and pair. */
function playAll(game: { gameId: string; plan: ThirtyFivePlan; cards: GameCard[] }, rounds = game.plan.rounds.length): GameState {
  const choices: SplitChoice[] = [];
  game.plan.rounds.slice(0, rounds).forEach((r, ri) =>
    r.pairs.forEach((p, pi) => {
      const a = (ri * 3 + pi) % 8;
      for (const h of p.holders) choices.push({ round: ri, userId: h, points: [a, 7 - a] });
    }),
  );
  return {
    gameId: game.gameId, phase: 'finished', plannedRounds: game.plan.rounds.length, cards: game.cards, plan: game.plan, round: rounds,
    roundOpen: false, roundEndsAt: undefined, choices, closedPairs: [], merges: [], committed: undefined,
  };
}

async function startAndDeal(c: string, users = names) {
  const started = await as('alex')(`/api/communities/${c}/meetings/meeting-1/thirty-five`, { body: { rounds: 5 } });
  expect(started.status).toBe(201);
  expect(started.body.game).toMatchObject({ status: 'writing', plannedRounds: 5, cards: [], plan: null });
  const gameId = started.body.game.gameId as string;
  const dealt = await as('alex')(`/api/communities/${c}/thirty-five/${gameId}/deal`, { body: { cards: cardsFor(users) } });
  expect(dealt.status).toBe(200);
  return dealt.body.game as { gameId: string; plan: ThirtyFivePlan; cards: GameCard[]; seed: string };
}

describe('Thirty Five over HTTP', () => {
  it('plays a game from start to backlog: the server deals from its seed, saves each round, re-scores the commit', async () => {
    const c = await community();
    const game = await startAndDeal(c);
    // The server's plan is the rules engine's plan for these cards and the game's seed.
    expect(game.plan).toEqual(planThirtyFive({ participants: names, cards: cardsFor(names), rounds: 5, seed: game.seed }));
    const played = playAll(game);
    for (let r = 1; r <= 5; r++) {
      const body = { roundsClosed: r, phase: r === 5 ? 'finished' : 'playing', splits: agreedSplits(played, r - 1), closedPairs: [] };
      const cp = await as('alex')(`/api/communities/${c}/thirty-five/${game.gameId}/checkpoint`, { body });
      expect(cp.status).toBe(200);
      expect(cp.body.game.roundsClosed).toBe(r);
    }
    const result = gameResult(played);
    const commit = { splits: agreedSplits(played), merges: [], result };
    const committed = await as('alex')(`/api/communities/${c}/thirty-five/${game.gameId}/commit`, { body: commit });
    expect(committed.status).toBe(200);
    expect(committed.body.game.status).toBe('committed');
    const backlog = (await as('bea')(`/api/communities/${c}/topics`)).body.topics as any[];
    expect(backlog.map((t) => [t.title, t.state, t.rank])).toEqual(
      result.map((line, i) => [game.cards.find((x) => x.id === line.cardId)!.title, 'prioritised', i + 1]),
    );
    expect(backlog[0].score.normalized).toBeCloseTo(result[0]!.normalized, 9);

    // Committing again (a retried click) changes nothing and answers the same.
    const again = await as('alex')(`/api/communities/${c}/thirty-five/${game.gameId}/commit`, { body: commit });
    expect(again.status).toBe(200);
    expect(again.body.game.committed).toEqual(committed.body.game.committed);
    expect((await as('bea')(`/api/communities/${c}/topics`)).body.topics).toHaveLength(names.length);
  });

  it('merges duplicates: the scores add up in one topic that names the merged card', async () => {
    const c = await community();
    const game = await startAndDeal(c);
    const played = playAll(game);
    await as('alex')(`/api/communities/${c}/thirty-five/${game.gameId}/checkpoint`, { body: { roundsClosed: 5, phase: 'finished', splits: agreedSplits(played), closedPairs: [] } });
    const plain = gameResult(played);
    const merges = [{ from: plain[1]!.cardId, into: plain[0]!.cardId }];
    const merged = gameResult({ ...played, merges });
    const res = await as('alex')(`/api/communities/${c}/thirty-five/${game.gameId}/commit`, { body: { splits: agreedSplits(played), merges, result: merged } });
    expect(res.status).toBe(200);
    const topics = (await as('alex')(`/api/communities/${c}/topics`)).body.topics as any[];
    expect(topics).toHaveLength(names.length - 1);
    expect(topics[0].score.normalized).toBeCloseTo(plain[0]!.normalized + plain[1]!.normalized, 9);
    expect(topics[0].score).toMatchObject({ outOf: 35, cards: 2 });
    expect(topics[1].score).toMatchObject({ outOf: 35, cards: 1 });
    expect(topics[0].description).toContain(game.cards.find((x) => x.id === plain[1]!.cardId)!.title);
  });

  it('refuses a result that does not follow from the splits, and splits that differ from the saved rounds', async () => {
    const c = await community();
    const game = await startAndDeal(c);
    const played = playAll(game);
    const splits = agreedSplits(played);
    await as('alex')(`/api/communities/${c}/thirty-five/${game.gameId}/checkpoint`, { body: { roundsClosed: 5, phase: 'finished', splits, closedPairs: [] } });
    const result = gameResult(played);
    const inflated = result.map((x, i) => (i === result.length - 1 ? { ...x, total: x.total + 7, normalized: x.normalized + 7 } : x));
    const bad = await as('alex')(`/api/communities/${c}/thirty-five/${game.gameId}/commit`, { body: { splits, merges: [], result: inflated } });
    expect(bad.status).toBe(409);
    expect(bad.body.error.code).toBe('RESULT_MISMATCH');
    const flipped = splits.map((s, i) => (i === 0 ? { ...s, points: [s.points[1], s.points[0]] } : s));
    const other = await as('alex')(`/api/communities/${c}/thirty-five/${game.gameId}/commit`, { body: { splits: flipped, merges: [], result } });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toMatch(/differ from the rounds saved/);
    expect((await as('alex')(`/api/communities/${c}/topics`)).body.topics).toEqual([]);
    expect((await as('alex')(`/api/communities/${c}/meetings/meeting-1/thirty-five`)).body.game.status).toBe('finished');
  });

  it('a checkpoint never goes back, never changes a closed round, and is checked against the server\'s plan', async () => {
    const c = await community();
    const game = await startAndDeal(c);
    const played = playAll(game);
    const url = `/api/communities/${c}/thirty-five/${game.gameId}/checkpoint`;
    expect((await as('alex')(url, { body: { roundsClosed: 2, phase: 'playing', splits: agreedSplits(played, 1), closedPairs: [] } })).status).toBe(200);
    const back = await as('alex')(url, { body: { roundsClosed: 1, phase: 'playing', splits: agreedSplits(played, 0), closedPairs: [] } });
    expect(back.status).toBe(409);
    const changed = agreedSplits(played, 2).map((s, i) => (i === 0 ? { ...s, points: [s.points[1], s.points[0]] } : s));
    expect((await as('alex')(url, { body: { roundsClosed: 3, phase: 'playing', splits: changed, closedPairs: [] } })).status).toBe(409);
    const unknownPair = await as('alex')(url, { body: { roundsClosed: 3, phase: 'playing', splits: [...agreedSplits(played, 2), { round: 2, pair: 9, points: [4, 3] }], closedPairs: [] } });
    expect(unknownPair.status).toBe(400);
    expect(unknownPair.body.error.message).toMatch(/unknown pair 9/);
    const early = await as('alex')(url, { body: { roundsClosed: 3, phase: 'finished', splits: agreedSplits(played, 2), closedPairs: [] } });
    expect(early.status).toBe(400);
    const latest = (await as('bea')(`/api/communities/${c}/meetings/meeting-1/thirty-five`)).body.game;
    expect(latest).toMatchObject({ gameId: game.gameId, roundsClosed: 2, status: 'playing' });
    expect(latest.splits).toEqual(agreedSplits(played, 1));
  });

  it('only a facilitator starts, deals, saves or commits; another tenant sees nothing', async () => {
    const c = await community();
    const notFacilitator = await as('bea')(`/api/communities/${c}/meetings/meeting-1/thirty-five`, { body: {} });
    expect(notFacilitator.status).toBe(403);
    const game = await startAndDeal(c);
    for (const [path, body] of [
      ['deal', { cards: cardsFor(names) }],
      ['checkpoint', { roundsClosed: 1, phase: 'playing', splits: [], closedPairs: [] }],
      ['commit', { splits: [], merges: [], result: [] }],
    ] as const) {
      const res = await as('bea')(`/api/communities/${c}/thirty-five/${game.gameId}/${path}`, { body });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    const outsider = await server.as('mallory', 'tenant-b')(`/api/communities/${c}/meetings/meeting-1/thirty-five`);
    expect(outsider.status).toBe(404);
    expect((await as('alex')(`/api/communities/${c}/meetings/meeting-1/thirty-five`)).body.game.roundsClosed).toBe(0);
  });

  it.each([
    ['one card', { cards: cardsFor(['alex']) }, /at least two cards/],
    ['an empty title', { cards: [...cardsFor(['alex']), { id: 'card-x', authorId: 'bea', title: ' ', description: '' }] }, /title/],
    ['a title over 80 characters', { cards: [...cardsFor(['alex']), { id: 'card-x', authorId: 'bea', title: 'x'.repeat(81), description: '' }] }, /80/],
    ['an unknown field', { cards: cardsFor(['alex', 'bea']), extra: 1 }, /unknown field/],
    ['two cards by one person', { cards: [...cardsFor(['alex', 'bea']), { id: 'card-y', authorId: 'bea', title: 'Again', description: '' }] }, /one card per participant|duplicate|two/],
    ['a card by someone who is not a member', { cards: cardsFor(['alex', 'zed']) }, /not members: zed/],
  ])('refuses a deal with %s and keeps the game writing', async (_what, body, message) => {
    const c = await community();
    const started = await as('alex')(`/api/communities/${c}/meetings/meeting-1/thirty-five`, { body: {} });
    const res = await as('alex')(`/api/communities/${c}/thirty-five/${started.body.game.gameId}/deal`, { body });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect((await as('alex')(`/api/communities/${c}/meetings/meeting-1/thirty-five`)).body.game).toMatchObject({ status: 'writing', plan: null });
  });

  it('refuses malformed checkpoints and commits with a clear 400', async () => {
    const c = await community();
    const game = await startAndDeal(c);
    const url = (p: string) => `/api/communities/${c}/thirty-five/${game.gameId}/${p}`;
    const cases: [string, unknown][] = [
      ['checkpoint', { roundsClosed: 1, phase: 'playing', splits: [{ round: 0, pair: 0, points: [8, -1] }], closedPairs: [] }],
      ['checkpoint', { roundsClosed: 1, phase: 'playing', splits: [{ round: 0, pair: 0, points: [4, 4] }], closedPairs: [] }],
      ['checkpoint', { roundsClosed: 'one', phase: 'playing', splits: [], closedPairs: [] }],
      ['checkpoint', { roundsClosed: 1, phase: 'over', splits: [], closedPairs: [] }],
      ['commit', { splits: [], merges: [{ from: 'a' }], result: [] }],
    ];
    for (const [p, body] of cases) {
      const res = await as('alex')(url(p), { body });
      expect([p, res.status]).toEqual([p, 400]);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const notJson = await as('alex')(url('checkpoint'), { rawBody: '{"roundsClosed":' });
    expect(notJson.status).toBe(400);
    const unknownGame = await as('alex')(`/api/communities/${c}/thirty-five/g-nope/checkpoint`, { body: { roundsClosed: 1, phase: 'playing', splits: [], closedPairs: [] } });
    expect(unknownGame.status).toBe(404);
    expect((await as('alex')(`/api/communities/${c}/meetings/meeting-1/thirty-five`)).body.game.roundsClosed).toBe(0);
  });

  it('re-deals the rest of the game when someone leaves, keeping the played rounds', async () => {
    const c = await community();
    const game = await startAndDeal(c);
    const played = playAll(game, 2);
    const url = (p: string) => `/api/communities/${c}/thirty-five/${game.gameId}/${p}`;
    await as('alex')(url('checkpoint'), { body: { roundsClosed: 2, phase: 'playing', splits: agreedSplits(played), closedPairs: [] } });
    const stay = cardsFor(names.filter((n) => n !== 'eli'));
    const wrongRound = await as('alex')(url('redeal'), { body: { fromRound: 1, cards: stay } });
    expect(wrongRound.status).toBe(400);
    const changedText = await as('alex')(url('redeal'), { body: { fromRound: 2, cards: stay.map((x, i) => (i === 0 ? { ...x, title: 'New text' } : x)) } });
    expect(changedText.status).toBe(400);
    const res = await as('alex')(url('redeal'), { body: { fromRound: 2, cards: stay } });
    expect(res.status).toBe(200);
    const plan = res.body.game.plan as ThirtyFivePlan;
    expect(plan.rounds.slice(0, 2)).toEqual(game.plan.rounds.slice(0, 2));
    for (const r of plan.rounds.slice(2)) {
      expect(r.pairs.flatMap((p) => p.holders)).not.toContain('eli');
      expect(r.pairs).toHaveLength(2);
    }
    // The leaver's card stays in the record: it was played in rounds 1 and 2.
    expect(res.body.game.cards.map((x: GameCard) => x.authorId).sort()).toEqual([...names].sort());
  });

  it('takes a 200-card deal (about 85 KB) and refuses a 2 MB body with 413 and a clear message', async () => {
    const c = await community();
    const started = await as('alex')(`/api/communities/${c}/meetings/meeting-big/thirty-five`, { body: { rounds: 5 } });
    const url = `/api/communities/${c}/thirty-five/${started.body.game.gameId}/deal`;
    const cards = Array.from({ length: 200 }, (_, i) => ({
      id: `card-${i}`, authorId: `person-${i}`, title: 'T'.repeat(80), description: 'D'.repeat(280),
    }));
    const big = JSON.stringify({ cards });
    expect(big.length).toBeGreaterThan(80_000);
    const dealt = await as('alex')(url, { rawBody: big });
    // Parsed and judged on its content: these authors are not members (not 413 "too large").
    expect(dealt.status).toBe(400);
    expect(dealt.body.error.message).toContain('not members: person-0');
    const huge = await as('alex')(url, { rawBody: JSON.stringify({ cards: [{ ...cards[0], title: 'x'.repeat(2 * 1024 * 1024) }] }) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toBe('The request body is too large (1024 KB at most here).');
    // Other routes keep the small limit.
    const topic = await as('alex')(`/api/communities/${c}/topics`, { rawBody: JSON.stringify({ title: 'x', description: 'y'.repeat(70_000) }) });
    expect(topic.status).toBe(413);
    expect(topic.body.error.message).toBe('The request body is too large (64 KB at most here).');
  });
});
