import type { Result } from '../../domain/result';
import type { SplitChoice, ThirtyFiveGameRecord } from '../../domain/thirty-five';
import type { Versioned } from './versioned';

/** Thirty Five games, in their community's partition. */
export interface ThirtyFiveGameRepository {
  get(communityId: string, gameId: string): Promise<Versioned<ThirtyFiveGameRecord> | undefined>;
  /** The most recently started game of a meeting. */
  latestForMeeting(communityId: string, meetingId: string): Promise<Versioned<ThirtyFiveGameRecord> | undefined>;
  /** CONFLICT when the id exists. */
  create(game: ThirtyFiveGameRecord): Promise<Result<Versioned<ThirtyFiveGameRecord>>>;
  /** CONFLICT on a stale etag. */
  update(game: ThirtyFiveGameRecord, etag: string): Promise<Result<Versioned<ThirtyFiveGameRecord>>>;
}

/** A split as the record keeps it: one per (game, round, person). */
export interface StoredSplitChoice extends SplitChoice {
  readonly communityId: string;
  readonly gameId: string;
  /** ISO time of the last change. */
  readonly at: string;
}

/**
 * Thirty Five splits, one document per (game, round, person): concurrent voters never write the same
 * document, so none waits for or overwrites another.
 */
export interface ThirtyFiveChoiceRepository {
  /** Stores the person's split for the round, replacing their own earlier one (idempotent). */
  put(choice: StoredSplitChoice): Promise<Result<Versioned<StoredSplitChoice>>>;
  /** Every stored split of one round of a game, ordered by user id. */
  listForRound(communityId: string, gameId: string, round: number): Promise<StoredSplitChoice[]>;
}
