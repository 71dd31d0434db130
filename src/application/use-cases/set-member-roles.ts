import {
  canManageRoles,
  checkFacilitatorRemains,
  normaliseRoles,
  type Membership,
  type Role,
} from '../../domain/community';
import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

/**
 * Change someone's roles. Facilitators and champions manage roles; anyone may drop their own
 * extra roles. The community always keeps at least one facilitator.
 */
export async function setMemberRoles(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; userId: string; roles: readonly Role[]; etag?: string },
): Promise<Result<Membership>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const target = await deps.store.memberships.get(input.communityId, input.userId);
  if (!target) return fail('NOT_FOUND', `'${input.userId}' is not a member of this community.`);
  const next = normaliseRoles(input.roles);
  const onlyDropsOwn = input.userId === who.userId && next.every((r) => target.value.roles.includes(r));
  if (!onlyDropsOwn && !canManageRoles(access.value.membership.value)) {
    return fail('FORBIDDEN', 'Only a facilitator or champion can change roles.');
  }
  const members = (await deps.store.memberships.listByCommunity(input.communityId)).map((m) => m.value);
  const remains = checkFacilitatorRemains(members, input.userId, next);
  if (!remains.ok) return remains;
  const updated = await deps.store.memberships.update({ ...target.value, roles: next }, input.etag ?? target.etag);
  if (!updated.ok) return updated;
  return ok(updated.value.value);
}
