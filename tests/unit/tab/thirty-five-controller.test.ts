import type { GameRecordView } from '../../../src/api/thirty-five-schemas';
import { checkpointOf, gameResult, seatOf, type GameState } from '../../../src/domain/thirty-five';
import { clientOk, type ClientResult } from '../../../src/live/client-result';
import type { LiveThirtyFive } from '../../../src/live/live-meeting';
import { ApiError, type ApiClient } from '../../../src/tab/api-client';
import { createGameController, isResumable, redealChange } from '../../../src/tab/features/thirty-five/game-controller';
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
    scoring: null,
    startedBy: 'u1',
    startedAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    ...over,
  };
}

/** Stubs that log every call in order; `fail` makes the named API call refuse like the server would. */
function stubs(opts: { fail?: string; failCode?: string; latest?: GameRecordView | null; noPlan?: boolean } = {}) {
  const calls: Call[] = [];
  const plan = dealt().plan!;
  const refuse = (name: string) => {
    if (opts.fail === name)
      throw new ApiError(opts.failCode ?? 'VALIDATION_FAILED', `The server refused ${name}.`, 400);
  };
  const committedRecord = record({
    status: 'committed',
    committed: { at: '2025-01-01T11:00:00.000Z', topicIds: ['t1', 't2'] },
  });
  const api: ApiClient['thirtyFive'] = {
    start: async (c, m, req) => (
      calls.push(['api.start', c, m, req]), refuse('start'), record({ plannedRounds: req?.rounds ?? 5 })
    ),
    latest: async (c, m) => (calls.push(['api.latest', c, m]), opts.latest ?? null),
    writeCard: async (c, g, text) => (
      calls.push(['api.writeCard', c, g, text]),
      refuse('writeCard'),
      { id: 'c-opaque-1', title: text.title, description: text.description ?? '' }
    ),
    myCard: async (c, g) => (calls.push(['api.myCard', c, g]), null),
    deal: async (c, g) => (
      calls.push(['api.deal', c, g]), refuse('deal'), record({ status: 'playing', plan: opts.noPlan ? null : plan })
    ),
    redeal: async (c, g, req) => (
      calls.push(['api.redeal', c, g, req]), refuse('redeal'), record({ status: 'playing', plan })
    ),
    openRound: async (c, g, req) => (
      calls.push(['api.openRound', c, g, req]),
      refuse('openRound'),
      record({
        status: 'playing',
        plan,
        scoring: { round: req.round, open: true, endsAt: req.minutes ? '2025-01-01T10:05:00.000Z' : null },
      })
    ),
    closePair: async (c, g, pair) => (
      calls.push(['api.closePair', c, g, pair]),
      refuse('closePair'),
      record({ status: 'playing', plan, closedPairs: [pair] })
    ),
    choose: async (c, g, b) => (
      calls.push(['api.choose', c, g, b]),
      refuse('choose'),
      { round: b.round, userId: 'me', points: [b.points[0]!, b.points[1]!] }
    ),
    checkpoint: async (c, g, req) => (
      calls.push(['api.checkpoint', c, g, req]),
      refuse('checkpoint'),
      record({
        status: req.phase,
        plan,
        roundsClosed: req.roundsClosed,
        splits: [{ round: 0, pair: 0, points: [5, 2] }],
      })
    ),
    commit: async (c, g, req) => (
      calls.push(['api.commit', c, g, req]), refuse('commit'), { game: committedRecord, topics: [] }
    ),
  };
  const liveCall =
    (name: string) =>
    (...args: unknown[]): ClientResult<unknown> => (calls.push([`live.${name}`, ...args]), clientOk());
  const live = {
    showCard: liveCall('showCard'),
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
    applyCheckpoint: liveCall('applyCheckpoint'),
    resume: liveCall('resume'),
  } as unknown as LiveThirtyFive;
  const controller = createGameController({ api, live, communityId: 'c1', meetingId: 'm1' });
  return { calls, controller, plan, committedRecord };
}

const names = (calls: Call[]) => calls.map((c) => c[0]);
const refusal = (r: ClientResult<unknown>) => (r.ok ? 'not refused' : r.error.message);

describe('Thirty Five steps: the server first, then the live meeting; refusals are values', () => {
  it('starts a game with the rounds asked for, then opens card writing live', async () => {
    const { calls, controller } = stubs();
    expect((await controller.start(3)).ok).toBe(true);
    expect(calls).toEqual([
      ['api.start', 'c1', 'm1', { rounds: 3 }],
      ['live.start', { gameId: 'g1', plannedRounds: 3 }],
    ]);
  });

  it('refuses a start with a silly number of rounds without asking the server', async () => {
    const { calls, controller } = stubs();
    expect(await controller.start(0)).toMatchObject({ ok: false, error: { code: 'ACTION_REFUSED' } });
    expect(refusal(await controller.start(11))).toMatch('1 to 10 rounds');
    expect(calls).toEqual([]);
  });

  it('writes my card on the server first, then shows it live under the opaque id the server gave, no author', async () => {
    const { calls, controller } = stubs();
    const card = await controller.writeCard(writing(), { title: '  Remote  retros ', description: '' });
    expect(card).toEqual({ ok: true, value: { id: 'c-opaque-1', title: 'Remote retros', description: '' } });
    expect(calls).toEqual([
      ['api.writeCard', 'c1', 'g1', { title: 'Remote retros', description: '' }],
      ['live.showCard', { id: 'c-opaque-1', title: 'Remote retros', description: '' }],
    ]);
  });

  it('shows nothing live when the server refuses my card, and refuses a bad card without asking', async () => {
    const refused = stubs({ fail: 'writeCard' });
    expect(refusal(await refused.controller.writeCard(writing(), { title: 'Fine' }))).toMatch('refused writeCard');
    expect(names(refused.calls)).toEqual(['api.writeCard']);
    const bad = stubs();
    expect(refusal(await bad.controller.writeCard(writing(), { title: 'x'.repeat(81) }))).toMatch('at most 80');
    expect(bad.calls).toEqual([]);
  });

  it("asks the server to deal the cards it stored (no cards, no authors sent) and shows the server's plan", async () => {
    const { calls, controller, plan } = stubs();
    await controller.deal(writing());
    expect(calls).toEqual([
      ['api.deal', 'c1', 'g1'],
      ['live.deal', plan],
    ]);
  });

  it('does not deal under two cards, nor when the server sends no plan', async () => {
    const one = stubs();
    expect(refusal(await one.controller.deal(writing(['u1'])))).toMatch('At least two people');
    expect(one.calls).toEqual([]);
    const noPlan = stubs({ noPlan: true });
    expect(refusal(await noPlan.controller.deal(writing()))).toMatch('no plan');
    expect(names(noPlan.calls)).toEqual(['api.deal']);
  });

  it("sends my split to the server in the pair's card order, and shows it live only once stored", async () => {
    const state = dealt(PEOPLE, 5, { roundOpen: true });
    const me = state.plan!.rounds[0]!.pairs[1]!.holders[1];
    const seat = seatOf(state, me);
    if (seat.kind !== 'pair') throw new Error('a holder sits in a pair');
    const { calls, controller } = stubs();
    expect((await controller.choose(state, me, [5, 2])).ok).toBe(true);
    const inCardOrder = seat.me === 0 ? [5, 2] : [2, 5];
    expect(calls).toEqual([
      ['api.choose', 'c1', 'g1', { round: 0, pair: seat.pair, points: inCardOrder }],
      ['live.chooseSplit', [5, 2]],
    ]);
    const refused = stubs({ fail: 'choose', failCode: 'FORBIDDEN' });
    expect(await refused.controller.choose(state, me, [5, 2])).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(names(refused.calls)).toEqual(['api.choose']);
    const closed = stubs();
    expect(refusal(await closed.controller.choose(dealt(), me, [5, 2]))).toMatch('not open');
    expect(closed.calls).toEqual([]);
  });

  it("opens a round on the server, then live with the server's timer", async () => {
    const { calls, controller } = stubs();
    await controller.openRound(dealt(), 5);
    expect(calls).toEqual([
      ['api.openRound', 'c1', 'g1', { round: 0, minutes: 5 }],
      ['live.openRound', { endsAt: '2025-01-01T10:05:00.000Z' }],
    ]);
    expect(refusal(await controller.openRound(dealt(), 16))).toMatch('0 to 15 minutes');
    expect(refusal(await controller.openRound(dealt(undefined, 5, { roundOpen: true })))).toMatch('already open');
    expect(refusal(await controller.openRound(allPlayed()))).toMatch('All 5 rounds are played');
  });

  it("closes a round by asking the server, which computes it; the record's answer becomes the live game", async () => {
    const state = dealt(PEOPLE, 5, { round: 1, roundOpen: true });
    const { calls, controller, plan } = stubs();
    await controller.closeRound(state);
    expect(calls).toEqual([
      ['api.checkpoint', 'c1', 'g1', { roundsClosed: 2, phase: 'playing' }],
      [
        'live.applyCheckpoint',
        expect.objectContaining({ roundsClosed: 2, plan, splits: [{ round: 0, pair: 0, points: [5, 2] }] }),
      ],
    ]);
  });

  it("keeps the round open when the server refuses the checkpoint, with the server's message", async () => {
    const { calls, controller } = stubs({ fail: 'checkpoint' });
    expect(refusal(await controller.closeRound(dealt(PEOPLE, 5, { roundOpen: true })))).toBe(
      'The server refused checkpoint.',
    );
    expect(names(calls)).toEqual(['api.checkpoint']);
  });

  it('refuses to close a round that is not open', async () => {
    const { calls, controller } = stubs();
    expect(refusal(await controller.closeRound(dealt()))).toMatch('No round is open.');
    expect(calls).toEqual([]);
  });

  it('closes a stuck pair on the server, then live, but not an agreed one', async () => {
    const base = dealt(PEOPLE, 5, { roundOpen: true });
    const { calls, controller } = stubs();
    await controller.closePair(base, { round: 0, pair: 1 });
    expect(calls).toEqual([
      ['api.closePair', 'c1', 'g1', { round: 0, pair: 1 }],
      ['live.closePair', { round: 0, pair: 1 }],
    ]);
    const agreed = { ...base, choices: agreeAll(base, 0) };
    expect(refusal(await controller.closePair(agreed, { round: 0, pair: 0 }))).toMatch('That pair has agreed');
  });

  it('finishes with a final checkpoint the server computes, then shows the record', async () => {
    const { calls, controller } = stubs();
    await controller.finish(allPlayed());
    expect(calls).toEqual([
      ['api.checkpoint', 'c1', 'g1', { roundsClosed: 5, phase: 'finished' }],
      ['live.applyCheckpoint', expect.objectContaining({ phase: 'finished', roundsClosed: 5 })],
    ]);
    expect(refusal(await stubs().controller.finish(dealt(PEOPLE, 5, { round: 2 })))).toMatch('has not been played yet');
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
    expect(refusal(controller.merge(allPlayed(), { from: 'c-u2', into: 'c-u1' }))).toMatch('after the last round');
    expect(refusal(controller.unmerge(finished, 'c-u2'))).toMatch('not merged');
  });

  it('commits the merges and the result it shows (no splits: the server scores its own), then shows the record', async () => {
    const finished: GameState = { ...allPlayed(), phase: 'finished', merges: [{ from: 'c-u2', into: 'c-u1' }] };
    const { calls, controller } = stubs();
    expect((await controller.commit(finished)).ok).toBe(true);
    expect(calls).toEqual([
      ['api.commit', 'c1', 'g1', { merges: finished.merges, result: gameResult(finished) }],
      [
        'live.applyCheckpoint',
        expect.objectContaining({ committed: { at: '2025-01-01T11:00:00.000Z', topicIds: ['t1', 't2'] } }),
      ],
    ]);
  });

  it('does not mark the game committed when the server refuses the commit', async () => {
    const { calls, controller } = stubs({ fail: 'commit' });
    expect(refusal(await controller.commit({ ...allPlayed(), phase: 'finished' }))).toBe('The server refused commit.');
    expect(names(calls)).toEqual(['api.commit']);
  });

  it("shows the record when the screen's result is not what the saved rounds say, and asks to check and commit again", async () => {
    const saved = record({ status: 'finished', plan: dealt().plan!, roundsClosed: 5 });
    const { calls, controller } = stubs({ fail: 'commit', failCode: 'RESULT_MISMATCH', latest: saved });
    expect(refusal(await controller.commit({ ...allPlayed(), phase: 'finished' }))).toMatch('It is updated now');
    expect(names(calls)).toEqual(['api.commit', 'api.latest', 'live.applyCheckpoint']);
  });

  it('re-deals from the next round for the people here (a leaver out, a late joiner in): only who plays', async () => {
    const state: GameState = { ...dealt(PEOPLE, 5, { round: 2 }) };
    const withLate: GameState = {
      ...state,
      cards: [...state.cards, { id: 'c-opaque-late', title: 'Late topic', description: '' }],
    };
    const here = ['u1', 'u2', 'u3', 'u4', 'u6']; // u5 left, u6 joined and wrote a card
    expect(redealChange(withLate, here)).toEqual({ leaving: ['u5'], newCards: 1 });
    const { calls, controller, plan } = stubs();
    await controller.redeal(withLate, here);
    expect(calls).toEqual([
      ['api.redeal', 'c1', 'g1', { fromRound: 2, players: here }],
      ['live.redeal', plan],
    ]);
  });

  it('re-deals between rounds only, with at least two people playing on', async () => {
    const { controller, calls } = stubs();
    expect(refusal(await controller.redeal(dealt(PEOPLE, 5, { roundOpen: true }), PEOPLE))).toMatch(
      'Close the open round',
    );
    expect(refusal(await controller.redeal(dealt(), ['u1']))).toMatch('At least two people');
    expect(refusal(await controller.redeal(allPlayed(), PEOPLE))).toMatch('nothing left to re-deal');
    expect(calls).toEqual([]);
  });

  it('has nothing to re-deal when everyone dealt in is here and no card waits', () => {
    expect(redealChange(dealt(), [...PEOPLE, 'u6'])).toEqual({ leaving: [], newCards: 0 });
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
    expect(await none.controller.findResumable()).toEqual({ ok: true, value: null });
    const some = stubs({ latest: saved });
    expect(await some.controller.findResumable()).toEqual({ ok: true, value: saved });
    expect(some.calls).toEqual([['api.latest', 'c1', 'm1']]);
  });

  it('resumes live from the checkpoint, with the splits stored for the round being scored', () => {
    const { calls, controller } = stubs();
    const openChoices = [{ round: 2, userId: 'u1', points: [4, 3] as [number, number] }];
    controller.resume({ ...saved, openChoices });
    expect(calls).toEqual([['live.resume', checkpointOf(saved), openChoices]]);
    expect(refusal(controller.resume(record({ status: 'committed' })))).toMatch('already in the backlog');
  });
});
