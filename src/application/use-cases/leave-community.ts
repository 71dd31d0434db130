import { checkFacilitatorRemains } from '../../domain/community';
import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

/** Leave a community. The last facilitator must hand the role over first. */
export async function leaveCommunity(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string },
): Promise<Result<void>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const members = (await deps.store.memberships.listByCommunity(input.communityId)).map((m) => m.value);
  const remains = checkFacilitatorRemains(members, who.userId, null);
  if (!remains.ok) return remains;
  const removed = await deps.store.memberships.delete(input.communityId, who.userId, access.value.membership.etag);
  if (!removed.ok) return removed;
  return ok(undefined);
}
