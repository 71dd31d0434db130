import { setTopicOwner as assign, type Topic } from '../../domain/backlog';
import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { canFacilitate } from '../facilitation';

const MAX_ATTEMPTS = 10;

/**
 * `volunteer`: any member becomes the topic's owner (for themselves only; it replaces nobody: an
 * owned topic must be cleared first). `clear`: the owner steps back, or a facilitator/champion clears it.
 * Round trips: 2 reads (access) + (1 read + 1 replace) per attempt.
 */
export async function setTopicOwner(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; topicId: string; action: 'volunteer' | 'clear' },
): Promise<Result<Topic>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await deps.store.topics.get(input.communityId, input.topicId);
    if (!current) return fail('TOPIC_NOT_FOUND', "That topic is not in this community's backlog.");
    const owner = current.value.ownerId;
    if (input.action === 'volunteer') {
      if (owner === who.userId) return ok(current.value);
      if (owner !== null) return fail('CONFLICT', 'Someone already prepares this topic; ask them or a facilitator to step back first.');
    } else {
      if (owner === null) return ok(current.value);
      if (owner !== who.userId && !canFacilitate(access.value)) return fail('FORBIDDEN', 'Only the owner or a facilitator or champion can clear the owner.');
    }
    const next = assign(current.value, input.action === 'volunteer' ? who.userId : null);
    if (!next.ok) return next;
    const written = await deps.store.topics.update(next.value, current.etag);
    if (written.ok) return ok(written.value.value);
    if (written.error.code !== 'CONFLICT') return written;
  }
  return fail('CONFLICT', 'This topic is being changed right now; try again.');
}
