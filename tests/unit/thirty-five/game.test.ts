/**
 * The game as it is played (src/domain/thirty-five/game.ts): who sits where, when a split counts,
 * what a facilitator may do when, and the ranked list after merges. Property tests check that the
 * derived tallies always equal the rules engine's score of what people agreed on.
 */
import fc from 'fast-check';
import {
  agreedSplits,
  checkCardText,
  checkChoice,
  checkMerges,
  checkStep,
  gameResult,
  planThirtyFive,
  rankWithMerges,
  roundOutcomes,
  roundProgress,
  sameResult,
  scoreThirtyFive,
  seatOf,
  SPLIT_OPTIONS,
  type GameState,
  type SplitChoice,
  type ThirtyFivePlan,
} from '../../../src/domain/thirty-five';

const people = (n: number) => Array.from({ length: n }, (_, i) => `p${i + 1}`);
const cardsOf = (ids: string[]) =>
  ids.map((p) => ({ id: `c-${p}`, authorId: p, title: `Topic of ${p}`, description: '' }));

function game(n: number, over: Partial<GameState> = {}): GameState {
  const ids = people(n);
  const cards = cardsOf(ids);
  const plan = planThirtyFive({ participants: ids, cards, seed: 'test' });
  return {
    gameId: 'g1',
    phase: 'playing',
    plannedRounds: 5,
    cards,
    plan,
    round: 0,
    roundOpen: true,
    roundEndsAt: undefined,
    choices: [],
    closedPairs: [],
    merges: [],
    committed: undefined,
    ...over,
  };
}

/** Both holders of `pair` in `round` choose `points` (in the pair's card order). */
const agree = (plan: ThirtyFivePlan, round: number, pair: number, points: [number, number]): SplitChoice[] =>
  plan.rounds[round]!.pairs[pair]!.holders.map((userId) => ({ round, userId, points }));

describe('card text', () => {
  it('keeps a one-line title of at most 80 characters and an optional description of at most 280', () => {
    expect(checkCardText('  Remote \n retros  ', ' why ')).toEqual({
      ok: true,
      value: { title: 'Remote retros', description: 'why' },
    });
    expect(checkCardText('   ').ok).toBe(false);
    const long = checkCardText('x'.repeat(81));
    expect(long.ok || long.error.message).toMatch(/at most 80 characters \(this one has 81\)/);
    expect(checkCardText('ok', 'y'.repeat(281)).ok).toBe(false);
    expect(checkCardText('x'.repeat(80), 'y'.repeat(280)).ok).toBe(true);
  });
});

describe('seats and pairs', () => {
  it("tells each participant the card they hold, their partner and the partner's card; never their own card", () => {
    const s = game(6);
    for (const p of people(6)) {
      const seat = seatOf(s, p);
      expect(seat.kind).toBe('pair');
      if (seat.kind !== 'pair') continue;
      const partnerSeat = seatOf(s, seat.partnerId);
      expect(partnerSeat.kind === 'pair' && partnerSeat.partnerId).toBe(p);
      expect(partnerSeat.kind === 'pair' && partnerSeat.myCard).toBe(seat.partnerCard);
      expect(seat.myCard).not.toBe(`c-${p}`);
    }
  });

  it('seats the bye of an odd game with its card, and nobody else', () => {
    const s = game(5);
    const bye = s.plan!.rounds[0]!.bye!;
    expect(seatOf(s, bye.holder)).toEqual({ kind: 'bye', round: 0, card: bye.card });
    expect(seatOf(s, 'stranger')).toEqual({ kind: 'none' });
  });

  it('a split counts only when both partners chose the same one; different choices are a mismatch to settle', () => {
    const base = game(4);
    const [a, b] = base.plan!.rounds[0]!.pairs[0]!.holders;
    const one = { ...base, choices: [{ round: 0, userId: a, points: [5, 2] as const }] };
    expect(roundOutcomes(one, 0)[0]!.status).toBe('waiting');
    const mismatch = { ...base, choices: [...one.choices, { round: 0, userId: b, points: [4, 3] as const }] };
    expect(roundOutcomes(mismatch, 0)[0]).toMatchObject({ status: 'mismatch', agreed: undefined });
    expect(agreedSplits(mismatch)).toEqual([]);
    const agreed = { ...base, choices: [...one.choices, { round: 0, userId: b, points: [5, 2] as const }] };
    expect(roundOutcomes(agreed, 0)[0]).toMatchObject({ status: 'agreed', agreed: [5, 2] });
    expect(agreedSplits(agreed)).toEqual([{ round: 0, pair: 0, points: [5, 2] }]);
  });

  it('shows each partner the choices from their own side (my card first)', () => {
    const base = game(4);
    const [a, b] = base.plan!.rounds[0]!.pairs[0]!.holders;
    const s = {
      ...base,
      choices: [
        { round: 0, userId: a, points: [6, 1] as const },
        { round: 0, userId: b, points: [6, 1] as const },
      ],
    };
    const sa = seatOf(s, a);
    const sb = seatOf(s, b);
    expect(sa.kind === 'pair' && sa.mine).toEqual([6, 1]);
    expect(sb.kind === 'pair' && sb.mine).toEqual([1, 6]);
  });

  it('counts agreed, mismatched and closed pairs, and names who is still to score', () => {
    const base = game(6);
    const plan = base.plan!;
    const [p0, p1, p2] = plan.rounds[0]!.pairs;
    const s: GameState = {
      ...base,
      choices: [
        ...agree(plan, 0, 0, [4, 3]),
        { round: 0, userId: p1!.holders[0], points: [7, 0] },
        { round: 0, userId: p1!.holders[1], points: [0, 7] },
      ],
      closedPairs: [],
    };
    expect(roundProgress(s, 0)).toEqual({
      round: 0,
      pairs: 3,
      agreed: 1,
      mismatched: 1,
      closed: 0,
      toScore: [...p2!.holders],
      complete: false,
    });
    const closed = { ...s, closedPairs: [{ round: 0, pair: 2 }] };
    expect(roundProgress(closed, 0)).toMatchObject({ closed: 1, toScore: [], complete: false });
    expect(p0).toBeDefined();
  });
});

describe('choosing a split', () => {
  it("turns my choice (my card first) into the pair's card order", () => {
    const s = game(4);
    const [a, b] = s.plan!.rounds[0]!.pairs[0]!.holders;
    expect(checkChoice(s, a, [5, 2])).toEqual({ ok: true, value: { round: 0, userId: a, points: [5, 2] } });
    expect(checkChoice(s, b, [5, 2])).toEqual({ ok: true, value: { round: 0, userId: b, points: [2, 5] } });
  });

  it.each([
    ['a split that is not 7', { mine: [4, 4] }, /add up to 7/],
    ['a fraction', { mine: [3.5, 3.5] }, /integer/],
    ['a closed round', { state: { roundOpen: false } }, /not open/],
    ['before the deal', { state: { phase: 'writing' as const, plan: undefined } }, /dealt/],
    ['a closed pair', { state: { closedPairs: [{ round: 0, pair: 0 }] } }, /closed your pair/],
  ])('refuses %s', (_what, c, message) => {
    const s = { ...game(4), ...('state' in c ? c.state : {}) } as GameState;
    const who = game(4).plan!.rounds[0]!.pairs[0]!.holders[0];
    const r = checkChoice(s, who, 'mine' in c ? c.mine! : [4, 3]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(message);
  });

  it('refuses the bye and someone not dealt in', () => {
    const s = game(5);
    expect(checkChoice(s, s.plan!.rounds[0]!.bye!.holder, [4, 3]).ok).toBe(false);
    expect(checkChoice(s, 'late-joiner', [4, 3]).ok).toBe(false);
  });

  it('offers the seven splits of 7, most for my card first', () => {
    expect(SPLIT_OPTIONS).toEqual([
      [7, 0],
      [6, 1],
      [5, 2],
      [4, 3],
      [3, 4],
      [2, 5],
      [1, 6],
      [0, 7],
    ]);
  });
});

describe('facilitator steps', () => {
  it('follows the game: deal while writing, open and close rounds, finish after the last, then merge and commit', () => {
    const writing = { ...game(4), phase: 'writing' as const, plan: undefined, roundOpen: false };
    expect(checkStep(writing, 'deal').ok).toBe(true);
    expect(checkStep({ ...writing, cards: writing.cards.slice(0, 1) }, 'deal').ok).toBe(false);
    const ready = { ...game(4), roundOpen: false };
    expect(checkStep(ready, 'deal').ok).toBe(false);
    expect(checkStep(ready, 'open-round').ok).toBe(true);
    expect(checkStep(ready, 'close-round').ok).toBe(false);
    expect(checkStep(game(4), 'close-round').ok).toBe(true);
    expect(checkStep(ready, 'finish').ok).toBe(false);
    expect(checkStep({ ...ready, round: 5 }, 'finish').ok).toBe(true);
    const finished = { ...ready, round: 5, phase: 'finished' as const };
    const [c1, c2, c3] = finished.cards.map((c) => c.id);
    expect(checkStep(finished, 'merge', { merge: { from: c1!, into: c2! } }).ok).toBe(true);
    expect(checkStep(finished, 'merge', { merge: { from: c1!, into: c1! } }).ok).toBe(false);
    const merged = { ...finished, merges: [{ from: c1!, into: c2! }] };
    expect(checkStep(merged, 'merge', { merge: { from: c3!, into: c1! } }).ok).toBe(false);
    expect(checkStep(merged, 'merge', { merge: { from: c2!, into: c3! } }).ok).toBe(false);
    expect(checkStep(merged, 'unmerge', { merge: { from: c1!, into: c1! } }).ok).toBe(true);
    expect(checkStep(finished, 'commit').ok).toBe(true);
    expect(checkStep({ ...finished, committed: { at: 'x', topicIds: [] } }, 'commit').ok).toBe(false);
  });

  it('closes only a stuck pair of the open round, never an agreed one', () => {
    const s = game(4);
    const agreed = { ...s, choices: agree(s.plan!, 0, 0, [4, 3]) };
    expect(checkStep(agreed, 'close-pair', { pair: { round: 0, pair: 0 } }).ok).toBe(false);
    expect(checkStep(agreed, 'close-pair', { pair: { round: 0, pair: 1 } }).ok).toBe(true);
    expect(checkStep(agreed, 'close-pair', { pair: { round: 1, pair: 1 } }).ok).toBe(false);
    expect(checkStep(agreed, 'close-pair', { pair: { round: 0, pair: 9 } }).ok).toBe(false);
  });
});

describe('the ranked list', () => {
  it('adds up the scores of merged cards and re-ranks', () => {
    const s = game(4);
    const plan = s.plan!;
    const choices = plan.rounds.flatMap((r, ri) => r.pairs.flatMap((_, pi) => agree(plan, ri, pi, [7, 0])));
    const played = { ...s, choices, round: 5, phase: 'finished' as const, roundOpen: false };
    const plain = gameResult(played);
    expect(plain.reduce((sum, c) => sum + c.total, 0)).toBe(7 * plan.rounds.length * 2);
    const last = plain.at(-1)!;
    const first = plain[0]!;
    const merged = gameResult({ ...played, merges: [{ from: last.cardId, into: first.cardId }] });
    expect(merged).toHaveLength(3);
    const head = merged.find((c) => c.cardId === first.cardId)!;
    expect(head).toMatchObject({
      mergedCardIds: [last.cardId],
      total: first.total + last.total,
      roundsScored: first.roundsScored + last.roundsScored,
      rank: 1,
    });
    expect(head.normalized).toBeCloseTo(first.normalized + last.normalized, 9);
  });

  it('checks merges on their own: known cards, no chains, nothing merged twice', () => {
    expect(checkMerges(['a', 'b', 'c'], [{ from: 'a', into: 'b' }]).ok).toBe(true);
    expect(checkMerges(['a', 'b', 'c'], [{ from: 'a', into: 'x' }]).ok).toBe(false);
    expect(
      checkMerges(
        ['a', 'b', 'c'],
        [
          { from: 'a', into: 'b' },
          { from: 'b', into: 'c' },
        ],
      ).ok,
    ).toBe(false);
    expect(
      checkMerges(
        ['a', 'b', 'c'],
        [
          { from: 'a', into: 'b' },
          { from: 'a', into: 'c' },
        ],
      ).ok,
    ).toBe(false);
  });

  it('recognises the same result and a tampered one', () => {
    const s = game(6);
    const plan = s.plan!;
    const played = {
      ...s,
      choices: plan.rounds.flatMap((r, ri) =>
        r.pairs.flatMap((_, pi) => agree(plan, ri, pi, [ri % 2 ? 5 : 2, ri % 2 ? 2 : 5])),
      ),
    };
    const result = gameResult(played);
    expect(sameResult(result, gameResult(played))).toBe(true);
    const tampered = result.map((c, i) => (i === 0 ? { ...c, normalized: c.normalized + 1 } : c));
    expect(sameResult(tampered, result)).toBe(false);
    expect(sameResult([...result].reverse(), result)).toBe(result.length <= 1);
  });

  it("property: for any game and any choices, tallies are the engine's score of the agreed splits, each counted once", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 16 }),
        fc.string(),
        fc.array(fc.tuple(fc.nat(), fc.nat(7), fc.boolean()), { maxLength: 200 }),
        (n, seed, picks) => {
          const ids = people(n);
          const plan = planThirtyFive({ participants: ids, cards: cardsOf(ids), seed });
          // Each person chooses at most once per round (a later pick replaces theirs, as in the tree).
          const byKey = new Map<string, SplitChoice>();
          for (const [who, a, copyPartner] of picks) {
            const round = who % plan.rounds.length;
            const r = plan.rounds[round]!;
            const pair = r.pairs[who % r.pairs.length]!;
            const me = pair.holders[who % 2]!;
            const points: [number, number] = [a, 7 - a];
            byKey.set(`${round}/${me}`, { round, userId: me, points });
            if (copyPartner)
              byKey.set(`${round}/${pair.holders[(who + 1) % 2]}`, {
                round,
                userId: pair.holders[(who + 1) % 2]!,
                points,
              });
          }
          const state = { ...game(2), cards: cardsOf(ids), plan, choices: [...byKey.values()] };
          const splits = agreedSplits(state);
          const keys = splits.map((s) => `${s.round}:${s.pair}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (const s of splits) {
            for (const h of plan.rounds[s.round]!.pairs[s.pair]!.holders)
              expect(byKey.get(`${s.round}/${h}`)?.points).toEqual(s.points);
          }
          const scores = scoreThirtyFive(plan, splits);
          expect(scores.reduce((sum, c) => sum + c.total, 0)).toBe(7 * splits.length);
          expect(rankWithMerges(scores, []).map((c) => [c.cardId, c.total, c.rank])).toEqual(
            scores.map((c) => [c.cardId, c.total, c.rank]),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
