/**
 * The bot's routes. Thin: read the activity, decide, call a use case, render a card. Every message
 * gets an answer (never silence); anything unexpected goes to the adapter's onTurnError.
 */
import { ActivityTypes, CardFactory, MessageFactory, TurnContext, type Activity } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { AppDeps } from '../application/deps';
import { communityOfContext } from '../application/use-cases/community-of-context';
import { forgetConversationRef } from '../application/use-cases/forget-conversation-ref';
import { listBacklog } from '../application/use-cases/list-backlog';
import { noteBoundChannel } from '../application/use-cases/note-bound-channel';
import { proposeTopic } from '../application/use-cases/propose-topic';
import { saveConversationRef } from '../application/use-cases/save-conversation-ref';
import { supportTopic } from '../application/use-cases/support-topic';
import { topOfBacklog } from '../application/use-cases/top-of-backlog';
import { volunteerToOwnTopic } from '../application/use-cases/volunteer-to-own-topic';
import { parseCardSubmit, type CardSubmit } from './card-actions';
import { buildBacklogCard, buildSimilarTopicCard, buildTopOfBacklogCard } from './cards/backlog-cards';
import { buildHelpCard } from './cards/help-card';
import { buildMeetingStartCard, buildSessionNotesCard } from './cards/meeting-cards';
import { commandInfo, parseCommand, type CommandId } from './commands';
import type { Principal } from '../domain/identity';
import { communityForTurn } from './community-for-turn';
import { principalFromActivity } from './conversation-scope';
import { contextIdsOf, conversationRefFromActivity } from './conversation-refs';
import { REPLIES } from './replies';

export interface HandlerContext {
  readonly appName: string;
  /** The record; the propose, backlog and top commands, conversation references and meeting cards need it. */
  readonly deps?: AppDeps;
}

const RECORD_COMMANDS: ReadonlySet<CommandId> = new Set(['propose', 'backlog', 'top']);

export function registerHandlers(app: Application<TurnState>, ctx: HandlerContext): void {
  app.conversationUpdate('membersAdded', async (context) => {
    if (!botIsAmong(context, context.activity.membersAdded)) return;
    await rememberConversation(context, ctx);
    await sendCard(context, undefined, true, ctx);
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    if (!botIsAmong(context, context.activity.membersRemoved)) return;
    await forgetConversation(context, ctx);
  });

  // Teams sends installationUpdate (add / remove, and *-upgrade when an update adds or drops the bot).
  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = String(context.activity.action ?? '');
    if (action.startsWith('add')) await rememberConversation(context, ctx);
    else if (action.startsWith('remove')) await forgetConversation(context, ctx);
  });

  app.meetings.start(async (context, _state, meeting) => {
    const community = await meetingCommunity(context, ctx);
    const card = buildMeetingStartCard({ ...titleOf(meeting), ...(community ? { communityName: community.name } : {}), appName: ctx.appName });
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  });

  app.meetings.end(async (context, _state, meeting) => {
    const community = await meetingCommunity(context, ctx);
    const card = buildSessionNotesCard({ ...titleOf(meeting), ...(community ? { communityName: community.name } : {}) });
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
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
  if (RECORD_COMMANDS.has(id) && ctx.deps) {
    await runBacklogCommand(context, id as 'propose' | 'backlog' | 'top', argument, ctx.deps);
    return;
  }
  if (id === 'volunteer' && /\bown/i.test(argument)) {
    await context.sendActivity(REPLIES.volunteerToOwnHow);
    return;
  }
  const info = commandInfo(id);
  if (info.comingSoon) {
    await sendCard(context, REPLIES.comingSoon(info.comingSoon), false, ctx);
    return;
  }
  await sendCard(context, undefined, false, ctx);
}

/** Who is asking and for which community; in a bound channel, also remembers the channel for later posts. */
async function scopeOf(context: TurnContext, deps: AppDeps): Promise<{ who: Principal; scope: { communityId: string; name: string } } | undefined> {
  const who = principalFromActivity(context.activity);
  if (!who) {
    await context.sendActivity(REPLIES.noIdentity);
    return undefined;
  }
  const scope = await communityForTurn(deps, who, context.activity);
  if (!scope.ok) {
    await context.sendActivity(scope.reply);
    return undefined;
  }
  const ref = context.activity.conversation?.conversationType === 'channel' ? conversationRefFromActivity(context.activity) : undefined;
  if (ref) await noteBoundChannel(deps, ref, scope.communityId);
  return { who, scope: { communityId: scope.communityId, name: scope.name } };
}

/** propose / backlog / top: thin — who and which community, one use case, one reply. */
async function runBacklogCommand(context: TurnContext, id: 'propose' | 'backlog' | 'top', argument: string, deps: AppDeps): Promise<void> {
  const asked = await scopeOf(context, deps);
  if (!asked) return;
  const { who, scope } = asked;
  if (id === 'backlog') {
    const topics = await listBacklog(deps, who, { communityId: scope.communityId });
    if (!topics.ok) await context.sendActivity(topics.error.message);
    else await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(buildBacklogCard(scope.name, topics.value))));
    return;
  }
  if (id === 'top') {
    const top = await topOfBacklog(deps, who, { communityId: scope.communityId });
    if (!top.ok) await context.sendActivity(top.error.message);
    else await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(buildTopOfBacklogCard({ communityId: scope.communityId, communityName: scope.name, top: top.value }))));
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
  // The activity id makes a redelivered message land once (the activity claim already stops most repeats).
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

/** The buttons of the similar-topic and top-of-the-backlog cards. */
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
  if (submit.action === 'volunteer-owner') {
    const r = await volunteerToOwnTopic(ctx.deps, who, { communityId: submit.communityId, topicId: submit.topicId });
    await context.sendActivity(!r.ok ? r.error.message : r.value.alreadyYours ? REPLIES.alreadyYours(r.value.topic.title) : REPLIES.volunteered(r.value.topic.title));
    return;
  }
  const r = await proposeTopic(ctx.deps, who, {
    communityId: submit.communityId, title: submit.title, force: true, ...(context.activity.id ? { requestId: context.activity.id } : {}),
  });
  await context.sendActivity(r.ok ? REPLIES.proposed(r.value.title, 'the') : r.error.message);
}

/** Installed here (or the bot added): keep the reference for proactive messages. */
async function rememberConversation(context: TurnContext, ctx: HandlerContext): Promise<void> {
  const ref = conversationRefFromActivity(context.activity);
  if (!ctx.deps || !ref) return;
  const saved = await saveConversationRef(ctx.deps, ref, contextIdsOf(context.activity));
  if (!saved.ok) throw new Error(`${saved.error.code}: ${saved.error.message}`);
}

async function forgetConversation(context: TurnContext, ctx: HandlerContext): Promise<void> {
  const ref = conversationRefFromActivity(context.activity);
  if (!ctx.deps || !ref) return;
  await forgetConversationRef(ctx.deps, { tenantId: ref.tenantId, conversationId: ref.conversationId, ...(ref.teamId ? { teamId: ref.teamId } : {}) });
}

async function meetingCommunity(context: TurnContext, ctx: HandlerContext) {
  const tenantId = context.activity.conversation?.tenantId ?? context.activity.channelData?.tenant?.id;
  if (!ctx.deps || !tenantId) return undefined;
  const meetingId = (context.activity.value as { Id?: unknown } | undefined)?.Id;
  const ids = [...contextIdsOf(context.activity), ...(typeof meetingId === 'string' ? [meetingId] : [])];
  return communityOfContext(ctx.deps, { tenantId, contextIds: ids });
}

/** Teams' meeting event value: `{ Id, Title, JoinUrl, MeetingType, StartTime | EndTime }`. */
function titleOf(meeting: unknown): { meetingTitle?: string } {
  const title = (meeting as { Title?: unknown } | undefined)?.Title;
  return typeof title === 'string' && title.trim() ? { meetingTitle: title.trim().slice(0, 200) } : {};
}

function botIsAmong(context: TurnContext, members: readonly { id?: string }[] | undefined): boolean {
  const botId = context.activity.recipient?.id;
  return !!botId && (members ?? []).some((m) => m?.id === botId);
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
