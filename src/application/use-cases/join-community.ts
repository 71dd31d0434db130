import type { Membership } from '../../domain/community';
import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import type { AppDeps } from '../deps';

/** Membership is open: anyone in the tenant can join as a member. Joining twice is reported, not duplicated. */
export async function joinCommunity(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; product?: string },
): Promise<Result<Membership>> {
  const community = await deps.store.communities.get(who.tenantId, input.communityId);
  if (!community) return fail('COMMUNITY_NOT_FOUND', `No community '${input.communityId}' in your organisation.`);
  const existing = await deps.store.memberships.get(input.communityId, who.userId);
  if (existing) return fail('ALREADY_A_MEMBER', `You are already a member of '${community.value.name}'.`);
  const created = await deps.store.memberships.create({
    communityId: input.communityId,
    tenantId: who.tenantId,
    userId: who.userId,
    displayName: who.displayName,
    roles: ['member'],
    ...(input.product ? { product: input.product.trim() } : {}),
    joinedAt: deps.clock.now().toISOString(),
  });
  if (!created.ok) {
    return created.error.code === 'CONFLICT'
      ? fail('ALREADY_A_MEMBER', `You are already a member of '${community.value.name}'.`)
      : created;
  }
  return ok(created.value.value);
}
