import { fail, ok, type Result } from '../../domain/result';
import type { AppDeps } from '../deps';
import type { ConversationRef } from '../ports';

/**
 * Where a community's channel posts go: a channel the app is installed in (or was used in) whose
 * binding, read now, names the community. Bindings can change after install, so the binding
 * decides, not the community remembered on the reference (which is corrected when it differs).
 */
export async function findCommunityChannel(
  deps: AppDeps,
  target: { tenantId: string; communityId: string },
): Promise<Result<ConversationRef>> {
  const channels = await deps.store.conversationRefs.list(target.tenantId, { conversationType: 'channel' });
  const ordered = [
    ...channels.filter((r) => r.communityId === target.communityId),
    ...channels.filter((r) => r.communityId !== target.communityId),
  ];
  for (const ref of ordered) {
    const binding = await deps.store.bindings.get(target.tenantId, ref.teamsChannelId ?? ref.conversationId);
    if (binding?.value.communityId !== target.communityId) continue;
    if (ref.communityId !== target.communityId) {
      const healed = await deps.store.conversationRefs.put({ ...ref, communityId: target.communityId });
      if (healed.ok) return ok(healed.value.value);
    }
    return ok(ref);
  }
  return fail(
    'NOT_FOUND',
    'No channel of this community has Guildhall installed. Add the app to the team and the Guildhall tab to the channel.',
  );
}
