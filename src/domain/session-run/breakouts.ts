/**
 * Breakout groups of a deep dive: 2–4 small groups formed at random or by product (the Scrum
 * Masters whose teams build the same product work together), sizes as even as possible, and the
 * facilitator can move people. Pure and seeded: the same people, mode and seed give the same groups.
 */
import { fail, ok, type Result } from '../result';
import { SeededRandom } from '../thirty-five/random';

export const BREAKOUT_LIMITS = {
  minGroups: 2,
  maxGroups: 4,
  minMinutes: 10,
  maxMinutes: 15,
  question: 200,
  notes: 5000,
} as const;
export type GroupingMode = 'random' | 'by-product';

export interface BreakoutPerson {
  readonly userId: string;
  /** The product the person's teams build, when they recorded one. */
  readonly product?: string | undefined;
}

export interface BreakoutGroup {
  readonly index: number;
  readonly members: readonly string[];
  /** The product(s) the group gathers, for by-product grouping. */
  readonly products: readonly string[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Forms `count` groups (2–4, and never more groups than people). `random`: a seeded shuffle dealt
 * round-robin. `by-product`: people of one product stay together; products are packed into the
 * groups largest first (each into the smallest group so far), people without a product fill the
 * smallest groups. Group sizes differ by at most one in random mode; by product they differ only
 * as much as keeping a product together needs.
 */
export function formBreakouts(input: {
  people: readonly BreakoutPerson[];
  count: number;
  mode: GroupingMode;
  seed: string;
}): Result<BreakoutGroup[]> {
  const { people, count, mode } = input;
  if (!Number.isInteger(count) || count < BREAKOUT_LIMITS.minGroups || count > BREAKOUT_LIMITS.maxGroups) {
    return fail(
      'VALIDATION_FAILED',
      `Breakouts are ${BREAKOUT_LIMITS.minGroups} to ${BREAKOUT_LIMITS.maxGroups} groups.`,
    );
  }
  const ids = new Set(people.map((p) => p.userId));
  if (ids.size !== people.length) return fail('VALIDATION_FAILED', 'Each person can be in one group only.');
  if (people.length < count * 2)
    return fail('VALIDATION_FAILED', `${count} groups need at least ${count * 2} people (${people.length} here).`);
  const rng = new SeededRandom(`breakouts:${input.seed}`);
  const sorted = [...people].sort((a, b) => byText(a.userId, b.userId));
  const groups: { members: string[]; products: Set<string> }[] = Array.from({ length: count }, () => ({
    members: [],
    products: new Set(),
  }));
  const smallest = () =>
    groups.reduce((best, g, i) => (g.members.length < (groups[best] as typeof g).members.length ? i : best), 0);
  if (mode === 'random') {
    rng.shuffle(sorted).forEach((p, i) => {
      (groups[i % count] as (typeof groups)[number]).members.push(p.userId);
    });
  } else {
    const byProduct = new Map<string, string[]>();
    const loose: string[] = [];
    for (const p of sorted) {
      const product = p.product?.trim();
      if (!product) loose.push(p.userId);
      else byProduct.set(product, [...(byProduct.get(product) ?? []), p.userId]);
    }
    const products = rng.shuffle([...byProduct.entries()]).sort((a, b) => b[1].length - a[1].length);
    for (const [product, members] of products) {
      const g = groups[smallest()] as (typeof groups)[number];
      g.members.push(...members);
      g.products.add(product);
    }
    for (const id of rng.shuffle(loose)) (groups[smallest()] as (typeof groups)[number]).members.push(id);
  }
  return ok(
    groups.map((g, index) => ({ index, members: [...g.members].sort(byText), products: [...g.products].sort(byText) })),
  );
}

/** Moves one person to another group (the facilitator's correction). */
export function moveToGroup(groups: readonly BreakoutGroup[], userId: string, to: number): Result<BreakoutGroup[]> {
  if (!groups[to]) return fail('VALIDATION_FAILED', `There is no group ${to + 1}.`);
  if (!groups.some((g) => g.members.includes(userId)))
    return fail('VALIDATION_FAILED', 'That person is not in a breakout group.');
  return ok(
    groups.map((g) => ({
      ...g,
      members:
        g.index === to ? [...new Set([...g.members, userId])].sort(byText) : g.members.filter((m) => m !== userId),
    })),
  );
}

/** Minutes for a breakout timer: 10 to 15. */
export function checkBreakoutMinutes(minutes: number): Result<number> {
  if (!Number.isInteger(minutes) || minutes < BREAKOUT_LIMITS.minMinutes || minutes > BREAKOUT_LIMITS.maxMinutes) {
    return fail(
      'VALIDATION_FAILED',
      `A breakout lasts ${BREAKOUT_LIMITS.minMinutes} to ${BREAKOUT_LIMITS.maxMinutes} minutes.`,
    );
  }
  return ok(minutes);
}
