/**
 * The Thirty Five use cases the server vouches for votes with (issue 9), on the embedded store in
 * memory: a split is taken only from a member seated in that pair of the open round (seat, phase,
 * validity), one stored entry per person and round (re-choosing replaces one's own); the round's
 * checkpoint and the commit are computed from the stored splits only.
 */
import type { AppDeps } from '../../../src/application/deps';
import { checkpointThirtyFive } from '../../../src/application/use-cases/checkpoint-thirty-five';
import { chooseThirtyFiveSplit } from '../../../src/application/use-cases/choose-thirty-five-split';
import { closeThirtyFivePair } from '../../../src/application/use-cases/close-thirty-five-pair';
import { commitThirtyFive } from '../../../src/application/use-cases/commit-thirty-five';
import { dealThirtyFive } from '../../../src/application/use-cases/deal-thirty-five';
import { openThirtyFiveRound } from '../../../src/application/use-cases/open-thirty-five-round';
import { writeThirtyFiveCard } from '../../../src/application/use-cases/write-thirty-five-card';
import { scoreThirtyFive, type ThirtyFivePair, type ThirtyFivePlan } from '../../../src/domain/thirty-five';
import { code, thirtyFiveWorld, value, who } from '../../fixtures/use-case-world';

const names = ['alex', 'bea', 'chen', 'dara', 'eli', 'fay'];

let deps: AppDeps;
let communityId: string;
let gameId: string;
let plan: ThirtyFivePlan;
beforeEach(async () => {
  ({ deps, communityId, gameId } = await thirtyFiveWorld(names));
  for (const u of names)
    value(await writeThirtyFiveCard(deps, who(u), { communityId, gameId, title: `Topic of ${u}` }));
  plan = value(await dealThirtyFive(deps, who('alex'), { communityId, gameId })).plan!;
});

const open = (round = 0) => openThirtyFiveRound(deps, who('alex'), { communityId, gameId, round, minutes: 0 });
const choose = (userId: string, round: number, pair: number, points: number[]) =>
  chooseThirtyFiveSplit(deps, who(userId), { communityId, gameId, round, pair, points });
const pairOf = (round: number, p: number): ThirtyFivePair => plan.rounds[round]!.pairs[p]!;
const stored = (round = 0) => deps.store.thirtyFiveChoices.listForRound(communityId, gameId, round);

describe('a split the server vouches for', () => {
  it('is taken only while its round is open (phase)', async () => {
    const [a] = pairOf(0, 0).holders;
    expect(code(await choose(a, 0, 0, [4, 3]))).toBe('CONFLICT');
    value(await open());
    expect(code(await choose(a, 0, 0, [4, 3]))).toBe('OK');
    expect(code(await choose(a, 1, 0, [4, 3]))).toBe('CONFLICT'); // a later round is not open
    value(await checkpointThirtyFive(deps, who('alex'), { communityId, gameId, roundsClosed: 1, phase: 'playing' }));
    expect(code(await choose(a, 0, 0, [0, 7]))).toBe('CONFLICT'); // the round is closed
    expect((await stored()).map((c) => c.points)).toEqual([[4, 3]]);
  });

  it("is taken only from one of the pair's two holders in the server's plan (seat), and from members", async () => {
    value(await open());
    const [a, b] = pairOf(0, 0).holders;
    const other = pairOf(0, 1).holders[0];
    expect(code(await choose(other, 0, 0, [4, 3]))).toBe('FORBIDDEN');
    expect(
      code(
        await chooseThirtyFiveSplit(deps, who('mallory'), { communityId, gameId, round: 0, pair: 0, points: [4, 3] }),
      ),
    ).toBe('NOT_A_MEMBER');
    expect(
      code(
        await chooseThirtyFiveSplit(deps, who(a, 'tenant-b'), {
          communityId,
          gameId,
          round: 0,
          pair: 0,
          points: [4, 3],
        }),
      ),
    ).not.toBe('OK');
    expect(code(await choose(a, 0, 9, [4, 3]))).toBe('VALIDATION_FAILED');
    expect(code(await choose(b, 0, 0, [4, 3]))).toBe('OK');
    expect((await stored()).map((c) => c.userId)).toEqual([b]);
  });

  it('must be two whole numbers 0–7 summing to 7', async () => {
    value(await open());
    const [a] = pairOf(0, 0).holders;
    for (const bad of [[4, 4], [8, -1], [3.5, 3.5], [7]])
      expect(code(await choose(a, 0, 0, bad))).toBe('VALIDATION_FAILED');
    expect(await stored()).toEqual([]);
  });

  it("re-choosing replaces one's own entry (one per person and round), never another's", async () => {
    value(await open());
    const [a, b] = pairOf(0, 0).holders;
    value(await choose(a, 0, 0, [4, 3]));
    value(await choose(b, 0, 0, [4, 3]));
    value(await choose(a, 0, 0, [6, 1]));
    value(await choose(a, 0, 0, [6, 1]));
    expect((await stored()).map((c) => [c.userId, c.points])).toEqual(
      [
        [a, [6, 1]],
        [b, [4, 3]],
      ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
    );
  });

  it('is refused for a pair the facilitator closed; an agreed pair cannot be closed', async () => {
    value(await open());
    const [a, b] = pairOf(0, 0).holders;
    const [c] = pairOf(0, 1).holders;
    value(await choose(a, 0, 0, [5, 2]));
    value(await choose(b, 0, 0, [5, 2]));
    expect(code(await closeThirtyFivePair(deps, who('alex'), { communityId, gameId, round: 0, pair: 0 }))).toBe(
      'CONFLICT',
    );
    expect(code(await closeThirtyFivePair(deps, who('bea'), { communityId, gameId, round: 0, pair: 1 }))).toBe(
      'FORBIDDEN',
    );
    value(await closeThirtyFivePair(deps, who('alex'), { communityId, gameId, round: 0, pair: 1 }));
    expect(code(await choose(c, 0, 1, [5, 2]))).toBe('CONFLICT');
  });
});

describe('checkpoints and the commit computed from what the server stored', () => {
  it('saves the pairs whose holders stored the same split, closed pairs unscored, and a commit scored from them', async () => {
    value(await open());
    const [a, b] = pairOf(0, 0).holders;
    const [c, d] = pairOf(0, 1).holders;
    const [e] = pairOf(0, 2).holders;
    value(await choose(a, 0, 0, [5, 2]));
    value(await choose(b, 0, 0, [5, 2]));
    value(await choose(c, 0, 1, [1, 6]));
    value(await choose(d, 0, 1, [2, 5])); // disagree: unscored
    value(await choose(e, 0, 2, [7, 0])); // alone: unscored
    value(await closeThirtyFivePair(deps, who('alex'), { communityId, gameId, round: 0, pair: 2 }));
    const saved = value(
      await checkpointThirtyFive(deps, who('alex'), { communityId, gameId, roundsClosed: 1, phase: 'playing' }),
    );
    expect(saved).toMatchObject({
      roundsClosed: 1,
      splits: [{ round: 0, pair: 0, points: [5, 2] }],
      closedPairs: [{ round: 0, pair: 2 }],
      scoring: { round: 0, open: false },
    });
    // Repeating it changes nothing; going back or skipping a round is refused; a round never opened cannot close.
    expect(
      value(await checkpointThirtyFive(deps, who('alex'), { communityId, gameId, roundsClosed: 1, phase: 'playing' }))
        .splits,
    ).toEqual(saved.splits);
    expect(
      code(await checkpointThirtyFive(deps, who('alex'), { communityId, gameId, roundsClosed: 0, phase: 'playing' })),
    ).toBe('CONFLICT');
    expect(
      code(await checkpointThirtyFive(deps, who('alex'), { communityId, gameId, roundsClosed: 2, phase: 'finished' })),
    ).toBe('CONFLICT');
    value(await open(1));
    const [f, g] = pairOf(1, 0).holders;
    value(await choose(f, 1, 0, [3, 4]));
    value(await choose(g, 1, 0, [3, 4]));
    value(await checkpointThirtyFive(deps, who('alex'), { communityId, gameId, roundsClosed: 2, phase: 'finished' }));
    const splits = [
      { round: 0, pair: 0, points: [5, 2] },
      { round: 1, pair: 0, points: [3, 4] },
    ];
    const committed = value(await commitThirtyFive(deps, who('alex'), { communityId, gameId, merges: [] }));
    expect(committed.game.result!.map((r) => [r.cardId, r.total])).toEqual(
      scoreThirtyFive(plan, splits).map((r) => [r.cardId, r.total]),
    );
  });

  it('refuses a commit whose shown result is not what the saved rounds say', async () => {
    value(await open());
    const [a, b] = pairOf(0, 0).holders;
    value(await choose(a, 0, 0, [5, 2]));
    value(await choose(b, 0, 0, [5, 2]));
    value(await checkpointThirtyFive(deps, who('alex'), { communityId, gameId, roundsClosed: 1, phase: 'playing' }));
    value(await open(1));
    value(await checkpointThirtyFive(deps, who('alex'), { communityId, gameId, roundsClosed: 2, phase: 'finished' }));
    const forged = scoreThirtyFive(plan, [{ round: 0, pair: 0, points: [7, 0] }]).map((s, i) => ({
      ...s,
      mergedCardIds: [],
      rank: i + 1,
    }));
    expect(code(await commitThirtyFive(deps, who('alex'), { communityId, gameId, merges: [], result: forged }))).toBe(
      'RESULT_MISMATCH',
    );
  });
});
