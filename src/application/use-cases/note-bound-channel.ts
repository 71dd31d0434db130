import type { AppDeps } from '../deps';
import type { ConversationRef } from '../ports';
import type { ConversationRefInput } from './save-conversation-ref';

/**
 * Someone used the bot in a channel bound to a community. The app is installed per team, and the
 * install only names the team's General channel; this remembers the channel the community really
 * uses, so its notes can be posted there. Writes only when something changed (one point read per
 * channel message otherwise).
 */
export async function noteBoundChannel(deps: AppDeps, input: ConversationRefInput, communityId: string): Promise<void> {
  const current = await deps.store.conversationRefs.get(input.tenantId, input.conversationId);
  if (
    current &&
    current.value.communityId === communityId &&
    current.value.serviceUrl === input.serviceUrl &&
    current.value.botId === input.botId
  )
    return;
  const ref: ConversationRef = { ...input, communityId, savedAt: deps.clock.now().toISOString() };
  await deps.store.conversationRefs.put(ref);
}
