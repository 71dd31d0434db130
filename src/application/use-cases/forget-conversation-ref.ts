import type { AppDeps } from '../deps';

/**
 * The app was uninstalled from a conversation (or the bot removed): nothing is posted there any
 * more. Removing it from a team removes it from every channel of that team, so the channels the
 * team's community was seen in are forgotten with it. True when anything was forgotten.
 */
export async function forgetConversationRef(
  deps: AppDeps,
  input: { tenantId: string; conversationId: string; teamId?: string },
): Promise<boolean> {
  const current = await deps.store.conversationRefs.get(input.tenantId, input.conversationId);
  const teamId = input.teamId ?? current?.value.teamId;
  let forgot = await deps.store.conversationRefs.delete(input.tenantId, input.conversationId);
  if (teamId) {
    for (const ref of await deps.store.conversationRefs.list(input.tenantId, { conversationType: 'channel' })) {
      if (ref.teamId === teamId)
        forgot = (await deps.store.conversationRefs.delete(input.tenantId, ref.conversationId)) || forgot;
    }
  }
  return forgot;
}
