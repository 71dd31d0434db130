/**
 * Which deliveries are claimed before the bot handles them (pure). Every activity that can make the
 * bot post or write — messages (typed text and card submits), events (meeting start/end),
 * conversation and installation updates — is claimed on (conversation, activity id). Invokes are
 * not: their answer is the HTTP response itself, and a repeated invoke needs the same answer again
 * (docs/adr/0010-activity-claims.md).
 */
import type { ActivityKey } from '../application/use-cases/claim-activity';
import { normaliseConversationId } from './conversation-refs';

interface ClaimableActivity {
  readonly type?: string;
  readonly id?: string;
  readonly conversation?: { readonly id?: string; readonly tenantId?: string };
  readonly channelData?: { readonly tenant?: { readonly id?: string } };
}

const CLAIMED_TYPES = new Set(['message', 'event', 'conversationUpdate', 'installationUpdate', 'messageReaction']);

/** The claim key of an activity, or undefined when it is not claimed (an invoke, no id to tell repeats apart). */
export function claimKeyOf(activity: ClaimableActivity): ActivityKey | undefined {
  const type = activity.type;
  const id = activity.id?.trim();
  const conversationId = activity.conversation?.id;
  if (!type || !CLAIMED_TYPES.has(type) || !id || !conversationId) return undefined;
  return {
    tenantId: activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? 'unknown-tenant',
    // A channel reply thread and the channel share the claim space; ids are unique across it.
    conversationId: normaliseConversationId(conversationId),
    activityId: id,
    activityType: type,
  };
}
