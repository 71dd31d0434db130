/**
 * The backlog from chat: "propose: …", "backlog", "top" / "next", and the buttons of the
 * similar-topic and top-of-the-backlog cards (+1, propose anyway, volunteer to own). Thin: who and
 * which community, one use case, one reply.
 */
import type { TurnContext } from 'botbuilder';
import { listBacklog } from '../../application/use-cases/list-backlog';
import { proposeTopic } from '../../application/use-cases/propose-topic';
import { supportTopic } from '../../application/use-cases/support-topic';
import { topOfBacklog } from '../../application/use-cases/top-of-backlog';
import { volunteerToOwnTopic } from '../../application/use-cases/volunteer-to-own-topic';
import { TOPIC_TITLE_MAX } from '../../domain/backlog';
import type { CardSubmit } from '../card-actions';
import { buildBacklogCard, buildSimilarTopicCard, buildTopOfBacklogCard } from '../cards/backlog-cards';
import { principalFromActivity } from '../conversation-scope';
import { REPLIES } from '../replies';
import { askerOf, sendCard, type BotContext } from './bot-context';

export type TopicSubmit = Extract<CardSubmit, { action: 'support-topic' | 'propose-anyway' | 'volunteer-owner' }>;

/** The activity id makes a redelivered message land once (the activity claim already stops most repeats). */
const requestIdOf = (context: TurnContext) => (context.activity.id ? { requestId: context.activity.id } : {});

export async function runPropose(context: TurnContext, argument: string, ctx: BotContext): Promise<void> {
  const asker = await askerOf(context, ctx.deps);
  if (!asker) return;
  const { who, community } = asker;
  const title = argument.trim();
  if (!title) {
    await context.sendActivity(REPLIES.proposeWhat);
    return;
  }
  if (title.length > TOPIC_TITLE_MAX) {
    await context.sendActivity(REPLIES.proposeTooLong(title.length));
    return;
  }
  const proposed = await proposeTopic(ctx.deps, who, {
    communityId: community.communityId,
    title,
    ...requestIdOf(context),
  });
  if (proposed.ok) {
    await context.sendActivity(REPLIES.proposed(proposed.value.title, community.name));
  } else if (proposed.error.code === 'SIMILAR_TOPIC_EXISTS' && proposed.error.subject) {
    await sendCard(
      context,
      buildSimilarTopicCard({ communityId: community.communityId, proposed: title, similar: proposed.error.subject }),
    );
  } else {
    await context.sendActivity(proposed.error.message);
  }
}

export async function runBacklog(context: TurnContext, ctx: BotContext): Promise<void> {
  const asker = await askerOf(context, ctx.deps);
  if (!asker) return;
  const topics = await listBacklog(ctx.deps, asker.who, { communityId: asker.community.communityId });
  if (!topics.ok) await context.sendActivity(topics.error.message);
  else await sendCard(context, buildBacklogCard(asker.community.name, topics.value));
}

export async function runTop(context: TurnContext, ctx: BotContext): Promise<void> {
  const asker = await askerOf(context, ctx.deps);
  if (!asker) return;
  const { communityId, name } = asker.community;
  const top = await topOfBacklog(ctx.deps, asker.who, { communityId });
  if (!top.ok) await context.sendActivity(top.error.message);
  else await sendCard(context, buildTopOfBacklogCard({ communityId, communityName: name, top: top.value }));
}

/** The buttons of the similar-topic and top-of-the-backlog cards. */
export async function runTopicSubmit(context: TurnContext, submit: TopicSubmit, ctx: BotContext): Promise<void> {
  const who = principalFromActivity(context.activity);
  if (!who) {
    await context.sendActivity(REPLIES.noIdentity);
    return;
  }
  const { communityId } = submit;
  if (submit.action === 'support-topic') {
    const r = await supportTopic(ctx.deps, who, { communityId, topicId: submit.topicId });
    await context.sendActivity(r.ok ? REPLIES.supported(r.value.title, r.value.supporters.length) : r.error.message);
    return;
  }
  if (submit.action === 'volunteer-owner') {
    const r = await volunteerToOwnTopic(ctx.deps, who, { communityId, topicId: submit.topicId });
    if (!r.ok) await context.sendActivity(r.error.message);
    else
      await context.sendActivity(
        r.value.alreadyYours ? REPLIES.alreadyYours(r.value.topic.title) : REPLIES.volunteered(r.value.topic.title),
      );
    return;
  }
  const r = await proposeTopic(ctx.deps, who, {
    communityId,
    title: submit.title,
    force: true,
    ...requestIdOf(context),
  });
  await context.sendActivity(r.ok ? REPLIES.proposed(r.value.title) : r.error.message);
}
