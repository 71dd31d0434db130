import { hasRole, type Community, type Membership, type Role } from '../domain/community';
import type { Principal } from '../domain/identity';
import { fail, ok, type Result } from '../domain/result';
import type { AppDeps } from './deps';
import type { Versioned } from './ports';

export interface CommunityAccess {
  readonly community: Versioned<Community>;
  readonly membership: Versioned<Membership>;
}

/**
 * The caller's view of one community: it must be in the caller's tenant and the caller must be a
 * member. Another tenant's community is reported exactly like a missing one.
 */
export async function requireMember(
  deps: AppDeps,
  who: Principal,
  communityId: string,
): Promise<Result<CommunityAccess>> {
  const community = await deps.store.communities.get(who.tenantId, communityId);
  if (!community) return fail('COMMUNITY_NOT_FOUND', `No community '${communityId}' in your organisation.`);
  const membership = await deps.store.memberships.get(communityId, who.userId);
  if (!membership) return fail('NOT_A_MEMBER', `You are not a member of '${community.value.name}'. Join it first.`);
  return ok({ community, membership });
}

/** As requireMember, and the caller must hold `role` in that community. */
export async function requireRole(
  deps: AppDeps,
  who: Principal,
  communityId: string,
  role: Role,
): Promise<Result<CommunityAccess>> {
  const access = await requireMember(deps, who, communityId);
  if (!access.ok) return access;
  if (!hasRole(access.value.membership.value, role)) {
    return fail('FORBIDDEN', `Only a ${role} of '${access.value.community.value.name}' can do this.`);
  }
  return access;
}
