import type { AppDeps } from '../deps';

/**
 * The community a Teams meeting, channel or chat is bound to, by the first of `contextIds` that is
 * bound. For what the bot says into that same conversation (e.g. at meeting start): the people
 * there are the ones the binding was made for, so no membership check.
 */
export async function communityOfContext(
  deps: AppDeps,
  input: { tenantId: string; contextIds: readonly string[] },
): Promise<{ communityId: string; name: string } | undefined> {
  for (const contextId of input.contextIds) {
    const binding = await deps.store.bindings.get(input.tenantId, contextId);
    if (!binding) continue;
    const community = await deps.store.communities.get(input.tenantId, binding.value.communityId);
    if (community) return { communityId: community.value.id, name: community.value.name };
  }
  return undefined;
}
