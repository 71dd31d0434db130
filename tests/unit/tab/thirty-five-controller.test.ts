import type { GameRecordView } from '../../../src/api/thirty-five-schemas';
import { agreedSplits, checkpointOf, gameResult, type GameState } from '../../../src/domain/thirty-five';
import type { LiveThirtyFive } from '../../../src/live/live-meeting';
import type { ApiClient } from '../../../src/tab/api-client';
import {
  GameActionRefusedError,
  cardsOfPlayersOn,
  createGameController,
  isResumable,
  redealChange,
} from '../../../src/tab/features/thirty-five/game-controller';
import { PEOPLE, agreeAll, allPlayed, dealt, writing } from './thirty-five-fixtures';

type Call = [string, ...unknown[]];

function record(over: Partial<GameRecordView> = {}): GameRecordView {
  return {
    gameId: 'g1',
    communityId: 'c1',
    meetingId: 'm1',
    status: 'writing',
    plannedRounds: 5,
    seed: 'seed-1',
    cards: [],
    plan: null,
    roundsClosed: 0,
    splits: [],
    closedPairs: [],
    merges: [],
    result: null,
    committed: null,
    startedBy: 'u1',
    startedAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    ...over,
  };
}

/** Stubs that log every call in order; `fail` makes the named API call reject like the server would. */
function stubs(opts: { fail?: string; latest?: GameRecordView | null; noPlan?: boolean } = {}) {
  const calls: Call[] = [];
  const plan = dealt().plan!;
  const refuse = (name: string) => {
    if (opts.fail === name) throw Object.assign(new Error(`The server refused ${name}.`), { code: 'VALIDATION_FAILED' });
  };
  const api: ApiClient['thirtyFive'] = {
    start: async (c, m, req) => (calls.push(['api.start', c, m, req]), refuse('start'), record({ plannedRounds: req?.rounds ?? 5 })),
    latest: async (c, m) => (calls.push(['api.latest', c, m]), opts.latest ?? null),
    deal: async (c, g, cards) => (calls.push(['api.deal', c, g, cards.length]), refuse('deal'), record({ status: 'playing', plan: opts.noPlan ? null : plan })),
    redeal: async (c, g, req) => (calls.push(['api.redeal', c, g, req]), refuse('redeal'), record({ status: 'playing', plan })),
    checkpoint: async (c, g, req) => (calls.push(['api.checkpoint', c, g, req]), refuse('checkpoint'), record({ status: req.phase })),
    commit: async (c, g, req) => (
      calls.push(['api.commit', c, g, req]),
      refuse('commit'),
      { game: record({ status: 'committed', committed: { at: '2025-01-01T11:00:00.000Z', topicIds: ['t1', 't2'] } }), topics: [] }
    ),
  };
  const liveCall =
    (name: string) =>
    (...args: unknown[]): never =>
      calls.push([`live.${name}`, ...args]) as never;
  const live = {
    writeCard: liveCall('writeCard'),
    chooseSplit: liveCall('chooseSplit'),
    start: liveCall('start'),
    deal: liveCall('deal'),
    redeal: liveCall('redeal'),
    openRound: liveCall('openRound'),
    closeRound: liveCall('closeRound'),
    closePair: liveCall('closePair'),
    finish: liveCall('finish'),
    merge: liveCall('merge'),
    unmerge: liveCall('unmerge'),
    markCommitted: liveCall('markCommitted'),
    resume: liveCall('resume'),
  } as unknown as LiveThirtyFive;
  const controller = createGameController({ api, live, communityId: 'c1', meetingId: 'm1' });
  return { calls, controller, plan };
}

const names = (calls: Call[]) => calls.map((c) => c[0]);

describe('Thirty Five facilitator steps: the server first, then the live meeting', () => {
  it('starts a game with the rounds asked for, then opens card writing live', async () => {
    const { calls, controller } = stubs();
    await controller.start(3);
    expect(calls).toEqual([
      ['api.start', 'c1', 'm1', { rounds: 3 }],
      ['live.start', { gameId: 'g1', plannedRounds: 3 }],
    ]);
  });

  it('refuses a start with a silly number of rounds without asking the server', async () => {
    const { calls, controller } = stubs();
    await expect(controller.start(0)).rejects.toBeInstanceOf(GameActionRefusedError);
    await expect(controller.start(11)).rejects.toThrow('1 to 10 rounds');
    expect(calls).toEqual([]);
  });

  it('deals the written cards and puts the server\'s plan into the live game', async () => {
    const { calls, controller, plan } = stubs();
    await controller.deal(writing());
    expect(calls).toEqual([
      ['api.deal', 'c1', 'g1', 5],
      ['live.deal', plan],
    ]);
  });

  it('does not deal under two cards, nor when the server sends no plan', async () => {
    const one = stubs();
    await expect(one.controller.deal(writing(['u1']))).rejects.toThrow('At least two people');
    expect(one.calls).toEqual([]);
    const noPlan = stubs({ noPlan: true });
    await expect(noPlan.controller.deal(writing())).rejects.toThrow('no plan');
    expect(names(noPlan.calls)).toEqual(['api.deal']);
  });

  it('opens a round live only, with its timer', () => {
    const { calls, controller } = stubs();
    controller.openRound(dealt(), 5);
    controller.openRound(dealt());
    expect(calls).toEqual([
      ['live.openRound', { minutes: 5 }],
      ['live.openRound', { minutes: 0 }],
    ]);
    expect(() => controller.openRound(dealt(), 16)).toThrow('0 to 15 minutes');
    expect(() => controller.openRound(dealt(undefined, 5, { roundOpen: true }))).toThrow('already open');
    expect(() => controller.openRound(allPlayed())).toThrow('All 5 rounds are played');
  });

  it('closes a round after the server saved its checkpoint (rounds closed, agreed splits, closed pairs)', async () => {
    const base = dealt(PEOPLE, 5, { round: 1, roundOpen: true });
    const state: GameState = { ...base, choices: [...agreeAll(base, 0), ...agreeAll(base, 1)], closedPairs: [] };
    const { calls, controller } = stubs();
    await controller.closeRound(state);
    expect(calls).toEqual([
      ['api.checkpoint', 'c1', 'g1', { roundsClosed: 2, phase: 'playing', splits: agreedSplits(state, 1), closedPairs: [] }],
      ['live.closeRound'],
    ]);
    expect((calls[0]![3] as { splits: unknown[] }).splits).toHaveLength(4);
  });

  it('keeps the round open when the server refuses the checkpoint, with the server\'s message', async () => {
    const { calls, controller } = stubs({ fail: 'checkpoint' });
    await expect(controller.closeRound(dealt(PEOPLE, 5, { roundOpen: true }))).rejects.toThrow('The server refused checkpoint.');
    expect(names(calls)).toEqual(['api.checkpoint']);
  });

  it('refuses to close a round that is not open', async () => {
    const { calls, controller } = stubs();
    await expect(controller.closeRound(dealt())).rejects.toThrow('No round is open.');
    expect(calls).toEqual([]);
  });

  it('closes a stuck pair live, but not an agreed one', () => {
    const base = dealt(PEOPLE, 5, { roundOpen: true });
    const { calls, controller } = stubs();
    controller.closePair(base, { round: 0, pair: 1 });
    expect(calls).toEqual([['live.closePair', { round: 0, pair: 1 }]]);
    const agreed = { ...base, choices: agreeAll(base, 0) };
    expect(() => controller.closePair(agreed, { round: 0, pair: 0 })).toThrow('That pair has agreed');
  });

  it('finishes with a final checkpoint (every agreed split), then live', async () => {
    const state = allPlayed();
    const { calls, controller } = stubs();
    await controller.finish(state);
    expect(calls).toEqual([
      ['api.checkpoint', 'c1', 'g1', { roundsClosed: 5, phase: 'finished', splits: agreedSplits(state), closedPairs: [] }],
      ['live.finish'],
    ]);
    await expect(stubs().controller.finish(dealt(PEOPLE, 5, { round: 2 }))).rejects.toThrow('has not been played yet');
  });

  it('merges and unmerges duplicates live, after the finish only', () => {
    const finished: GameState = { ...allPlayed(), phase: 'finished' };
    const { calls, controller } = stubs();
    controller.merge(finished, { from: 'c-u2', into: 'c-u1' });
    controller.unmerge({ ...finished, merges: [{ from: 'c-u2', into: 'c-u1' }] }, 'c-u2');
    expect(calls).toEqual([
      ['live.merge', { from: 'c-u2', into: 'c-u1' }],
      ['live.unmerge', 'c-u2'],
    ]);
    expect(() => controller.merge(allPlayed(), { from: 'c-u2', into: 'c-u1' })).toThrow('after the last round');
    expect(() => controller.unmerge(finished, 'c-u2')).toThrow('not merged');
  });

  it('commits the splits, merges and the result it shows, then marks the live game committed', async () => {
    const finished: GameState = { ...allPlayed(), phase: 'finished', merges: [{ from: 'c-u2', into: 'c-u1' }] };
    const { calls, controller } = stubs();
    await controller.commit(finished);
    expect(calls).toEqual([
      ['api.commit', 'c1', 'g1', { splits: agreedSplits(finished), merges: finished.merges, result: gameResult(finished) }],
      ['live.markCommitted', { at: '2025-01-01T11:00:00.000Z', topicIds: ['t1', 't2'] }],
    ]);
  });

  it('does not mark the game committed when the server refuses the commit', async () => {
    const { calls, controller } = stubs({ fail: 'commit' });
    await expect(controller.commit({ ...allPlayed(), phase: 'finished' })).rejects.toThrow('The server refused commit.');
    expect(names(calls)).toEqual(['api.commit']);
  });

  it('re-deals from the next round with the cards of the people here (a leaver out, a late joiner in)', async () => {
    const state: GameState = { ...dealt(PEOPLE, 5, { round: 2 }) };
    const withLate: GameState = { ...state, cards: [...state.cards, { id: 'c-u6', authorId: 'u6', title: 'Late topic', description: '' }] };
    const here = ['u1', 'u2', 'u3', 'u4', 'u6']; // u5 left, u6 joined and wrote a card
    expect(redealChange(withLate, here)).toEqual({ leaving: ['u5'], joining: ['u6'], withoutCard: [] });
    expect(cardsOfPlayersOn(withLate, here).map((c) => c.authorId)).toEqual(['u1', 'u2', 'u3', 'u4', 'u6']);
    const { calls, controller, plan } = stubs();
    await controller.redeal(withLate, here);
    expect(calls).toEqual([
      ['api.redeal', 'c1', 'g1', { fromRound: 2, cards: cardsOfPlayersOn(withLate, here) }],
      ['live.redeal', plan],
    ]);
  });

  it('re-deals between rounds only, with at least two people playing on', async () => {
    const { controller, calls } = stubs();
    await expect(controller.redeal(dealt(PEOPLE, 5, { roundOpen: true }), PEOPLE)).rejects.toThrow('Close the open round');
    await expect(controller.redeal(dealt(), ['u1'])).rejects.toThrow('At least two people');
    await expect(controller.redeal(allPlayed(), PEOPLE)).rejects.toThrow('nothing left to re-deal');
    expect(calls).toEqual([]);
  });

  it('names people here without a card, who a re-deal would leave out', () => {
    expect(redealChange(dealt(), [...PEOPLE, 'u6'])).toEqual({ leaving: [], joining: [], withoutCard: ['u6'] });
  });
});

describe('resuming a game the live meeting lost', () => {
  const d = dealt();
  const saved = record({
    status: 'playing',
    cards: d.cards,
    plan: d.plan!,
    roundsClosed: 2,
    splits: [{ round: 0, pair: 0, points: [5, 2] }],
    closedPairs: [{ round: 1, pair: 1 }],
    merges: [],
  });

  it('turns the record into a checkpoint (phase from the status, the plan, closed rounds)', () => {
    expect(checkpointOf(saved)).toEqual({
      gameId: 'g1',
      phase: 'playing',
      plannedRounds: 5,
      cards: d.cards,
      plan: d.plan,
      roundsClosed: 2,
      splits: [{ round: 0, pair: 0, points: [5, 2] }],
      closedPairs: [{ round: 1, pair: 1 }],
      merges: [],
      committed: undefined,
    });
    expect(checkpointOf(record()).plan).toBeUndefined();
  });

  it('offers only a game that is not committed yet', async () => {
    expect(isResumable(saved)).toBe(true);
    expect(isResumable(null)).toBe(false);
    expect(isResumable(record({ status: 'committed', committed: { at: 'x', topicIds: [] } }))).toBe(false);
    const none = stubs({ latest: record({ status: 'committed', committed: { at: 'x', topicIds: [] } }) });
    expect(await none.controller.findResumable()).toBeNull();
    const some = stubs({ latest: saved });
    expect(await some.controller.findResumable()).toBe(saved);
    expect(some.calls).toEqual([['api.latest', 'c1', 'm1']]);
  });

  it('resumes live from the checkpoint', () => {
    const { calls, controller } = stubs();
    controller.resume(saved);
    expect(calls).toEqual([['live.resume', checkpointOf(saved)]]);
    expect(() => controller.resume(record({ status: 'committed' }))).toThrow('already in the backlog');
  });
});
