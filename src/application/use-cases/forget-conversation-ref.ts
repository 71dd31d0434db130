import type { AppDeps } from '../deps';

/** The app was uninstalled from a conversation (or the bot removed): nothing is posted there any more. */
export async function forgetConversationRef(deps: AppDeps, input: { tenantId: string; conversationId: string }): Promise<boolean> {
  return deps.store.conversationRefs.delete(input.tenantId, input.conversationId);
}
