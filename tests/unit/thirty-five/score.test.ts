/**
 * Scoring: split validation, totals, normalisation, ranking and tie-breaks.
 */
import fc from 'fast-check';
import {
  planThirtyFive,
  scoreThirtyFive,
  ThirtyFiveError,
  tryScoreThirtyFive,
  validateSplit,
  type ThirtyFiveCardScore,
  type ThirtyFivePlan,
  type ThirtyFiveSplit,
} from '../../../src/domain/thirty-five';
import { makeGame } from './plan-checks';

/** A tiny hand-made plan: 4 cards, 2 rounds, 2 pairs each. */
const handPlan: ThirtyFivePlan = {
  rounds: [
    {
      pairs: [
        { holders: ['a', 'b'], cards: ['C', 'D'] },
        { holders: ['c', 'd'], cards: ['A', 'B'] },
      ],
    },
    {
      pairs: [
        { holders: ['a', 'c'], cards: ['B', 'D'] },
        { holders: ['b', 'd'], cards: ['C', 'A'] },
      ],
    },
  ],
};

function thrown(run: () => unknown): ThirtyFiveError {
  try {
    run();
  } catch (e) {
    if (e instanceof ThirtyFiveError) return e;
    throw e;
  }
  throw new Error('expected a ThirtyFiveError');
}

describe('validateSplit', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7])('accepts %i–(7 − %i)', (a) => {
    expect(validateSplit([a, 7 - a])).toEqual({ ok: true, value: [a, 7 - a] });
  });

  it.each([
    ['a sum other than 7', [4, 4]],
    ['a sum below 7', [3, 3]],
    ['a negative number', [-1, 8]],
    ['more than 7', [8, -1]],
    ['a fraction', [3.5, 3.5]],
    ['a string', ['4', 3]],
    ['NaN', [Number.NaN, 7]],
    ['one number', [7]],
    ['three numbers', [3, 2, 2]],
    ['not an array', 7],
    ['null', null],
  ])('refuses %s', (_, points) => {
    const result = validateSplit(points);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION_FAILED');
      expect(result.error.message).toMatch(/split/i);
    }
  });
});

describe('scoreThirtyFive on a hand-made plan', () => {
  it('adds points per card, counts scored rounds and normalises to the planned rounds', () => {
    const scores = scoreThirtyFive(handPlan, [
      { round: 0, pair: 0, points: [5, 2] }, // C 5, D 2
      { round: 0, pair: 1, points: [7, 0] }, // A 7, B 0
      { round: 1, pair: 0, points: [3, 4] }, // B 3, D 4
      // round 1 pair 1 (C vs A) not scored
    ]);
    const byId = Object.fromEntries(scores.map((s) => [s.cardId, s]));
    expect(byId.A).toMatchObject({ total: 7, roundsScored: 1, normalized: 14, byRound: [7, null] });
    expect(byId.B).toMatchObject({ total: 3, roundsScored: 2, normalized: 3, byRound: [0, 3] });
    expect(byId.C).toMatchObject({ total: 5, roundsScored: 1, normalized: 10, byRound: [5, null] });
    expect(byId.D).toMatchObject({ total: 6, roundsScored: 2, normalized: 6, byRound: [2, 4] });
    expect(scores.map((s) => [s.cardId, s.rank])).toEqual([
      ['A', 1],
      ['C', 2],
      ['D', 3],
      ['B', 4],
    ]);
  });

  it('gives 0 and the last rank to a card with no scored round', () => {
    const scores = scoreThirtyFive(handPlan, [{ round: 0, pair: 0, points: [0, 7] }]);
    const byId = Object.fromEntries(scores.map((s) => [s.cardId, s]));
    expect(byId.A).toMatchObject({ total: 0, roundsScored: 0, normalized: 0 });
    expect(byId.C).toMatchObject({ total: 0, roundsScored: 1, normalized: 0 });
    expect(byId.D).toMatchObject({ total: 7, roundsScored: 1, normalized: 14, rank: 1 });
    // C (0 from one round) beats A and B (no rounds) on "more rounds scored"; A and B share rank 3.
    expect(scores.map((s) => [s.cardId, s.rank])).toEqual([
      ['D', 1],
      ['C', 2],
      ['A', 3],
      ['B', 3],
    ]);
  });

  it('breaks ties by rounds scored, then by more 7s, and shares the rank when still equal (1, 2, 2, 4)', () => {
    const plan: ThirtyFivePlan = {
      rounds: [
        {
          pairs: [
            { holders: ['a', 'b'], cards: ['P', 'Q'] },
            { holders: ['c', 'd'], cards: ['R', 'S'] },
          ],
        },
        {
          pairs: [
            { holders: ['a', 'c'], cards: ['P', 'R'] },
            { holders: ['b', 'd'], cards: ['Q', 'S'] },
          ],
        },
      ],
    };
    const scores = scoreThirtyFive(plan, [
      { round: 0, pair: 0, points: [7, 0] }, // P 7, Q 0
      { round: 0, pair: 1, points: [0, 7] }, // R 0, S 7
      { round: 1, pair: 0, points: [0, 7] }, // P 0, R 7
      { round: 1, pair: 1, points: [7, 0] }, // Q 7, S 0
    ]);
    // All four: total 7 in 2 rounds, one 7 each: all equal → all rank 1.
    expect(scores.map((s) => s.rank)).toEqual([1, 1, 1, 1]);
    expect(scores.map((s) => s.cardId)).toEqual(['P', 'Q', 'R', 'S']);

    // Competition ranking: P 8; Q 7 (3+4) and S 7 (4+3) equal on every rule; R 6 → 1, 2, 2, 4.
    const shared = scoreThirtyFive(plan, [
      { round: 0, pair: 0, points: [4, 3] }, // P 4, Q 3
      { round: 0, pair: 1, points: [3, 4] }, // R 3, S 4
      { round: 1, pair: 0, points: [4, 3] }, // P 4, R 3
      { round: 1, pair: 1, points: [4, 3] }, // Q 4, S 3
    ]);
    expect(shared.map((s) => [s.cardId, s.total, s.rank])).toEqual([
      ['P', 8, 1],
      ['Q', 7, 2],
      ['S', 7, 2],
      ['R', 6, 4],
    ]);

    // More 7s: P (7 + 0) and R (4 + 3) both have 7 in 2 rounds; P's 7 puts it ahead.
    const other: ThirtyFivePlan = {
      rounds: [
        {
          pairs: [
            { holders: ['a', 'b'], cards: ['P', 'Q'] },
            { holders: ['c', 'd'], cards: ['R', 'S'] },
          ],
        },
        {
          pairs: [
            { holders: ['a', 'c'], cards: ['P', 'S'] },
            { holders: ['b', 'd'], cards: ['R', 'Q'] },
          ],
        },
      ],
    };
    const sevens = scoreThirtyFive(other, [
      { round: 0, pair: 0, points: [7, 0] }, // P 7, Q 0
      { round: 0, pair: 1, points: [4, 3] }, // R 4, S 3
      { round: 1, pair: 0, points: [0, 7] }, // P 0, S 7
      { round: 1, pair: 1, points: [3, 4] }, // R 3, Q 4
    ]);
    expect(sevens.map((s) => [s.cardId, s.total, s.rank])).toEqual([
      ['S', 10, 1],
      ['P', 7, 2],
      ['R', 7, 3],
      ['Q', 4, 4],
    ]);
  });

  it('prefers the card resting on more rounds when normalised scores are equal', () => {
    const plan: ThirtyFivePlan = {
      rounds: [
        { pairs: [{ holders: ['a', 'b'], cards: ['X', 'Y'] }] },
        { pairs: [{ holders: ['a', 'b'], cards: ['Y', 'X'] }] },
      ],
    };
    // Both rounds scored 4–3: X and Y have 7 each in 2 rounds, equal on every rule.
    const scores = scoreThirtyFive(plan, [
      { round: 0, pair: 0, points: [4, 3] },
      { round: 1, pair: 0, points: [4, 3] },
    ]);
    expect(scores.map((s) => [s.cardId, s.normalized, s.roundsScored, s.rank])).toEqual([
      ['X', 7, 2, 1],
      ['Y', 7, 2, 1],
    ]);
    // Equal normalised score (8 of 14): Y from two rounds (3 + 5) ranks above X from one round (4).
    const four: ThirtyFivePlan = {
      rounds: [
        {
          pairs: [
            { holders: ['a', 'b'], cards: ['X', 'Y'] },
            { holders: ['c', 'd'], cards: ['Z', 'W'] },
          ],
        },
        {
          pairs: [
            { holders: ['a', 'c'], cards: ['X', 'Z'] },
            { holders: ['b', 'd'], cards: ['Y', 'W'] },
          ],
        },
      ],
    };
    const uneven = scoreThirtyFive(four, [
      { round: 0, pair: 0, points: [4, 3] },
      { round: 1, pair: 1, points: [5, 2] },
    ]);
    expect(uneven.map((s) => [s.cardId, s.normalized, s.roundsScored, s.rank])).toEqual([
      ['Y', 8, 2, 1],
      ['X', 8, 1, 2],
      ['W', 4, 1, 3],
      ['Z', 0, 0, 4],
    ]);
  });

  it('counts a bye as unscored for the card held', () => {
    const plan: ThirtyFivePlan = {
      rounds: [
        { pairs: [{ holders: ['a', 'b'], cards: ['C', 'A'] }], bye: { holder: 'c', card: 'B' } },
        { pairs: [{ holders: ['b', 'c'], cards: ['A', 'B'] }], bye: { holder: 'a', card: 'C' } },
      ],
    };
    const scores = scoreThirtyFive(plan, [
      { round: 0, pair: 0, points: [6, 1] },
      { round: 1, pair: 0, points: [2, 5] },
    ]);
    const byId = Object.fromEntries(scores.map((s) => [s.cardId, s]));
    expect(byId.B).toMatchObject({ total: 5, roundsScored: 1, normalized: 10, byRound: [null, 5] });
    expect(byId.C).toMatchObject({ total: 6, roundsScored: 1, normalized: 12, byRound: [6, null] });
    expect(byId.A).toMatchObject({ total: 3, roundsScored: 2, normalized: 3 });
  });
});

describe('scoreThirtyFive refuses bad splits', () => {
  const cases: [string, ThirtyFiveSplit[], string][] = [
    ['an unknown round', [{ round: 2, pair: 0, points: [4, 3] }], 'splits[0].round'],
    ['a negative round', [{ round: -1, pair: 0, points: [4, 3] }], 'splits[0].round'],
    ['an unknown pair', [{ round: 0, pair: 2, points: [4, 3] }], 'splits[0].pair'],
    ['a split not summing to 7', [{ round: 0, pair: 0, points: [4, 4] }], 'splits[0].points'],
    ['a split with a fraction', [{ round: 0, pair: 0, points: [3.5, 3.5] }], 'splits[0].points'],
    ['a split with three numbers', [{ round: 0, pair: 0, points: [3, 2, 2] }], 'splits[0].points'],
    [
      'two splits for one pair',
      [
        { round: 1, pair: 1, points: [4, 3] },
        { round: 1, pair: 1, points: [3, 4] },
      ],
      'splits[1]',
    ],
  ];
  it.each(cases)('refuses %s with INVALID_SPLIT', (_, splits, path) => {
    const error = thrown(() => scoreThirtyFive(handPlan, splits));
    expect(error.code).toBe('INVALID_SPLIT');
    expect(error.issues.map((i) => i.path)).toContain(path);
    const result = tryScoreThirtyFive(handPlan, splits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION_FAILED');
  });

  it('lists every bad split, not only the first', () => {
    const error = thrown(() =>
      scoreThirtyFive(handPlan, [
        { round: 0, pair: 0, points: [9, -2] },
        { round: 0, pair: 1, points: [4, 3] },
        { round: 5, pair: 0, points: [4, 3] },
      ]),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['splits[0].points', 'splits[2].round']);
  });

  it('refuses a malformed plan with INVALID_PLAN', () => {
    expect(thrown(() => scoreThirtyFive({ rounds: [] }, [])).code).toBe('INVALID_PLAN');
    const twice = { rounds: [{ pairs: [{ holders: ['a', 'b'], cards: ['A', 'A'] }] }] } as unknown as ThirtyFivePlan;
    expect(thrown(() => scoreThirtyFive(twice, [])).code).toBe('INVALID_PLAN');
  });
});

/** The documented ranking, written independently: is `a` strictly better than `b`? */
function better(a: ThirtyFiveCardScore, b: ThirtyFiveCardScore, sevens: Map<string, number[]>): boolean {
  const na = a.roundsScored ? a.total / a.roundsScored : 0;
  const nb = b.roundsScored ? b.total / b.roundsScored : 0;
  if (Math.abs(na - nb) > 1e-9) return na > nb;
  if (a.roundsScored !== b.roundsScored) return a.roundsScored > b.roundsScored;
  const ca = sevens.get(a.cardId) as number[];
  const cb = sevens.get(b.cardId) as number[];
  for (let p = 7; p >= 1; p--) if (ca[p] !== cb[p]) return (ca[p] as number) > (cb[p] as number);
  return false;
}

describe('scoreThirtyFive properties', () => {
  const gameArb = fc.record({
    n: fc.integer({ min: 2, max: 30 }),
    rounds: fc.integer({ min: 1, max: 7 }),
    seed: fc.nat(),
    keep: fc.double({ min: 0, max: 1, noNaN: true }),
    pointsSeed: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 120, maxLength: 120 }),
  });

  it('sums, normalises and ranks consistently', () => {
    fc.assert(
      fc.property(gameArb, ({ n, rounds, seed, keep, pointsSeed }) => {
        const game = makeGame(n, seed);
        const plan = planThirtyFive({ ...game, seed, rounds });
        const splits: ThirtyFiveSplit[] = [];
        let k = 0;
        plan.rounds.forEach((round, r) =>
          round.pairs.forEach((_, p) => {
            const a = pointsSeed[k++ % pointsSeed.length] as number;
            if ((k * 0.6180339887) % 1 < keep) splits.push({ round: r, pair: p, points: [a, 7 - a] });
          }),
        );
        const scores = scoreThirtyFive(plan, splits);

        // One entry per card; totals add up to 7 per recorded split.
        expect(scores.map((s) => s.cardId).sort()).toEqual(game.cards.map((c) => c.id).sort());
        expect(scores.reduce((sum, s) => sum + s.total, 0)).toBe(7 * splits.length);

        // Each card's figures, recomputed from the splits.
        const got = new Map<string, number[]>();
        for (const s of splits) {
          const cards = plan.rounds[s.round]!.pairs[s.pair]!.cards;
          cards.forEach((c, i) => got.set(c, [...(got.get(c) ?? []), s.points[i] as number]));
        }
        const counts = new Map<string, number[]>();
        for (const s of scores) {
          const pts = got.get(s.cardId) ?? [];
          expect(s.total).toBe(pts.reduce((a, b) => a + b, 0));
          expect(s.roundsScored).toBe(pts.length);
          expect(s.byRound.filter((x) => x !== null)).toHaveLength(pts.length);
          expect(s.normalized).toBeCloseTo(pts.length ? (s.total * rounds) / pts.length : 0, 9);
          expect(s.normalized).toBeLessThanOrEqual(7 * rounds);
          expect(s.normalized).toBeGreaterThanOrEqual(0);
          const c = new Array<number>(8).fill(0);
          for (const p of pts) c[p] = (c[p] as number) + 1;
          counts.set(s.cardId, c);
        }

        // Competition ranking: rank = 1 + number of strictly better cards; sorted by rank then id.
        for (const s of scores) {
          expect(s.rank).toBe(1 + scores.filter((o) => better(o, s, counts)).length);
        }
        for (let i = 1; i < scores.length; i++) {
          const [a, b] = [scores[i - 1]!, scores[i]!];
          expect(a.rank < b.rank || (a.rank === b.rank && a.cardId < b.cardId)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a full game of 5 rounds scores out of 35', () => {
    const game = makeGame(10, 1);
    const plan = planThirtyFive({ ...game, seed: 1 });
    const splits = plan.rounds.flatMap((round, r) =>
      round.pairs.map((_, p) => ({ round: r, pair: p, points: [7, 0] as const })),
    );
    const scores = scoreThirtyFive(plan, splits);
    expect(Math.max(...scores.map((s) => s.normalized))).toBeLessThanOrEqual(35);
    expect(scores.every((s) => s.roundsScored === 5)).toBe(true);
    expect(scores.reduce((a, s) => a + s.total, 0)).toBe(7 * 5 * 5);
  });
});
