/**
 * Thirty Five plan quality: our planner beside two baselines, measured in the same run.
 *
 *   npx tsx bench/plan-quality.ts [--all] [--rounds=5] [--seeds=K]
 *
 * Baselines:
 * - naive: each round a fresh random pairing (odd: the last one sits out) and a random deal that
 *   only avoids one's own card (rejection sampling);
 * - rotation: round r, the card of participant i is held by participant (i + s) mod n with
 *   s = 1 + (r mod (n − 1)); pairs are neighbours (r + 2j, r + 2j + 1) mod n, the remaining one sits out.
 *
 * Figures per n are averaged over several seeds. Prints numbers; never passes or fails.
 */
import { planThirtyFive, type ThirtyFiveCard, type ThirtyFivePlan } from '../src/domain/thirty-five';

interface Metrics {
  own: number;
  partnerMin: number;
  partnerAvg: number;
  idealMin: number;
  idealAvg: number;
  cardPairRepeats: number;
  judgeRepeats: number;
  selfJudged: number;
  byeUnfair: number;
  ms: number;
}

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}`));
const ROUNDS = Number(arg('rounds')?.split('=')[1] ?? 5);
const SEEDS = arg('seeds') ? Number(arg('seeds')?.split('=')[1]) : undefined;
const SWEEP = arg('all')
  ? Array.from({ length: 199 }, (_, i) => i + 2)
  : [...Array.from({ length: 29 }, (_, i) => i + 2), 35, 40, 50, 60, 75, 100, 125, 150, 175, 199, 200];

/** mulberry32: a small seeded generator for the baselines. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function game(n: number): { participants: string[]; cards: ThirtyFiveCard[] } {
  const participants = Array.from({ length: n }, (_, i) => `p${i}`);
  return { participants, cards: participants.map((p) => ({ id: `c${p.slice(1)}`, authorId: p })) };
}

function naivePlan(n: number, rounds: number, seed: number): ThirtyFivePlan {
  const rand = rng(seed * 7919 + n);
  const { participants } = game(n);
  const out: ThirtyFivePlan['rounds'][number][] = [];
  for (let r = 0; r < rounds; r++) {
    const order = shuffle([...participants], rand);
    let deal: number[];
    do
      deal = shuffle(
        Array.from({ length: n }, (_, i) => i),
        rand,
      );
    while (deal.some((c, i) => c === Number((order[i] as string).slice(1))));
    const cardOf = (i: number) => `c${deal[i]}`;
    const pairs = [];
    for (let j = 0; j + 1 < n; j += 2)
      pairs.push({
        holders: [order[j], order[j + 1]] as [string, string],
        cards: [cardOf(j), cardOf(j + 1)] as [string, string],
      });
    out.push(n % 2 ? { pairs, bye: { holder: order[n - 1] as string, card: cardOf(n - 1) } } : { pairs });
  }
  return { rounds: out };
}

function rotationPlan(n: number, rounds: number): ThirtyFivePlan {
  const out: ThirtyFivePlan['rounds'][number][] = [];
  for (let r = 0; r < rounds; r++) {
    const s = 1 + (r % (n - 1));
    const cardHeldBy = (h: number) => `c${(h - s + n) % n}`; // holder h holds the card of participant h − s
    const pairs = [];
    for (let j = 0; 2 * j + 1 < n; j++) {
      const a = (r + 2 * j) % n;
      const b = (r + 2 * j + 1) % n;
      pairs.push({
        holders: [`p${a}`, `p${b}`] as [string, string],
        cards: [cardHeldBy(a), cardHeldBy(b)] as [string, string],
      });
    }
    const byeAt = (r + n - 1) % n;
    out.push(n % 2 ? { pairs, bye: { holder: `p${byeAt}`, card: cardHeldBy(byeAt) } } : { pairs });
  }
  return { rounds: out };
}

function measure(n: number, plan: ThirtyFivePlan, ms: number): Metrics {
  const author = (card: string) => `p${card.slice(1)}`;
  const partners = new Map<string, Set<string>>();
  const played = new Map<string, number>();
  const compared = new Map<string, number>();
  const held = new Map<string, number>();
  const byes = new Map<string, number>();
  const unscored = new Map<string, number>();
  let own = 0;
  let selfJudged = 0;
  let byeUnfair = 0;
  const hold = (h: string, c: string) => {
    if (author(c) === h) own++;
    held.set(`${h}/${c}`, (held.get(`${h}/${c}`) ?? 0) + 1);
  };
  for (const round of plan.rounds) {
    for (const {
      holders: [a, b],
      cards: [x, y],
    } of round.pairs) {
      hold(a, x);
      hold(b, y);
      for (const [u, v] of [
        [a, b],
        [b, a],
      ] as const) {
        if (!partners.has(u)) partners.set(u, new Set());
        partners.get(u)?.add(v);
        played.set(u, (played.get(u) ?? 0) + 1);
      }
      const k = x < y ? `${x}/${y}` : `${y}/${x}`;
      compared.set(k, (compared.get(k) ?? 0) + 1);
      if ([author(x), author(y)].some((w) => w === a || w === b)) selfJudged++;
    }
    if (round.bye) {
      const { holder, card } = round.bye;
      hold(holder, card);
      // Fair rotation: the one sitting out (the card left unscored) has the fewest so far.
      const minBye = Math.min(...Array.from({ length: n }, (_, i) => byes.get(`p${i}`) ?? 0));
      const minUnscored = Math.min(...Array.from({ length: n }, (_, i) => unscored.get(`c${i}`) ?? 0));
      if ((byes.get(holder) ?? 0) > minBye) byeUnfair++;
      if ((unscored.get(card) ?? 0) > minUnscored) byeUnfair++;
      byes.set(holder, (byes.get(holder) ?? 0) + 1);
      unscored.set(card, (unscored.get(card) ?? 0) + 1);
    }
  }
  const distinct = Array.from({ length: n }, (_, i) => partners.get(`p${i}`)?.size ?? 0);
  const ideal = Array.from({ length: n }, (_, i) => Math.min(played.get(`p${i}`) ?? 0, n - 1));
  const sumExcess = (m: Map<string, number>) => [...m.values()].reduce((s, v) => s + Math.max(0, v - 1), 0);
  return {
    own,
    partnerMin: Math.min(...distinct),
    partnerAvg: distinct.reduce((a, b) => a + b, 0) / n,
    idealMin: Math.min(...ideal),
    idealAvg: ideal.reduce((a, b) => a + b, 0) / n,
    cardPairRepeats: sumExcess(compared),
    judgeRepeats: sumExcess(held),
    selfJudged,
    byeUnfair,
    ms,
  };
}

function average(ms: Metrics[]): Metrics {
  const keys = Object.keys(ms[0] as Metrics) as (keyof Metrics)[];
  const out = {} as Metrics;
  for (const k of keys) out[k] = ms.reduce((s, m) => s + m[k], 0) / ms.length;
  out.partnerMin = Math.min(...ms.map((m) => m.partnerMin));
  out.idealMin = Math.min(...ms.map((m) => m.idealMin));
  out.ms = Math.max(...ms.map((m) => m.ms));
  return out;
}

const timed = (make: () => ThirtyFivePlan): [ThirtyFivePlan, number] => {
  const t0 = performance.now();
  const plan = make();
  return [plan, performance.now() - t0];
};

const f1 = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
const pad = (s: string, w: number) => s.padStart(w);

const methods = ['ours', 'naive', 'rotation'] as const;
type Method = (typeof methods)[number];
const totals: Record<Method, Metrics[]> = { ours: [], naive: [], rotation: [] };

planThirtyFive({ ...game(50), seed: 'warm-up', rounds: ROUNDS });
console.log(
  `Thirty Five plan quality, ${ROUNDS} rounds. Per cell: ours | naive | rotation (average over seeds; ms = slowest).`,
);
console.log(
  'own = own-card holdings; partners = min/avg distinct partners (ideal min/avg); pairs = repeated card pairings;',
);
console.log(
  'judges = repeated (card, holder); self = pairs judging a card by one of them; bye = unfair byes/unscored cards.\n',
);
const header = [
  pad('n', 4),
  pad('own', 10),
  pad('partners min/avg (ideal)', 36),
  pad('pairs', 19),
  pad('judges', 19),
  pad('self', 17),
  pad('bye', 13),
  pad('ms ours', 8),
  pad('ms naive', 9),
].join(' ');
console.log(header);
console.log('-'.repeat(header.length));

for (const n of SWEEP) {
  const seeds = SEEDS ?? (n <= 30 ? 10 : n <= 100 ? 4 : 2);
  const rows: Record<Method, Metrics[]> = { ours: [], naive: [], rotation: [] };
  for (let s = 0; s < seeds; s++) {
    const [ours, tOurs] = timed(() => planThirtyFive({ ...game(n), seed: `bench-${s}`, rounds: ROUNDS }));
    const [naive, tNaive] = timed(() => naivePlan(n, ROUNDS, s));
    const [rot, tRot] = timed(() => rotationPlan(n, ROUNDS));
    rows.ours.push(measure(n, ours, tOurs));
    rows.naive.push(measure(n, naive, tNaive));
    rows.rotation.push(measure(n, rot, tRot));
  }
  const avg = { ours: average(rows.ours), naive: average(rows.naive), rotation: average(rows.rotation) };
  for (const m of methods) totals[m].push(avg[m]);
  const cell = (k: keyof Metrics, w: number) => pad(methods.map((m) => f1(avg[m][k])).join(' | '), w);
  const partners = methods.map((m) => `${avg[m].partnerMin}/${avg[m].partnerAvg.toFixed(1)}`).join(' | ');
  console.log(
    [
      pad(String(n), 4),
      cell('own', 10),
      pad(`${partners} (${avg.ours.idealMin}/${avg.ours.idealAvg.toFixed(1)})`, 36),
      cell('cardPairRepeats', 19),
      cell('judgeRepeats', 19),
      cell('selfJudged', 17),
      cell('byeUnfair', 13),
      pad(avg.ours.ms.toFixed(1), 8),
      pad(avg.naive.ms.toFixed(1), 9),
    ].join(' '),
  );
}

console.log('\nHeadline (sum over the sweep of per-n averages; partner shortfall = Σ ideal − distinct):');
for (const m of methods) {
  const t = totals[m];
  const sum = (k: keyof Metrics) => t.reduce((s, x) => s + x[k], 0);
  const shortfall = t.reduce((s, x) => s + (x.idealAvg - x.partnerAvg), 0);
  console.log(
    `  ${m.padEnd(8)} own ${f1(sum('own'))}, partner shortfall ${shortfall.toFixed(1)}, repeated card pairs ${f1(sum('cardPairRepeats'))}, ` +
      `repeated judges ${f1(sum('judgeRepeats'))}, self-judged ${f1(sum('selfJudged'))}, unfair byes ${f1(sum('byeUnfair'))}, slowest ${Math.max(...t.map((x) => x.ms)).toFixed(1)} ms`,
  );
}
