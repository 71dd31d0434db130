/**
 * Who is talking and for which community, from a Teams activity. Pure of botbuilder.
 * The user id is the Entra object id (the same id Teams SSO gives the tab), so the bot and the
 * tab see one person.
 */
import type { Principal } from '../domain/identity';

export interface ActivityLike {
  readonly from?: { readonly id?: string; readonly aadObjectId?: string; readonly name?: string };
  readonly conversation?: { readonly id?: string; readonly tenantId?: string; readonly conversationType?: string };
  readonly channelData?: { readonly tenant?: { readonly id?: string }; readonly channel?: { readonly id?: string } };
}

export function principalFromActivity(activity: ActivityLike): Principal | undefined {
  const tenantId = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
  const userId = activity.from?.aadObjectId ?? activity.from?.id;
  if (!tenantId || !userId) return undefined;
  return { tenantId, userId, displayName: activity.from?.name || userId, source: 'teams-sso' };
}

/** The context a channel or group chat is bound to (the tab's configuration page binds it). */
export function boundContextId(activity: ActivityLike): string | undefined {
  if (activity.conversation?.conversationType === 'personal') return undefined;
  return activity.channelData?.channel?.id ?? activity.conversation?.id;
}
