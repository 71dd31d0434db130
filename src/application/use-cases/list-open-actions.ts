import type { Principal } from '../../domain/identity';
import type { ActionItem } from '../../domain/outcomes';
import { ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

/** Actions not done yet, across every session of the community, soonest due first. Round trips: 2 reads (access) + 1 query. */
export async function listOpenActions(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; ownerId?: string },
): Promise<Result<ActionItem[]>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const all = await deps.store.actions.listByCommunity(input.communityId);
  return ok(all.filter((a) => a.status !== 'done' && (!input.ownerId || a.ownerId === input.ownerId)));
}
