import { changeTopicOwner, topicActorOf, type Topic } from '../../domain/backlog';
import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { topicSlot } from '../topic-writes';
import { updateVersioned } from '../update-versioned';

/**
 * A member volunteers to own a topic (prepare its deep dive). Only a topic without an owner takes
 * one (the domain's changeTopicOwner): when two people press the button at once, the first write wins
 * (etag) and the second is told who owns it now. Volunteering again for one's own topic is not an error.
 */
export async function volunteerToOwnTopic(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; topicId: string },
): Promise<Result<{ topic: Topic; alreadyYours: boolean }>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const actor = topicActorOf(access.value.membership.value);
  let owned: Topic | undefined;
  const updated = await updateVersioned(
    topicSlot(deps, input.communityId, input.topicId),
    (current) => {
      if (!current) return fail('TOPIC_NOT_FOUND', "That topic is not in this community's backlog.");
      const next = changeTopicOwner(current.value, actor, 'volunteer');
      if (!next.ok && next.error.code === 'TOPIC_ALREADY_OWNED') owned = current.value;
      return next;
    },
    { busy: 'Many people are changing this topic right now; try again.' },
  );
  if (updated.ok) return ok({ topic: updated.value.value, alreadyYours: !updated.value.written });
  if (!owned?.ownerId) return updated;
  const owner = await deps.store.memberships.get(input.communityId, owned.ownerId);
  return fail(
    'TOPIC_ALREADY_OWNED',
    `"${owned.title}" already has an owner: ${owner?.value.displayName ?? 'someone who left the community'}. ` +
      'Ask them to pair with you, or pick another topic.',
  );
}
