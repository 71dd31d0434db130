import type { Rsvp } from '../../domain/attendance';
import type { Result } from '../../domain/result';
import type { Versioned } from './versioned';

/** One RSVP per person per session, in the community's partition. */
export interface RsvpRepository {
  get(communityId: string, sessionId: string, userId: string): Promise<Versioned<Rsvp> | undefined>;
  /** A session's answers, by person. */
  listBySession(communityId: string, sessionId: string): Promise<Rsvp[]>;
  /** Every answer in the community (for the attendance trend). */
  listByCommunity(communityId: string): Promise<Rsvp[]>;
  /** Create (etag undefined; CONFLICT if one exists) or replace (CONFLICT on a stale etag). */
  put(rsvp: Rsvp, etag: string | undefined): Promise<Result<Versioned<Rsvp>>>;
}
