import type { Topic } from '../../domain/backlog';
import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { topicSlot } from '../topic-writes';
import { updateVersioned } from '../update-versioned';

/**
 * "+1" a topic instead of proposing it again. One entry per person (idempotent); concurrent +1s are
 * never lost: a stale write is retried on the fresh document (updateVersioned).
 */
export async function supportTopic(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; topicId: string },
): Promise<Result<Topic>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const updated = await updateVersioned(
    topicSlot(deps, input.communityId, input.topicId),
    (current) => {
      if (!current) return fail('TOPIC_NOT_FOUND', "That topic is not in this community's backlog.");
      if (current.value.supporters.includes(who.userId)) return ok('unchanged');
      return ok({ ...current.value, supporters: [...current.value.supporters, who.userId] });
    },
    { busy: 'Many people are changing this topic right now; try again.' },
  );
  return updated.ok ? ok(updated.value.value) : updated;
}
