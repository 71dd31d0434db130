import { topRanked, type Topic } from '../../domain/backlog';
import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

export interface TopTopic {
  readonly topic: Topic;
  /** The owner's name as the community knows it; null while the topic needs an owner. */
  readonly ownerName: string | null;
}

export interface TopOfBacklog {
  readonly topics: readonly TopTopic[];
  /** Proposed topics not ranked yet. */
  readonly waiting: number;
}

/** The top of the prioritised backlog (5 by default), with who owns each topic. Members only. */
export async function topOfBacklog(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; limit?: number },
): Promise<Result<TopOfBacklog>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const all = (await deps.store.topics.listByCommunity(input.communityId)).map((t) => t.value);
  const top = topRanked(all, input.limit ?? 5);
  const owners = new Map<string, string>();
  for (const ownerId of new Set(top.map((t) => t.ownerId).filter((o): o is string => !!o))) {
    const member = await deps.store.memberships.get(input.communityId, ownerId);
    owners.set(ownerId, member?.value.displayName ?? 'a former member');
  }
  return ok({
    topics: top.map((topic) => ({ topic, ownerName: topic.ownerId ? (owners.get(topic.ownerId) ?? null) : null })),
    waiting: all.filter((t) => t.state === 'proposed').length,
  });
}
