import type { Community, Role } from '../../domain/community';
import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import type { AppDeps } from '../deps';

export interface MyCommunity {
  readonly community: Community;
  readonly roles: readonly Role[];
}

/** The communities of the caller's tenant that the caller belongs to, by name. */
export async function listMyCommunities(deps: AppDeps, who: Principal): Promise<Result<MyCommunity[]>> {
  const memberships = await deps.store.memberships.listByUser(who.tenantId, who.userId);
  const rows = await Promise.all(
    memberships.map(async (m) => {
      const c = await deps.store.communities.get(who.tenantId, m.communityId);
      return c ? { community: c.value, roles: m.roles } : undefined;
    }),
  );
  return ok(rows.filter((r): r is MyCommunity => !!r).sort((a, b) => a.community.name.localeCompare(b.community.name)));
}
