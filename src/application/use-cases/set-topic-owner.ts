import { changeTopicOwner, topicActorOf, type Topic } from '../../domain/backlog';
import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { topicSlot } from '../topic-writes';
import { updateVersioned } from '../update-versioned';

/**
 * `volunteer`: any member becomes the topic's owner (for themselves only; it replaces nobody: an
 * owned topic must be cleared first). `clear`: the owner steps back, or a facilitator/champion clears it.
 * The rules are the domain's (changeTopicOwner). Round trips: 2 reads (access) + (1 read + 1 replace) per attempt.
 */
export async function setTopicOwner(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; topicId: string; action: 'volunteer' | 'clear' },
): Promise<Result<Topic>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const actor = topicActorOf(access.value.membership.value);
  const updated = await updateVersioned(
    topicSlot(deps, input.communityId, input.topicId),
    (current) =>
      current
        ? changeTopicOwner(current.value, actor, input.action)
        : fail('TOPIC_NOT_FOUND', "That topic is not in this community's backlog."),
    { busy: 'This topic is being changed right now; try again.' },
  );
  return updated.ok ? ok(updated.value.value) : updated;
}
