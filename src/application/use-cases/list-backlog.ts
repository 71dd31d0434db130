import { backlogOrder, type Topic } from '../../domain/backlog';
import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

/** The community's backlog as members read it: ranked first, then proposed, archived last. */
export async function listBacklog(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string },
): Promise<Result<Topic[]>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  return ok(backlogOrder((await deps.store.topics.listByCommunity(input.communityId)).map((t) => t.value)));
}
