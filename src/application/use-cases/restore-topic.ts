import { setArchived, type Topic } from '../../domain/backlog';
import type { Principal } from '../../domain/identity';
import type { Result } from '../../domain/result';
import type { AppDeps } from '../deps';
import { requireFacilitation } from '../facilitation';
import { applyToTopics } from '../topic-writes';

/** A facilitator or champion brings an archived topic back as proposed (history kept). Round trips: 2 reads, then applyToTopics. */
export async function restoreTopic(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; topicId: string },
): Promise<Result<Topic[]>> {
  const access = await requireFacilitation(deps, who, input.communityId);
  if (!access.ok) return access;
  return applyToTopics(deps, input.communityId, (topics) => setArchived(topics, input.topicId, false));
}
