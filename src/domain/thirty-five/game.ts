/**
 * A game of Thirty Five as it is played: cards written, the deal, each person's split choices,
 * closed pairs and merges. Pure: the live layer maps its SharedTree to a {@link GameState}, the
 * server checks what a facilitator submits with the same functions, and the pages render from what
 * these return. Tallies are always derived from per-person entries, never kept as counters.
 */
import { fail, ok, type Result } from '../result';
import {
  POINTS_PER_PAIR,
  type ThirtyFiveCardScore,
  type ThirtyFivePair,
  type ThirtyFivePlan,
  type ThirtyFiveSplit,
} from './types';
import { scoreThirtyFive, validateSplit } from './score';

export const GAME_PHASES = ['writing', 'playing', 'finished'] as const;
export type GamePhase = (typeof GAME_PHASES)[number];

/** What a card may hold. The title is what pairs read aloud; keep it short. */
export const CARD_LIMITS = { title: 80, description: 280 } as const;

/** Timer choices for a round, in minutes (0 = no timer). */
export const ROUND_TIMER_MAX_MINUTES = 15;

/** A card as the meeting sees it: its opaque per-game id and its text, never its author. */
export interface AnonymousCard {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/** A card as the server stores it: with its author (docs/adr/0023-anonymous-thirty-five-cards.md). */
export interface GameCard extends AnonymousCard {
  readonly authorId: string;
}

/** One person's choice for their pair in one round; `points` follow the pair's `cards` order. */
export interface SplitChoice {
  readonly round: number;
  readonly userId: string;
  readonly points: readonly [number, number];
}

export interface PairRef {
  readonly round: number;
  readonly pair: number;
}

/** Two cards that say the same thing: `from` is shown inside `into`, and their scores add up. */
export interface CardMerge {
  readonly from: string;
  readonly into: string;
}

export interface GameState {
  readonly gameId: string;
  readonly phase: GamePhase;
  readonly plannedRounds: number;
  /** The cards written so far (writing) or dealt (playing, finished): no authors. */
  readonly cards: readonly AnonymousCard[];
  /** Set by the deal. */
  readonly plan: ThirtyFivePlan | undefined;
  /** The current round (0-based) while playing. */
  readonly round: number;
  readonly roundOpen: boolean;
  /** ISO time the current round's timer ends, if the facilitator set one. */
  readonly roundEndsAt: string | undefined;
  readonly choices: readonly SplitChoice[];
  readonly closedPairs: readonly PairRef[];
  readonly merges: readonly CardMerge[];
  /** Set once the result is in the backlog. */
  readonly committed: { readonly at: string; readonly topicIds: readonly string[] } | undefined;
}

export type CardText = { readonly title: string; readonly description: string };

/** One line of title (1–80 characters), an optional description (at most 280). */
export function checkCardText(title: string, description = ''): Result<CardText> {
  const t = title.replace(/\s+/g, ' ').trim();
  const d = description.trim();
  if (!t)
    return fail('VALIDATION_FAILED', 'Write a short title for your topic.', [{ path: 'title', message: 'required' }]);
  if (t.length > CARD_LIMITS.title) {
    return fail(
      'VALIDATION_FAILED',
      `A card title is at most ${CARD_LIMITS.title} characters (this one has ${t.length}).`,
      [{ path: 'title', message: 'too long' }],
    );
  }
  if (d.length > CARD_LIMITS.description) {
    return fail(
      'VALIDATION_FAILED',
      `A card description is at most ${CARD_LIMITS.description} characters (this one has ${d.length}).`,
      [{ path: 'description', message: 'too long' }],
    );
  }
  return ok({ title: t, description: d });
}

export type PairStatus = 'waiting' | 'agreed' | 'mismatch' | 'closed';

export interface PairOutcome {
  readonly round: number;
  readonly pair: number;
  readonly holders: readonly [string, string];
  readonly cards: readonly [string, string];
  /** Each holder's choice (in `cards` order), undefined until they chose. */
  readonly choices: readonly [SplitChoice['points'] | undefined, SplitChoice['points'] | undefined];
  /**
   * agreed: both chose the same split (it counts); mismatch: both chose, differently (settle it);
   * closed: the facilitator closed the pair without agreement (unscored); waiting: otherwise.
   */
  readonly status: PairStatus;
  readonly agreed: readonly [number, number] | undefined;
}

const choiceKey = (round: number, userId: string) => `${round}\u0000${userId}`;

function choiceIndex(choices: readonly SplitChoice[]): Map<string, SplitChoice['points']> {
  const m = new Map<string, SplitChoice['points']>();
  for (const c of choices) m.set(choiceKey(c.round, c.userId), c.points);
  return m;
}

const sameSplit = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1];

function outcomeOf(
  round: number,
  index: number,
  pair: ThirtyFivePair,
  choices: Map<string, SplitChoice['points']>,
  closed: Set<string>,
): PairOutcome {
  const a = choices.get(choiceKey(round, pair.holders[0]));
  const b = choices.get(choiceKey(round, pair.holders[1]));
  const agreed = a && b && sameSplit(a, b) ? ([a[0], a[1]] as const) : undefined;
  const status: PairStatus = agreed
    ? 'agreed'
    : closed.has(`${round}:${index}`)
      ? 'closed'
      : a && b
        ? 'mismatch'
        : 'waiting';
  return {
    round,
    pair: index,
    holders: pair.holders as [string, string],
    cards: pair.cards as [string, string],
    choices: [a, b],
    status,
    agreed,
  };
}

/** Every pair of one round with its status. Empty before the deal or for an unknown round. */
export function roundOutcomes(state: GameState, round: number): PairOutcome[] {
  const r = state.plan?.rounds[round];
  if (!r) return [];
  const choices = choiceIndex(state.choices);
  const closed = new Set(state.closedPairs.map((p) => `${p.round}:${p.pair}`));
  return r.pairs.map((p, i) => outcomeOf(round, i, p, choices, closed));
}

export interface RoundProgress {
  readonly round: number;
  readonly pairs: number;
  readonly agreed: number;
  readonly mismatched: number;
  readonly closed: number;
  /** Holders of pairs that are neither agreed nor closed and who have not chosen yet. */
  readonly toScore: readonly string[];
  /** Every pair is agreed or closed: the round can close with nothing left open. */
  readonly complete: boolean;
}

export function roundProgress(state: GameState, round: number): RoundProgress {
  const outcomes = roundOutcomes(state, round);
  const toScore: string[] = [];
  for (const o of outcomes) {
    if (o.status === 'agreed' || o.status === 'closed') continue;
    o.holders.forEach((h, i) => {
      if (!o.choices[i]) toScore.push(h);
    });
  }
  const count = (s: PairStatus) => outcomes.filter((o) => o.status === s).length;
  return {
    round,
    pairs: outcomes.length,
    agreed: count('agreed'),
    mismatched: count('mismatch'),
    closed: count('closed'),
    toScore,
    complete: outcomes.every((o) => o.status === 'agreed' || o.status === 'closed'),
  };
}

/**
 * The splits that count: pairs whose two holders chose the same split, in rounds up to `throughRound`
 * (default: every round). This is what the scorer and the server see.
 */
export function agreedSplits(state: GameState, throughRound = Number.POSITIVE_INFINITY): ThirtyFiveSplit[] {
  const out: ThirtyFiveSplit[] = [];
  const rounds = state.plan?.rounds.length ?? 0;
  for (let r = 0; r < rounds && r <= throughRound; r++) {
    for (const o of roundOutcomes(state, r))
      if (o.agreed) out.push({ round: r, pair: o.pair, points: [o.agreed[0], o.agreed[1]] });
  }
  return out;
}

export type Seat =
  | { readonly kind: 'none' }
  | { readonly kind: 'bye'; readonly round: number; readonly card: string }
  | {
      readonly kind: 'pair';
      readonly round: number;
      readonly pair: number;
      /** 0 or 1: my place in the pair (my card is `cards[me]`). */
      readonly me: 0 | 1;
      readonly myCard: string;
      readonly partnerId: string;
      readonly partnerCard: string;
      readonly outcome: PairOutcome;
      /** My choice and my partner's, as [points for my card, points for my partner's card]. */
      readonly mine: readonly [number, number] | undefined;
      readonly partners: readonly [number, number] | undefined;
    };

/** Where `userId` sits in `round` (default: the current one). */
export function seatOf(state: GameState, userId: string, round = state.round): Seat {
  const r = state.plan?.rounds[round];
  if (!r) return { kind: 'none' };
  if (r.bye?.holder === userId) return { kind: 'bye', round, card: r.bye.card };
  const index = r.pairs.findIndex((p) => p.holders[0] === userId || p.holders[1] === userId);
  if (index < 0) return { kind: 'none' };
  const outcome = roundOutcomes(state, round)[index] as PairOutcome;
  const me = outcome.holders[0] === userId ? 0 : 1;
  const other = me === 0 ? 1 : 0;
  const mineFirst = (p: readonly [number, number] | readonly number[] | undefined) =>
    p ? ([p[me] as number, p[other] as number] as const) : undefined;
  return {
    kind: 'pair',
    round,
    pair: index,
    me,
    myCard: outcome.cards[me],
    partnerId: outcome.holders[other],
    partnerCard: outcome.cards[other],
    outcome,
    mine: mineFirst(outcome.choices[me]),
    partners: mineFirst(outcome.choices[other]),
  };
}

/** The seven ways to split 7 points, as [my card, partner's card], most for my card first. */
export const SPLIT_OPTIONS: readonly (readonly [number, number])[] = Array.from(
  { length: POINTS_PER_PAIR + 1 },
  (_, i) => [POINTS_PER_PAIR - i, i] as const,
);

/**
 * May `userId` choose `mine` (points for my card, points for my partner's card) now? Returns the
 * choice in the pair's card order, ready to store.
 */
export function checkChoice(state: GameState, userId: string, mine: readonly number[]): Result<SplitChoice> {
  if (state.phase !== 'playing' || !state.plan)
    return fail('VALIDATION_FAILED', 'Scoring opens when the cards are dealt.');
  if (!state.roundOpen) return fail('VALIDATION_FAILED', `Round ${state.round + 1} is not open for scoring.`);
  const valid = validateSplit(mine);
  if (!valid.ok) return valid;
  const seat = seatOf(state, userId);
  if (seat.kind === 'none') return fail('VALIDATION_FAILED', 'You are not dealt into this round.');
  if (seat.kind === 'bye') return fail('VALIDATION_FAILED', 'You sit this round out: there is nothing to score.');
  if (seat.outcome.status === 'closed')
    return fail('VALIDATION_FAILED', 'The facilitator closed your pair for this round.');
  const [m, o] = valid.value;
  const points: [number, number] = seat.me === 0 ? [m, o] : [o, m];
  return ok({ round: state.round, userId, points });
}

export type FacilitatorStep =
  | 'deal'
  | 'open-round'
  | 'close-round'
  | 'close-pair'
  | 'finish'
  | 'merge'
  | 'unmerge'
  | 'commit';

/** Is this facilitator step possible in this state? (Role is checked by the caller / the server.) */
export function checkStep(
  state: GameState,
  step: FacilitatorStep,
  arg?: { pair?: PairRef; merge?: CardMerge },
): Result<void> {
  const no = (message: string) => fail<void>('VALIDATION_FAILED', message);
  const lastRound = (state.plan?.rounds.length ?? state.plannedRounds) - 1;
  switch (step) {
    case 'deal': {
      if (state.phase !== 'writing') return no('The cards are already dealt.');
      if (state.cards.length < 2) return no('At least two people must write a card before the deal.');
      return ok(undefined);
    }
    case 'open-round':
      if (state.phase !== 'playing') return no('Deal the cards first.');
      if (state.roundOpen) return no(`Round ${state.round + 1} is already open.`);
      return ok(undefined);
    case 'close-round':
      if (state.phase !== 'playing' || !state.roundOpen) return no('No round is open.');
      return ok(undefined);
    case 'close-pair': {
      const p = arg?.pair;
      if (state.phase !== 'playing' || !p || p.round !== state.round || !state.roundOpen)
        return no('Only a pair of the open round can be closed.');
      const o = roundOutcomes(state, p.round)[p.pair];
      if (!o) return no(`Round ${p.round + 1} has no pair ${p.pair + 1}.`);
      if (o.status === 'agreed') return no('That pair has agreed; its split counts.');
      if (o.status === 'closed') return no('That pair is already closed.');
      return ok(undefined);
    }
    case 'finish':
      if (state.phase !== 'playing') return no('The game is not being played.');
      if (state.roundOpen) return no('Close the open round first.');
      if (state.round < lastRound) return no(`Round ${state.round + 2} of ${lastRound + 1} has not been played yet.`);
      return ok(undefined);
    case 'merge':
    case 'unmerge': {
      if (state.phase !== 'finished' || state.committed)
        return no('Duplicates are merged after the last round, before the result is committed.');
      const m = arg?.merge;
      if (!m) return no('Name the two cards.');
      const ids = new Set(state.cards.map((c) => c.id));
      if (!ids.has(m.from) || !ids.has(m.into)) return no('Both cards must be in this game.');
      if (step === 'unmerge')
        return state.merges.some((x) => x.from === m.from) ? ok(undefined) : no('That card is not merged.');
      if (m.from === m.into) return no('A card cannot be merged into itself.');
      const merged = new Set(state.merges.map((x) => x.from));
      if (merged.has(m.from)) return no('That card is already merged into another.');
      if (merged.has(m.into)) return no('Merge into a card that is still on the list.');
      if (state.merges.some((x) => x.into === m.from))
        return no('Other cards are merged into that one; merge them all into one card instead.');
      return ok(undefined);
    }
    case 'commit':
      if (state.phase !== 'finished') return no('Finish the game before committing its result.');
      if (state.committed) return no('This result is already in the backlog.');
      return ok(undefined);
  }
}

/** One line of the final list: a card (with the cards merged into it) and its score. */
export interface RankedCard {
  readonly cardId: string;
  /** Cards merged into this one (their points add to it). */
  readonly mergedCardIds: readonly string[];
  readonly total: number;
  readonly roundsScored: number;
  /** Sum of the normalized scores of the card and its merged cards (out of 7 × rounds each). */
  readonly normalized: number;
  readonly rank: number;
}

const EPS = 1e-9;

/**
 * The ranked list after merges: a merged card's normalized score, total and rounds scored add up.
 * Ranking: higher normalized, then more rounds scored, then more 7s, 6s, … 1s (as the scorer);
 * equal lines share a rank; order by rank, then card id.
 */
export function rankWithMerges(scores: readonly ThirtyFiveCardScore[], merges: readonly CardMerge[]): RankedCard[] {
  const intoOf = new Map(merges.map((m) => [m.from, m.into]));
  const groups = new Map<
    string,
    { ids: string[]; total: number; roundsScored: number; normalized: number; counts: number[] }
  >();
  for (const s of scores) {
    const head = intoOf.get(s.cardId) ?? s.cardId;
    let g = groups.get(head);
    if (!g) {
      g = { ids: [], total: 0, roundsScored: 0, normalized: 0, counts: new Array<number>(POINTS_PER_PAIR + 1).fill(0) };
      groups.set(head, g);
    }
    if (s.cardId !== head) g.ids.push(s.cardId);
    g.total += s.total;
    g.roundsScored += s.roundsScored;
    g.normalized += s.normalized;
    for (const p of s.byRound) if (p !== null) g.counts[p] = (g.counts[p] as number) + 1;
  }
  type G = { cardId: string } & (typeof groups extends Map<string, infer V> ? V : never);
  const list: G[] = [...groups.entries()].map(([cardId, g]) => ({ cardId, ...g, ids: g.ids.sort() }));
  const cmp = (a: G, b: G): number => {
    if (Math.abs(a.normalized - b.normalized) > EPS) return b.normalized - a.normalized;
    if (a.roundsScored !== b.roundsScored) return b.roundsScored - a.roundsScored;
    for (let p = POINTS_PER_PAIR; p >= 1; p--) {
      const d = (b.counts[p] as number) - (a.counts[p] as number);
      if (d !== 0) return d;
    }
    return 0;
  };
  list.sort((a, b) => cmp(a, b) || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0));
  const out: RankedCard[] = [];
  list.forEach((g, i) => {
    const prev = list[i - 1];
    const rank = prev && cmp(prev, g) === 0 ? (out[i - 1] as RankedCard).rank : i + 1;
    out.push({
      cardId: g.cardId,
      mergedCardIds: g.ids,
      total: g.total,
      roundsScored: g.roundsScored,
      normalized: g.normalized,
      rank,
    });
  });
  return out;
}

/** The game's result as it stands: agreed splits scored by the rules engine, merges applied. */
export function gameResult(state: GameState): RankedCard[] {
  if (!state.plan) return [];
  return rankWithMerges(scoreThirtyFive(state.plan, agreedSplits(state)), state.merges);
}

/** Do two results say the same (same cards in the same order, same scores and ranks)? */
export function sameResult(
  a: readonly Pick<RankedCard, 'cardId' | 'normalized' | 'rank' | 'total' | 'roundsScored'>[],
  b: readonly RankedCard[],
): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i] as RankedCard;
    return (
      x.cardId === y.cardId &&
      x.rank === y.rank &&
      x.total === y.total &&
      x.roundsScored === y.roundsScored &&
      Math.abs(x.normalized - y.normalized) < 1e-6
    );
  });
}

/** What the record keeps of a game, enough to rebuild it in a fresh container. */
export interface GameCheckpoint {
  readonly gameId: string;
  readonly phase: GamePhase;
  readonly plannedRounds: number;
  readonly cards: readonly AnonymousCard[];
  readonly plan: ThirtyFivePlan | undefined;
  /** Rounds closed and saved. */
  readonly roundsClosed: number;
  /** Agreed splits of the closed rounds. */
  readonly splits: readonly { round: number; pair: number; points: readonly number[] }[];
  readonly closedPairs: readonly PairRef[];
  readonly merges: readonly CardMerge[];
  readonly committed?: { readonly at: string; readonly topicIds: readonly string[] } | undefined;
}

/** Merges make sense on their own: known cards, no card merged into itself, twice, or into a merged card. */
export function checkMerges(cardIds: readonly string[], merges: readonly CardMerge[]): Result<void> {
  const ids = new Set(cardIds);
  const from = new Set<string>();
  const issues: { path: string; message: string }[] = [];
  merges.forEach((m, i) => {
    if (!ids.has(m.from) || !ids.has(m.into))
      issues.push({ path: `merges[${i}]`, message: 'both cards must be in this game' });
    else if (m.from === m.into) issues.push({ path: `merges[${i}]`, message: 'a card cannot be merged into itself' });
    else if (from.has(m.from)) issues.push({ path: `merges[${i}]`, message: `card ${m.from} is merged twice` });
    from.add(m.from);
  });
  merges.forEach((m, i) => {
    if (from.has(m.into))
      issues.push({ path: `merges[${i}].into`, message: `card ${m.into} is itself merged into another` });
  });
  if (issues.length)
    return fail(
      'VALIDATION_FAILED',
      `Invalid merges: ${issues.map((x) => `${x.path}: ${x.message}`).join('; ')}`,
      issues,
    );
  return ok(undefined);
}

export type GameStatus = GamePhase | 'committed';

/** A game as the record keeps it: the deal, the checkpoint of the closed rounds, and the committed result. */
export interface ThirtyFiveGameRecord {
  readonly gameId: string;
  readonly communityId: string;
  readonly tenantId: string;
  /** The meeting (context id) the game was played in. */
  readonly meetingId: string;
  readonly status: GameStatus;
  readonly plannedRounds: number;
  /** The deal's seed, made by the server: the same cards and seed give the same plan. */
  readonly seed: string;
  /** Every card dealt (a leaver's card stays: it was played in the kept rounds). */
  readonly cards: readonly GameCard[];
  readonly plan: ThirtyFivePlan | null;
  readonly roundsClosed: number;
  readonly splits: readonly {
    readonly round: number;
    readonly pair: number;
    readonly points: readonly [number, number];
  }[];
  readonly closedPairs: readonly PairRef[];
  readonly merges: readonly CardMerge[];
  readonly result: readonly RankedCard[] | null;
  readonly committed: { readonly at: string; readonly topicIds: readonly string[] } | null;
  /**
   * The round the facilitator opened for scoring (stored when it opens, `open: false` once its close
   * began), or null before the first round. The server accepts a split only for the open round.
   */
  readonly scoring: RoundScoring | null;
  readonly startedBy: string;
  readonly startedAt: string;
  readonly updatedAt: string;
}

/**
 * The checkpoint a fresh live container resumes from: from the record as the store holds it, or as the
 * API returns it to the tab (without the tenant). The one conversion; the tab imports it from here.
 */
export function checkpointOf(
  game: Omit<ThirtyFiveGameRecord, 'tenantId' | 'cards'> & { readonly cards: readonly AnonymousCard[] },
): GameCheckpoint {
  return {
    gameId: game.gameId,
    phase: game.status === 'committed' ? 'finished' : game.status,
    plannedRounds: game.plannedRounds,
    cards: game.cards.map((c) => ({ id: c.id, title: c.title, description: c.description })),
    plan: game.plan ?? undefined,
    roundsClosed: game.roundsClosed,
    splits: game.splits,
    closedPairs: game.closedPairs,
    merges: game.merges,
    committed: game.committed ?? undefined,
  };
}

/** The scoring phase of a game as the record holds it. */
export interface RoundScoring {
  readonly round: number;
  readonly open: boolean;
  /** ISO time the round's timer ends, if the facilitator set one. */
  readonly endsAt: string | null;
}

/** A split as a participant sends it: their round, their pair, and the points in the pair's card order. */
export interface SplitBallot {
  readonly round: number;
  readonly pair: number;
  readonly points: readonly number[];
}

type PlayRecord = Pick<ThirtyFiveGameRecord, 'status' | 'plan' | 'roundsClosed' | 'closedPairs' | 'scoring'>;

/**
 * May `userId` cast this split, as the record sees the game? The round must be the open one (phase),
 * the caller one of the pair's two holders in the server's own plan (seat), the pair not closed, and
 * the split two whole numbers 0–7 summing to 7. Returns the choice to store (points in card order).
 */
export function checkBallot(game: PlayRecord, userId: string, ballot: SplitBallot): Result<SplitChoice> {
  const r = ballot.round + 1;
  if (game.status !== 'playing' || !game.plan) return fail('CONFLICT', 'Scoring opens when the cards are dealt.');
  const open = game.scoring;
  if (!open || !open.open || open.round !== ballot.round || ballot.round !== game.roundsClosed) {
    return fail('CONFLICT', `Round ${r} is not open for scoring.`);
  }
  const pair = game.plan.rounds[ballot.round]?.pairs[ballot.pair];
  if (!pair) return fail('VALIDATION_FAILED', `Round ${r} has no pair ${ballot.pair + 1}.`);
  if (pair.holders[0] !== userId && pair.holders[1] !== userId) {
    return fail(
      'FORBIDDEN',
      `You do not sit in pair ${ballot.pair + 1} of round ${r}: only its two holders split its points.`,
    );
  }
  if (game.closedPairs.some((p) => p.round === ballot.round && p.pair === ballot.pair)) {
    return fail('CONFLICT', 'The facilitator closed your pair for this round.');
  }
  const valid = validateSplit(ballot.points);
  if (!valid.ok) return valid;
  return ok({ round: ballot.round, userId, points: [valid.value[0], valid.value[1]] });
}

/**
 * What a round's close saves, computed from the stored choices only: the pairs whose two holders
 * stored the same split (they count), and the pairs the facilitator closed that did not agree.
 */
export function roundCheckpoint(
  plan: ThirtyFivePlan,
  round: number,
  choices: readonly SplitChoice[],
  closedPairs: readonly PairRef[],
): { splits: { round: number; pair: number; points: [number, number] }[]; closedPairs: PairRef[] } {
  const mine = new Map(choices.filter((c) => c.round === round).map((c) => [c.userId, c.points]));
  const splits: { round: number; pair: number; points: [number, number] }[] = [];
  const agreed = new Set<number>();
  (plan.rounds[round]?.pairs ?? []).forEach((p, pair) => {
    const a = mine.get(p.holders[0]);
    const b = mine.get(p.holders[1]);
    if (a && b && sameSplit(a, b)) {
      splits.push({ round, pair, points: [a[0], a[1]] });
      agreed.add(pair);
    }
  });
  const closed = closedPairs
    .filter((p) => p.round === round && !agreed.has(p.pair))
    .map((p) => ({ round, pair: p.pair }));
  return { splits, closedPairs: closed };
}
