import { checkCanEdit, editTopic as applyEdit, topicActorOf, type Topic } from '../../domain/backlog';
import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

export interface EditTopicInput {
  readonly communityId: string;
  readonly topicId: string;
  /** The etag the caller read: a stale one is a CONFLICT, never a silent overwrite. */
  readonly etag: string;
  readonly title?: string;
  readonly description?: string;
}

/**
 * Edit a topic's title or description. Facilitators and champions edit any topic; the proposer edits
 * their own while it is only proposed. Round trips: 2 reads (access) + 1 read + 1 replace.
 */
export async function editTopic(
  deps: AppDeps,
  who: Principal,
  input: EditTopicInput,
): Promise<Result<{ topic: Topic; etag: string }>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const current = await deps.store.topics.get(input.communityId, input.topicId);
  if (!current) return fail('TOPIC_NOT_FOUND', "That topic is not in this community's backlog.");
  const allowed = checkCanEdit(current.value, topicActorOf(access.value.membership.value));
  if (!allowed.ok) return allowed;
  const edited = applyEdit(current.value, {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
  });
  if (!edited.ok) return edited;
  const written = await deps.store.topics.update(edited.value, input.etag);
  if (!written.ok) return written;
  return ok({ topic: written.value.value, etag: written.value.etag });
}
