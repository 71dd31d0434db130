/**
 * Teams may deliver the same activity more than once (a slow answer, a retry). A claim is a
 * create-if-absent record per activity: whoever creates it handles the activity, everybody
 * else does nothing. See docs/adr/0010-activity-claims.md.
 */
export interface ActivityClaim {
  readonly tenantId: string;
  readonly conversationId: string;
  readonly activityId: string;
  /** The activity type, for reading the record (message, event, conversationUpdate, …). */
  readonly activityType: string;
  readonly claimedAt: string;
}

export interface ActivityClaimRepository {
  /** 'claimed' for exactly one caller per (conversation, activity); 'already-claimed' for every other. */
  claim(claim: ActivityClaim): Promise<'claimed' | 'already-claimed'>;
  /** Gives a claim back (its handling failed before it answered), so a redelivery is handled. */
  release(conversationId: string, activityId: string): Promise<void>;
}
