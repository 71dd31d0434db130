import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import type { AppDeps } from '../deps';
import { listMyCommunities } from './list-my-communities';

export interface ConversationCommunity {
  readonly communityId: string;
  readonly name: string;
}

/**
 * Which community a chat message is about. In a channel or group chat (`boundContextId` given): the
 * community that context is bound to (NO_COMMUNITY_BOUND until the tab's configuration binds it). In
 * personal chat: the caller's only community; NOT_A_MEMBER when they are in none, AMBIGUOUS_COMMUNITY
 * (naming them) when they are in several. Membership of a bound community is checked by the use case
 * the message then calls, not here. The bot turns the codes into its own replies.
 */
export async function communityOfConversation(
  deps: AppDeps,
  who: Principal,
  input: { readonly boundContextId?: string },
): Promise<Result<ConversationCommunity>> {
  if (input.boundContextId !== undefined) {
    const binding = await deps.store.bindings.get(who.tenantId, input.boundContextId);
    if (!binding) return fail('NO_COMMUNITY_BOUND', 'This conversation is not bound to a community yet.');
    const community = await deps.store.communities.get(who.tenantId, binding.value.communityId);
    if (!community) return fail('NO_COMMUNITY_BOUND', 'The community this conversation was bound to no longer exists.');
    return ok({ communityId: community.value.id, name: community.value.name });
  }
  const mine = await listMyCommunities(deps, who);
  if (!mine.ok) return mine;
  const [only, ...others] = mine.value;
  if (!only) return fail('NOT_A_MEMBER', 'You are not in a community yet.');
  if (others.length === 0) return ok({ communityId: only.community.id, name: only.community.name });
  const names = mine.value.map((c) => c.community.name);
  return fail('AMBIGUOUS_COMMUNITY', `You are in ${names.length} communities (${names.join(', ')}).`);
}
