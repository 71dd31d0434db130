/**
 * The bot's routes. Thin: read the activity, decide, render a card. Every message gets an
 * answer (never silence); anything unexpected goes to the adapter's onTurnError.
 */
import { ActivityTypes, CardFactory, MessageFactory, TurnContext, type Activity } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { AppDeps } from '../application/deps';
import { listBacklog } from '../application/use-cases/list-backlog';
import { proposeTopic } from '../application/use-cases/propose-topic';
import { supportTopic } from '../application/use-cases/support-topic';
import { parseCardSubmit, type CardSubmit } from './card-actions';
import { buildBacklogCard, buildSimilarTopicCard } from './cards/backlog-cards';
import { buildHelpCard } from './cards/help-card';
import { commandInfo, parseCommand, type CommandId } from './commands';
import { communityForTurn } from './community-for-turn';
import { principalFromActivity } from './conversation-scope';
import { REPLIES } from './replies';

export interface HandlerContext {
  readonly appName: string;
  /** The record; the propose and backlog commands need it (next/attendance: a later issue). */
  readonly deps?: AppDeps;
}

export function registerHandlers(app: Application<TurnState>, ctx: HandlerContext): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const addedBot = (context.activity.membersAdded ?? []).some((m) => m?.id === botId);
    if (!addedBot) return;
    await sendCard(context, undefined, true, ctx);
  });

  app.activity(ActivityTypes.Message, async (context) => {
    const { value } = context.activity;
    if (value !== undefined && value !== null) {
      const submit = parseCardSubmit(value);
      if (!submit.ok) {
        await context.sendActivity(REPLIES.badCardSubmit(submit.error.message));
        return;
      }
      if (submit.value.action === 'command') await runCommand(context, submit.value.command, '', ctx);
      else await runTopicSubmit(context, submit.value, ctx);
      return;
    }
    const parsed = parseCommand(textWithoutBotMention(context.activity));
    if (parsed.kind === 'unknown') {
      await sendCard(context, REPLIES.notUnderstood, false, ctx);
      return;
    }
    await runCommand(context, parsed.kind === 'help' ? 'help' : parsed.id, parsed.kind === 'help' ? '' : parsed.argument, ctx);
  });
}

async function runCommand(context: TurnContext, id: CommandId, argument: string, ctx: HandlerContext): Promise<void> {
  if ((id === 'propose' || id === 'backlog') && ctx.deps) {
    await runBacklogCommand(context, id, argument, ctx.deps);
    return;
  }
  const info = commandInfo(id);
  if (info.comingSoon) {
    await sendCard(context, REPLIES.comingSoon(info.comingSoon), false, ctx);
    return;
  }
  await sendCard(context, undefined, false, ctx);
}

/** propose / backlog: thin — who and which community, one use case, one reply. */
async function runBacklogCommand(context: TurnContext, id: 'propose' | 'backlog', argument: string, deps: AppDeps): Promise<void> {
  const who = principalFromActivity(context.activity);
  if (!who) {
    await context.sendActivity(REPLIES.noIdentity);
    return;
  }
  const scope = await communityForTurn(deps, who, context.activity);
  if (!scope.ok) {
    await context.sendActivity(scope.reply);
    return;
  }
  if (id === 'backlog') {
    const topics = await listBacklog(deps, who, { communityId: scope.communityId });
    if (!topics.ok) await context.sendActivity(topics.error.message);
    else await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(buildBacklogCard(scope.name, topics.value))));
    return;
  }
  const title = argument.trim();
  if (!title) {
    await context.sendActivity(REPLIES.proposeWhat);
    return;
  }
  if (title.length > 120) {
    await context.sendActivity(REPLIES.proposeTooLong(title.length));
    return;
  }
  // The activity id makes a redelivered message land once.
  const proposed = await proposeTopic(deps, who, { communityId: scope.communityId, title, ...(context.activity.id ? { requestId: context.activity.id } : {}) });
  if (proposed.ok) {
    await context.sendActivity(REPLIES.proposed(proposed.value.title, scope.name));
  } else if (proposed.error.code === 'SIMILAR_TOPIC_EXISTS' && proposed.error.subject) {
    const card = buildSimilarTopicCard({ communityId: scope.communityId, proposed: title, similar: proposed.error.subject });
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  } else {
    await context.sendActivity(proposed.error.message);
  }
}

/** The buttons of the similar-topic card. */
async function runTopicSubmit(context: TurnContext, submit: Exclude<CardSubmit, { action: 'command' }>, ctx: HandlerContext): Promise<void> {
  const who = principalFromActivity(context.activity);
  if (!who || !ctx.deps) {
    await context.sendActivity(REPLIES.noIdentity);
    return;
  }
  if (submit.action === 'support-topic') {
    const r = await supportTopic(ctx.deps, who, { communityId: submit.communityId, topicId: submit.topicId });
    await context.sendActivity(r.ok ? REPLIES.supported(r.value.title, r.value.supporters.length) : r.error.message);
    return;
  }
  const r = await proposeTopic(ctx.deps, who, {
    communityId: submit.communityId, title: submit.title, force: true, ...(context.activity.id ? { requestId: context.activity.id } : {}),
  });
  await context.sendActivity(r.ok ? REPLIES.proposed(r.value.title, 'the') : r.error.message);
}

async function sendCard(context: TurnContext, line: string | undefined, welcome: boolean, ctx: HandlerContext): Promise<void> {
  const card = CardFactory.adaptiveCard(buildHelpCard({ welcome, appName: ctx.appName }));
  await context.sendActivity(MessageFactory.attachment(card, line));
}

/**
 * The message text without the bot's own @mention. TurnContext's helper matches the mention
 * entity against the recipient; it throws on text-less messages or odd entities, so it is
 * guarded, and parseCommand also drops leading `<at>…</at>` tags the entities did not cover.
 */
function textWithoutBotMention(activity: Activity): string {
  if (typeof activity.text !== 'string') return '';
  try {
    return TurnContext.removeRecipientMention(activity) ?? '';
  } catch {
    return activity.text;
  }
}
