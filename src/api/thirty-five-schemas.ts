/**
 * Request and response shapes of the Thirty Five API (start, deal, checkpoints, commit): one
 * schema per shape, shared by the server (validation at the boundary) and the tab (typed client).
 */
import { z } from 'zod/v4';
import {
  type AnonymousCard,
  CARD_LIMITS,
  MAX_PARTICIPANTS,
  POINTS_PER_PAIR,
  ROUND_TIMER_MAX_MINUTES,
  type SplitChoice,
  type ThirtyFiveGameRecord,
} from '../domain/thirty-five';
import { IdSchema, textSchema } from './schemas';

/** A game is 1–10 rounds (5 is the game; fewer when time is short). */
export const MAX_GAME_ROUNDS = 10;

const index = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int({ error: `${what} must be a whole number` })
    .min(0)
    .max(10_000);

export const StartGameRequest = z.strictObject({
  rounds: z
    .number({ error: 'rounds must be a number' })
    .int()
    .min(1, { error: 'a game has at least 1 round' })
    .max(MAX_GAME_ROUNDS, { error: `a game has at most ${MAX_GAME_ROUNDS} rounds` })
    .optional(),
});

export const GameCardSchema = z.strictObject({
  id: IdSchema,
  authorId: IdSchema,
  title: textSchema('title', CARD_LIMITS.title),
  description: textSchema('description', CARD_LIMITS.description, { lines: 'multi', required: false }),
});

/** A member's own card: its text only (the server keeps the author, the meeting sees an opaque id). */
export const CardRequest = z.strictObject({
  title: textSchema('title', CARD_LIMITS.title),
  description: textSchema('description', CARD_LIMITS.description, { lines: 'multi', required: false }).optional(),
});

/** The deal is made from the cards the server stored: the request carries nothing. */
export const DealRequest = z.strictObject({});

export const RedealRequest = z.strictObject({
  /** The first round to plan anew (rounds before it are kept as played). */
  fromRound: index('fromRound'),
  /** Who plays on (user ids); their stored cards are dealt, late joiners' new cards included. */
  players: z.array(IdSchema).min(2, { error: 'at least two people must play on' }).max(MAX_PARTICIPANTS),
});

export const SplitSchema = z.strictObject({
  round: index('round'),
  pair: index('pair'),
  points: z.tuple([z.number().int().min(0).max(POINTS_PER_PAIR), z.number().int().min(0).max(POINTS_PER_PAIR)], {
    error: `points are two whole numbers from 0 to ${POINTS_PER_PAIR}`,
  }),
});
export const PairRefSchema = z.strictObject({ round: index('round'), pair: index('pair') });
export const MergeSchema = z.strictObject({ from: IdSchema, into: IdSchema });

const merges = z.array(MergeSchema).max(MAX_PARTICIPANTS);

/**
 * Close the open round (`roundsClosed` = its index + 1) or finish after the last one. The server
 * computes what is saved from the splits it stored; a client sends no splits.
 */
export const CheckpointRequest = z.strictObject({
  /** Rounds closed after this step (the checkpoint covers rounds 0 … roundsClosed − 1). */
  roundsClosed: index('roundsClosed'),
  /** `finished` after the last round. */
  phase: z.enum(['playing', 'finished'], { error: 'phase must be playing or finished' }),
});

/** A participant's split for their pair in the open round; `points` follow the pair's card order. */
export const ChoiceRequest = SplitSchema;

/** The facilitator opens a round for scoring, with an optional timer. */
export const OpenRoundRequest = z.strictObject({
  round: index('round'),
  minutes: z
    .number({ error: 'minutes must be a number' })
    .int()
    .min(0)
    .max(ROUND_TIMER_MAX_MINUTES, {
      error: `a round timer is at most ${ROUND_TIMER_MAX_MINUTES} minutes`,
    }),
});

/** The facilitator closes a stuck pair of the open round. */
export const ClosePairRequest = PairRefSchema;

export const RankedCardSchema = z.strictObject({
  cardId: IdSchema,
  mergedCardIds: z.array(IdSchema).max(MAX_PARTICIPANTS),
  total: z.number().min(0),
  roundsScored: z.number().int().min(0),
  normalized: z.number().min(0),
  rank: z.number().int().min(1),
});

export const CommitGameRequest = z.strictObject({
  merges,
  /** The result the facilitator's screen shows, if sent; refused when it is not what the saved rounds say. */
  result: z.array(RankedCardSchema).max(MAX_PARTICIPANTS).optional(),
});

export type { GameStatus } from '../domain/thirty-five';

/**
 * A game as members see it (also the checkpoint a lost live container resumes from): the record
 * without its tenant and without the cards' authors (docs/adr/0023-anonymous-thirty-five-cards.md).
 */
export type GameRecordView = Omit<ThirtyFiveGameRecord, 'tenantId' | 'cards'> & {
  readonly cards: readonly AnonymousCard[];
};

/** The meeting's latest game, with the splits stored for its open round (so a resumed game shows them). */
export type LatestGameView = GameRecordView & { readonly openChoices?: readonly SplitChoice[] };
