/**
 * The circle method: a round-robin schedule over positions 0..n-1.
 *
 * With m = n (n even) or m = n + 1 (n odd, position n is a dummy), position m-1 stays fixed and
 * the others rotate. Round t (0 ≤ t < m-1) pairs m-1 with t, and (t+j) with (t−j) mod (m−1) for
 * j = 1..m/2−1. Every two positions meet exactly once in m−1 rounds. With a dummy, the position
 * paired with it sits the round out: position t in round t, so sit-outs follow position order.
 */
export interface CircleSchedule {
  /** Number of real positions. */
  readonly n: number;
  /** Rounds in one full cycle (m − 1). */
  readonly cycle: number;
  /** True when n is odd: one position sits out each round. */
  readonly hasBye: boolean;
  /** For each round of the cycle, its pairs as a flat list [p0, q0, p1, q1, …] (real positions only). */
  readonly pairs: readonly Int32Array[];
  /** For each round of the cycle, the partner position of each position; −1 for the position sitting out. */
  readonly partnerOf: readonly Int32Array[];
  /** For each round of the cycle, the position sitting out, or −1. */
  readonly byePos: readonly number[];
}

export function circleSchedule(n: number): CircleSchedule {
  const hasBye = n % 2 === 1;
  const m = hasBye ? n + 1 : n;
  const cycle = m - 1;
  const fixed = m - 1;
  const pairs: Int32Array[] = [];
  const partnerOf: Int32Array[] = [];
  const byePos: number[] = [];
  for (let t = 0; t < cycle; t++) {
    const flat: number[] = [];
    const partner = new Int32Array(n).fill(-1);
    const link = (p: number, q: number) => {
      flat.push(p, q);
      partner[p] = q;
      partner[q] = p;
    };
    if (hasBye) byePos.push(t);
    else {
      byePos.push(-1);
      link(fixed, t);
    }
    for (let j = 1; j < m / 2; j++) link((t + j) % cycle, (t - j + cycle) % cycle);
    pairs.push(Int32Array.from(flat));
    partnerOf.push(partner);
  }
  return { n, cycle, hasBye, pairs, partnerOf, byePos };
}
