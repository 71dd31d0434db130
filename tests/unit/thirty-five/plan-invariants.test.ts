/**
 * Property tests of the guaranteed plan invariants, for n = 2..60 and arbitrary seeds, ids and rounds.
 */
import fc from 'fast-check';
import { planThirtyFive, type ThirtyFivePlan } from '../../../src/domain/thirty-five';
import {
  byeRotationViolations,
  cardPairCounts,
  coverageViolations,
  cycleOf,
  gameOf,
  makeGame,
  partnerViolations,
  scramble,
  type Game,
} from './plan-checks';

const seedArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const idsArb = (min: number, max: number) =>
  fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: min, maxLength: max });

const caseArb = fc.record({
  n: fc.integer({ min: 2, max: 60 }),
  salt: fc.nat(1000),
  seed: seedArb,
  rounds: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
});

function allViolations(plan: ThirtyFivePlan, game: Game, rounds: number): string[] {
  const n = game.participants.length;
  const out = [...coverageViolations(plan, game)];
  if (plan.rounds.length !== rounds) out.push(`planned ${plan.rounds.length} rounds, want ${rounds}`);
  out.push(...byeRotationViolations(plan.rounds, game.participants, (r) => r.bye?.holder));
  out.push(
    ...byeRotationViolations(
      plan.rounds,
      game.cards.map((c) => c.id),
      (r) => r.bye?.card,
    ),
  );
  out.push(...partnerViolations(plan.rounds, game.participants));
  // Two cards meet at most once per round-robin cycle: ⌈rounds ÷ cycle⌉ in all, the fewest possible.
  const maxCompared = Math.max(0, ...cardPairCounts(plan.rounds).values());
  if (maxCompared > Math.ceil(rounds / cycleOf(n)))
    out.push(`a card pair is compared ${maxCompared} times in ${rounds} rounds`);
  for (const round of plan.rounds) {
    if (round.pairs.length !== Math.floor(n / 2))
      out.push(`round has ${round.pairs.length} pairs for ${n} participants`);
  }
  return out;
}

describe('planThirtyFive invariants (property)', () => {
  it('deals every card once per round, never to its author, rotates byes, never repeats partners or card pairs needlessly', () => {
    fc.assert(
      fc.property(caseArb, ({ n, salt, seed, rounds }) => {
        const game = makeGame(n, salt);
        const plan = planThirtyFive({ ...game, seed, rounds });
        expect(allViolations(plan, game, rounds ?? 5)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('holds for arbitrary participant ids', () => {
    fc.assert(
      fc.property(idsArb(2, 25), seedArb, (ids, seed) => {
        const game = gameOf(ids);
        const plan = planThirtyFive({ ...game, seed });
        expect(allViolations(plan, game, 5)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('holds for long games (more rounds than a round-robin cycle) with few participants', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 6, max: 24 }), seedArb, (n, rounds, seed) => {
        const game = makeGame(n, rounds);
        const plan = planThirtyFive({ ...game, seed, rounds });
        expect(allViolations(plan, game, rounds)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('with an odd count, everybody sits out exactly once per n rounds, and every card goes unscored once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), seedArb, (half, seed) => {
        const n = 2 * half + 1;
        const game = makeGame(n, half);
        const plan = planThirtyFive({ ...game, seed, rounds: n });
        const byes = plan.rounds.map((r) => r.bye?.holder);
        const byeCards = plan.rounds.map((r) => r.bye?.card);
        expect(new Set(byes).size).toBe(n);
        expect(new Set(byeCards).size).toBe(n);
        expect(byes).not.toContain(undefined);
      }),
      { numRuns: 25 },
    );
  });
});

describe('planThirtyFive determinism', () => {
  it('gives the same plan for the same input and seed', () => {
    fc.assert(
      fc.property(caseArb, ({ n, salt, seed, rounds }) => {
        const game = makeGame(n, salt);
        expect(planThirtyFive({ ...game, seed, rounds })).toEqual(planThirtyFive({ ...game, seed, rounds }));
      }),
      { numRuns: 30 },
    );
  });

  it('does not depend on the order of participants or cards in the input', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ n, salt, seed, rounds }, shuffle) => {
        const game = makeGame(n, salt);
        const reordered = {
          participants: scramble(game.participants, shuffle),
          cards: scramble(game.cards, shuffle + 7),
        };
        expect(planThirtyFive({ ...reordered, seed, rounds })).toEqual(planThirtyFive({ ...game, seed, rounds }));
      }),
      { numRuns: 40 },
    );
  });

  it('treats a number seed and its decimal string alike, and different seeds deal differently', () => {
    const game = makeGame(10);
    expect(planThirtyFive({ ...game, seed: 42 })).toEqual(planThirtyFive({ ...game, seed: '42' }));
    const plans = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((seed) =>
      JSON.stringify(planThirtyFive({ ...game, seed })),
    );
    expect(new Set(plans).size).toBe(plans.length);
  });

  it('does not mutate its input', () => {
    const game = makeGame(9, 3);
    const copy = JSON.parse(JSON.stringify(game)) as Game;
    planThirtyFive({ ...game, seed: 'x' });
    expect(game).toEqual(copy);
  });
});
