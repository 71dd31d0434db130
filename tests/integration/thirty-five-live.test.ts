/**
 * A whole game of Thirty Five on the real local stack (Fluid local service + server + embedded
 * store): seven participants in Node, each with their own identity and live client, write cards at
 * once, score every round concurrently (one pair disagrees first and settles, one pair gets stuck
 * and is closed), and the facilitator commits. The committed backlog equals the rules engine's
 * score of exactly what the participants entered: nothing lost, nothing counted twice.
 */
import { agreedSplits, checkpointOf, gameResult, roundProgress, scoreThirtyFive, seatOf, type ThirtyFivePlan, type ThirtyFiveSplit } from '../../src/domain/thirty-five';
import type { LiveMeeting, MeetingSnapshot } from '../../src/live';
import { apiAs, demoSetup, joinLive, until, type DemoSetup } from '../fixtures/live-participants';
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

const apiFor = (u: DemoSetup['users'][number]) => apiAs(stack, setup, u);
const join = (u: DemoSetup['users'][number], meetingId?: string, replaceStale?: string) =>
  joinLive(stack, setup, u, meetings, { ...(meetingId ? { meetingId } : {}), ...(replaceStale ? { replaceStale } : {}) });
const everyone = (pred: (s: MeetingSnapshot) => boolean, what: string, among: LiveMeeting[] = meetings) => Promise.all(among.map((m) => until(m, pred, what)));

/** Both holders of every pair of `round` agree on a split that depends on round and pair; returns what was entered. */
async function playRound(clients: LiveMeeting[], users: { userId: string }[], plan: ThirtyFivePlan, round: number): Promise<ThirtyFiveSplit[]> {
  clients.forEach((m, i) => {
    const seat = seatOf(m.getSnapshot().thirtyFive!, users[i]!.userId);
    if (seat.kind !== 'pair') return;
    const first = (round + 3 * seat.pair) % 8;
    m.thirtyFive.chooseSplit(seat.me === 0 ? [first, 7 - first] : [7 - first, first]);
  });
  const pairs = plan.rounds[round]!.pairs;
  await everyone((s) => roundProgress(s.thirtyFive!, round).agreed === pairs.length, `round ${round + 1} agreed`, clients);
  return pairs.map((_, p) => ({ round, pair: p, points: [(round + 3 * p) % 8, 7 - ((round + 3 * p) % 8)] }));
}

it('plays a whole game with concurrent splits; the committed result is the engine\'s score of what people entered', async () => {
  const users = setup.users;
  const clients = await Promise.all(users.map((u) => join(u))); // clients[i] acts for users[i]
  const [facilitator] = clients as [LiveMeeting];
  const api = apiFor(users[0]!);

  const started = await api.thirtyFive.start(setup.communityId, setup.meetingId, { rounds: 5 });
  facilitator.thirtyFive.start({ gameId: started.gameId, plannedRounds: 5 });
  await everyone((s) => s.thirtyFive?.gameId === started.gameId, 'the game to reach everyone');

  // Everyone writes at the same moment.
  clients.forEach((m, i) => m.thirtyFive.writeCard({ title: `Topic ${i + 1}: what we should work on` }));
  const written = await until(facilitator, (s) => s.thirtyFive?.cards.length === N, 'all cards');
  const dealt = await api.thirtyFive.deal(setup.communityId, started.gameId, written.thirtyFive!.cards);
  facilitator.thirtyFive.deal(dealt.plan!);
  await everyone((s) => s.thirtyFive?.phase === 'playing', 'the deal');

  const entered: ThirtyFiveSplit[] = [];
  for (let round = 0; round < 5; round++) {
    facilitator.thirtyFive.openRound({ minutes: 5 });
    await everyone((s) => s.thirtyFive?.roundOpen === true && s.thirtyFive.round === round, `round ${round + 1} to open`);
    const pairs = dealt.plan!.rounds[round]!.pairs;
    const stuck = round === 3 ? 1 : -1;
    const disagreeFirst = round === 1 ? 0 : -1;
    // Every participant chooses at once, each on their own client.
    clients.forEach((m, i) => {
      const seat = seatOf(m.getSnapshot().thirtyFive!, users[i]!.userId);
      if (seat.kind !== 'pair' || seat.pair === stuck) return;
      const forFirstCard = (round * 2 + seat.pair) % 8;
      const mine = seat.me === 0 ? [forFirstCard, 7 - forFirstCard] : [7 - forFirstCard, forFirstCard];
      if (seat.pair === disagreeFirst && seat.me === 1) m.thirtyFive.chooseSplit([mine[1]!, mine[0]!]);
      else m.thirtyFive.chooseSplit(mine);
    });
    if (disagreeFirst >= 0) {
      const pair = pairs[disagreeFirst]!;
      const a = clients[users.findIndex((u) => u.userId === pair.holders[1])]!;
      await until(a, (s) => seatOf(s.thirtyFive!, pair.holders[1]).kind === 'pair' && (seatOf(s.thirtyFive!, pair.holders[1]) as { outcome: { status: string } }).outcome.status === 'mismatch', 'the mismatch to show');
      const forFirstCard = (round * 2 + disagreeFirst) % 8;
      a.thirtyFive.chooseSplit([7 - forFirstCard, forFirstCard]); // settles on the partner's choice
    }
    pairs.forEach((_, p) => {
      if (p !== stuck) entered.push({ round, pair: p, points: [(round * 2 + p) % 8, 7 - ((round * 2 + p) % 8)] });
    });
    const expectAgreed = pairs.length - (stuck >= 0 ? 1 : 0);
    await everyone((s) => roundProgress(s.thirtyFive!, round).agreed === expectAgreed, `round ${round + 1} agreed everywhere`);
    if (stuck >= 0) facilitator.thirtyFive.closePair({ round, pair: stuck });
    const state = (await until(facilitator, (s) => s.thirtyFive!.closedPairs.length === (round >= 3 ? 1 : 0), 'the closed pair')).thirtyFive!;
    await api.thirtyFive.checkpoint(setup.communityId, started.gameId, {
      roundsClosed: round + 1,
      phase: round === 4 ? 'finished' : 'playing',
      splits: entered,
      closedPairs: state.closedPairs,
    });
    facilitator.thirtyFive.closeRound();
  }
  facilitator.thirtyFive.finish();
  const finals = await everyone((s) => s.thirtyFive?.phase === 'finished', 'the end');

  // Every client derives the same result, and it is the engine's score of what was entered.
  const expected = scoreThirtyFive(dealt.plan!, entered);
  for (const s of finals) expect(gameResult(s.thirtyFive!).map((c) => [c.cardId, c.total, c.roundsScored, c.rank])).toEqual(expected.map((c) => [c.cardId, c.total, c.roundsScored, c.rank]));
  const totalPoints = expected.reduce((sum, c) => sum + c.total, 0);
  expect(totalPoints).toBe(7 * entered.length);

  const result = gameResult(finals[0]!.thirtyFive!);
  const committed = await api.thirtyFive.commit(setup.communityId, started.gameId, { splits: entered, merges: [], result });
  facilitator.thirtyFive.markCommitted(committed.game.committed!);
  await everyone((s) => s.thirtyFive?.committed !== undefined, 'the commit to show');
  const backlog = await apiFor(users[3]!).listTopics(setup.communityId);
  const titleOf = new Map(dealt.cards.map((c) => [c.id, c.title]));
  expect(backlog.filter((t) => t.state === 'prioritised').map((t) => [t.rank, t.title, t.score?.roundsScored])).toEqual(
    expected.map((c, i) => [i + 1, titleOf.get(c.cardId), c.roundsScored]),
  );
});

it('resumes a game from its last checkpoint when the live container is lost, and loses no saved round', async () => {
  const users = setup.users.slice(0, 4);
  const meetingId = 'resume-meeting';
  let clients = await Promise.all(users.map((u) => join(u, meetingId)));
  const api = apiFor(users[0]!);
  const game = await api.thirtyFive.start(setup.communityId, meetingId, {});
  clients[0]!.thirtyFive.start({ gameId: game.gameId, plannedRounds: game.plannedRounds });
  await everyone((s) => s.thirtyFive?.gameId === game.gameId, 'the game', clients);
  clients.forEach((m, i) => m.thirtyFive.writeCard({ title: `Card ${i + 1}` }));
  const written = await until(clients[0]!, (s) => s.thirtyFive?.cards.length === users.length, 'cards');
  const dealt = await api.thirtyFive.deal(setup.communityId, game.gameId, written.thirtyFive!.cards);
  clients[0]!.thirtyFive.deal(dealt.plan!);
  const entered: ThirtyFiveSplit[] = [];
  for (let round = 0; round < 2; round++) {
    clients[0]!.thirtyFive.openRound();
    await everyone((s) => s.thirtyFive?.roundOpen === true && s.thirtyFive.round === round, 'open', clients);
    entered.push(...(await playRound(clients, users, dealt.plan!, round)));
    await api.thirtyFive.checkpoint(setup.communityId, game.gameId, { roundsClosed: round + 1, phase: 'playing', splits: entered, closedPairs: [] });
    clients[0]!.thirtyFive.closeRound();
  }
  // Round 3 is half played when the container is lost (the live service restarts and forgets it):
  // those choices were never saved. Only a container the service cannot load is replaced (ADR 0005).
  clients[0]!.thirtyFive.openRound();
  const lost = (await api.openLiveMeeting(setup.communityId, meetingId)).containerId;
  for (const m of clients) m.dispose();
  await stack.fluid.stop();
  restarted = await startLocalFluidService({ port: stack.fluid.port });

  // The facilitator's panel reports the lost container and gets its replacement; the others then open that one.
  const first = await join(users[0]!, meetingId, lost);
  clients = [first, ...(await Promise.all(users.slice(1).map((u) => join(u, meetingId))))];
  expect(clients[0]!.containerId).not.toBe(lost);
  expect(clients.every((m) => m.containerId === clients[0]!.containerId)).toBe(true);
  expect(clients[0]!.getSnapshot().thirtyFive).toBeUndefined();
  const latest = (await api.thirtyFive.latest(setup.communityId, meetingId))!;
  clients[0]!.thirtyFive.resume(checkpointOf(latest));
  const resumed = await everyone((s) => s.thirtyFive?.round === 2 && s.thirtyFive.phase === 'playing', 'the resumed game', clients);
  // The saved rounds are back, agreed as they were; the unsaved half of round 3 is gone.
  for (const s of resumed) expect(s.thirtyFive!.choices.every((c) => c.round < 2)).toBe(true);
  for (const s of resumed) expect(agreedSplits(s.thirtyFive!)).toEqual(entered);
  for (let round = 2; round < 5; round++) {
    clients[0]!.thirtyFive.openRound();
    await everyone((s) => s.thirtyFive?.roundOpen === true && s.thirtyFive.round === round, 'open', clients);
    entered.push(...(await playRound(clients, users, dealt.plan!, round)));
    await api.thirtyFive.checkpoint(setup.communityId, game.gameId, { roundsClosed: round + 1, phase: round === 4 ? 'finished' : 'playing', splits: entered, closedPairs: [] });
    clients[0]!.thirtyFive.closeRound();
  }
  clients[0]!.thirtyFive.finish();
  const [final] = await everyone((s) => s.thirtyFive?.phase === 'finished', 'the end', clients);
  const result = gameResult(final!.thirtyFive!);
  expect(result.map((c) => [c.cardId, c.total])).toEqual(scoreThirtyFive(dealt.plan!, entered).map((c) => [c.cardId, c.total]));
  const committed = await api.thirtyFive.commit(setup.communityId, game.gameId, { splits: entered, merges: [], result });
  expect(committed.game.status).toBe('committed');
});
