import type { ActivityClaim } from '../ports';
import type { AppDeps } from '../deps';

export interface ActivityKey {
  readonly tenantId: string;
  readonly conversationId: string;
  readonly activityId: string;
  readonly activityType: string;
}

/** What the handler of a claimed activity holds until it marks the activity answered (or gives it back). */
export interface ActivityTicket {
  readonly claim: ActivityClaim;
  readonly etag: string;
}

/**
 * How long a claimed, unanswered activity is left to its handler. A repeat within it is a concurrent
 * duplicate (Teams retrying a slow answer) and does nothing; a repeat after it finds a handler that
 * died before answering, and answers instead.
 */
export const ACTIVITY_CLAIM_LEASE_MS = 30_000;

/**
 * Claims a delivered bot activity: a ticket for exactly one delivery of (conversation, activity id),
 * undefined for every repeat of an answered activity or of one still being handled, so a redelivery
 * never answers twice; a redelivery of an activity claimed more than `leaseMs` ago and never answered
 * (a crash between claim and answer) takes the claim over, once (compare-and-swap), and is answered.
 * Round trips: 1 create; for a repeat, + 1 read (+ 1 replace after the lease).
 * See docs/adr/0010-activity-claims.md.
 */
export async function claimActivity(
  deps: AppDeps,
  key: ActivityKey,
  opts: { leaseMs?: number } = {},
): Promise<ActivityTicket | undefined> {
  const claims = deps.store.activityClaims;
  const now = deps.clock.now();
  const claim: ActivityClaim = { ...key, claimedAt: now.toISOString(), answeredAt: null };
  const created = await claims.claim(claim);
  if (created !== 'already-claimed') return { claim, etag: created.etag };
  const existing = await claims.get(key.conversationId, key.activityId);
  if (!existing) {
    // Released between our create and our read (its handler failed): this delivery handles it.
    const again = await claims.claim(claim);
    return again === 'already-claimed' ? undefined : { claim, etag: again.etag };
  }
  if (existing.value.answeredAt !== null) return undefined;
  if (now.getTime() - Date.parse(existing.value.claimedAt) < (opts.leaseMs ?? ACTIVITY_CLAIM_LEASE_MS))
    return undefined;
  const retaken = await claims.replace(claim, existing.etag);
  return retaken === 'conflict' ? undefined : { claim, etag: retaken.etag };
}

/**
 * The activity's answer was sent: later deliveries do nothing. A conflict means another delivery took
 * the claim over after the lease (this handler was slow, not dead); it answers on its own.
 */
export async function markActivityAnswered(deps: AppDeps, ticket: ActivityTicket): Promise<void> {
  await deps.store.activityClaims.replace({ ...ticket.claim, answeredAt: deps.clock.now().toISOString() }, ticket.etag);
}

/** Gives the claim back when handling failed before anything was answered, so a redelivery is handled. */
export async function releaseActivityClaim(deps: AppDeps, ticket: ActivityTicket): Promise<void> {
  await deps.store.activityClaims.release(ticket.claim.conversationId, ticket.claim.activityId, ticket.etag);
}
