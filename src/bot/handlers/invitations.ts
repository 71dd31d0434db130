/**
 * Invitations and attendance from chat: "rsvp" (the next invitation with your answer), "attendance"
 * (the champion's view), its Nudge button, and the RSVP buttons and refresh of invitation cards
 * (Universal Actions, `adaptiveCard/action` invokes, answered in the HTTP response).
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { answerRsvp } from '../../application/use-cases/answer-rsvp';
import { getAttendance } from '../../application/use-cases/get-attendance';
import { getInvitation } from '../../application/use-cases/get-invitation';
import { nudgeNonResponders } from '../../application/use-cases/nudge-non-responders';
import type { InvitationView } from '../../application/ports';
import type { Rsvp } from '../../domain/attendance';
import { parseCardExecute, type NudgeSubmit } from '../card-actions';
import { buildAttendanceCard, buildInvitationCard } from '../cards/invitation-cards';
import { principalFromActivity } from '../conversation-scope';
import { REPLIES } from '../replies';
import { askerOf, sendCard, type BotContext } from './bot-context';

const INVOKE_CARD = 'application/vnd.microsoft.card.adaptive';
const INVOKE_MESSAGE = 'application/vnd.microsoft.activity.message';
type InvokeBody =
  | { statusCode: 200; type: typeof INVOKE_CARD; value: Record<string, unknown> }
  | { statusCode: 200; type: typeof INVOKE_MESSAGE; value: string };
const invokeMessage = (value: string): InvokeBody => ({ statusCode: 200, type: INVOKE_MESSAGE, value });

/** The invitation as this person sees it: their answer, and their client refreshes to their own view. */
function personalCard(
  context: TurnContext,
  ctx: BotContext,
  view: InvitationView,
  answer: Rsvp | null,
): Record<string, unknown> {
  const mri = context.activity.from?.id;
  return buildInvitationCard({
    view,
    calendarUrl: ctx.links.calendarUrl(view.session),
    viewer: { answer },
    ...(mri ? { refreshUserIds: [mri] } : {}),
  });
}

/** "rsvp": the next session's invitation with your answer. */
export async function runRsvpCommand(context: TurnContext, ctx: BotContext): Promise<void> {
  const asker = await askerOf(context, ctx.deps);
  if (!asker) return;
  const inv = await getInvitation(ctx.deps, asker.who, { communityId: asker.community.communityId });
  if (!inv.ok) await context.sendActivity(inv.error.message);
  else await sendCard(context, personalCard(context, ctx, inv.value.invitation, inv.value.answer));
}

/** "attendance": who answered what, who has not, the trend (champions and facilitators). */
export async function runAttendance(context: TurnContext, ctx: BotContext): Promise<void> {
  const asker = await askerOf(context, ctx.deps);
  if (!asker) return;
  const a = await getAttendance(ctx.deps, asker.who, { communityId: asker.community.communityId });
  if (a.ok) await sendCard(context, buildAttendanceCard(a.value));
  else
    await context.sendActivity(
      a.error.code === 'FORBIDDEN' ? REPLIES.attendanceForChampions(asker.community.name) : a.error.message,
    );
}

/**
 * "Nudge" on the attendance card: once per press (the activity claim, and the nudge's own claim on the
 * activity id).
 */
export async function runNudge(context: TurnContext, submit: NudgeSubmit, ctx: BotContext): Promise<void> {
  const who = principalFromActivity(context.activity);
  if (!who) {
    await context.sendActivity(REPLIES.noIdentity);
    return;
  }
  const r = await nudgeNonResponders(ctx.deps, ctx.messenger, who, {
    communityId: submit.communityId,
    sessionId: submit.sessionId,
    requestId: context.activity.id ?? ctx.deps.ids.newId(),
    claimedBy: ctx.instanceId,
  });
  if (!r.ok) await context.sendActivity(r.error.message);
  else if (!r.value.sent) await context.sendActivity(REPLIES.alreadyNudged);
  else
    await context.sendActivity(
      REPLIES.nudged(
        r.value.nudged.map((p) => p.displayName),
        r.value.withoutApp.map((p) => p.displayName),
        r.value.failed,
      ),
    );
}

/** An Action.Execute press or refresh: validate, one use case, the person's card (or a short message) as the answer. */
async function runCardAction(context: TurnContext, ctx: BotContext): Promise<InvokeBody> {
  const action = parseCardExecute(context.activity.value);
  if (!action.ok) return invokeMessage(REPLIES.badCardSubmit(action.error.message));
  const who = principalFromActivity(context.activity);
  if (!who) return invokeMessage(REPLIES.noIdentity);
  if (action.value.verb === 'rsvp-view') {
    const inv = await getInvitation(ctx.deps, who, action.value.data);
    if (!inv.ok) return invokeMessage(inv.error.message);
    return {
      statusCode: 200,
      type: INVOKE_CARD,
      value: personalCard(context, ctx, inv.value.invitation, inv.value.answer),
    };
  }
  const d = action.value.data;
  const answered = await answerRsvp(ctx.deps, who, {
    communityId: d.communityId,
    sessionId: d.sessionId,
    answer: d.answer,
    reason: d.reason ? d.reason : null,
    text: d.reasonText ?? null,
  });
  if (!answered.ok) {
    return invokeMessage(
      answered.error.code === 'NOT_A_MEMBER' ? REPLIES.rsvpNotAMember(answered.error.message) : answered.error.message,
    );
  }
  return {
    statusCode: 200,
    type: INVOKE_CARD,
    value: personalCard(context, ctx, answered.value.invitation, answered.value.rsvp),
  };
}

/**
 * Universal Actions (Action.Execute): RSVP buttons and the card's refresh. The answer is the HTTP
 * response; it is sent here (not by teams-ai's actionExecute, which would replace the shared
 * channel card for everyone with one person's view when the card has a refresh).
 */
export function registerCardActions(app: Application<TurnState>, ctx: BotContext): void {
  app.addRoute(
    async (context) =>
      context.activity.type === ActivityTypes.Invoke && context.activity.name === 'adaptiveCard/action',
    async (context) => {
      let body: InvokeBody;
      try {
        body = await runCardAction(context, ctx);
      } catch (err) {
        ctx.log('card action failed', err);
        body = invokeMessage(REPLIES.turnError);
      }
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
    },
    true,
  );
}
