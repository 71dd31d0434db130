/**
 * The live run of a working session, pure rules: phases advance one way, ice breakers rotate per
 * community without repeats, breakouts form 2–4 even groups (at random or keeping a product
 * together) and people can be moved, the opening of a deep dive warns past its soft cap.
 */
import fc from 'fast-check';
import {
  checkAdvance,
  checkBreakoutMinutes,
  feedbackHistogram,
  formBreakouts,
  ICE_BREAKERS,
  iceBreakerForSession,
  iceBreakerOrder,
  moveToGroup,
  nextIceBreaker,
  openingOverrun,
  timerView,
} from '../../../src/domain/session-run';

describe('run of show', () => {
  it('advances one phase at a time, may close early, never goes back', () => {
    expect(checkAdvance('check-in', 'deep-dive').ok).toBe(true);
    expect(checkAdvance('deep-dive', 'breakouts').ok).toBe(true);
    expect(checkAdvance('breakouts', 'closed').ok).toBe(true);
    expect(checkAdvance('breakouts', 'check-in').ok).toBe(false);
    expect(checkAdvance('check-in', 'feedback').ok).toBe(false);
    expect(checkAdvance('closed', 'closed').ok).toBe(false);
  });
  it('counts a timer down and warns when the opening runs past its soft cap', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    expect(timerView('2026-12-02T10:01:30Z', now)).toEqual({
      endsAt: '2026-12-02T10:01:30Z',
      secondsLeft: 90,
      over: false,
    });
    expect(timerView('2026-12-02T09:59:00Z', now)?.over).toBe(true);
    expect(openingOverrun('2026-12-02T09:52:00Z', now)).toBeUndefined();
    expect(openingOverrun('2026-12-02T09:47:00Z', now)).toEqual({ minutesOver: 3 });
  });
  it('makes a 1–5 histogram and ignores what is not a score', () => {
    expect(feedbackHistogram([5, 4, 4, 1, 0, 6, 2.5])).toEqual({ counts: [1, 0, 0, 2, 1], votes: 4, mean: 3.5 });
    expect(feedbackHistogram([]).mean).toBeNull();
  });
});

describe('ice breakers', () => {
  it('has at least 30 distinct prompts', () => {
    expect(ICE_BREAKERS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ICE_BREAKERS.map((p) => p.text)).size).toBe(ICE_BREAKERS.length);
  });
  it('never gives a community the same prompt twice in a row, and every prompt once before any again', () => {
    for (const community of ['cop-a', 'cop-b']) {
      const seen: string[] = [];
      let last: string | null = null;
      for (let i = 0; i < ICE_BREAKERS.length * 2; i++) {
        const p = nextIceBreaker(community, last);
        expect(p.id).not.toBe(last);
        seen.push(p.id);
        last = p.id;
      }
      expect(new Set(seen.slice(0, ICE_BREAKERS.length)).size).toBe(ICE_BREAKERS.length);
    }
    expect(iceBreakerOrder('cop-a').map((p) => p.id)).not.toEqual(iceBreakerOrder('cop-b').map((p) => p.id));
  });
});

describe('breakouts', () => {
  const people = (n: number, product?: (i: number) => string | undefined) =>
    Array.from({ length: n }, (_, i) => ({ userId: `u${String(i).padStart(2, '0')}`, product: product?.(i) }));
  it('property: random groups hold everyone once, sizes differ by at most one, and the seed decides', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 30 }), fc.integer({ min: 2, max: 4 }), fc.string(), (n, count, seed) => {
        const r = formBreakouts({ people: people(n), count, mode: 'random', seed });
        if (!r.ok) throw new Error(r.error.message);
        const all = r.value.flatMap((g) => g.members);
        expect(new Set(all).size).toBe(n);
        const sizes = r.value.map((g) => g.members.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(formBreakouts({ people: [...people(n)].reverse(), count, mode: 'random', seed })).toEqual(r);
      }),
    );
  });
  it('keeps the Scrum Masters of one product together', () => {
    const products = ['Billing', 'Billing', 'Billing', 'Mobile', 'Mobile', 'Mobile', 'TV', 'TV', undefined, undefined];
    const r = formBreakouts({ people: people(10, (i) => products[i]), count: 3, mode: 'by-product', seed: 's' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const product of ['Billing', 'Mobile', 'TV']) {
      const holding = r.value.filter((g) => g.members.some((m) => products[Number(m.slice(1))] === product));
      expect(holding).toHaveLength(1);
      expect(holding[0]!.products).toContain(product);
    }
    expect(r.value.flatMap((g) => g.members)).toHaveLength(10);
  });
  it('refuses too few people, too many groups, and moves one person on request', () => {
    expect(formBreakouts({ people: people(3), count: 2, mode: 'random', seed: 's' }).ok).toBe(false);
    expect(formBreakouts({ people: people(20), count: 5, mode: 'random', seed: 's' }).ok).toBe(false);
    const r = formBreakouts({ people: people(8), count: 2, mode: 'random', seed: 's' });
    if (!r.ok) throw new Error('groups');
    const who = r.value[0]!.members[0]!;
    const moved = moveToGroup(r.value, who, 1);
    expect(moved.ok && moved.value[1]!.members).toContain(who);
    expect(moved.ok && moved.value[0]!.members).not.toContain(who);
    expect(moveToGroup(r.value, 'nobody', 1).ok).toBe(false);
    expect(moveToGroup(r.value, who, 7).ok).toBe(false);
    expect(checkBreakoutMinutes(12).ok).toBe(true);
    expect(checkBreakoutMinutes(20).ok).toBe(false);
  });
});

describe("the prompt of a community's n-th session", () => {
  it("walks the community's own order: no prompt twice in a row, all before any repeats", () => {
    const ids = Array.from({ length: ICE_BREAKERS.length + 1 }, (_, n) => iceBreakerForSession('cop-a', n).id);
    for (let i = 1; i < ids.length; i++) expect(ids[i]).not.toBe(ids[i - 1]);
    expect(new Set(ids.slice(0, ICE_BREAKERS.length)).size).toBe(ICE_BREAKERS.length);
    expect(ids[ICE_BREAKERS.length]).toBe(ids[0]);
  });
});
