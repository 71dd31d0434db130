import type { Result } from '../../domain/result';
import type { SavedSessionRun } from '../../domain/session-run';
import type { Versioned } from './versioned';

/** The saved run of show of each session (one record per session), in its community's partition. */
export interface SessionRunRepository {
  get(communityId: string, sessionId: string): Promise<Versioned<SavedSessionRun> | undefined>;
  /** The most recently saved run of a meeting. */
  latestForMeeting(communityId: string, meetingId: string): Promise<Versioned<SavedSessionRun> | undefined>;
  /** Create (etag undefined; CONFLICT if it exists) or replace (CONFLICT on a stale etag). */
  put(run: SavedSessionRun, etag: string | undefined): Promise<Result<Versioned<SavedSessionRun>>>;
}
