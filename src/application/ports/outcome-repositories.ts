import type { ActionItem, Annotation, FeedbackTally, SessionNotes, Takeaway } from '../../domain/outcomes';
import type { FacilitatorRotation } from '../../domain/facilitator-rotation';
import type { Result } from '../../domain/result';
import type { Versioned } from './versioned';

/** One notes document per session. */
export interface SessionNotesRepository {
  get(communityId: string, sessionId: string): Promise<Versioned<SessionNotes> | undefined>;
  listByCommunity(communityId: string): Promise<SessionNotes[]>;
  /** Create (etag undefined; CONFLICT if notes exist) or replace (CONFLICT on a stale etag). */
  put(notes: SessionNotes, etag: string | undefined): Promise<Result<Versioned<SessionNotes>>>;
}

export interface AnnotationRepository {
  /** Oldest first. */
  listBySession(communityId: string, sessionId: string): Promise<Annotation[]>;
  create(annotation: Annotation): Promise<Result<Versioned<Annotation>>>;
}

export interface TakeawayRepository {
  get(communityId: string, takeawayId: string): Promise<Versioned<Takeaway> | undefined>;
  /** Oldest first. */
  listBySession(communityId: string, sessionId: string): Promise<Takeaway[]>;
  listByCommunity(communityId: string): Promise<Takeaway[]>;
  /** CONFLICT when the id exists. */
  create(takeaway: Takeaway): Promise<Result<Versioned<Takeaway>>>;
}

export interface ActionRepository {
  get(communityId: string, actionId: string): Promise<Versioned<ActionItem> | undefined>;
  /** Oldest first. */
  listBySession(communityId: string, sessionId: string): Promise<ActionItem[]>;
  /** Every action of the community, soonest due first. */
  listByCommunity(communityId: string): Promise<ActionItem[]>;
  create(action: ActionItem): Promise<Result<Versioned<ActionItem>>>;
  update(action: ActionItem, etag: string): Promise<Result<Versioned<ActionItem>>>;
}

/**
 * A session's anonymous feedback tally. The adapter turns a voter's id into a one-way marker
 * (`markerFor`); the raw id is never stored.
 */
export interface FeedbackRepository {
  markerFor(communityId: string, sessionId: string, userId: string): string;
  get(communityId: string, sessionId: string): Promise<Versioned<FeedbackTally> | undefined>;
  /** Create (etag undefined) or replace (CONFLICT on a stale etag). */
  put(tally: FeedbackTally, etag: string | undefined): Promise<Result<Versioned<FeedbackTally>>>;
}

/** The facilitator rotation of a community (one record). */
export interface RotationRepository {
  get(communityId: string): Promise<Versioned<FacilitatorRotation> | undefined>;
  put(rotation: FacilitatorRotation, etag: string | undefined): Promise<Result<Versioned<FacilitatorRotation>>>;
}
