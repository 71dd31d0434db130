import type { Principal } from '../../domain/identity';
import { checkTakeawayTopic, type Takeaway } from '../../domain/outcomes';
import { ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { findSession } from '../facilitation';

/** Any member adds a takeaway of a session (their own). Round trips: 2 reads (access) + 1 read (session) + 1 create. */
export async function addTakeaway(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; sessionId: string; topicId: string | null; text: string },
): Promise<Result<Takeaway>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const found = await findSession(deps, input.communityId, input.sessionId);
  if (!found.ok) return found;
  const topic = checkTakeawayTopic(found.value.value, input.topicId);
  if (!topic.ok) return topic;
  const takeaway: Takeaway = {
    id: deps.ids.newId(),
    communityId: input.communityId,
    sessionId: input.sessionId,
    topicId: input.topicId,
    text: input.text.trim(),
    authorId: who.userId,
    createdAt: deps.clock.now().toISOString(),
  };
  const created = await deps.store.takeaways.create(takeaway);
  if (!created.ok) return created;
  return ok(created.value.value);
}
