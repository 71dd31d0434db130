import { checkTopicText, findSimilarTopics, type Topic } from '../../domain/backlog';
import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

export interface ProposeTopicInput {
  readonly communityId: string;
  readonly title: string;
  readonly description?: string;
  /** Propose even when a similar open topic exists. */
  readonly force?: boolean;
  /**
   * The caller's id for this request (a bot activity id, a form submission id). Repeating a request
   * with the same id returns the topic it created instead of a second one.
   */
  readonly requestId?: string;
}

/**
 * Any member proposes a topic; it lands in the backlog as `proposed`. A similar open topic is
 * reported (SIMILAR_TOPIC_EXISTS, naming it) so the member can add a +1 instead, unless `force`.
 * A title that is empty or longer than TOPIC_TITLE_MAX is refused (VALIDATION_FAILED), whoever calls.
 */
export async function proposeTopic(deps: AppDeps, who: Principal, input: ProposeTopicInput): Promise<Result<Topic>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const text = checkTopicText(input);
  if (!text.ok) return text;
  const { title, description } = text.value;
  const id = input.requestId ? `req-${input.requestId}` : deps.ids.newId();
  const repeated = await deps.store.topics.get(input.communityId, id);
  if (repeated) return ok(repeated.value);
  if (!input.force) {
    const existing = (await deps.store.topics.listByCommunity(input.communityId)).map((t) => t.value);
    const [similar] = findSimilarTopics(existing, title);
    if (similar) {
      return {
        ok: false,
        error: {
          code: 'SIMILAR_TOPIC_EXISTS',
          message: `A similar topic is already in the backlog: "${similar.title}". Add your +1 to it, or propose yours anyway.`,
          subject: { id: similar.id, title: similar.title },
        },
      };
    }
  }
  const topic: Topic = {
    id,
    communityId: input.communityId,
    tenantId: who.tenantId,
    title,
    description,
    state: 'proposed',
    rank: null,
    score: null,
    ownerId: null,
    proposedBy: who.userId,
    proposedAt: deps.clock.now().toISOString(),
    supporters: [],
    sessionIds: [],
  };
  const created = await deps.store.topics.create(topic);
  if (created.ok) return ok(created.value.value);
  // The same request raced itself (a retried delivery): return what the first one stored.
  const winner = created.error.code === 'CONFLICT' ? await deps.store.topics.get(input.communityId, id) : undefined;
  return winner ? ok(winner.value) : created;
}
