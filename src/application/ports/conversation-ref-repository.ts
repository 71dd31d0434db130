import type { Result } from '../../domain/result';
import type { Versioned } from './versioned';

/**
 * What the bot needs to write into a Teams conversation later, without being spoken to first
 * (a proactive message): where the connector for that conversation is (serviceUrl), which bot
 * it is, and the conversation itself. Saved when the app is installed, removed on uninstall.
 */
export interface ConversationRef {
  readonly tenantId: string;
  /** The conversation to post to: a channel (`19:…@thread.tacv2`), a group or meeting chat, a personal chat. No `;messageid=` suffix. */
  readonly conversationId: string;
  readonly conversationType: 'personal' | 'groupChat' | 'channel';
  readonly serviceUrl: string;
  /** The Bot Framework channel (always `msteams` in Teams). */
  readonly channelId: string;
  readonly botId: string;
  readonly botName?: string;
  /** The team the channel belongs to (`channelData.team.id`), for channels. */
  readonly teamId?: string;
  /** The Teams channel (`channelData.channel.id`), for channels. */
  readonly teamsChannelId?: string;
  /** The person of a personal chat (Entra object id). */
  readonly userId?: string;
  /** The same person's Teams id (`29:…`, the MRI), which Adaptive Card refresh lists need. */
  readonly userMri?: string;
  /** The community the conversation is bound to, when it is; null until then. */
  readonly communityId: string | null;
  readonly savedAt: string;
}

export interface ConversationRefRepository {
  get(tenantId: string, conversationId: string): Promise<Versioned<ConversationRef> | undefined>;
  /** Creates or replaces the reference (install, reinstall, a binding found later). */
  put(ref: ConversationRef): Promise<Result<Versioned<ConversationRef>>>;
  /** True when it existed. */
  delete(tenantId: string, conversationId: string): Promise<boolean>;
  /** A tenant's references, optionally of one conversation type or one community. */
  list(
    tenantId: string,
    filter?: { conversationType?: ConversationRef['conversationType']; communityId?: string },
  ): Promise<ConversationRef[]>;
}
