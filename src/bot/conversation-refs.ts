/**
 * Conversation references from Teams activities, and back to Bot Framework references (pure).
 */
import type { ConversationRef } from '../application/ports';
import type { ConversationRefInput } from '../application/use-cases/save-conversation-ref';

export interface RefActivity {
  readonly channelId?: string;
  readonly serviceUrl?: string;
  readonly from?: { readonly id?: string; readonly aadObjectId?: string };
  readonly recipient?: { readonly id?: string; readonly name?: string };
  readonly conversation?: {
    readonly id?: string;
    readonly tenantId?: string;
    readonly conversationType?: string;
    readonly isGroup?: boolean;
  };
  readonly channelData?: {
    readonly tenant?: { readonly id?: string };
    readonly team?: { readonly id?: string };
    readonly channel?: { readonly id?: string };
    readonly meeting?: { readonly id?: string };
  };
}

/** A channel message's conversation id names its reply thread (`19:…@thread.tacv2;messageid=…`); the channel is the part before. */
export const normaliseConversationId = (id: string): string => id.replace(/;messageid=.*$/i, '');

function conversationTypeOf(a: RefActivity): ConversationRef['conversationType'] {
  const t = a.conversation?.conversationType;
  if (t === 'personal' || t === 'groupChat' || t === 'channel') return t;
  if (a.channelData?.team?.id || a.channelData?.channel?.id) return 'channel';
  return a.conversation?.isGroup ? 'groupChat' : 'personal';
}

/** What a proactive message to this activity's conversation needs; undefined when the activity lacks it. */
export function conversationRefFromActivity(a: RefActivity): ConversationRefInput | undefined {
  const tenantId = a.conversation?.tenantId ?? a.channelData?.tenant?.id;
  const rawId = a.conversation?.id;
  const botId = a.recipient?.id;
  if (!tenantId || !rawId || !botId || !a.serviceUrl) return undefined;
  const conversationType = conversationTypeOf(a);
  const userId = conversationType === 'personal' ? (a.from?.aadObjectId ?? undefined) : undefined;
  const userMri = userId && a.from?.id && a.from.id !== userId ? a.from.id : undefined;
  return {
    tenantId,
    conversationId: normaliseConversationId(rawId),
    conversationType,
    serviceUrl: a.serviceUrl,
    channelId: a.channelId ?? 'msteams',
    botId,
    ...(a.recipient?.name ? { botName: a.recipient.name } : {}),
    ...(a.channelData?.team?.id ? { teamId: a.channelData.team.id } : {}),
    ...(a.channelData?.channel?.id ? { teamsChannelId: a.channelData.channel.id } : {}),
    ...(userId ? { userId } : {}),
    ...(userMri ? { userMri } : {}),
  };
}

/** The ids this conversation may be bound to a community by, most specific first: the meeting, the channel, the chat. */
export function contextIdsOf(a: RefActivity): string[] {
  const ids = [
    a.channelData?.meeting?.id,
    a.channelData?.channel?.id,
    a.conversation?.id ? normaliseConversationId(a.conversation.id) : undefined,
  ];
  return [...new Set(ids.filter((x): x is string => !!x))];
}

/** The shape of botbuilder's ConversationReference, for CloudAdapter.continueConversationAsync. */
export interface ProactiveReference {
  readonly channelId: string;
  readonly serviceUrl: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly conversation: {
    readonly id: string;
    readonly conversationType: string;
    readonly tenantId: string;
    readonly isGroup: boolean;
    readonly name: string;
  };
}

export function proactiveReferenceOf(ref: ConversationRef): ProactiveReference {
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    bot: { id: ref.botId, name: ref.botName ?? '' },
    conversation: {
      id: ref.conversationId,
      conversationType: ref.conversationType,
      tenantId: ref.tenantId,
      isGroup: ref.conversationType !== 'personal',
      name: '',
    },
  };
}
