/**
 * Worked examples (n = 2, 3, 4, 5, 35), plan quality on a fixed corpus, speed, and input validation.
 */
import {
  MAX_ROUNDS,
  planThirtyFive,
  ThirtyFiveError,
  tryPlanThirtyFive,
  type ThirtyFivePlanInput,
} from '../../../src/domain/thirty-five';
import {
  byeRotationViolations,
  cardPairCounts,
  coverageViolations,
  distinctHolders,
  holdingCounts,
  makeGame,
  partnerViolations,
  repeatedCardPairs,
  repeatedHoldings,
  selfJudgedPairs,
} from './plan-checks';

const matching = (round: { pairs: readonly { holders: readonly [string, string] }[] }) =>
  round.pairs
    .map((p) => [...p.holders].sort().join('+'))
    .sort()
    .join(' ');

describe('worked examples', () => {
  it('n = 2: the two are paired every round and hold each other’s card', () => {
    const game = {
      participants: ['ann', 'bob'],
      cards: [
        { id: 'A', authorId: 'ann' },
        { id: 'B', authorId: 'bob' },
      ],
    };
    const plan = planThirtyFive({ ...game, seed: 1 });
    expect(plan.rounds).toHaveLength(5);
    for (const round of plan.rounds) {
      expect(round.bye).toBeUndefined();
      expect(round.pairs).toHaveLength(1);
      const [pair] = round.pairs;
      const held = Object.fromEntries(pair!.holders.map((h, i) => [h, pair!.cards[i]]));
      expect(held).toEqual({ ann: 'B', bob: 'A' });
    }
  });

  it('n = 3: one pair and one bye per round; byes and unscored cards rotate; the fewest possible judge repeats', () => {
    const game = makeGame(3, 5);
    const plan = planThirtyFive({ ...game, seed: 'three' });
    expect(coverageViolations(plan, game)).toEqual([]);
    const byes = plan.rounds.map((r) => r.bye!.holder);
    const byeCards = plan.rounds.map((r) => r.bye!.card);
    expect(new Set(byes.slice(0, 3)).size).toBe(3);
    expect(new Set(byes.slice(3)).size).toBe(2);
    expect(new Set(byeCards.slice(0, 3)).size).toBe(3);
    expect(new Set(byeCards.slice(3)).size).toBe(2);
    // The three possible card pairs are each compared once in rounds 0–2.
    expect(new Set(plan.rounds.slice(0, 3).map((r) => [...r.pairs[0]!.cards].sort().join())).size).toBe(3);
    // A card is held 5 times and only 2 people may hold it: at least 3 repeats per card, 9 in all.
    expect(repeatedHoldings(plan.rounds)).toBe(9);
  });

  it('n = 4: the three possible pairings in rounds 0–2, then again; card pairs and judges repeat as little as possible', () => {
    const game = makeGame(4, 1);
    const plan = planThirtyFive({ ...game, seed: 4 });
    expect(coverageViolations(plan, game)).toEqual([]);
    const matchings = plan.rounds.map(matching);
    expect(new Set(matchings.slice(0, 3)).size).toBe(3);
    expect(partnerViolations(plan.rounds, game.participants)).toEqual([]);
    // 10 comparisons over 6 possible card pairs: at least 4 repeats, each pair at most twice.
    expect(repeatedCardPairs(plan.rounds)).toBe(4);
    expect(Math.max(...cardPairCounts(plan.rounds).values())).toBe(2);
    // Each card held 5 times by 3 possible judges: at least 2 repeats per card.
    expect(repeatedHoldings(plan.rounds)).toBe(8);
    // With 4 people a pair can always judge the other pair's cards.
    expect(selfJudgedPairs(plan.rounds, game)).toBe(0);
  });

  it('n = 5: everyone sits out once, every card is unscored once, every two cards meet exactly once', () => {
    const game = makeGame(5, 2);
    const plan = planThirtyFive({ ...game, seed: 'five' });
    expect(coverageViolations(plan, game)).toEqual([]);
    expect(new Set(plan.rounds.map((r) => r.bye!.holder)).size).toBe(5);
    expect(new Set(plan.rounds.map((r) => r.bye!.card)).size).toBe(5);
    const compared = cardPairCounts(plan.rounds);
    expect(compared.size).toBe(10);
    expect([...compared.values()].every((v) => v === 1)).toBe(true);
    expect(partnerViolations(plan.rounds, game.participants)).toEqual([]);
    // Lower bound 5 (each card held 5 times, 4 possible judges). With each card pair compared exactly
    // once, an exhaustive search finds (self-judged, repeats) = (4, 5), (3, 6) or (2, 8) at best.
    expect(repeatedHoldings(plan.rounds)).toBeLessThanOrEqual(6);
    expect(selfJudgedPairs(plan.rounds, game)).toBeLessThanOrEqual(3);
  });

  it('n = 35: 17 pairs and a bye each round; nothing repeats; every card meets 5 different judges', () => {
    const game = makeGame(35, 9);
    const plan = planThirtyFive({ ...game, seed: 'thirty-five' });
    expect(coverageViolations(plan, game)).toEqual([]);
    for (const round of plan.rounds) expect(round.pairs).toHaveLength(17);
    expect(new Set(plan.rounds.map((r) => r.bye!.holder)).size).toBe(5);
    expect(new Set(plan.rounds.map((r) => r.bye!.card)).size).toBe(5);
    expect(partnerViolations(plan.rounds, game.participants)).toEqual([]);
    expect(repeatedCardPairs(plan.rounds)).toBe(0);
    expect(repeatedHoldings(plan.rounds)).toBe(0);
    expect([...distinctHolders(plan.rounds).values()].every((v) => v === 5)).toBe(true);
    expect(selfJudgedPairs(plan.rounds, game)).toBe(0);
  });
});

describe('plan quality on a fixed corpus (best-effort goals, checked where they are met)', () => {
  it('6 to 60 participants, 1 to 5 rounds: no judge holds a card twice and no pair judges its own card', () => {
    const failures: string[] = [];
    for (let n = 6; n <= 60; n++) {
      for (let rounds = 1; rounds <= 5; rounds++) {
        for (const seed of [0, 1]) {
          const game = makeGame(n, seed);
          const plan = planThirtyFive({ ...game, seed, rounds });
          const rep = repeatedHoldings(plan.rounds);
          const self = selfJudgedPairs(plan.rounds, game);
          if (rep || self)
            failures.push(`n=${n} rounds=${rounds} seed=${seed}: ${rep} repeated judges, ${self} self-judged pairs`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('2 to 20 participants, up to 12 rounds: nobody holds a card more than ⌈rounds ÷ (n − 1)⌉ + 1 times', () => {
    const failures: string[] = [];
    for (let n = 2; n <= 20; n++) {
      for (const rounds of [2, 4, 7, 9, 12]) {
        const game = makeGame(n, rounds);
        const plan = planThirtyFive({ ...game, seed: `q${n}`, rounds });
        const most = Math.max(...holdingCounts(plan.rounds).values());
        if (most > Math.ceil(rounds / (n - 1)) + 1)
          failures.push(`n=${n} rounds=${rounds}: a card held ${most} times by one judge`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('speed', () => {
  it('plans 200 participants well under a second', () => {
    const game = makeGame(200, 3);
    planThirtyFive({ ...game, seed: 'warm-up' });
    const started = performance.now();
    const plan = planThirtyFive({ ...game, seed: 'timed' });
    const elapsed = performance.now() - started;
    expect(coverageViolations(plan, game)).toEqual([]);
    expect(byeRotationViolations(plan.rounds, game.participants, (r) => r.bye?.holder)).toEqual([]);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('input validation', () => {
  const good = makeGame(4);
  const cases: [string, ThirtyFivePlanInput, string][] = [
    [
      'fewer than 2 participants',
      { participants: ['a'], cards: [{ id: 'A', authorId: 'a' }], seed: 1 },
      'participants',
    ],
    ['no participants', { participants: [], cards: [], seed: 1 }, 'participants'],
    [
      'duplicate participant ids',
      {
        participants: ['a', 'b', 'a'],
        cards: [
          { id: 'A', authorId: 'a' },
          { id: 'B', authorId: 'b' },
          { id: 'C', authorId: 'a' },
        ],
        seed: 1,
      },
      'participants[2]',
    ],
    [
      'duplicate card ids',
      {
        participants: ['a', 'b'],
        cards: [
          { id: 'A', authorId: 'a' },
          { id: 'A', authorId: 'b' },
        ],
        seed: 1,
      },
      'cards[1].id',
    ],
    [
      'fewer cards than participants',
      {
        participants: ['a', 'b', 'c'],
        cards: [
          { id: 'A', authorId: 'a' },
          { id: 'B', authorId: 'b' },
        ],
        seed: 1,
      },
      'cards',
    ],
    [
      'a card by a non-participant',
      {
        participants: ['a', 'b'],
        cards: [
          { id: 'A', authorId: 'a' },
          { id: 'Z', authorId: 'zoe' },
        ],
        seed: 1,
      },
      'cards[1].authorId',
    ],
    [
      'two cards by one participant',
      {
        participants: ['a', 'b'],
        cards: [
          { id: 'A', authorId: 'a' },
          { id: 'A2', authorId: 'a' },
        ],
        seed: 1,
      },
      'cards[1].authorId',
    ],
    ['zero rounds', { ...good, seed: 1, rounds: 0 }, 'rounds'],
    ['fractional rounds', { ...good, seed: 1, rounds: 2.5 }, 'rounds'],
    ['too many rounds', { ...good, seed: 1, rounds: MAX_ROUNDS + 1 }, 'rounds'],
    [
      'an empty participant id',
      {
        participants: ['a', ''],
        cards: [
          { id: 'A', authorId: 'a' },
          { id: 'B', authorId: '' },
        ],
        seed: 1,
      },
      'participants[1]',
    ],
    ['a non-finite seed', { ...good, seed: Number.NaN }, 'seed'],
  ];

  it.each(cases)('refuses %s with INVALID_PLAN_INPUT naming the field', (_, input, path) => {
    let error: unknown;
    try {
      planThirtyFive(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ThirtyFiveError);
    expect((error as ThirtyFiveError).code).toBe('INVALID_PLAN_INPUT');
    expect((error as ThirtyFiveError).issues.map((i) => i.path)).toContain(path);
    const result = tryPlanThirtyFive(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION_FAILED');
      expect(result.error.issues?.map((i) => i.path)).toContain(path);
    }
  });

  it('accepts a valid input through the Result variant too', () => {
    const result = tryPlanThirtyFive({ ...good, seed: 's' });
    expect(result).toEqual({ ok: true, value: planThirtyFive({ ...good, seed: 's' }) });
  });
});
