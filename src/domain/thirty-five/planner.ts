/**
 * The Thirty Five planner: shared by a fresh plan and a re-plan (a fresh plan is a re-plan with no history).
 *
 * 1. Partners: a circle-method round robin over the participants (a dummy makes the sit-out when the
 *    count is odd), in an order drawn from the seed. Partners never repeat within a cycle and sit-outs
 *    rotate. With history, the order is searched so that new partners are people not met before, and
 *    the first sit-outs go to those who sat out least.
 * 2. Card pairings: a second, independent round robin over the cards, so that two cards are compared
 *    at most once per cycle; the card "sitting out" is the one the sitting-out participant holds. With
 *    history, the order avoids pairings already compared and unscores first the cards unscored least.
 * 3. Holders: each round, pairs of cards are given to pairs of participants by a minimum-cost
 *    assignment: never one's own card (hard); avoid a judge who already held the card, and a pair
 *    judging a card written by one of its own members (soft).
 * Steps 1–3 are repeated for a few seeded attempts (more for small groups) and the cheapest plan wins.
 */
import { minCostAssignment } from './assignment';
import { SeededRandom } from './random';
import { circleSchedule, type CircleSchedule } from './round-robin';

/** Costs that rank plans; partners first, then card pairings, then judges. */
export const COST = {
  /** Two participants paired again after meeting before. */
  partnerRepeat: 1000,
  /** Two cards compared again. */
  cardPairRepeat: 100,
  /** A pair judges a card written by one of its two members. */
  selfJudged: 3,
  /** A participant holds a card they already held (per earlier holding). */
  holderRepeat: 2,
} as const;

/** A participant would hold their own card: never allowed. */
const FORBIDDEN = 1e9;

/** What has been played already, by index (participants and cards in canonical order). */
export interface History {
  readonly n: number;
  /** meets[a*n+b]: times participants a and b were partners (symmetric). */
  readonly meets: Int32Array;
  /** compared[x*n+y]: times cards x and y were on the same pair (symmetric). */
  readonly compared: Int32Array;
  /** held[h*n+c]: times participant h held card c. */
  readonly held: Int32Array;
  /** Rounds participant i sat out (bye, or absent). */
  readonly satOut: Int32Array;
  /** Rounds card c was not scored by the plan (bye, or absent). */
  readonly unscored: Int32Array;
}

export function emptyHistory(n: number): History {
  return {
    n,
    meets: new Int32Array(n * n),
    compared: new Int32Array(n * n),
    held: new Int32Array(n * n),
    satOut: new Int32Array(n),
    unscored: new Int32Array(n),
  };
}

export interface PlanProblem {
  /** authorOf[card] = participant index; a permutation. */
  readonly authorOf: Int32Array;
  readonly history: History;
  /** Rounds to plan. */
  readonly rounds: number;
  readonly seed: string;
}

/** A planned round by index: pairs as [holder0, holder1, card0, card1]; bye as [holder, card]. */
export interface IndexRound {
  readonly pairs: [number, number, number, number][];
  readonly bye?: [number, number];
}

interface Arrangement {
  readonly order: Int32Array;
  readonly cost: number;
  /** Work done, in cost-term evaluations (for the search budget). */
  readonly work: number;
}

/**
 * Order `n` items on the circle so that the schedule's cost is low.
 * Positions 0..lim-1 sit out in rounds 0..lim-1; they must hold the items with the lowest `counts`,
 * in non-decreasing order, and swaps keep that true.
 */
function arrange(
  sched: CircleSchedule,
  rounds: number,
  lim: number,
  counts: Int32Array,
  pairW: (x: number, y: number) => number,
  byeW: (round: number, item: number) => number,
  rng: SeededRandom,
): Arrangement {
  const n = sched.n;
  const shuffled = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  let initial = shuffled;
  if (lim > 0) {
    const sorted = shuffled.slice().sort((a, b) => (counts[a] as number) - (counts[b] as number));
    initial = [...sorted.slice(0, lim), ...rng.shuffle(sorted.slice(lim))];
  }
  const order = Int32Array.from(initial);
  const cycle = sched.cycle;

  const term = (r: number, pos: number, item: number): number => {
    const t = r % cycle;
    if (sched.byePos[t] === pos) return byeW(r, item);
    return pairW(item, order[(sched.partnerOf[t] as Int32Array)[pos] as number] as number);
  };
  let cost = 0;
  for (let r = 0; r < rounds; r++) {
    const t = r % cycle;
    const pr = sched.pairs[t] as Int32Array;
    for (let i = 0; i < pr.length; i += 2)
      cost += pairW(order[pr[i] as number] as number, order[pr[i + 1] as number] as number);
    if (sched.hasBye) cost += byeW(r, order[sched.byePos[t] as number] as number);
  }
  if (cost === 0) return { order, cost, work: rounds * n };

  const valid = (i: number, j: number): boolean =>
    (i >= lim && j >= lim) || counts[order[i] as number] === counts[order[j] as number];
  const delta = (i: number, j: number): number => {
    const a = order[i] as number;
    const b = order[j] as number;
    let d = 0;
    for (let r = 0; r < rounds; r++) {
      if ((sched.partnerOf[r % cycle] as Int32Array)[i] === j) continue; // same pair: unchanged
      d += term(r, i, b) + term(r, j, a) - term(r, i, a) - term(r, j, b);
    }
    return d;
  };
  // Stop at zero, or when a while of tries brought no strict improvement (the rest is unavoidable or unlikely).
  const budget = 3000 + 60 * n;
  const patience = 60 + 8 * n;
  let bestCost = cost;
  let lastGain = 0;
  let tried = 0;
  for (let it = 0; it < budget && cost > 0 && it - lastGain < patience; it++) {
    const i = rng.nextInt(n);
    let here = 0;
    for (let r = 0; r < rounds && here === 0; r++) here += term(r, i, order[i] as number);
    if (here === 0) continue;
    let bestJ = -1;
    let bestD = Infinity;
    for (let tries = 0; tries < 12; tries++) {
      const j = rng.nextInt(n);
      if (j === i || !valid(i, j)) continue;
      const d = delta(i, j);
      tried++;
      if (d < bestD) {
        bestD = d;
        bestJ = j;
      }
    }
    if (bestJ >= 0 && (bestD < 0 || (bestD === 0 && rng.nextFloat() < 0.3))) {
      const a = order[i] as number;
      order[i] = order[bestJ] as number;
      order[bestJ] = a;
      cost += bestD;
      if (cost < bestCost) {
        bestCost = cost;
        lastGain = it;
      }
    }
  }
  return { order, cost, work: rounds * n + tried * rounds * 4 };
}

/** Give the card pairs of each round to the holder pairs, round by round, at minimum cost. */
function assignHolders(
  authorOf: Int32Array,
  history: History,
  rounds: number,
  sched: CircleSchedule,
  people: Int32Array,
  cards: Int32Array,
): { rounds: IndexRound[]; cost: number; work: number } {
  const n = history.n;
  const held = Int32Array.from(history.held);
  const cycle = sched.cycle;
  // Sit-outs are fixed by the two orders; count them first so that no pair hands a card to
  // someone who holds it while sitting out in another round.
  for (let r = 0; r < rounds; r++) {
    const t = r % cycle;
    if (sched.hasBye) {
      const pos = sched.byePos[t] as number;
      const idx = (people[pos] as number) * n + (cards[pos] as number);
      held[idx] = (held[idx] as number) + 1;
    }
  }
  const out: IndexRound[] = [];
  let total = 0;
  const size = Math.floor(n / 2);
  const cost = new Float64Array(size * size);
  const flip = new Uint8Array(size * size);
  const taken = new Uint8Array(size);
  let work = 0;
  for (let r = 0; r < rounds; r++) {
    const t = r % cycle;
    const pr = sched.pairs[t] as Int32Array;
    /** Cost of giving card pair b to holder pair a, in its cheaper orientation (noted in `flip`). */
    const price = (a: number, b: number): number => {
      const h0 = people[pr[2 * a] as number] as number;
      const h1 = people[pr[2 * a + 1] as number] as number;
      const c0 = cards[pr[2 * b] as number] as number;
      const c1 = cards[pr[2 * b + 1] as number] as number;
      const w0 = authorOf[c0] as number;
      const w1 = authorOf[c1] as number;
      const self = w0 === h0 || w0 === h1 || w1 === h0 || w1 === h1 ? COST.selfJudged : 0;
      // Orientation 0: h0←c0, h1←c1. Orientation 1: h0←c1, h1←c0. At least one never gives anyone their own card.
      const o0 =
        w0 === h0 || w1 === h1
          ? FORBIDDEN
          : COST.holderRepeat * ((held[h0 * n + c0] as number) + (held[h1 * n + c1] as number));
      const o1 =
        w1 === h0 || w0 === h1
          ? FORBIDDEN
          : COST.holderRepeat * ((held[h0 * n + c1] as number) + (held[h1 * n + c0] as number));
      const c = self + Math.min(o0, o1);
      work++;
      cost[a * size + b] = c;
      flip[a * size + b] = o1 < o0 ? 1 : 0;
      return c;
    };
    // Fast path: a free assignment (all costs are ≥ 0, so it is optimal) found greedily is usual for
    // large groups. Otherwise solve the assignment exactly.
    let colOfRow: Int32Array = new Int32Array(size);
    taken.fill(0);
    let free = true;
    for (let a = 0; a < size && free; a++) {
      free = false;
      for (let k = 0; k < size; k++) {
        const b = (a + k) % size;
        if (!taken[b] && price(a, b) === 0) {
          taken[b] = 1;
          colOfRow[a] = b;
          free = true;
          break;
        }
      }
    }
    if (!free) {
      for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) price(a, b);
      colOfRow = minCostAssignment(cost, size);
      work += size * size * size;
    }
    const pairs: [number, number, number, number][] = [];
    for (let a = 0; a < size; a++) {
      const b = colOfRow[a] as number;
      total += cost[a * size + b] as number;
      const h0 = people[pr[2 * a] as number] as number;
      const h1 = people[pr[2 * a + 1] as number] as number;
      let c0 = cards[pr[2 * b] as number] as number;
      let c1 = cards[pr[2 * b + 1] as number] as number;
      if (flip[a * size + b]) [c0, c1] = [c1, c0];
      held[h0 * n + c0] = (held[h0 * n + c0] as number) + 1;
      held[h1 * n + c1] = (held[h1 * n + c1] as number) + 1;
      pairs.push([h0, h1, c0, c1]);
    }
    if (sched.hasBye) {
      const pos = sched.byePos[t] as number;
      out.push({ pairs, bye: [people[pos] as number, cards[pos] as number] });
    } else out.push({ pairs });
  }
  return { rounds: out, cost: total, work };
}

/**
 * The search budget of a segment, in elementary cost evaluations (a few tens of milliseconds).
 * Attempts stop when one reaches zero cost, when the budget is spent, or at a cap: small groups are
 * cheap and tightly constrained, so they get many attempts; large groups reach zero at once.
 */
const WORK_BUDGET = 1_500_000;

function attemptCap(n: number): number {
  if (n === 2) return 1; // only one deal exists
  return n <= 3 ? 30 : n <= 5 ? 60 : n <= 8 ? 4000 : n <= 12 ? 300 : n <= 24 ? 32 : 4;
}

function cloneHistory(h: History): History {
  return {
    n: h.n,
    meets: Int32Array.from(h.meets),
    compared: Int32Array.from(h.compared),
    held: Int32Array.from(h.held),
    satOut: Int32Array.from(h.satOut),
    unscored: Int32Array.from(h.unscored),
  };
}

/** Add planned rounds to a history. */
export function recordRounds(h: History, rounds: readonly IndexRound[]): void {
  const n = h.n;
  const bump = (arr: Int32Array, i: number) => {
    arr[i] = (arr[i] as number) + 1;
  };
  for (const round of rounds) {
    for (const [h0, h1, c0, c1] of round.pairs) {
      bump(h.meets, h0 * n + h1);
      bump(h.meets, h1 * n + h0);
      bump(h.compared, c0 * n + c1);
      bump(h.compared, c1 * n + c0);
      bump(h.held, h0 * n + c0);
      bump(h.held, h1 * n + c1);
    }
    if (round.bye) {
      bump(h.satOut, round.bye[0]);
      bump(h.unscored, round.bye[1]);
      bump(h.held, round.bye[0] * n + round.bye[1]);
    }
  }
}

/** The smallest off-diagonal entry of a symmetric n×n count matrix. */
function offDiagonalMin(m: Int32Array, n: number): number {
  let min = Infinity;
  for (let x = 0; x < n; x++) for (let y = x + 1; y < n; y++) min = Math.min(min, m[x * n + y] as number);
  return min === Infinity ? 0 : min;
}

/** Plan at most one round-robin cycle of rounds after `history`, keeping the cheapest of a few attempts. */
function planSegment(
  authorOf: Int32Array,
  history: History,
  rounds: number,
  sched: CircleSchedule,
  rng: SeededRandom,
  budget: number,
): IndexRound[] {
  const n = history.n;
  const lim = sched.hasBye ? Math.min(rounds, sched.cycle) : 0;
  // Only meetings beyond what every pair already has count: once everybody has met, meeting again is no worse.
  const meetsFloor = offDiagonalMin(history.meets, n);
  const comparedFloor = offDiagonalMin(history.compared, n);
  const meetW = (x: number, y: number) => COST.partnerRepeat * ((history.meets[x * n + y] as number) - meetsFloor);
  const comparedW = (x: number, y: number) =>
    COST.cardPairRepeat * ((history.compared[x * n + y] as number) - comparedFloor);

  let best: { rounds: IndexRound[]; cost: number } | undefined;
  const cap = attemptCap(n);
  let work = 0;
  for (let attempt = 0; attempt < cap && work < budget; attempt++) {
    const people = arrange(sched, rounds, lim, history.satOut, meetW, () => 0, rng);
    const byeW = (r: number, card: number): number => {
      const holder = people.order[sched.byePos[r % sched.cycle] as number] as number;
      return authorOf[card] === holder ? FORBIDDEN : COST.holderRepeat * (history.held[holder * n + card] as number);
    };
    let cards = arrange(sched, rounds, lim, history.unscored, comparedW, byeW, rng);
    work += people.work + cards.work;
    if (cards.cost >= FORBIDDEN) {
      // The rotation of unscored cards and "never one's own card" cannot both hold with this history:
      // keep the second, which is absolute.
      cards = arrange(sched, rounds, 0, history.unscored, comparedW, byeW, rng);
      work += cards.work;
    }
    const run = assignHolders(authorOf, history, rounds, sched, people.order, cards.order);
    work += run.work + 20 * n + 200;
    const cost = people.cost + cards.cost + run.cost;
    if (!best || cost < best.cost) best = { rounds: run.rounds, cost };
    if (cost === 0) break;
  }
  return (best as { rounds: IndexRound[] }).rounds;
}

/**
 * Plan `problem.rounds` rounds after `problem.history`, one round-robin cycle at a time (a game
 * longer than a cycle is re-arranged for each cycle, counting what the earlier cycles did).
 * Deterministic for the same problem.
 */
export function planRounds(problem: PlanProblem): IndexRound[] {
  const { authorOf } = problem;
  const history = cloneHistory(problem.history);
  const sched = circleSchedule(history.n);
  const rng = new SeededRandom(`thirty-five:${problem.seed}`);
  const out: IndexRound[] = [];
  const budget = WORK_BUDGET / Math.ceil(problem.rounds / sched.cycle);
  for (let left = problem.rounds; left > 0; ) {
    const seg = Math.min(left, sched.cycle);
    const rounds = planSegment(authorOf, history, seg, sched, rng, budget);
    recordRounds(history, rounds);
    out.push(...rounds);
    left -= seg;
  }
  for (const round of out) {
    for (const [h0, h1, c0, c1] of round.pairs) {
      if (authorOf[c0] === h0 || authorOf[c1] === h1) throw new Error('Thirty Five planner bug: own card dealt');
    }
    if (round.bye && authorOf[round.bye[1]] === round.bye[0])
      throw new Error('Thirty Five planner bug: own card dealt');
  }
  return out;
}
