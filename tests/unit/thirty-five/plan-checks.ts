/**
 * Independent checks of Thirty Five plans, written from the rules (docs/thirty-five-rules.md),
 * not from the planner's code. Each returns a list of violations (empty when the rule holds) or a number.
 */
import type { ThirtyFiveCard, ThirtyFivePlan, ThirtyFiveRound } from '../../../src/domain/thirty-five';

export interface Game {
  participants: string[];
  cards: ThirtyFiveCard[];
}

/** A small deterministic shuffle for building inputs (not the planner's generator). */
export function scramble<T>(items: readonly T[], salt: number): T[] {
  const out = [...items];
  let x = (salt * 2654435761 + 12345) >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** n participants `p0…`, each writing one card `card-…`; card ids do not follow authors' order. */
export function makeGame(n: number, salt = 0, prefix = 'p'): Game {
  const participants = Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const labels = scramble(
    participants.map((_, i) => i),
    salt + 1,
  );
  const cards = participants.map((p, i) => ({
    id: `card-${prefix}${String(labels[i]).padStart(3, '0')}`,
    authorId: p,
  }));
  return { participants: scramble(participants, salt + 2), cards: scramble(cards, salt + 3) };
}

/** Game from arbitrary participant ids (each writes the card `card:<id>`). */
export function gameOf(participants: readonly string[]): Game {
  return { participants: [...participants], cards: participants.map((p) => ({ id: `card:${p}`, authorId: p })) };
}

const key = (a: string, b: string) => (a < b ? `${a}\u0001${b}` : `${b}\u0001${a}`);

export function holdings(round: ThirtyFiveRound): [string, string][] {
  const out: [string, string][] = [];
  for (const p of round.pairs) out.push([p.holders[0], p.cards[0]], [p.holders[1], p.cards[1]]);
  if (round.bye) out.push([round.bye.holder, round.bye.card]);
  return out;
}

/** Every participant holds exactly one card each round, every card is held exactly once, nobody holds their own; byes iff odd. */
export function coverageViolations(
  plan: ThirtyFivePlan,
  game: Game,
  rounds: readonly ThirtyFiveRound[] = plan.rounds,
): string[] {
  const out: string[] = [];
  const author = new Map(game.cards.map((c) => [c.id, c.authorId]));
  const odd = game.participants.length % 2 === 1;
  rounds.forEach((round, r) => {
    const hs = holdings(round);
    const holders = hs.map(([h]) => h).sort();
    const cards = hs.map(([, c]) => c).sort();
    const wantHolders = [...game.participants].sort();
    const wantCards = game.cards.map((c) => c.id).sort();
    if (JSON.stringify(holders) !== JSON.stringify(wantHolders))
      out.push(`round ${r}: holders are not each participant once`);
    if (JSON.stringify(cards) !== JSON.stringify(wantCards)) out.push(`round ${r}: cards are not each card once`);
    for (const [h, c] of hs) if (author.get(c) === h) out.push(`round ${r}: ${h} holds own card ${c}`);
    for (const p of round.pairs)
      if (p.holders[0] === p.holders[1]) out.push(`round ${r}: ${p.holders[0]} paired with self`);
    if (odd !== (round.bye !== undefined))
      out.push(`round ${r}: bye ${round.bye ? 'present' : 'missing'} with ${game.participants.length} participants`);
  });
  return out;
}

/**
 * Rotation: the participant (card) sitting out must be one with the fewest sit-outs so far, counting
 * from `counts` (default all zero).
 */
export function byeRotationViolations(
  rounds: readonly ThirtyFiveRound[],
  ids: readonly string[],
  pick: (round: ThirtyFiveRound) => string | undefined,
  counts: Map<string, number> = new Map(ids.map((id) => [id, 0])),
): string[] {
  const out: string[] = [];
  const c = new Map(counts);
  rounds.forEach((round, r) => {
    const who = pick(round);
    if (who === undefined) return;
    const min = Math.min(...ids.map((id) => c.get(id) ?? 0));
    if ((c.get(who) ?? 0) !== min)
      out.push(`round ${r}: ${who} sits out again (${c.get(who)}) while someone has ${min}`);
    c.set(who, (c.get(who) ?? 0) + 1);
  });
  return out;
}

/** Each participant meets min(roundsPlayed, n − 1) different partners. */
export function partnerViolations(rounds: readonly ThirtyFiveRound[], participants: readonly string[]): string[] {
  const partners = new Map<string, Set<string>>(participants.map((p) => [p, new Set()]));
  const played = new Map<string, number>(participants.map((p) => [p, 0]));
  for (const round of rounds)
    for (const {
      holders: [a, b],
    } of round.pairs) {
      partners.get(a)?.add(b);
      partners.get(b)?.add(a);
      played.set(a, (played.get(a) ?? 0) + 1);
      played.set(b, (played.get(b) ?? 0) + 1);
    }
  const out: string[] = [];
  for (const p of participants) {
    const want = Math.min(played.get(p) ?? 0, participants.length - 1);
    const got = partners.get(p)?.size ?? 0;
    if (got !== want) out.push(`${p}: ${got} distinct partners in ${played.get(p)} rounds played, want ${want}`);
  }
  return out;
}

/** How often each unordered pair of cards was compared. */
export function cardPairCounts(rounds: readonly ThirtyFiveRound[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const round of rounds)
    for (const {
      cards: [x, y],
    } of round.pairs)
      m.set(key(x, y), (m.get(key(x, y)) ?? 0) + 1);
  return m;
}

/** Σ over card pairs of (times compared − 1), for pairs compared more than once. */
export function repeatedCardPairs(rounds: readonly ThirtyFiveRound[]): number {
  let n = 0;
  for (const v of cardPairCounts(rounds).values()) n += Math.max(0, v - 1);
  return n;
}

/** How often each (holder, card) occurred. */
export function holdingCounts(rounds: readonly ThirtyFiveRound[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const round of rounds)
    for (const [h, c] of holdings(round)) m.set(`${h}\u0001${c}`, (m.get(`${h}\u0001${c}`) ?? 0) + 1);
  return m;
}

/** Σ over (holder, card) of (times held − 1). */
export function repeatedHoldings(rounds: readonly ThirtyFiveRound[]): number {
  let n = 0;
  for (const v of holdingCounts(rounds).values()) n += Math.max(0, v - 1);
  return n;
}

/** Distinct holders per card. */
export function distinctHolders(rounds: readonly ThirtyFiveRound[]): Map<string, number> {
  const m = new Map<string, Set<string>>();
  for (const round of rounds)
    for (const [h, c] of holdings(round)) {
      if (!m.has(c)) m.set(c, new Set());
      m.get(c)?.add(h);
    }
  return new Map([...m].map(([c, s]) => [c, s.size]));
}

/** Pairs in which one of the two holders wrote one of the two cards being judged. */
export function selfJudgedPairs(rounds: readonly ThirtyFiveRound[], game: Game): number {
  const author = new Map(game.cards.map((c) => [c.id, c.authorId]));
  let n = 0;
  for (const round of rounds)
    for (const p of round.pairs) if (p.cards.some((c) => p.holders.includes(author.get(c) as string))) n++;
  return n;
}

/** Rounds in one round-robin cycle for n participants. */
export const cycleOf = (n: number) => (n % 2 === 1 ? n : n - 1);

export const pairKey = key;
