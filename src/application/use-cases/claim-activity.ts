import type { AppDeps } from '../deps';

export interface ActivityKey {
  readonly tenantId: string;
  readonly conversationId: string;
  readonly activityId: string;
  readonly activityType: string;
}

/**
 * Claims a delivered bot activity: true for exactly one delivery of (conversation, activity id),
 * false for every repeat, so a redelivered message, card submit or event never answers twice.
 * See docs/adr/0010-activity-claims.md.
 */
export async function claimActivity(deps: AppDeps, key: ActivityKey): Promise<boolean> {
  const outcome = await deps.store.activityClaims.claim({ ...key, claimedAt: deps.clock.now().toISOString() });
  return outcome === 'claimed';
}

/** Gives the claim back when handling failed before anything was answered, so a redelivery is handled. */
export async function releaseActivityClaim(deps: AppDeps, key: Pick<ActivityKey, 'conversationId' | 'activityId'>): Promise<void> {
  await deps.store.activityClaims.release(key.conversationId, key.activityId);
}
