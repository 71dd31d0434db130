/**
 * What the side panel and the stage show of a Thirty Five game, derived from the domain's
 * GameState. Pure (no React, no Fluent), so every sentence a participant reads is unit tested.
 * Cards are anonymous while playing: nothing here names a card's author.
 */
import {
  POINTS_PER_PAIR,
  gameResult,
  roundOutcomes,
  roundProgress,
  seatOf,
  type AnonymousCard,
  type GameState,
  type PairStatus,
} from '../../../domain/thirty-five';

/** userId → the name to show. */
export type NameOf = (userId: string) => string;

/** Names from the community's members, then the live audience; "someone" for an unknown id. */
export function namesFrom(
  members: readonly { readonly userId: string; readonly displayName: string }[],
  present: readonly { readonly id: string; readonly name: string }[] = [],
): NameOf {
  const m = new Map<string, string>();
  for (const p of present) if (p.name) m.set(p.id, p.name);
  for (const x of members) if (x.displayName) m.set(x.userId, x.displayName);
  return (id) => m.get(id) ?? 'someone';
}

export const firstName = (name: string): string => name.trim().split(/\s+/)[0] || name;

/** "Alex, Bea and Chen". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const cardsWrittenLabel = (n: number): string => `${plural(n, 'card')} written`;

/** "5–2": points for my card, then my partner's. */
export const splitText = (p: readonly number[]): string => `${p[0]}–${p[1]}`;
/** A card's title shortened for a split option (the cards themselves are shown in full above it). */
export const shortTitle = (title: string, max = 28): string =>
  title.length <= max ? title : `${title.slice(0, max - 1).trimEnd()}…`;
/**
 * The label of one split option: the pair's two cards in the pair's fixed order with their points,
 * "‘Remote retros’ 5 – 2 ‘Metrics’". Both partners read the same words for the same split.
 */
export const pairSplitLabel = (first: string, second: string, p: readonly number[]): string =>
  `‘${shortTitle(first)}’ ${p[0]} – ${p[1]} ‘${shortTitle(second)}’`;
/** A split in the pair's card order as [my card, my partner's], and back (the same swap). */
export const mineFromPair = (p: readonly number[], me: 0 | 1): [number, number] =>
  me === 0 ? [p[0] ?? 0, p[1] ?? 0] : [p[1] ?? 0, p[0] ?? 0];
export const splitValue = (p: readonly number[]): string => `${p[0]}-${p[1]}`;
export function parseSplitValue(v: string): [number, number] | undefined {
  const m = /^(\d)-(\d)$/.exec(v);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a + b === POINTS_PER_PAIR ? [a, b] : undefined;
}

/** Rounds of the game: the deal's length once dealt, else what was planned. */
export const totalRounds = (state: GameState): number => state.plan?.rounds.length ?? state.plannedRounds;

/** Every round has been closed; the game waits to be finished. */
export const allRoundsPlayed = (state: GameState): boolean =>
  state.phase === 'playing' && !!state.plan && state.round >= state.plan.rounds.length;

export const roundLabel = (state: GameState): string => {
  const total = totalRounds(state);
  return `Round ${Math.min(state.round + 1, total)} of ${total}`;
};

export const cardById = (state: GameState, id: string): AnonymousCard | undefined =>
  state.cards.find((c) => c.id === id);

/** A card as a player sees it: its text, never its author (the tree has none). */
export type { AnonymousCard };

const anonymous = (c: AnonymousCard | undefined): AnonymousCard | undefined =>
  c ? { id: c.id, title: c.title, description: c.description } : undefined;

/** My card as the meeting shows it (the server told me its id), or undefined. */
export const myCard = (state: GameState, mine: AnonymousCard | null | undefined): AnonymousCard | undefined =>
  mine ? (state.cards.find((c) => c.id === mine.id) ?? mine) : undefined;

/** Is this card in the deal (any round)? A card written after the deal waits for a re-deal. */
export function isDealt(state: GameState, cardId: string): boolean {
  return !!state.plan?.rounds.some(
    (r) => r.bye?.card === cardId || r.pairs.some((p) => p.cards[0] === cardId || p.cards[1] === cardId),
  );
}

/** One line for the phase, as the stage shows it. */
export function phaseLabel(state: GameState | undefined): string {
  if (!state) return 'Check-in';
  if (state.committed) return 'Thirty Five · in the backlog';
  switch (state.phase) {
    case 'writing':
      return 'Thirty Five · writing cards';
    case 'playing':
      if (allRoundsPlayed(state)) return 'Thirty Five · all rounds played';
      return `Thirty Five · ${state.roundOpen ? 'scoring' : 'between rounds'}`;
    case 'finished':
      return 'Thirty Five · the result';
  }
}

/** What the current round looks like from the stage. */
export interface RoundSummary {
  readonly label: string;
  readonly pairs: number;
  readonly agreed: number;
  readonly agreedLabel: string;
  /** People still to choose in open pairs (names, by name). */
  readonly toScore: readonly string[];
  readonly complete: boolean;
}

export function roundSummary(state: GameState, nameOf: NameOf): RoundSummary {
  const p = roundProgress(state, state.round);
  return {
    label: roundLabel(state),
    pairs: p.pairs,
    agreed: p.agreed,
    agreedLabel: `${p.agreed} of ${plural(p.pairs, 'pair')} agreed`,
    toScore: p.toScore.map(nameOf).sort((a, b) => a.localeCompare(b)),
    complete: p.complete,
  };
}

export type SeatStatus = 'choose' | 'waiting' | 'agreed' | 'mismatch' | 'closed';

export type SeatView =
  | { readonly kind: 'none' }
  | { readonly kind: 'bye'; readonly card: AnonymousCard | undefined; readonly message: string }
  | {
      readonly kind: 'pair';
      readonly pair: number;
      /** 0 or 1: my place in the pair (for tests and the e2e: my card is the pair's cards[me]). */
      readonly me: 0 | 1;
      readonly myCard: AnonymousCard | undefined;
      readonly partnerName: string;
      readonly partnerCard: AnonymousCard | undefined;
      /** The pair's two cards in the pair's fixed order (the same for both partners): split options follow it. */
      readonly cardsInOrder: readonly [AnonymousCard | undefined, AnonymousCard | undefined];
      /** My choice, [my card, partner's card]. */
      readonly mine: readonly [number, number] | undefined;
      readonly status: SeatStatus;
      readonly message: string;
    };

const untitled = (c: AnonymousCard | undefined) => (c ? `“${c.title}”` : 'a card');

/** Where I sit in the current round and what to tell me about my pair. */
export function seatView(state: GameState, userId: string, nameOf: NameOf): SeatView {
  const seat = seatOf(state, userId);
  if (seat.kind === 'none') return { kind: 'none' };
  if (seat.kind === 'bye') {
    const card = anonymous(cardById(state, seat.card));
    return {
      kind: 'bye',
      card,
      message: `You sit this round out, holding ${untitled(card)}. It is not scored this round.`,
    };
  }
  const partner = firstName(nameOf(seat.partnerId));
  const o = seat.outcome;
  const myCard = anonymous(cardById(state, seat.myCard));
  const partnerCard = anonymous(cardById(state, seat.partnerCard));
  const [first, second] = seat.me === 0 ? [myCard, partnerCard] : [partnerCard, myCard];
  // Splits are told in the pair's own card order, the same words for both partners.
  const said = (mine: readonly number[]) =>
    pairSplitLabel(first?.title ?? 'a card', second?.title ?? 'a card', mineFromPair(mine, seat.me));
  let status: SeatStatus;
  let message: string;
  if (o.status === 'agreed' && o.agreed) {
    status = 'agreed';
    message = `Agreed: ${said(seat.mine ?? mineFromPair(o.agreed, seat.me))}. It counts.`;
  } else if (o.status === 'closed') {
    status = 'closed';
    message = 'The facilitator closed your pair: these two cards are not scored this round.';
  } else if (o.status === 'mismatch' && seat.mine && seat.partners) {
    status = 'mismatch';
    message = `You chose ${said(seat.mine)}, ${partner} chose ${said(seat.partners)}: talk it over and pick the same.`;
  } else if (seat.mine) {
    status = 'waiting';
    message = `Waiting for ${partner} to choose.`;
  } else {
    status = 'choose';
    message = seat.partners
      ? `${partner} has chosen. Talk it over and pick your split.`
      : `Talk it over with ${partner} and pick a split.`;
  }
  return {
    kind: 'pair',
    pair: seat.pair,
    me: seat.me,
    myCard,
    partnerName: nameOf(seat.partnerId),
    partnerCard,
    cardsInOrder: [first, second],
    mine: seat.mine ? [seat.mine[0], seat.mine[1]] : undefined,
    status,
    message,
  };
}

/** A pair of the open round that is neither agreed nor closed, for the facilitator. */
export interface OpenPairRow {
  readonly round: number;
  readonly pair: number;
  readonly holders: string;
  readonly status: Extract<PairStatus, 'waiting' | 'mismatch'>;
  readonly detail: string;
}

export function openPairs(state: GameState, nameOf: NameOf): OpenPairRow[] {
  return roundOutcomes(state, state.round)
    .filter((o) => o.status === 'waiting' || o.status === 'mismatch')
    .map((o) => {
      const [a, b] = o.holders.map(nameOf) as [string, string];
      const missing = o.holders.filter((_, i) => !o.choices[i]).map((h) => firstName(nameOf(h)));
      const detail =
        o.status === 'mismatch'
          ? 'chose differently'
          : missing.length === 2
            ? 'nobody has chosen'
            : `waiting for ${missing[0]}`;
      return {
        round: o.round,
        pair: o.pair,
        holders: `${a} & ${b}`,
        status: o.status as OpenPairRow['status'],
        detail,
      };
    });
}

/** One line of the final list, ready to render. */
export interface RankedRow {
  readonly cardId: string;
  readonly rank: number;
  readonly title: string;
  readonly description: string;
  readonly merged: readonly { readonly id: string; readonly title: string }[];
  readonly normalized: number;
  /** normalized, 1 decimal. */
  readonly scoreText: string;
  /** 7 × rounds (35 for the usual 5 rounds). */
  readonly outOf: number;
  /**
   * What follows the score: "/ 35"; for merged cards, whose scores add up (and may pass 35),
   * "· 2 cards together" instead.
   */
  readonly outOfText: string;
  /** "rests on 4 of 5 rounds", when the score rests on fewer rounds than a full game. */
  readonly restsOn: string | undefined;
  /** Bar width, 0–100. */
  readonly barPercent: number;
}

export function rankedRows(state: GameState): RankedRow[] {
  const rounds = totalRounds(state);
  const outOf = POINTS_PER_PAIR * rounds;
  return gameResult(state).map((r) => {
    const card = cardById(state, r.cardId);
    const possible = rounds * (1 + r.mergedCardIds.length);
    return {
      cardId: r.cardId,
      rank: r.rank,
      title: card?.title ?? 'A card that left the game',
      description: card?.description ?? '',
      merged: r.mergedCardIds.map((id) => ({ id, title: cardById(state, id)?.title ?? 'a card' })),
      normalized: r.normalized,
      scoreText: r.normalized.toFixed(1),
      outOf,
      outOfText: r.mergedCardIds.length ? `· ${r.mergedCardIds.length + 1} cards together` : `/ ${outOf}`,
      restsOn: r.roundsScored < possible ? `rests on ${r.roundsScored} of ${plural(possible, 'round')}` : undefined,
      barPercent: outOf > 0 ? Math.max(0, Math.min(100, (r.normalized / outOf) * 100)) : 0,
    };
  });
}

/** Cards that can still be merged into another (not merged themselves), for the merge pickers. */
export function mergeCandidates(state: GameState): AnonymousCard[] {
  const merged = new Set(state.merges.map((m) => m.from));
  const rows = rankedRows(state);
  const order = new Map(rows.map((r, i) => [r.cardId, i]));
  return state.cards
    .filter((c) => !merged.has(c.id) && order.has(c.id))
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/** "04:59" for a countdown (never negative). */
export function formatCountdown(msLeft: number): string {
  const s = Math.max(0, Math.ceil(msLeft / 1000));
  const mm = Math.floor(s / 60);
  const ss = s % 60;
  return `${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}

export const TIMER_CHOICES: readonly number[] = [0, 3, 5, 7];
export const timerLabel = (minutes: number): string => (minutes === 0 ? 'No timer' : `${minutes} minutes`);

export const backlogLabel = (n: number): string => `In the backlog: ${plural(n, 'topic')}`;
