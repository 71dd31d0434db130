import type { Session } from '../../domain/session';
import type { Result } from '../../domain/result';
import type { Versioned } from './versioned';

/** Sessions, in their community's partition. */
export interface SessionRepository {
  get(communityId: string, sessionId: string): Promise<Versioned<Session> | undefined>;
  /** Newest first (by start). */
  listByCommunity(communityId: string): Promise<Versioned<Session>[]>;
  /** Every scheduled (not yet closed) session of every community, across partitions: what reminders look at. */
  listScheduled(): Promise<Session[]>;
  /** CONFLICT when the id exists (a retried request is not stored twice). */
  create(session: Session): Promise<Result<Versioned<Session>>>;
  /** CONFLICT on a stale etag. */
  update(session: Session, etag: string): Promise<Result<Versioned<Session>>>;
}
