import { ok, type Result } from '../../domain/result';
import type { AppDeps } from '../deps';
import type { ConversationRef } from '../ports';

export type ConversationRefInput = Omit<ConversationRef, 'communityId' | 'savedAt'>;

/**
 * The app was installed in a conversation (a team, a group or meeting chat, a personal chat):
 * keep what a proactive message needs. `contextIds` are the ids the conversation may be bound
 * by (meeting id, channel id, chat id), first match wins; the community stays null until bound.
 */
export async function saveConversationRef(
  deps: AppDeps,
  input: ConversationRefInput,
  contextIds: readonly string[],
): Promise<Result<ConversationRef>> {
  let communityId: string | null = null;
  for (const contextId of contextIds) {
    const binding = await deps.store.bindings.get(input.tenantId, contextId);
    if (binding) {
      communityId = binding.value.communityId;
      break;
    }
  }
  const ref: ConversationRef = { ...input, communityId, savedAt: deps.clock.now().toISOString() };
  const saved = await deps.store.conversationRefs.put(ref);
  return saved.ok ? ok(saved.value.value) : saved;
}
