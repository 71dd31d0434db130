import { mergeTopics as merge, type Topic } from '../../domain/backlog';
import type { Principal } from '../../domain/identity';
import type { Result } from '../../domain/result';
import type { AppDeps } from '../deps';
import { requireFacilitation } from '../facilitation';
import { applyToTopics } from '../topic-writes';

/**
 * A facilitator or champion merges a duplicate into the topic that stays: supporters and session
 * history move over, the duplicate is archived with `mergedInto`. Round trips: 2 reads, then applyToTopics.
 */
export async function mergeTopics(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; keepId: string; mergeId: string },
): Promise<Result<Topic[]>> {
  const access = await requireFacilitation(deps, who, input.communityId);
  if (!access.ok) return access;
  return applyToTopics(deps, input.communityId, (topics) => merge(topics, input.keepId, input.mergeId));
}
