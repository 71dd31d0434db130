/**
 * Types of the Thirty Five rules engine. See docs/thirty-five-rules.md for the rules themselves.
 */

/** A topic card: its id and the participant who wrote it. */
export interface ThirtyFiveCard {
  readonly id: string;
  readonly authorId: string;
}

/** What the planner needs to deal a game. */
export interface ThirtyFivePlanInput {
  /** Participant ids, in any order (the order does not change the plan). */
  readonly participants: readonly string[];
  /** Exactly one card per participant, in any order. */
  readonly cards: readonly ThirtyFiveCard[];
  /** Number of rounds; an integer from 1 to {@link MAX_ROUNDS}. Default {@link DEFAULT_ROUNDS}. */
  readonly rounds?: number;
  /**
   * The seed of the deal. The same participants, cards, rounds and seed always give the same
   * plan. A number and its decimal string (42 and "42") are the same seed.
   */
  readonly seed: string | number;
}

/** Two participants who meet in a round; `holders[i]` holds `cards[i]`. */
export interface ThirtyFivePair {
  readonly holders: readonly [string, string];
  /** The two cards the pair splits 7 points between; `cards[i]` is held by `holders[i]`. */
  readonly cards: readonly [string, string];
}

/** With an odd number of participants, one participant sits the round out holding one card, unscored. */
export interface ThirtyFiveBye {
  readonly holder: string;
  readonly card: string;
}

export interface ThirtyFiveRound {
  readonly pairs: readonly ThirtyFivePair[];
  readonly bye?: ThirtyFiveBye;
}

/** A full deal: who meets whom and who holds which card, round by round. */
export interface ThirtyFivePlan {
  readonly rounds: readonly ThirtyFiveRound[];
}

/**
 * The agreed split of one pair in one round. `round` and `pair` are 0-based indexes into
 * `plan.rounds` and `plan.rounds[round].pairs`; `points[i]` goes to `pair.cards[i]`.
 */
export interface ThirtyFiveSplit {
  readonly round: number;
  readonly pair: number;
  readonly points: readonly [number, number] | readonly number[];
}

/** One card's result. */
export interface ThirtyFiveCardScore {
  readonly cardId: string;
  /** Sum of the points the card received. */
  readonly total: number;
  /** Rounds in which the card was on a pair whose split was recorded. */
  readonly roundsScored: number;
  /**
   * `total × plannedRounds ÷ roundsScored`: the score the card would have had with every round
   * scored, out of 7 × plannedRounds (35 for 5 rounds). 0 when no round was scored.
   */
  readonly normalized: number;
  /** Competition rank (1, 2, 2, 4): cards that are equal on every tie-break share a rank. */
  readonly rank: number;
  /** Points per planned round; `null` where the round is not scored for this card (bye, missing split, card absent). */
  readonly byRound: readonly (number | null)[];
}

export const DEFAULT_ROUNDS = 5;
/** Upper bound on rounds, a guard against runaway input (the game has 5). */
export const MAX_ROUNDS = 100;
/** Upper bound on participants, a guard against runaway input. */
export const MAX_PARTICIPANTS = 1000;
/** Points each pair splits in a round. */
export const POINTS_PER_PAIR = 7;
