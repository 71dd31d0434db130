import type { Principal } from '../../domain/identity';
import { sessionMarkdown } from '../../domain/outcomes';
import { ok, type Result } from '../../domain/result';
import { breakoutsMarkdown } from '../../domain/session-run';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { findSession } from '../facilitation';

/**
 * A session as Markdown (notes, annotations, takeaways, actions, attendance count, breakout groups), to publish to the
 * channel or read later. Round trips: 2 reads (access) + 1 read (session) + 1 read (notes) + 4 queries.
 */
export async function exportSessionMarkdown(deps: AppDeps, who: Principal, input: { communityId: string; sessionId: string }): Promise<Result<string>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const found = await findSession(deps, input.communityId, input.sessionId);
  if (!found.ok) return found;
  const { communityId, sessionId } = input;
  const [notes, annotations, takeaways, actions, topics, members] = await Promise.all([
    deps.store.notes.get(communityId, sessionId),
    deps.store.annotations.listBySession(communityId, sessionId),
    deps.store.takeaways.listBySession(communityId, sessionId),
    deps.store.actions.listBySession(communityId, sessionId),
    deps.store.topics.listByCommunity(communityId),
    deps.store.memberships.listByCommunity(communityId),
  ]);
  const names = Object.fromEntries(members.map((m) => [m.value.userId, m.value.displayName]));
  return ok(
    sessionMarkdown({
      session: found.value.value,
      topicTitles: Object.fromEntries(topics.map((t) => [t.value.id, t.value.title])),
      notes: notes?.value,
      annotations,
      takeaways,
      actions,
      names,
    }) + breakoutsMarkdown(found.value.value.breakouts, names),
  );
}
