import type { Result } from '../../domain/result';
import type { ThirtyFiveGameRecord } from '../../domain/thirty-five';
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
