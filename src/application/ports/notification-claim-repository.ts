/**
 * A notification that must go out once even when several server instances try at the same time
 * (a reminder, an invitation, a nudge): whoever creates the claim sends it, everybody else does not.
 * Create-if-absent on (community, key); a reminder's failed sends are then retried from the claim,
 * changed by compare-and-swap on its etag. See docs/adr/0013-reminder-claims.md.
 */
import type { Versioned } from './versioned';

/** A recipient whose send failed and is tried again at `nextAttemptAt`. */
export interface NotificationRetry {
  readonly userId: string;
  /** Sends tried so far (all failed). */
  readonly attempts: number;
  readonly nextAttemptAt: string;
  /** Why the last attempt failed. */
  readonly error: string;
}

/** A recipient given up on after the last attempt failed. */
export interface NotificationGiveUp {
  readonly userId: string;
  readonly attempts: number;
  readonly at: string;
  readonly error: string;
}

export interface NotificationClaim {
  readonly communityId: string;
  /**
   * What is sent, e.g. `reminder:day-before:<sessionId>:<startsAt>`, `invitation:<sessionId>`,
   * `nudge:<sessionId>:<request id>`.
   */
  readonly key: string;
  readonly sessionId: string;
  readonly kind: 'invitation' | 'reminder' | 'nudge';
  /** The server instance (process) that claimed it, for reading the record. */
  readonly claimedBy: string;
  readonly claimedAt: string;
  /** Recipients to try again (reminders); none when absent. */
  readonly retries?: readonly NotificationRetry[];
  /** Recipients given up on; none when absent. */
  readonly gaveUp?: readonly NotificationGiveUp[];
  /** While an instance sends the retries: until when it holds them (another instance takes over after). */
  readonly leaseUntil?: string | null;
}

export interface NotificationClaimRepository {
  /** 'claimed' for exactly one caller per (community, key); 'already-claimed' for every other. */
  claim(claim: NotificationClaim): Promise<'claimed' | 'already-claimed'>;
  get(communityId: string, key: string): Promise<NotificationClaim | undefined>;
  /** The claim with its etag, for a compare-and-swap `replace`. */
  getVersioned(communityId: string, key: string): Promise<Versioned<NotificationClaim> | undefined>;
  /** Writes the claim only if it is still at `etag`: the new etag, or 'conflict' (changed or gone). */
  replace(claim: NotificationClaim, etag: string): Promise<{ etag: string } | 'conflict'>;
}
