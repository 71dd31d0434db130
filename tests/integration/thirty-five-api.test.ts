/**
 * The Thirty Five API over real HTTP with the embedded store: a facilitator starts, deals, opens and
 * closes each round and commits; each participant sends their own split. The server plans with its
 * own seed, takes a split only from a holder of that pair in the open round, computes every
 * checkpoint and the commit from the splits it stored, and refuses a shown result that does not
 * follow. Bad input and the wrong role get a clear 4xx and change nothing. 30 people splitting at
 * once: none lost, none counted twice. The result lands in the backlog once.
 */
import {
  gameResult,
  planThirtyFive,
  type GameCard,
  type GameState,
  type SplitChoice,
  type ThirtyFivePlan,
  type ThirtyFiveSplit,
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
  const res = await as('alex')('/api/communities', {
    body: { name: `CoP ${Math.random().toString(36).slice(2, 7)}`, purpose: 'working-group', cadencePerMonth: 2 },
  });
  const id = res.body.community.id as string;
  for (const u of names.slice(1))
    expect((await as(u)(`/api/communities/${id}/members`, { body: {} })).status).toBe(201);
  return id;
}

const cardUrl = (c: string, gameId: string) => `/api/communities/${c}/thirty-five/${gameId}/cards/mine`;

/**
 * Each person writes their own card, one after the other, through the server (PUT cards/mine). The
 * answer has the card's opaque id and no author; the test knows who wrote which (it sent them).
 */
async function writeCards(c: string, gameId: string, users: readonly string[]): Promise<GameCard[]> {
  const cards: GameCard[] = [];
  for (const u of users) {
    const res = await as(u)(cardUrl(c, gameId), { method: 'PUT', body: { title: `What ${u} wants to talk about` } });
    expect([u, res.status]).toEqual([u, 200]);
    expect(Object.keys(res.body.card).sort()).toEqual(['description', 'id', 'title']);
    cards.push({ ...res.body.card, authorId: u });
  }
  return cards;
}

/** The splits every pair agrees on when played with `playRounds` (depends on round and pair). */
const agreedFor = (plan: ThirtyFivePlan, rounds = plan.rounds.length): ThirtyFiveSplit[] =>
  plan.rounds
    .slice(0, rounds)
    .flatMap((r, ri) =>
      r.pairs.map((_, pi) => ({ round: ri, pair: pi, points: [(ri * 3 + pi) % 8, 7 - ((ri * 3 + pi) % 8)] })),
    );

/** Opens, splits (every holder sends their own, over HTTP) and closes rounds `from` … `to − 1`. */
async function playRounds(
  c: string,
  game: { gameId: string; plan: ThirtyFivePlan },
  to = game.plan.rounds.length,
  from = 0,
) {
  const url = (p: string) => `/api/communities/${c}/thirty-five/${game.gameId}/${p}`;
  for (let r = from; r < to; r++) {
    expect((await as('alex')(url('rounds/open'), { body: { round: r, minutes: 0 } })).status).toBe(200);
    const splits = agreedFor(game.plan, r + 1).filter((s) => s.round === r);
    await Promise.all(
      splits.flatMap((s) =>
        game.plan.rounds[r]!.pairs[s.pair]!.holders.map(async (h) => {
          const res = await as(h)(url('choices'), { body: s });
          expect([h, res.status]).toEqual([h, 200]);
        }),
      ),
    );
    const last = r === game.plan.rounds.length - 1;
    const cp = await as('alex')(url('checkpoint'), { body: { roundsClosed: r + 1, phase: 'playing' } });
    expect(cp.status).toBe(200);
    if (last)
      expect((await as('alex')(url('checkpoint'), { body: { roundsClosed: r + 1, phase: 'finished' } })).status).toBe(
        200,
      );
  }
}

/** The game as the pages would hold it after those rounds, for computing the result the screen shows. */
function shown(
  game: { gameId: string; plan: ThirtyFivePlan; cards: GameCard[] },
  merges: GameState['merges'] = [],
): GameState {
  const choices: SplitChoice[] = agreedFor(game.plan).flatMap((s) =>
    game.plan.rounds[s.round]!.pairs[s.pair]!.holders.map((userId) => ({
      round: s.round,
      userId,
      points: [s.points[0]!, s.points[1]!] as [number, number],
    })),
  );
  return {
    gameId: game.gameId,
    phase: 'finished',
    plannedRounds: game.plan.rounds.length,
    cards: game.cards,
    plan: game.plan,
    round: game.plan.rounds.length,
    roundOpen: false,
    roundEndsAt: undefined,
    choices,
    closedPairs: [],
    merges,
    committed: undefined,
  };
}

async function startAndDeal(c: string, users = names) {
  const started = await as('alex')(`/api/communities/${c}/meetings/meeting-1/thirty-five`, { body: { rounds: 5 } });
  expect(started.status).toBe(201);
  expect(started.body.game).toMatchObject({ status: 'writing', plannedRounds: 5, cards: [], plan: null });
  const gameId = started.body.game.gameId as string;
  const cards = await writeCards(c, gameId, users);
  const dealt = await as('alex')(`/api/communities/${c}/thirty-five/${gameId}/deal`, { body: {} });
  expect(dealt.status).toBe(200);
  // The view names no author; the test's own cards (it knows who wrote which) carry them.
  expect(dealt.body.game.cards).toEqual(cards.map(({ authorId: _a, ...rest }) => rest));
  return { ...dealt.body.game, cards } as { gameId: string; plan: ThirtyFivePlan; cards: GameCard[]; seed: string };
}

describe('Thirty Five over HTTP', () => {
  it('plays a game from start to backlog: the server deals from its seed, takes each split, saves each round, scores the commit', async () => {
    const c = await community();
    const game = await startAndDeal(c);
    // The server's plan is the rules engine's plan for the cards it stored and the game's seed.
    expect(game.plan).toEqual(planThirtyFive({ participants: names, cards: game.cards, rounds: 5, seed: game.seed }));
    await playRounds(c, game);
    const latest = (await as('bea')(`/api/communities/${c}/meetings/meeting-1/thirty-five`)).body.game;
    expect(latest).toMatchObject({ status: 'finished', roundsClosed: 5, splits: agreedFor(game.plan) });
    const result = gameResult(shown(game));
    const commit = { merges: [], result };
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
    await playRounds(c, game);
    const plain = gameResult(shown(game));
    const merges = [{ from: plain[1]!.cardId, into: plain[0]!.cardId }];
    const res = await as('alex')(`/api/communities/${c}/thirty-five/${game.gameId}/commit`, { body: { merges } });
    expect(res.status).toBe(200);
    const topics = (await as('alex')(`/api/communities/${c}/topics`)).body.topics as any[];
    expect(topics).toHaveLength(names.length - 1);
    expect(topics[0].score.normalized).toBeCloseTo(plain[0]!.normalized + plain[1]!.normalized, 9);
    expect(topics[0].score).toMatchObject({ outOf: 35, cards: 2 });
    expect(topics[1].score).toMatchObject({ outOf: 35, cards: 1 });
    expect(topics[0].description).toContain(game.cards.find((x) => x.id === plain[1]!.cardId)!.title);
  });

  it('refuses a shown result that is not what the saved rounds say, and takes no splits from the client', async () => {
    const c = await community();
    const game = await startAndDeal(c);
    await playRounds(c, game);
    const result = gameResult(shown(game));
    const inflated = result.map((x, i) =>
      i === result.length - 1 ? { ...x, total: x.total + 7, normalized: x.normalized + 7 } : x,
    );
    const bad = await as('alex')(`/api/communities/${c}/thirty-five/${game.gameId}/commit`, {
      body: { merges: [], result: inflated },
    });
    expect(bad.status).toBe(409);
    expect(bad.body.error.code).toBe('RESULT_MISMATCH');
    const withSplits = await as('alex')(`/api/communities/${c}/thirty-five/${game.gameId}/commit`, {
      body: { splits: [], merges: [] },
    });
    expect(withSplits.status).toBe(400);
    expect((await as('alex')(`/api/communities/${c}/topics`)).body.topics).toEqual([]);
    expect((await as('alex')(`/api/communities/${c}/meetings/meeting-1/thirty-five`)).body.game.status).toBe(
      'finished',
    );
  });

  it('a checkpoint never goes back, closes one opened round at a time, and takes no splits from the client', async () => {
    const c = await community();
    const game = await startAndDeal(c);
    await playRounds(c, game, 2);
    const url = (p: string) => `/api/communities/${c}/thirty-five/${game.gameId}/${p}`;
    expect((await as('alex')(url('checkpoint'), { body: { roundsClosed: 1, phase: 'playing' } })).status).toBe(409);
    expect(
      (await as('alex')(url('checkpoint'), { body: { roundsClosed: 3, phase: 'playing' } })).body.error.message,
    ).toMatch(/never opened/);
    expect((await as('alex')(url('checkpoint'), { body: { roundsClosed: 4, phase: 'playing' } })).status).toBe(400);
    const sent = await as('alex')(url('checkpoint'), {
      body: { roundsClosed: 3, phase: 'playing', splits: [{ round: 2, pair: 0, points: [7, 0] }] },
    });
    expect(sent.status).toBe(400);
    expect((await as('alex')(url('rounds/open'), { body: { round: 3, minutes: 0 } })).status).toBe(409);
    const early = await as('alex')(url('checkpoint'), { body: { roundsClosed: 3, phase: 'finished' } });
    expect(early.status).toBe(400);
    const latest = (await as('bea')(`/api/communities/${c}/meetings/meeting-1/thirty-five`)).body.game;
    expect(latest).toMatchObject({ gameId: game.gameId, roundsClosed: 2, status: 'playing' });
    expect(latest.splits).toEqual(agreedFor(game.plan, 2));
  });

  it('takes a split only from a holder of that pair in the open round, valid, one per person; refuses the rest clearly', async () => {
    const c = await community();
    const game = await startAndDeal(c);
    const url = (p: string) => `/api/communities/${c}/thirty-five/${game.gameId}/${p}`;
    const [a, b] = game.plan.rounds[0]!.pairs[0]!.holders;
    const other = game.plan.rounds[0]!.pairs[1]!.holders[0];
    const split = { round: 0, pair: 0, points: [5, 2] };
    const notOpen = await as(a)(url('choices'), { body: split });
    expect([notOpen.status, notOpen.body.error.message]).toEqual([409, 'Round 1 is not open for scoring.']);
    expect((await as('alex')(url('rounds/open'), { body: { round: 0, minutes: 5 } })).body.game.scoring).toMatchObject({
      round: 0,
      open: true,
    });
    expect((await as(other)(url('choices'), { body: split })).status).toBe(403);
    expect((await server.as('mallory')(url('choices'), { body: split })).status).toBe(403);
    expect((await server.as('mallory', 'tenant-b')(url('choices'), { body: split })).status).toBe(404);
    for (const bad of [
      { ...split, points: [4, 4] },
      { ...split, points: [8, -1] },
      { ...split, pair: 'x' },
      { ...split, extra: 1 },
    ]) {
      const res = await as(a)(url('choices'), { body: bad });
      expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await as(a)(url('choices'), { body: { ...split, points: [0, 7] } })).status).toBe(200);
    const mine = await as(a)(url('choices'), { body: split }); // I change my mind: it replaces my own entry
    expect(mine.body.choice).toEqual({ round: 0, userId: a, points: [5, 2] });
    expect((await as(b)(url('choices'), { body: split })).status).toBe(200);
    expect(
      (await server.store.thirtyFiveChoices.listForRound(c, game.gameId, 0)).map((x) => [x.userId, x.points]).sort(),
    ).toEqual(
      [
        [a, [5, 2]],
        [b, [5, 2]],
      ].sort(),
    );
    const saved = await as('alex')(url('checkpoint'), { body: { roundsClosed: 1, phase: 'playing' } });
    expect(saved.body.game.splits).toEqual([{ round: 0, pair: 0, points: [5, 2] }]);
    expect((await as(b)(url('choices'), { body: split })).status).toBe(409);
  });

  it('30 people splitting within one second: none lost, none counted twice (asserted against the stored record)', async () => {
    const people = Array.from({ length: 30 }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);
    const c = await community();
    for (const u of people) expect((await as(u)(`/api/communities/${c}/members`, { body: {} })).status).toBe(201);
    const started = await as('alex')(`/api/communities/${c}/meetings/meeting-30/thirty-five`, { body: { rounds: 5 } });
    const gameId = started.body.game.gameId as string;
    await writeCards(c, gameId, people);
    const dealt = await as('alex')(`/api/communities/${c}/thirty-five/${gameId}/deal`, { body: {} });
    const plan = dealt.body.game.plan as ThirtyFivePlan;
    const url = (p: string) => `/api/communities/${c}/thirty-five/${gameId}/${p}`;
    expect((await as('alex')(url('rounds/open'), { body: { round: 0, minutes: 0 } })).status).toBe(200);
    const pairs = plan.rounds[0]!.pairs;
    expect(pairs).toHaveLength(15);
    // Every pair agrees on its own split; 10 people click twice (the same split), all at once.
    const splitOf = (p: number): [number, number] => [p % 8, 7 - (p % 8)];
    const sends = pairs.flatMap((pair, p) =>
      pair.holders.map((h) => ({ h, body: { round: 0, pair: p, points: splitOf(p) } })),
    );
    const doubles = sends.slice(0, 10);
    const t0 = Date.now(); // every request is sent in the same tick; `elapsed` is how long the server took to answer all
    const answers = await Promise.all([...sends, ...doubles].map((x) => as(x.h)(url('choices'), { body: x.body })));
    const elapsed = Date.now() - t0;
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    const stored = await server.store.thirtyFiveChoices.listForRound(c, gameId, 0);
    const lost = people.filter((u) => !stored.some((x) => x.userId === u)).length;
    const doubleCounted = stored.length - new Set(stored.map((x) => x.userId)).size;
    const saved = (await as('alex')(url('checkpoint'), { body: { roundsClosed: 1, phase: 'playing' } })).body.game;
    const savedTwice = saved.splits.length - new Set(saved.splits.map((x: ThirtyFiveSplit) => x.pair)).size;
    console.log(
      `[30 at once] ${sends.length + doubles.length} requests from 30 people in ${elapsed} ms: stored ${stored.length}, lost ${lost}, double-counted ${doubleCounted}; checkpoint ${saved.splits.length} of 15 pairs, ${savedTwice} twice`,
    );
    expect([stored.length, lost, doubleCounted]).toEqual([30, 0, 0]);
    expect(saved.splits).toEqual(pairs.map((_, p) => ({ round: 0, pair: p, points: splitOf(p) })));
    expect(savedTwice).toBe(0);
  });

  it('only a facilitator starts, deals, opens, closes, saves or commits; only members split; another tenant sees nothing', async () => {
    const c = await community();
    const notFacilitator = await as('bea')(`/api/communities/${c}/meetings/meeting-1/thirty-five`, { body: {} });
    expect(notFacilitator.status).toBe(403);
    const game = await startAndDeal(c);
    for (const [path, body] of [
      ['deal', {}],
      ['redeal', { fromRound: 0, players: names }],
      ['rounds/open', { round: 0, minutes: 0 }],
      ['pairs/close', { round: 0, pair: 0 }],
      ['checkpoint', { roundsClosed: 1, phase: 'playing' }],
      ['commit', { merges: [] }],
    ] as const) {
      const res = await as('bea')(`/api/communities/${c}/thirty-five/${game.gameId}/${path}`, { body });
      expect([path, res.status, res.body.error.code]).toEqual([path, 403, 'FORBIDDEN']);
    }
    const bodies: Record<string, unknown> = {
      'cards/mine': { title: 'Sneaky card' },
      'rounds/open': { round: 0, minutes: 0 },
      'pairs/close': { round: 0, pair: 0 },
      choices: { round: 0, pair: 0, points: [4, 3] },
      checkpoint: { roundsClosed: 1, phase: 'playing' },
      commit: { merges: [] },
    };
    for (const [path, body] of Object.entries(bodies)) {
      const method = path === 'cards/mine' ? 'PUT' : 'POST';
      const outsider = await server.as('mallory', 'tenant-b')(
        `/api/communities/${c}/thirty-five/${game.gameId}/${path}`,
        { method, body },
      );
      expect([path, outsider.status]).toEqual([path, 404]);
      const stranger = await server.as('mallory')(`/api/communities/${c}/thirty-five/${game.gameId}/${path}`, {
        method,
        body,
      });
      expect([path, stranger.status]).toEqual([path, 403]);
    }
    const noAuth = await fetch(`${server.url}/api/communities/${c}/thirty-five/${game.gameId}/choices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noAuth.status).toBe(401);
    const outsider = await server.as('mallory', 'tenant-b')(`/api/communities/${c}/meetings/meeting-1/thirty-five`);
    expect(outsider.status).toBe(404);
    // Reading one's own card: members only; another tenant sees nothing.
    expect((await server.as('mallory')(cardUrl(c, game.gameId))).status).toBe(403);
    expect((await server.as('mallory', 'tenant-b')(cardUrl(c, game.gameId))).status).toBe(404);
    const beas = (await as('bea')(cardUrl(c, game.gameId))).body.card;
    expect(beas).toEqual({
      id: game.cards.find((x) => x.authorId === 'bea')!.id,
      title: expect.any(String),
      description: '',
    });
    const after = (await as('alex')(`/api/communities/${c}/meetings/meeting-1/thirty-five`)).body.game;
    expect(after).toMatchObject({ roundsClosed: 0, scoring: null });
    expect(after.cards.map((x: { title: string }) => x.title)).not.toContain('Sneaky card');
    expect(after.cards).toHaveLength(names.length);
  });

  it('a card is written only by a member, while the game takes cards, within the limits; a rewrite replaces one’s own', async () => {
    const c = await community();
    const started = await as('alex')(`/api/communities/${c}/meetings/meeting-1/thirty-five`, { body: { rounds: 2 } });
    const gameId = started.body.game.gameId as string;
    const put = (u: string, body: unknown) => as(u)(cardUrl(c, gameId), { method: 'PUT', body });
    const first = await put('bea', { title: 'Remote retros' });
    const again = await put('bea', { title: 'Remote retros that work', description: 'how' });
    expect(again.body.card).toEqual({ id: first.body.card.id, title: 'Remote retros that work', description: 'how' });
    expect(first.body.card.id).not.toContain('bea');
    for (const [what, body] of [
      ['an empty title', { title: ' ' }],
      ['a title over 80', { title: 'x'.repeat(81) }],
      ['a description over 280', { title: 'Fine', description: 'y'.repeat(281) }],
      ['an author id', { title: 'Fine', authorId: 'chen' }],
    ] as const) {
      const res = await put('chen', body);
      expect([what, res.status, res.body.error.code]).toEqual([what, 400, 'VALIDATION_FAILED']);
    }
    expect((await as('chen')(cardUrl(c, gameId))).body.card).toBeNull();
    const game = (await as('alex')(`/api/communities/${c}/meetings/meeting-1/thirty-five`)).body.game;
    expect(game.cards).toEqual([again.body.card]);
    expect(JSON.stringify(game)).not.toContain('"authorId"');
  });

  it.each([
    ['one card', ['alex'], {}, /At least two cards/],
    ['cards in the body', ['alex', 'bea'], { cards: [] }, /unknown field|Unrecognized/i],
  ])('refuses a deal with %s and keeps the game writing', async (_what, writers, body, message) => {
    const c = await community();
    const started = await as('alex')(`/api/communities/${c}/meetings/meeting-1/thirty-five`, { body: {} });
    await writeCards(c, started.body.game.gameId, writers);
    const res = await as('alex')(`/api/communities/${c}/thirty-five/${started.body.game.gameId}/deal`, { body });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect((await as('alex')(`/api/communities/${c}/meetings/meeting-1/thirty-five`)).body.game).toMatchObject({
      status: 'writing',
      plan: null,
    });
  });

  it('refuses malformed checkpoints and commits with a clear 400', async () => {
    const c = await community();
    const game = await startAndDeal(c);
    const url = (p: string) => `/api/communities/${c}/thirty-five/${game.gameId}/${p}`;
    const cases: [string, unknown][] = [
      ['checkpoint', { roundsClosed: 1, phase: 'playing', splits: [] }],
      ['checkpoint', { roundsClosed: 'one', phase: 'playing' }],
      ['checkpoint', { roundsClosed: 1, phase: 'over' }],
      ['rounds/open', { round: 0, minutes: 16 }],
      ['rounds/open', { round: -1, minutes: 0 }],
      ['pairs/close', { round: 0 }],
      ['commit', { merges: [{ from: 'a' }] }],
    ];
    for (const [p, body] of cases) {
      const res = await as('alex')(url(p), { body });
      expect([p, res.status]).toEqual([p, 400]);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const notJson = await as('alex')(url('checkpoint'), { rawBody: '{"roundsClosed":' });
    expect(notJson.status).toBe(400);
    const unknownGame = await as('alex')(`/api/communities/${c}/thirty-five/g-nope/checkpoint`, {
      body: { roundsClosed: 1, phase: 'playing' },
    });
    expect(unknownGame.status).toBe(404);
    expect((await as('alex')(`/api/communities/${c}/meetings/meeting-1/thirty-five`)).body.game.roundsClosed).toBe(0);
  });

  it('re-deals the rest of the game when someone leaves, keeping the played rounds', async () => {
    const c = await community();
    const game = await startAndDeal(c);
    await playRounds(c, game, 2);
    const url = (p: string) => `/api/communities/${c}/thirty-five/${game.gameId}/${p}`;
    const stay = names.filter((n) => n !== 'eli');
    const wrongRound = await as('alex')(url('redeal'), { body: { fromRound: 1, players: stay } });
    expect(wrongRound.status).toBe(400);
    const withCards = await as('alex')(url('redeal'), { body: { fromRound: 2, players: stay, cards: game.cards } });
    expect(withCards.status).toBe(400);
    const res = await as('alex')(url('redeal'), { body: { fromRound: 2, players: stay } });
    expect(res.status).toBe(200);
    const plan = res.body.game.plan as ThirtyFivePlan;
    expect(plan.rounds.slice(0, 2)).toEqual(game.plan.rounds.slice(0, 2));
    for (const r of plan.rounds.slice(2)) {
      expect(r.pairs.flatMap((p) => p.holders)).not.toContain('eli');
      expect(r.pairs).toHaveLength(2);
    }
    // The leaver's card stays in the record (it was played in rounds 1 and 2); the view names no author.
    expect(res.body.game.cards.map((x: { id: string }) => x.id).sort()).toEqual(game.cards.map((x) => x.id).sort());
    expect(JSON.stringify(res.body.game.cards)).not.toContain('"authorId"');
  });

  it('refuses a 2 MB body to a game route with 413 and a clear message', async () => {
    const c = await community();
    const started = await as('alex')(`/api/communities/${c}/meetings/meeting-big/thirty-five`, { body: { rounds: 5 } });
    const url = `/api/communities/${c}/thirty-five/${started.body.game.gameId}/redeal`;
    const players = Array.from({ length: 200 }, (_, i) => `person-${i}`);
    const huge = await as('alex')(url, {
      rawBody: JSON.stringify({ fromRound: 0, players: [...players, 'x'.repeat(2 * 1024 * 1024)] }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toBe('The request body is too large (1024 KB at most here).');
    // Other routes keep the small limit.
    const topic = await as('alex')(`/api/communities/${c}/topics`, {
      rawBody: JSON.stringify({ title: 'x', description: 'y'.repeat(70_000) }),
    });
    expect(topic.status).toBe(413);
    expect(topic.body.error.message).toBe('The request body is too large (64 KB at most here).');
  });
});
