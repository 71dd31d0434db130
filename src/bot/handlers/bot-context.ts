/**
 * What every bot route needs, required (the server builds the bot with the record), and the few
 * steps routes share: sending a card, the help card, and "who is asking, about which community".
 */
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AppDeps } from '../../application/deps';
import type { SessionMessenger } from '../../application/ports';
import { communityOfConversation } from '../../application/use-cases/community-of-conversation';
import { noteBoundChannel } from '../../application/use-cases/note-bound-channel';
import type { Principal } from '../../domain/identity';
import type { DomainError } from '../../domain/result';
import { buildHelpCard } from '../cards/help-card';
import { conversationRefFromActivity } from '../conversation-refs';
import { boundContextId, principalFromActivity } from '../conversation-scope';
import { REPLIES } from '../replies';
import type { CardLinks } from '../session-messenger';

export interface BotContext {
  /** The record and the use cases' clock and ids. */
  readonly deps: AppDeps;
  readonly appName: string;
  /** Invitations, reminders and nudges into Teams. */
  readonly messenger: SessionMessenger;
  /** The links cards carry (calendar file, published notes). */
  readonly links: CardLinks;
  /** This server instance, as it signs notification claims. */
  readonly instanceId: string;
  readonly log: (msg: string, err?: unknown) => void;
}

export async function sendCard(context: TurnContext, card: Record<string, unknown>, line?: string): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card), line));
}

export async function sendHelpCard(
  context: TurnContext,
  ctx: BotContext,
  opts: { line?: string; welcome?: boolean } = {},
): Promise<void> {
  await sendCard(context, buildHelpCard({ welcome: opts.welcome ?? false, appName: ctx.appName }), opts.line);
}

export interface Asker {
  readonly who: Principal;
  readonly community: { readonly communityId: string; readonly name: string };
}

/** The bot's reply when it cannot tell which community a message is about. */
function communityReply(error: DomainError): string {
  switch (error.code) {
    case 'NO_COMMUNITY_BOUND':
      return REPLIES.noCommunityBound;
    case 'NOT_A_MEMBER':
      return REPLIES.notInACommunity;
    case 'AMBIGUOUS_COMMUNITY':
      return REPLIES.severalCommunities(error.message);
    default:
      return error.message;
  }
}

/**
 * Who is asking and for which community (replying and returning undefined when that cannot be told);
 * in a bound channel, also remembers the channel for later posts.
 */
export async function askerOf(context: TurnContext, deps: AppDeps): Promise<Asker | undefined> {
  const who = principalFromActivity(context.activity);
  if (!who) {
    await context.sendActivity(REPLIES.noIdentity);
    return undefined;
  }
  const contextId = boundContextId(context.activity);
  const community = await communityOfConversation(
    deps,
    who,
    contextId === undefined ? {} : { boundContextId: contextId },
  );
  if (!community.ok) {
    await context.sendActivity(communityReply(community.error));
    return undefined;
  }
  const ref =
    context.activity.conversation?.conversationType === 'channel'
      ? conversationRefFromActivity(context.activity)
      : undefined;
  if (ref) await noteBoundChannel(deps, ref, community.value.communityId);
  return { who, community: community.value };
}
