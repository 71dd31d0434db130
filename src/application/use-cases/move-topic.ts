import { moveTopic as move, type Topic } from '../../domain/backlog';
import type { Principal } from '../../domain/identity';
import type { Result } from '../../domain/result';
import type { AppDeps } from '../deps';
import { requireFacilitation } from '../facilitation';
import { applyToTopics } from '../topic-writes';

/**
 * Re-order the backlog: a facilitator or champion moves a topic to `position` (1 = top) among the
 * prioritised topics; a proposed topic moved in becomes prioritised. Returns the topics that changed.
 * Round trips: 2 reads (access), then see applyToTopics.
 */
export async function moveTopic(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; topicId: string; position: number },
): Promise<Result<Topic[]>> {
  const access = await requireFacilitation(deps, who, input.communityId);
  if (!access.ok) return access;
  return applyToTopics(deps, input.communityId, (topics) => move(topics, input.topicId, input.position));
}
