import type { Topic } from '../../domain/backlog';
import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

/**
 * "+1" a topic instead of proposing it again. One entry per person (idempotent); concurrent +1s are
 * never lost: a stale write is retried on the fresh document. Every round of retries lets at least
 * one writer through, so the budget covers a whole community +1-ing at once.
 */
const MAX_ATTEMPTS = 50;

export async function supportTopic(deps: AppDeps, who: Principal, input: { communityId: string; topicId: string }): Promise<Result<Topic>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await deps.store.topics.get(input.communityId, input.topicId);
    if (!current) return fail('TOPIC_NOT_FOUND', 'That topic is not in this community\'s backlog.');
    if (current.value.supporters.includes(who.userId)) return ok(current.value);
    const updated = await deps.store.topics.update({ ...current.value, supporters: [...current.value.supporters, who.userId] }, current.etag);
    if (updated.ok) return ok(updated.value.value);
    if (updated.error.code !== 'CONFLICT') return updated;
  }
  return fail('CONFLICT', 'Many people are changing this topic right now; try again.');
}
