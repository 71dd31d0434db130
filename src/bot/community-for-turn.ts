/**
 * Which community a chat message is about: the community the channel or group chat is bound to,
 * or, in personal chat, the person's only community. Uses the application's use cases only.
 */
import type { AppDeps } from '../application/deps';
import { listMyCommunities } from '../application/use-cases/list-my-communities';
import { resolveContext } from '../application/use-cases/resolve-context';
import type { Principal } from '../domain/identity';
import { boundContextId, type ActivityLike } from './conversation-scope';

export type CommunityForTurn =
  | { readonly ok: true; readonly communityId: string; readonly name: string }
  | { readonly ok: false; readonly reply: string };

export async function communityForTurn(deps: AppDeps, who: Principal, activity: ActivityLike): Promise<CommunityForTurn> {
  const mine = await listMyCommunities(deps, who);
  const communities = mine.ok ? mine.value : [];
  const contextId = boundContextId(activity);
  if (contextId) {
    const binding = await resolveContext(deps, who, { contextId });
    if (!binding.ok) return { ok: false, reply: 'This chat is not linked to a community yet. Add the Guildhall tab here and pick the community in its settings.' };
    const name = communities.find((c) => c.community.id === binding.value.communityId)?.community.name;
    return { ok: true, communityId: binding.value.communityId, name: name ?? 'this community' };
  }
  if (communities.length === 1) return { ok: true, communityId: communities[0]!.community.id, name: communities[0]!.community.name };
  if (communities.length === 0) return { ok: false, reply: 'You are not in a community yet. Open the Guildhall tab ("My communities") to join or create one.' };
  return {
    ok: false,
    reply: `You are in ${communities.length} communities (${communities.map((c) => c.community.name).join(', ')}). Write to me in the community's channel so I know which backlog you mean.`,
  };
}
