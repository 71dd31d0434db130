import type { Community, Membership } from '../../domain/community';
import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

export interface CommunityView {
  readonly community: Community;
  readonly etag: string;
  readonly me: Membership;
  readonly members: readonly Membership[];
}

/** A community as one of its members sees it: details, the caller's roles, and the member list. */
export async function getCommunity(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string },
): Promise<Result<CommunityView>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const members = (await deps.store.memberships.listByCommunity(input.communityId))
    .map((m) => m.value)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  return ok({
    community: access.value.community.value,
    etag: access.value.community.etag,
    me: access.value.membership.value,
    members,
  });
}
