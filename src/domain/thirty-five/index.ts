/**
 * Thirty Five: the pure rules engine (deal, re-deal, scoring). No IO, no clock, no `Math.random`.
 * The rules, invariants and tie-breaks are written down in docs/thirty-five-rules.md.
 *
 * Entry points come in two forms: the plain ones throw a {@link ThirtyFiveError} (with a stable
 * `code` and per-field `issues`) on bad input; the `try…` ones return a {@link Result} with
 * `VALIDATION_FAILED` instead, for use cases that validate untrusted live state.
 *
 * @packageDocumentation
 */
import type { Result } from '../result';
import { asResult } from './errors';
import { planThirtyFive as plan, replanFromRound as replan } from './plan';
import { scoreThirtyFive as score } from './score';
import type { ThirtyFiveCardScore, ThirtyFivePlan, ThirtyFivePlanInput, ThirtyFiveSplit } from './types';

export { ThirtyFiveError, type ThirtyFiveErrorCode, type ThirtyFiveIssue } from './errors';
export { validateSplit } from './score';
export * from './game';
export {
  DEFAULT_ROUNDS,
  MAX_PARTICIPANTS,
  MAX_ROUNDS,
  POINTS_PER_PAIR,
  type ThirtyFiveBye,
  type ThirtyFiveCard,
  type ThirtyFiveCardScore,
  type ThirtyFivePair,
  type ThirtyFivePlan,
  type ThirtyFivePlanInput,
  type ThirtyFiveRound,
  type ThirtyFiveSplit,
} from './types';

/**
 * Deal a game of Thirty Five: for each round, the pairs of participants, the two cards each pair
 * judges (`cards[i]` held by `holders[i]`), and with an odd count the participant sitting out
 * with one card (`bye`, unscored that round).
 *
 * Guarantees, for every valid input and seed:
 * - every card is held by exactly one participant each round, and never by its author;
 * - with an odd count exactly one bye per round; nobody sits out twice before everyone has sat out
 *   once, and no card goes unscored twice before every card has gone unscored once;
 * - partners do not repeat while that is possible (each participant meets min(rounds played, n − 1)
 *   different partners);
 * - two cards are compared at most ⌈rounds ÷ cycle⌉ times (cycle = n − 1 for even n, n for odd n),
 *   so never twice in a 5-round game with 6 or more participants;
 * - deterministic: the same participants, cards, rounds and seed give the same plan, whatever the
 *   order of `participants` and `cards` in the input.
 * Best effort: a card meets as many different judges as possible, and a pair avoids judging a card
 * written by one of its members.
 *
 * @throws {@link ThirtyFiveError} `INVALID_PLAN_INPUT` when fewer than 2 participants, duplicate ids,
 * not exactly one card per participant, a card whose author is not a participant, or `rounds`
 * not an integer from 1 to {@link MAX_ROUNDS}.
 */
export function planThirtyFive(input: ThirtyFivePlanInput): ThirtyFivePlan {
  return plan(input);
}

/** {@link planThirtyFive} returning a Result (`VALIDATION_FAILED` with issues) instead of throwing. */
export function tryPlanThirtyFive(input: ThirtyFivePlanInput): Result<ThirtyFivePlan> {
  return asResult(() => plan(input));
}

/**
 * Re-deal the rest of a game after people left or joined: rounds before `fromRound` are kept as
 * they are (same objects), rounds from `fromRound` on are planned for `newInput`'s participants and
 * cards. `newInput.rounds` is the total number of rounds of the game (default: the plan's length)
 * and must be greater than `fromRound`; it may extend the game.
 *
 * The new rounds keep every per-round invariant of {@link planThirtyFive} and take the kept rounds
 * into account: partners already met, cards already held by a participant and card pairs already
 * compared are avoided where possible, and the first byes (and unscored cards) of the new rounds go
 * to those who sat out (were unscored) least so far, absence counting as sitting out.
 * `replanFromRound(plan, 0, input)` equals `planThirtyFive(input)`.
 *
 * @throws {@link ThirtyFiveError} `INVALID_PLAN` for a malformed plan, `INVALID_PLAN_INPUT` for a bad
 * `newInput`, `INVALID_REPLAN` when `fromRound` is out of range, the total rounds do not exceed it,
 * or `newInput` names as author of a card someone who held it in a kept round.
 */
export function replanFromRound(
  plan: ThirtyFivePlan,
  fromRound: number,
  newInput: ThirtyFivePlanInput,
): ThirtyFivePlan {
  return replan(plan, fromRound, newInput);
}

/** {@link replanFromRound} returning a Result instead of throwing. */
export function tryReplanFromRound(
  plan: ThirtyFivePlan,
  fromRound: number,
  newInput: ThirtyFivePlanInput,
): Result<ThirtyFivePlan> {
  return asResult(() => replan(plan, fromRound, newInput));
}

/**
 * Score a game: one entry per card that appears in the plan, best first.
 *
 * Each split gives `points[i]` to `plan.rounds[round].pairs[pair].cards[i]`; it must be two integers
 * 0–7 summing to 7, for an existing round and pair, at most once per pair. A pair without a split
 * leaves the round unscored for both its cards; a bye is unscored for its card.
 * - `total`: sum of points; `roundsScored`: rounds with a recorded split for the card;
 * - `normalized` = total × plannedRounds ÷ roundsScored (out of 7 × plannedRounds, 35 for 5 rounds),
 *   0 when no round was scored;
 * - ranking: normalized (highest first), then more rounds scored, then more 7s, then more 6s, … then
 *   more 1s; cards still equal share a rank (competition ranking 1, 2, 2, 4);
 * - output sorted by rank, then card id (code-unit order).
 *
 * @throws {@link ThirtyFiveError} `INVALID_SPLIT` (every bad split is listed in `issues`) or `INVALID_PLAN`.
 */
export function scoreThirtyFive(plan: ThirtyFivePlan, splits: readonly ThirtyFiveSplit[]): ThirtyFiveCardScore[] {
  return score(plan, splits);
}

/** {@link scoreThirtyFive} returning a Result instead of throwing. */
export function tryScoreThirtyFive(
  plan: ThirtyFivePlan,
  splits: readonly ThirtyFiveSplit[],
): Result<ThirtyFiveCardScore[]> {
  return asResult(() => score(plan, splits));
}
