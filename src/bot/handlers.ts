/**
 * The bot's routes. Thin: read the activity, decide, call a use case, render a card. Every message
 * gets an answer (never silence); anything unexpected goes to the adapter's onTurnError.
 */
import { ActivityTypes, CardFactory, MessageFactory, TurnContext, type Activity } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { AppDeps } from '../application/deps';
import type { SessionMessenger } from '../application/ports';
import { answerRsvp } from '../application/use-cases/answer-rsvp';
import { communityOfContext } from '../application/use-cases/community-of-context';
import { findSessionForMeeting } from '../application/use-cases/find-session-for-meeting';
import { getAttendance } from '../application/use-cases/get-attendance';
import { getInvitation } from '../application/use-cases/get-invitation';
import { nudgeNonResponders } from '../application/use-cases/nudge-non-responders';
import { forgetConversationRef } from '../application/use-cases/forget-conversation-ref';
import { listBacklog } from '../application/use-cases/list-backlog';
import { noteBoundChannel } from '../application/use-cases/note-bound-channel';
import { proposeTopic } from '../application/use-cases/propose-topic';
import { saveConversationRef } from '../application/use-cases/save-conversation-ref';
import { supportTopic } from '../application/use-cases/support-topic';
import { topOfBacklog } from '../application/use-cases/top-of-backlog';
import { volunteerToOwnTopic } from '../application/use-cases/volunteer-to-own-topic';
import { parseCardExecute, parseCardSubmit, type CardSubmit, type NudgeSubmit } from './card-actions';
import { buildAttendanceCard, buildInvitationCard } from './cards/invitation-cards';
import type { CardLinks } from './session-messenger';
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
  /** Invitations, RSVPs, attendance and nudges need these too (the server gives them with the record). */
  readonly attendance?: { readonly messenger: SessionMessenger; readonly links: CardLinks; readonly instanceId: string };
  readonly log?: (msg: string, err?: unknown) => void;
}

const RECORD_COMMANDS: ReadonlySet<CommandId> = new Set(['propose', 'backlog', 'top']);
const ATTENDANCE_COMMANDS: ReadonlySet<CommandId> = new Set(['rsvp', 'attendance']);

const INVOKE_CARD = 'application/vnd.microsoft.card.adaptive';
const INVOKE_MESSAGE = 'application/vnd.microsoft.activity.message';
type InvokeBody = { statusCode: 200; type: typeof INVOKE_CARD; value: Record<string, unknown> } | { statusCode: 200; type: typeof INVOKE_MESSAGE; value: string };
const invokeMessage = (value: string): InvokeBody => ({ statusCode: 200, type: INVOKE_MESSAGE, value });

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
    const notesUrl = community ? await notesLinkOf(meeting, community.communityId, ctx) : undefined;
    const card = buildSessionNotesCard({ ...titleOf(meeting), ...(community ? { communityName: community.name } : {}), ...(notesUrl ? { notesUrl } : {}) });
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  });

  // Universal Actions (Action.Execute): RSVP buttons and the card's refresh. The answer is the HTTP
  // response; it is sent here (not by teams-ai's actionExecute, which would replace the shared
  // channel card for everyone with one person's view when the card has a refresh).
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === 'adaptiveCard/action',
    async (context) => {
      let body: InvokeBody;
      try {
        body = await runCardAction(context, ctx);
      } catch (err) {
        (ctx.log ?? console.error)('card action failed', err);
        body = invokeMessage(REPLIES.turnError);
      }
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
    },
    true,
  );

  app.activity(ActivityTypes.Message, async (context) => {
    const { value } = context.activity;
    if (value !== undefined && value !== null) {
      const submit = parseCardSubmit(value);
      if (!submit.ok) {
        await context.sendActivity(REPLIES.badCardSubmit(submit.error.message));
        return;
      }
      if (submit.value.action === 'command') await runCommand(context, submit.value.command, '', ctx);
      else if (submit.value.action === 'nudge') await runNudge(context, submit.value, ctx);
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
  if (ATTENDANCE_COMMANDS.has(id) && ctx.deps && ctx.attendance) {
    await runAttendanceCommand(context, id as 'rsvp' | 'attendance', ctx.deps, ctx.attendance.links);
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

/** "rsvp": the next session's invitation with your answer; "attendance": the champion's view. */
async function runAttendanceCommand(context: TurnContext, id: 'rsvp' | 'attendance', deps: AppDeps, links: CardLinks): Promise<void> {
  const asked = await scopeOf(context, deps);
  if (!asked) return;
  const { who, scope } = asked;
  if (id === 'attendance') {
    const a = await getAttendance(deps, who, { communityId: scope.communityId });
    if (!a.ok) await context.sendActivity(a.error.code === 'FORBIDDEN' ? REPLIES.attendanceForChampions(scope.name) : a.error.message);
    else await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(buildAttendanceCard(a.value))));
    return;
  }
  const inv = await getInvitation(deps, who, { communityId: scope.communityId });
  if (!inv.ok) {
    await context.sendActivity(inv.error.message);
    return;
  }
  const mri = context.activity.from?.id;
  const card = buildInvitationCard({
    view: inv.value.invitation, calendarUrl: links.calendarUrl(inv.value.invitation.session), viewer: { answer: inv.value.answer }, ...(mri ? { refreshUserIds: [mri] } : {}),
  });
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/** An Action.Execute press or refresh: validate, one use case, the person's card (or a short message) as the answer. */
async function runCardAction(context: TurnContext, ctx: HandlerContext): Promise<InvokeBody> {
  const action = parseCardExecute(context.activity.value);
  if (!action.ok) return invokeMessage(REPLIES.badCardSubmit(action.error.message));
  const who = principalFromActivity(context.activity);
  if (!who) return invokeMessage(REPLIES.noIdentity);
  if (!ctx.deps || !ctx.attendance) return invokeMessage(REPLIES.notHere);
  const { links } = ctx.attendance;
  const mri = context.activity.from?.id;
  const refresh = mri ? { refreshUserIds: [mri] } : {};
  if (action.value.verb === 'rsvp-view') {
    const inv = await getInvitation(ctx.deps, who, action.value.data);
    if (!inv.ok) return invokeMessage(inv.error.message);
    const card = buildInvitationCard({ view: inv.value.invitation, calendarUrl: links.calendarUrl(inv.value.invitation.session), viewer: { answer: inv.value.answer }, ...refresh });
    return { statusCode: 200, type: INVOKE_CARD, value: card };
  }
  const d = action.value.data;
  const answered = await answerRsvp(ctx.deps, who, {
    communityId: d.communityId, sessionId: d.sessionId, answer: d.answer, reason: d.reason ? d.reason : null, text: d.reasonText ?? null,
  });
  if (!answered.ok) return invokeMessage(answered.error.code === 'NOT_A_MEMBER' ? REPLIES.rsvpNotAMember(answered.error.message) : answered.error.message);
  const card = buildInvitationCard({ view: answered.value.invitation, calendarUrl: links.calendarUrl(answered.value.invitation.session), viewer: { answer: answered.value.rsvp }, ...refresh });
  return { statusCode: 200, type: INVOKE_CARD, value: card };
}

/** "Nudge" on the attendance card: once per press (the activity claim, and the nudge's own claim on the activity id). */
async function runNudge(context: TurnContext, submit: NudgeSubmit, ctx: HandlerContext): Promise<void> {
  const who = principalFromActivity(context.activity);
  if (!who || !ctx.deps || !ctx.attendance) {
    await context.sendActivity(REPLIES.noIdentity);
    return;
  }
  const r = await nudgeNonResponders(ctx.deps, ctx.attendance.messenger, who, {
    communityId: submit.communityId, sessionId: submit.sessionId, requestId: context.activity.id ?? ctx.deps.ids.newId(), claimedBy: ctx.attendance.instanceId,
  });
  if (!r.ok) await context.sendActivity(r.error.message);
  else if (!r.value.sent) await context.sendActivity(REPLIES.alreadyNudged);
  else await context.sendActivity(REPLIES.nudged(r.value.nudged.map((p) => p.displayName), r.value.withoutApp.map((p) => p.displayName), r.value.failed));
}

/**
 * The seam for the meeting-end card's notes link: the session this meeting was (by its join URL or
 * its time) and the link the server gives for its published notes (CardLinks.notesUrl); none while the
 * notes are not published.
 */
async function notesLinkOf(meeting: unknown, communityId: string, ctx: HandlerContext): Promise<string | undefined> {
  const notesUrl = ctx.attendance?.links.notesUrl;
  if (!ctx.deps || !notesUrl) return undefined;
  const m = meeting as { JoinUrl?: unknown; EndTime?: unknown } | undefined;
  const at = typeof m?.EndTime === 'string' && !Number.isNaN(Date.parse(m.EndTime)) ? new Date(m.EndTime) : ctx.deps.clock.now();
  const session = await findSessionForMeeting(ctx.deps, { communityId, at, ...(typeof m?.JoinUrl === 'string' ? { joinUrl: m.JoinUrl } : {}) });
  return session ? notesUrl(session) : undefined;
}

/** The buttons of the similar-topic and top-of-the-backlog cards. */
async function runTopicSubmit(context: TurnContext, submit: Exclude<CardSubmit, { action: 'command' | 'nudge' }>, ctx: HandlerContext): Promise<void> {
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
