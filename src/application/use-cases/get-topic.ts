import type { Topic } from '../../domain/backlog';
import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

/** One topic with the etag an edit must carry. Round trips: 2 reads (access) + 1 read. */
export async function getTopic(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; topicId: string },
): Promise<Result<{ topic: Topic; etag: string }>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const found = await deps.store.topics.get(input.communityId, input.topicId);
  if (!found) return fail('TOPIC_NOT_FOUND', "That topic is not in this community's backlog.");
  return ok({ topic: found.value, etag: found.etag });
}
