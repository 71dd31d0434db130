/**
 * Teams may deliver the same activity more than once (a slow answer, a retry, a crash before the
 * answer). A claim is a create-if-absent record per activity that also says whether its answer was
 * sent: whoever creates it handles the activity; a repeat of an answered activity does nothing; a
 * repeat of one claimed long ago and never answered (its handler died) takes the claim over by
 * compare-and-swap and answers. See docs/adr/0010-activity-claims.md.
 */
import type { Versioned } from './versioned';

export interface ActivityClaim {
  readonly tenantId: string;
  readonly conversationId: string;
  readonly activityId: string;
  /** The activity type, for reading the record (message, event, conversationUpdate, …). */
  readonly activityType: string;
  readonly claimedAt: string;
  /** When its handling finished and its answer was sent; null while it is handled (or its handler died). */
  readonly answeredAt: string | null;
}

export interface ActivityClaimRepository {
  /** Creates the claim if absent: its etag for one caller per (conversation, activity); 'already-claimed' else. */
  claim(claim: ActivityClaim): Promise<{ etag: string } | 'already-claimed'>;
  get(conversationId: string, activityId: string): Promise<Versioned<ActivityClaim> | undefined>;
  /** Writes the claim only if it is still at `etag` (compare-and-swap): the new etag, or 'conflict' (changed, gone). */
  replace(claim: ActivityClaim, etag: string): Promise<{ etag: string } | 'conflict'>;
  /** Gives a claim back (its handling failed), so a redelivery is handled; only if still at `etag` when given. */
  release(conversationId: string, activityId: string, etag?: string): Promise<void>;
}
