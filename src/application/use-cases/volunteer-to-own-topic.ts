import { checkCanTakeOwner, type Topic } from '../../domain/backlog';
import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

const MAX_ATTEMPTS = 10;

/**
 * A member volunteers to own a topic (prepare its deep dive). Only a topic without an owner takes
 * one: when two people press the button at once, the first write wins (etag) and the second is told
 * who owns it now. Volunteering again for one's own topic is not an error.
 */
export async function volunteerToOwnTopic(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; topicId: string },
): Promise<Result<{ topic: Topic; alreadyYours: boolean }>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await deps.store.topics.get(input.communityId, input.topicId);
    if (!current) return fail('TOPIC_NOT_FOUND', "That topic is not in this community's backlog.");
    const topic = current.value;
    if (topic.ownerId === who.userId) return ok({ topic, alreadyYours: true });
    if (topic.ownerId) {
      const owner = await deps.store.memberships.get(input.communityId, topic.ownerId);
      return fail('TOPIC_ALREADY_OWNED', `"${topic.title}" already has an owner: ${owner?.value.displayName ?? 'someone who left the community'}. Ask them to pair with you, or pick another topic.`);
    }
    const allowed = checkCanTakeOwner(topic);
    if (!allowed.ok) return allowed;
    const updated = await deps.store.topics.update({ ...topic, ownerId: who.userId }, current.etag);
    if (updated.ok) return ok({ topic: updated.value.value, alreadyYours: false });
    if (updated.error.code !== 'CONFLICT') return updated;
  }
  return fail('CONFLICT', 'Many people are changing this topic right now; try again.');
}
