/**
 * Thirty Five on the real local stack (Fluid local service + server + embedded store), each
 * participant in Node with their own identity, API client, live client and game controller (the
 * tab's own flow: the server first, then the live meeting).
 * - A whole game: cards written at once, every round scored concurrently (one pair disagrees first
 *   and settles, one pair gets stuck and is closed), the commit: the backlog is the rules engine's
 *   score of exactly what the participants entered.
 * - A forger: a member's client writes another person's split, a forged agreement and a closed
 *   pair straight into the tree; after the next checkpoint no stored result and no figure any
 *   client shows (the stage's included) has changed.
 * - A lost container resumes from the record, with the splits the server stored for the open round.
 * - Anonymous cards: cards are written server first; no card entry of the tree and no game view any
 *   member receives over HTTP (the raw JSON) names a member as a card's author.
 */
import {
  agreedSplits,
  gameResult,
  roundProgress,
  scoreThirtyFive,
  seatOf,
  type GameState,
  type ThirtyFivePlan,
  type ThirtyFiveSplit,
} from '../../src/domain/thirty-five';
import type { ClientResult, LiveMeeting, MeetingSnapshot } from '../../src/live';
import * as game from '../../src/live/thirty-five-state';
import { createGameController, type GameController } from '../../src/tab/features/thirty-five/game-controller';
import { encodeDevIdentity } from '../../src/api/dev-identity';
import { createApiClient } from '../../src/tab/api-client';
import { demoSetup, joinLive, until, type DemoSetup } from '../fixtures/live-participants';
import { startLocalFluidService, type LocalFluidService } from '../../src/dev/local-fluid-service';
import { startLocalStack, type LocalStack } from '../fixtures/local-stack';

const N = 7;
let stack: LocalStack;
const meetings: LiveMeeting[] = [];
let setup: DemoSetup;

beforeAll(async () => {
  stack = await startLocalStack();
  setup = await demoSetup(stack, N);
});
let restarted: LocalFluidService | undefined;
afterAll(async () => {
  for (const m of meetings) m.dispose();
  await stack?.stop();
  await restarted?.stop();
});

type Person = DemoSetup['users'][number];
/** Every raw JSON answer a member's client received, by user id (what the network carried, not the parsed view). */
const received = new Map<string, unknown[]>();
const recordingFetch =
  (userId: string): typeof fetch =>
  async (input, init) => {
    const res = await fetch(input, init);
    const text = await res.clone().text();
    try {
      received.set(userId, [...(received.get(userId) ?? []), JSON.parse(text)]);
    } catch {
      // not JSON (Markdown, .ics, 204): no game view
    }
    return res;
  };
const apiFor = (u: Person) =>
  createApiClient({
    baseUrl: stack.url,
    fetch: recordingFetch(u.userId),
    getAuthHeader: async () =>
      encodeDevIdentity({ tenantId: setup.tenantId, userId: u.userId, displayName: u.displayName }),
  });

/** The game views in a JSON answer (`game`, anywhere). */
const gameViewsIn = (body: unknown): { cards?: unknown }[] => {
  if (!body || typeof body !== 'object') return [];
  const o = body as Record<string, unknown>;
  return [
    ...(o.game && typeof o.game === 'object' ? [o.game as { cards?: unknown }] : []),
    ...Object.values(o).flatMap((v) => (v && typeof v === 'object' && v !== o.game ? gameViewsIn(v) : [])),
  ];
};

/**
 * No card a member can see names its author: neither the card entries of their live tree (keys and
 * values) nor the cards of any game view their client received. Returns how many cards were checked.
 */
function expectNoCardAuthors(users: readonly Person[], clients: LiveMeeting[]): number {
  const ids = setup.users.map((u) => u.userId);
  const mentions = (x: unknown) => ids.filter((id) => JSON.stringify(x).includes(id));
  let checked = 0;
  clients.forEach((m, i) => {
    const g = (m as unknown as { view: { root: Parameters<typeof game.gameStateOf>[0] } }).view.root.thirtyFive!;
    const entries = [...g.cards.entries(), ...(g.cardsById?.entries() ?? [])].map(([key, e]) => [
      key,
      { cardId: e.cardId, title: e.title, description: e.description },
    ]);
    expect(entries.length).toBeGreaterThan(0);
    expect({ who: users[i]!.userId, tree: mentions(entries) }).toEqual({ who: users[i]!.userId, tree: [] });
    const views = (received.get(users[i]!.userId) ?? []).flatMap(gameViewsIn);
    for (const v of views) {
      expect(mentions(v.cards)).toEqual([]);
      checked += Array.isArray(v.cards) ? v.cards.length : 0;
    }
  });
  return checked;
}
const join = (u: Person, meetingId?: string, replaceStale?: string) =>
  joinLive(stack, setup, u, meetings, {
    ...(meetingId ? { meetingId } : {}),
    ...(replaceStale ? { replaceStale } : {}),
  });
const everyone = (pred: (s: MeetingSnapshot) => boolean, what: string, among: LiveMeeting[] = meetings) =>
  Promise.all(among.map((m) => until(m, pred, what)));
const controllerOf = (u: Person, m: LiveMeeting, meetingId = setup.meetingId): GameController =>
  createGameController({ api: apiFor(u).thirtyFive, live: m.thirtyFive, communityId: setup.communityId, meetingId });
const stateOf = (m: LiveMeeting): GameState => m.getSnapshot().thirtyFive!;

async function ok<T>(
  r:
    | Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>
    | { ok: true; value: T }
    | { ok: false; error: { message: string } },
): Promise<T> {
  const x = await r;
  if (!x.ok) throw new Error(`refused: ${x.error.message}`);
  return x.value;
}

/** Start, everyone writes a card, deal: returns the plan. */
async function setUpGame(
  users: readonly Person[],
  clients: LiveMeeting[],
  ctl: GameController[],
  rounds = 5,
): Promise<{ gameId: string; plan: ThirtyFivePlan }> {
  const started = await ok(ctl[0]!.start(rounds));
  await everyone((s) => s.thirtyFive?.gameId === started.gameId, 'the game to reach everyone', clients);
  await Promise.all(
    ctl.map((c, i) => ok(c.writeCard(stateOf(clients[i]!), { title: `Topic ${i + 1}: what we should work on` }))),
  );
  await until(clients[0]!, (s) => s.thirtyFive?.cards.length === users.length, 'all cards');
  const dealt = await ok(ctl[0]!.deal(stateOf(clients[0]!)));
  await everyone((s) => s.thirtyFive?.phase === 'playing', 'the deal', clients);
  return { gameId: started.gameId, plan: dealt.plan! };
}

/** Every holder of `round` chooses at once through their own controller; returns the splits entered (card order). */
async function playRound(
  users: readonly Person[],
  clients: LiveMeeting[],
  ctl: GameController[],
  plan: ThirtyFivePlan,
  round: number,
  skip = -1,
): Promise<ThirtyFiveSplit[]> {
  const chosen = await Promise.all(
    clients.map((m, i) => {
      const seat = seatOf(stateOf(m), users[i]!.userId);
      if (seat.kind !== 'pair' || seat.pair === skip) return { ok: true } as const;
      const first = (round + 3 * seat.pair) % 8;
      return ctl[i]!.choose(stateOf(m), users[i]!.userId, seat.me === 0 ? [first, 7 - first] : [7 - first, first]);
    }),
  );
  for (const c of chosen) if (!c.ok) throw new Error(`a split was refused: ${c.error.message}`);
  const pairs = plan.rounds[round]!.pairs;
  const scored = pairs.length - (skip >= 0 ? 1 : 0);
  await everyone((s) => roundProgress(s.thirtyFive!, round).agreed === scored, `round ${round + 1} agreed`, clients);
  return pairs.flatMap((_, p) =>
    p === skip ? [] : [{ round, pair: p, points: [(round + 3 * p) % 8, 7 - ((round + 3 * p) % 8)] }],
  );
}

it("plays a whole game with concurrent splits through the server; the committed result is the engine's score of what people entered", async () => {
  const users = setup.users;
  const clients = await Promise.all(users.map((u) => join(u))); // clients[i] acts for users[i]
  const ctl = users.map((u, i) => controllerOf(u, clients[i]!));
  const { gameId, plan } = await setUpGame(users, clients, ctl);
  // Cards are anonymous: every member's tree and every game view they got so far (start, deal, latest).
  await Promise.all(users.map((u) => apiFor(u).thirtyFive.latest(setup.communityId, setup.meetingId)));
  expect(expectNoCardAuthors(users, clients)).toBeGreaterThanOrEqual(users.length * users.length);

  const entered: ThirtyFiveSplit[] = [];
  for (let round = 0; round < 5; round++) {
    await ok(ctl[0]!.openRound(stateOf(clients[0]!), 5));
    await everyone(
      (s) => s.thirtyFive?.roundOpen === true && s.thirtyFive.round === round,
      `round ${round + 1} to open`,
    );
    const stuck = round === 3 ? 1 : -1;
    if (round === 1) {
      // Pair 0 first disagrees, then its second holder settles on the partner's choice.
      const pair = plan.rounds[1]!.pairs[0]!;
      const b = users.findIndex((u) => u.userId === pair.holders[1]);
      const first = (round + 3 * 0) % 8;
      await ok(ctl[b]!.choose(stateOf(clients[b]!), pair.holders[1], [first, 7 - first])); // a different split first
    }
    entered.push(...(await playRound(users, clients, ctl, plan, round, stuck)));
    if (stuck >= 0) {
      await ok(ctl[0]!.closePair(stateOf(clients[0]!), { round, pair: stuck }));
      await until(clients[0]!, (s) => s.thirtyFive!.closedPairs.length === 1, 'the closed pair');
    }
    const closed = await ok(ctl[0]!.closeRound(stateOf(clients[0]!)));
    expect(closed.splits).toEqual(entered);
    await everyone((s) => s.thirtyFive?.round === round + 1 && !s.thirtyFive.roundOpen, `round ${round + 1} closed`);
  }
  await ok(ctl[0]!.finish(stateOf(clients[0]!)));
  const finals = await everyone((s) => s.thirtyFive?.phase === 'finished', 'the end');

  // Every client derives the same result, and it is the engine's score of what was entered.
  const expected = scoreThirtyFive(plan, entered);
  for (const s of finals)
    expect(gameResult(s.thirtyFive!).map((c) => [c.cardId, c.total, c.roundsScored, c.rank])).toEqual(
      expected.map((c) => [c.cardId, c.total, c.roundsScored, c.rank]),
    );
  expect(expected.reduce((sum, c) => sum + c.total, 0)).toBe(7 * entered.length);

  await ok(ctl[0]!.commit(stateOf(clients[0]!)));
  await everyone((s) => s.thirtyFive?.committed !== undefined, 'the commit to show');
  const backlog = await apiFor(users[3]!).listTopics(setup.communityId);
  const titleOf = new Map(stateOf(clients[0]!).cards.map((c) => [c.id, c.title]));
  expect(backlog.filter((t) => t.state === 'prioritised').map((t) => [t.rank, t.title, t.score?.roundsScored])).toEqual(
    expected.map((c, i) => [i + 1, titleOf.get(c.cardId), c.roundsScored]),
  );
  expect((await apiFor(users[0]!).thirtyFive.latest(setup.communityId, setup.meetingId))!.gameId).toBe(gameId);
  // Still anonymous after every round's close, the finish and the commit.
  expectNoCardAuthors(users, clients);
});

it('a forged split, agreement or closed pair written into the tree changes no stored result and no figure after the next checkpoint', async () => {
  const users = setup.users.slice(0, 6);
  const meetingId = 'forgery-meeting';
  const clients = await Promise.all(users.map((u) => join(u, meetingId)));
  const ctl = users.map((u, i) => controllerOf(u, clients[i]!, meetingId));
  const { gameId, plan } = await setUpGame(users, clients, ctl, 2);
  const api = apiFor(users[0]!).thirtyFive;
  await ok(ctl[0]!.openRound(stateOf(clients[0]!)));
  await everyone((s) => s.thirtyFive?.roundOpen === true, 'round 1 to open', clients);

  // Pair 0 agrees honestly on 2–5; pair 1's first holder stores 6–1 and the second nothing; pair 2 stores nothing.
  const [p0, p1, p2] = plan.rounds[0]!.pairs as [
    (typeof plan.rounds)[0]['pairs'][0],
    (typeof plan.rounds)[0]['pairs'][0],
    (typeof plan.rounds)[0]['pairs'][0],
  ];
  const idx = (id: string) => users.findIndex((u) => u.userId === id);
  const choose = (holder: string, pair: typeof p0, inCardOrder: [number, number]) => {
    const i = idx(holder);
    return ok(
      ctl[i]!.choose(
        stateOf(clients[i]!),
        holder,
        pair.holders[0] === holder ? inCardOrder : [inCardOrder[1], inCardOrder[0]],
      ),
    );
  };
  await choose(p0.holders[0], p0, [2, 5]);
  await choose(p0.holders[1], p0, [2, 5]);
  await choose(p1.holders[0], p1, [6, 1]);

  // The forger: a member of pair 2 (not the facilitator) writes with their own client, straight into the tree.
  const forger = users[idx(p2.holders[0])]!;
  const forgerClient = clients[idx(p2.holders[0])]!;
  const root = (forgerClient as unknown as { view: { root: Parameters<typeof game.chooseSplit>[0] } }).view.root;
  const as = (id: string) => ({ id, name: id });
  const wrote: ClientResult<unknown>[] = [
    game.chooseSplit(root, as(p0.holders[1]), [7, 0], new Date()), // another person's split (pair 0 now disagrees live)
    game.chooseSplit(root, as(p1.holders[1]), [1, 6], new Date()), // a forged agreement for pair 1 (6–1 in card order)
    game.chooseSplit(root, as(p2.holders[0]), [7, 0], new Date()), // their own split, never sent to the server
    game.chooseSplit(root, as(p2.holders[1]), [0, 7], new Date()), // and their partner's, agreeing 7–0 for their own card
  ];
  wrote.push(game.closePair(root, as(forger.userId), { round: 0, pair: 0 }, new Date())); // and closes pair 0, now mismatched live
  expect(wrote.every((w) => w.ok)).toBe(true);
  expect(forger.userId).toBe(p2.holders[0]);
  const forged = await everyone(
    (s) => roundProgress(s.thirtyFive!, 0).agreed === 2 && roundProgress(s.thirtyFive!, 0).closed === 1,
    'the forgery to show live',
    clients,
  );
  const liveBefore = agreedSplits(forged[0]!.thirtyFive!);

  // The facilitator closes the round: the server computes it from what it stored.
  const saved = await ok(ctl[0]!.closeRound(stateOf(clients[0]!)));
  const honest = [{ round: 0, pair: 0, points: [2, 5] }];
  expect(saved.splits).toEqual(honest);
  const after = await everyone(
    (s) => s.thirtyFive?.round === 1 && agreedSplits(s.thirtyFive!).length === 1,
    'the record to show everywhere',
    clients,
  );
  for (const s of after) {
    expect(agreedSplits(s.thirtyFive!)).toEqual(honest);
    expect(roundProgress(s.thirtyFive!, 0)).toMatchObject({ agreed: 1, mismatched: 0, closed: 0 });
    expect(s.thirtyFive!.closedPairs).toEqual([]);
    expect(gameResult(s.thirtyFive!).map((c) => [c.cardId, c.total])).toEqual(
      scoreThirtyFive(plan, honest).map((c) => [c.cardId, c.total]),
    );
  }
  const record = (await api.latest(setup.communityId, meetingId))!;
  expect(record).toMatchObject({ gameId, roundsClosed: 1, splits: honest, closedPairs: [] });
  // Figures for the report: what the forger made the tree show, what the record and the stage show now.
  console.log(
    `[forged votes] forger ${forger.userId} wrote ${wrote.length} entries; live before the checkpoint: ${JSON.stringify(liveBefore)}; ` +
      `closed live: ${JSON.stringify(forged[0]!.thirtyFive!.closedPairs)}; record after: ${JSON.stringify(record.splits)} closed ${JSON.stringify(record.closedPairs)}; ` +
      `every client after: ${JSON.stringify(agreedSplits(after[0]!.thirtyFive!))}`,
  );

  // Forging a split for the closed round afterwards: gone again at the next checkpoint (the finish), and the commit is the record's.
  game.chooseSplit(root, as(p1.holders[1]), [3, 4], new Date());
  await ok(ctl[0]!.openRound(stateOf(clients[0]!)));
  await everyone((s) => s.thirtyFive?.roundOpen === true && s.thirtyFive.round === 1, 'round 2', clients);
  await ok(ctl[0]!.closeRound(stateOf(clients[0]!)));
  await until(clients[0]!, (s) => s.thirtyFive?.round === 2, 'round 2 closed');
  await ok(ctl[0]!.finish(stateOf(clients[0]!)));
  const committed = await ok(
    ctl[0]!.commit((await until(clients[0]!, (s) => s.thirtyFive?.phase === 'finished', 'finished')).thirtyFive!),
  );
  expect(committed.length).toBe(users.length);
  const topics = (await apiFor(users[1]!).listTopics(setup.communityId)).filter((t) => t.id.startsWith(`${gameId}.`));
  const expected = scoreThirtyFive(plan, honest);
  expect(topics.sort((a, b) => a.rank! - b.rank!).map((t) => t.id)).toEqual(
    expected.map((c) => `${gameId}.${c.cardId}`),
  );
});

it('resumes a game from the record when the live container is lost, with the splits stored for the open round', async () => {
  const users = setup.users.slice(0, 4);
  const meetingId = 'resume-meeting';
  let clients = await Promise.all(users.map((u) => join(u, meetingId)));
  let ctl = users.map((u, i) => controllerOf(u, clients[i]!, meetingId));
  const { plan } = await setUpGame(users, clients, ctl);
  const entered: ThirtyFiveSplit[] = [];
  for (let round = 0; round < 2; round++) {
    await ok(ctl[0]!.openRound(stateOf(clients[0]!)));
    await everyone((s) => s.thirtyFive?.roundOpen === true && s.thirtyFive.round === round, 'open', clients);
    entered.push(...(await playRound(users, clients, ctl, plan, round)));
    await ok(ctl[0]!.closeRound(stateOf(clients[0]!)));
    await everyone((s) => s.thirtyFive?.round === round + 1, 'closed', clients);
  }
  // Round 3 is half played when the container is lost (the live service restarts and forgets it;
  // only a container the service cannot load is replaced, ADR 0005): the server stored those splits.
  await ok(ctl[0]!.openRound(stateOf(clients[0]!)));
  await everyone((s) => s.thirtyFive?.roundOpen === true && s.thirtyFive.round === 2, 'round 3', clients);
  const half = plan.rounds[2]!.pairs[0]!;
  for (const h of half.holders) {
    const i = users.findIndex((u) => u.userId === h);
    const seat = seatOf(stateOf(clients[i]!), h);
    await ok(ctl[i]!.choose(stateOf(clients[i]!), h, seat.kind === 'pair' && seat.me === 0 ? [1, 6] : [6, 1]));
  }
  const lost = (await apiFor(users[0]!).openLiveMeeting(setup.communityId, meetingId)).containerId;
  for (const m of clients) m.dispose();
  await stack.fluid.stop();
  restarted = await startLocalFluidService({ port: stack.fluid.port });

  // The facilitator's panel reports the lost container and gets its replacement; the others then open that one.
  const first = await join(users[0]!, meetingId, lost);
  clients = [first, ...(await Promise.all(users.slice(1).map((u) => join(u, meetingId))))];
  ctl = users.map((u, i) => controllerOf(u, clients[i]!, meetingId));
  expect(clients[0]!.containerId).not.toBe(lost);
  expect(clients.every((m) => m.containerId === clients[0]!.containerId)).toBe(true);
  expect(clients[0]!.getSnapshot().thirtyFive).toBeUndefined();
  const resumable = await ok(ctl[0]!.findResumable());
  await ok(ctl[0]!.resume(resumable!));
  const resumed = await everyone(
    (s) => s.thirtyFive?.round === 2 && s.thirtyFive.phase === 'playing',
    'the resumed game',
    clients,
  );
  for (const s of resumed)
    expect(agreedSplits(s.thirtyFive!)).toEqual([...entered, { round: 2, pair: 0, points: [1, 6] }]);
  // Round 3 opens again and is finished; nothing stored was lost.
  await ok(ctl[0]!.openRound(stateOf(clients[0]!)));
  await everyone((s) => s.thirtyFive?.roundOpen === true && s.thirtyFive.round === 2, 'reopen', clients);
  const rest = await playRound(users, clients, ctl, plan, 2, 0);
  const saved = await ok(ctl[0]!.closeRound(stateOf(clients[0]!)));
  expect(saved.splits).toEqual([...entered, { round: 2, pair: 0, points: [1, 6] }, ...rest]);
});
