/**
 * Re-planning after people left or joined: kept rounds stay, new rounds keep the invariants and
 * take the played rounds into account.
 */
import fc from 'fast-check';
import {
  planThirtyFive,
  replanFromRound,
  ThirtyFiveError,
  tryReplanFromRound,
  type ThirtyFivePlan,
  type ThirtyFivePlanInput,
  type ThirtyFiveRound,
} from '../../../src/domain/thirty-five';
import {
  byeRotationViolations,
  cardPairCounts,
  coverageViolations,
  cycleOf,
  holdingCounts,
  makeGame,
  pairKey,
  partnerViolations,
  scramble,
  type Game,
} from './plan-checks';

interface Scenario {
  game: Game;
  plan: ThirtyFivePlan;
  from: number;
  next: Game;
  total: number;
  replanned: ThirtyFivePlan;
}

/** Play `rounds`, then from `from` on: `leave` people leave (with their cards), `join` newcomers join. */
function scenario(
  n: number,
  rounds: number,
  from: number,
  leave: number,
  join: number,
  extra: number,
  salt: number,
): Scenario {
  const game = makeGame(n, salt);
  const plan = planThirtyFive({ ...game, seed: salt, rounds });
  const leaving = new Set(scramble(game.participants, salt + 11).slice(0, leave));
  const newcomers = Array.from({ length: join }, (_, i) => `late${i}`);
  const participants = [...game.participants.filter((p) => !leaving.has(p)), ...newcomers];
  if (participants.length < 2) participants.push('late-x');
  const cards = [
    ...game.cards.filter((c) => !leaving.has(c.authorId)),
    ...participants.filter((p) => p.startsWith('late')).map((p) => ({ id: `card-${p}`, authorId: p })),
  ];
  const next = { participants, cards };
  const total = rounds + extra;
  const replanned = replanFromRound(plan, from, { ...next, seed: `re-${salt}`, rounds: total });
  return { game, plan, from, next, total, replanned };
}

/** Rounds each id was absent from a pair (sat out or not there) in `rounds`. */
function sitOuts(
  rounds: readonly ThirtyFiveRound[],
  ids: readonly string[],
  onPair: (r: ThirtyFiveRound) => string[],
): Map<string, number> {
  const m = new Map(ids.map((id) => [id, 0]));
  for (const r of rounds) {
    const there = new Set(onPair(r));
    for (const id of ids) if (!there.has(id)) m.set(id, (m.get(id) as number) + 1);
  }
  return m;
}
const holdersOnPairs = (r: ThirtyFiveRound) => r.pairs.flatMap((p) => [...p.holders]);
const cardsOnPairs = (r: ThirtyFiveRound) => r.pairs.flatMap((p) => [...p.cards]);

/** The first sit-outs of the new rounds go to those who sat out least before (absence counts). */
function firstSitOutViolations(
  kept: readonly ThirtyFiveRound[],
  fresh: readonly ThirtyFiveRound[],
  ids: readonly string[],
  onPair: (r: ThirtyFiveRound) => string[],
  pick: (r: ThirtyFiveRound) => string | undefined,
): string[] {
  const before = sitOuts(kept, ids, onPair);
  const out: string[] = [];
  const done = new Set<string>();
  for (const [i, r] of fresh.slice(0, cycleOf(ids.length)).entries()) {
    const who = pick(r);
    if (who === undefined) continue;
    const waiting = ids.filter((id) => !done.has(id)).map((id) => before.get(id) as number);
    if ((before.get(who) as number) > Math.min(...waiting))
      out.push(
        `new round ${i}: ${who} (sat out ${before.get(who)}) before someone who sat out ${Math.min(...waiting)}`,
      );
    done.add(who);
  }
  return out;
}

const scenarioArb = fc
  .record({
    n: fc.integer({ min: 2, max: 40 }),
    rounds: fc.integer({ min: 1, max: 8 }),
    fromFrac: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    leave: fc.integer({ min: 0, max: 3 }),
    join: fc.integer({ min: 0, max: 3 }),
    extra: fc.integer({ min: 0, max: 2 }),
    salt: fc.nat(10_000),
  })
  .map((c) => ({ ...c, leave: Math.min(c.leave, c.n - 1), from: Math.floor(c.fromFrac * c.rounds) }));

describe('replanFromRound (property)', () => {
  it('keeps the played rounds and deals the new ones by every per-round rule', () => {
    fc.assert(
      fc.property(scenarioArb, ({ n, rounds, from, leave, join, extra, salt }) => {
        const s = scenario(n, rounds, from, leave, join, extra, salt);
        const kept = s.replanned.rounds.slice(0, from);
        const fresh = s.replanned.rounds.slice(from);
        expect(s.replanned.rounds).toHaveLength(s.total);
        kept.forEach((r, i) => expect(r).toBe(s.plan.rounds[i]));
        expect(coverageViolations(s.replanned, s.next, fresh)).toEqual([]);

        const ids = s.next.participants;
        const cardIds = s.next.cards.map((c) => c.id);
        // Within the new rounds: new partners while possible, card pairs at most once per cycle,
        // nobody sits out (no card goes unscored) twice before all have once.
        expect(partnerViolations(fresh, ids)).toEqual([]);
        const most = Math.max(0, ...cardPairCounts(fresh).values());
        expect(most).toBeLessThanOrEqual(Math.ceil(fresh.length / cycleOf(ids.length)));
        expect(byeRotationViolations(fresh, ids, (r) => r.bye?.holder)).toEqual([]);
        expect(byeRotationViolations(fresh, cardIds, (r) => r.bye?.card)).toEqual([]);
        // The first byes go to those who sat out least so far, counting absence.
        expect(firstSitOutViolations(kept, fresh, ids, holdersOnPairs, (r) => r.bye?.holder)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('from round 0 is the same as a fresh plan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 7 }), fc.string(), (n, rounds, seed) => {
        const game = makeGame(n, rounds);
        const old = planThirtyFive({ ...game, seed: 'old', rounds });
        const input = { ...game, seed, rounds };
        expect(replanFromRound(old, 0, input)).toEqual(planThirtyFive(input));
      }),
      { numRuns: 40 },
    );
  });

  it('is deterministic', () => {
    const a = scenario(17, 5, 2, 2, 1, 0, 99).replanned;
    const b = scenario(17, 5, 2, 2, 1, 0, 99).replanned;
    expect(a).toEqual(b);
  });
});

describe('replanFromRound takes the played rounds into account (fixed corpus, 8+ participants after the change)', () => {
  it('meets new partners, compares new card pairs, finds new judges, and unscores the least-unscored cards first', () => {
    const failures: string[] = [];
    let cases = 0;
    for (let salt = 0; salt < 160; salt++) {
      const n = 7 + (salt % 34);
      const from = 1 + (salt % 4);
      const s = scenario(n, 5, from, salt % 3, (salt >> 2) % 3, 0, salt);
      if (s.next.participants.length < 8) continue;
      cases++;
      const kept = s.replanned.rounds.slice(0, from);
      const fresh = s.replanned.rounds.slice(from);
      const met = new Set(kept.flatMap((r) => r.pairs.map((p) => pairKey(p.holders[0], p.holders[1]))));
      const compared = new Set(kept.flatMap((r) => r.pairs.map((p) => pairKey(p.cards[0], p.cards[1]))));
      for (const r of fresh)
        for (const p of r.pairs) {
          if (met.has(pairKey(p.holders[0], p.holders[1])))
            failures.push(`salt ${salt}: ${p.holders.join('+')} meet again`);
          if (compared.has(pairKey(p.cards[0], p.cards[1])))
            failures.push(`salt ${salt}: ${p.cards.join('+')} compared again`);
        }
      const twice = [...holdingCounts(s.replanned.rounds)].filter(([, v]) => v > 1);
      if (twice.length) failures.push(`salt ${salt}: ${twice.length} (judge, card) repeats`);
      failures.push(
        ...firstSitOutViolations(
          kept,
          fresh,
          s.next.cards.map((c) => c.id),
          cardsOnPairs,
          (r) => r.bye?.card,
        ).map((v) => `salt ${salt}: ${v}`),
      );
    }
    expect(cases).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  it('gives a late joiner a full set of new partners and keeps a leaver’s card out', () => {
    const game = makeGame(12, 4);
    const plan = planThirtyFive({ ...game, seed: 'late' });
    const gone = game.participants[0] as string;
    const participants = [...game.participants.slice(1), 'zed'];
    const cards = [...game.cards.filter((c) => c.authorId !== gone), { id: 'card-zed', authorId: 'zed' }];
    const next = replanFromRound(plan, 2, { participants, cards, seed: 'late-2' });
    const fresh = next.rounds.slice(2);
    const goneCard = game.cards.find((c) => c.authorId === gone)?.id;
    for (const r of fresh) {
      expect(r.pairs.flatMap((p) => [...p.holders])).not.toContain(gone);
      expect(r.pairs.flatMap((p) => [...p.cards])).not.toContain(goneCard);
    }
    const zedPartners = fresh.flatMap((r) =>
      r.pairs.filter((p) => p.holders.includes('zed')).map((p) => p.holders.find((h) => h !== 'zed')),
    );
    expect(new Set(zedPartners).size).toBe(3);
    expect(coverageViolations(next, { participants, cards }, fresh)).toEqual([]);
  });
});

describe('replanFromRound validation', () => {
  const game = makeGame(6, 1);
  const plan = planThirtyFive({ ...game, seed: 1 });
  const input: ThirtyFivePlanInput = { ...game, seed: 2 };

  function code(run: () => unknown): string {
    try {
      run();
    } catch (e) {
      if (e instanceof ThirtyFiveError) return e.code;
      throw e;
    }
    return 'none';
  }

  it('refuses fromRound out of range, or nothing left to plan', () => {
    expect(code(() => replanFromRound(plan, -1, input))).toBe('INVALID_REPLAN');
    expect(code(() => replanFromRound(plan, 6, input))).toBe('INVALID_REPLAN');
    expect(code(() => replanFromRound(plan, 1.5, input))).toBe('INVALID_REPLAN');
    expect(code(() => replanFromRound(plan, 5, input))).toBe('INVALID_REPLAN');
    expect(code(() => replanFromRound(plan, 3, { ...input, rounds: 3 }))).toBe('INVALID_REPLAN');
    expect(replanFromRound(plan, 5, { ...input, rounds: 7 }).rounds).toHaveLength(7);
  });

  it('refuses a new input that is not a game, and a malformed plan', () => {
    expect(code(() => replanFromRound(plan, 2, { ...input, participants: ['only'] }))).toBe('INVALID_PLAN_INPUT');
    expect(code(() => replanFromRound({ rounds: [] }, 0, input))).toBe('INVALID_PLAN');
  });

  it('refuses an author who already held their own card in a played round', () => {
    const r0 = plan.rounds[0] as ThirtyFiveRound;
    const [holder, card] = [r0.pairs[0]!.holders[0], r0.pairs[0]!.cards[0]];
    const author = game.cards.find((c) => c.id === card)!.authorId;
    // Swap the authorship of `card` and the holder's own card.
    const own = game.cards.find((c) => c.authorId === holder)!.id;
    const cards = game.cards.map((c) =>
      c.id === card ? { id: c.id, authorId: holder } : c.id === own ? { id: c.id, authorId: author } : c,
    );
    expect(code(() => replanFromRound(plan, 1, { ...input, cards }))).toBe('INVALID_REPLAN');
    const result = tryReplanFromRound(plan, 1, { ...input, cards });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION_FAILED');
  });
});
