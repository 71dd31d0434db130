/**
 * ProactiveNotifier over the Bot Framework: CloudAdapter.continueConversationAsync into a stored
 * conversation reference, then one new message (not a reply) with the card. The session messenger
 * (invitations, reminders) posts the same way.
 */
import { CardFactory, MessageFactory, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { AppDeps } from '../application/deps';
import type { CardJson, ConversationRef, ProactiveNotifier } from '../application/ports';
import { findCommunityChannel } from '../application/use-cases/find-community-channel';
import { fail, ok, type Result } from '../domain/result';
import { proactiveReferenceOf } from './conversation-refs';

/** The part of botframework-connector's ConnectorClient used here (the adapter puts one in turnState). */
interface ConversationsClient {
  readonly conversations: { sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<unknown> };
}

export type CardPoster = (ref: ConversationRef, card: CardJson) => Promise<Result<{ conversationId: string }>>;

/** One new message with the card in the referenced conversation; failures are NOTIFICATION_FAILED, never thrown. */
export function createCardPoster(adapter: CloudAdapter, botAppId: string | undefined): CardPoster {
  return async (ref, card) => {
    const reference = proactiveReferenceOf(ref) as unknown as Partial<ConversationReference>;
    // A failure inside the logic is caught here, not left to the adapter's onTurnError (which would
    // swallow it and post the chat apology into the conversation).
    let failure: unknown;
    try {
      await adapter.continueConversationAsync(botAppId ?? '', reference, async (context) => {
        try {
          // context.sendActivity would reply to the continuation event's made-up id; a post is a new
          // message in the conversation (POST /v3/conversations/{id}/activities).
          const connector = context.turnState.get(adapter.ConnectorClientKey) as ConversationsClient | undefined;
          if (!connector) throw new Error('the adapter gave no connector client');
          const activity: Partial<Activity> = {
            ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
            channelId: reference.channelId,
            serviceUrl: reference.serviceUrl,
            from: reference.bot,
            conversation: reference.conversation,
          } as Partial<Activity>;
          await connector.conversations.sendToConversation(ref.conversationId, activity);
        } catch (e) {
          failure = e;
        }
      });
    } catch (e) {
      failure = e;
    }
    if (failure !== undefined) {
      return fail(
        'NOTIFICATION_FAILED',
        `Teams did not take the message for ${ref.conversationType === 'channel' ? "the community's channel" : 'the chat'}: ${(failure as Error)?.message ?? String(failure)}`,
      );
    }
    return ok({ conversationId: ref.conversationId });
  };
}

export function createProactiveNotifier(poster: CardPoster, deps: AppDeps): ProactiveNotifier {
  return {
    async postToCommunityChannel(target, card: CardJson) {
      const channel = await findCommunityChannel(deps, target);
      if (!channel.ok) return channel;
      return poster(channel.value, card);
    },
  };
}
