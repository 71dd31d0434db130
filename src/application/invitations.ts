/**
 * Shared by the invitation, RSVP, reminder and attendance use cases: what an invitation shows, and
 * where a member can be reached one-to-one (a personal chat with the bot).
 */
import type { Community } from '../domain/community';
import type { Session } from '../domain/session';
import type { AppDeps } from './deps';
import type { ConversationRef, InvitationView } from './ports';

export async function invitationView(
  deps: AppDeps,
  community: Pick<Community, 'id' | 'name'>,
  session: Session,
): Promise<InvitationView> {
  const topics = session.topicIds.length
    ? (await deps.store.topics.listByCommunity(community.id)).map((t) => t.value)
    : [];
  const titles = session.topicIds.map((id) => topics.find((t) => t.id === id)?.title).filter((t): t is string => !!t);
  const facilitator = await deps.store.memberships.get(community.id, session.facilitatorId);
  return {
    session,
    communityName: community.name,
    topicTitles: titles,
    facilitatorName: facilitator?.value.displayName ?? null,
  };
}

/** The personal chats the app is installed in, by person (the newest reference wins). */
export async function personalChats(deps: AppDeps, tenantId: string): Promise<Map<string, ConversationRef>> {
  const refs = await deps.store.conversationRefs.list(tenantId, { conversationType: 'personal' });
  const byUser = new Map<string, ConversationRef>();
  for (const ref of refs) if (ref.userId && !byUser.has(ref.userId)) byUser.set(ref.userId, ref);
  return byUser;
}

/** Runs `fn` over `items`, at most `limit` at a time (Teams throttles a bot that posts too fast). */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** At most 60 people get a personal view of one card (Teams' limit on refresh.userIds). */
export const MAX_REFRESH_USERS = 60;
