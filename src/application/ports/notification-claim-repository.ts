/**
 * A notification that must go out once even when several server instances try at the same time
 * (a reminder, an invitation, a nudge): whoever creates the claim sends it, everybody else does not.
 * Create-if-absent on (community, key). See docs/adr/0013-reminder-claims.md.
 */
export interface NotificationClaim {
  readonly communityId: string;
  /** What is sent, e.g. `reminder:day-before:<sessionId>:<startsAt>`, `invitation:<sessionId>`, `nudge:<sessionId>:<request id>`. */
  readonly key: string;
  readonly sessionId: string;
  readonly kind: 'invitation' | 'reminder' | 'nudge';
  /** The server instance (process) that claimed it, for reading the record. */
  readonly claimedBy: string;
  readonly claimedAt: string;
}

export interface NotificationClaimRepository {
  /** 'claimed' for exactly one caller per (community, key); 'already-claimed' for every other. */
  claim(claim: NotificationClaim): Promise<'claimed' | 'already-claimed'>;
  get(communityId: string, key: string): Promise<NotificationClaim | undefined>;
}
