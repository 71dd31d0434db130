/**
 * Teams meeting start and end events: a card in the meeting's chat (where the side panel is; the
 * notes will follow, or the link to them once published).
 */
import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { communityOfContext } from '../../application/use-cases/community-of-context';
import { findSessionForMeeting } from '../../application/use-cases/find-session-for-meeting';
import { buildMeetingStartCard, buildSessionNotesCard } from '../cards/meeting-cards';
import { contextIdsOf } from '../conversation-refs';
import { sendCard, type BotContext } from './bot-context';

export function registerMeetingEvents(app: Application<TurnState>, ctx: BotContext): void {
  app.meetings.start(async (context, _state, meeting) => {
    const community = await meetingCommunity(context, ctx);
    await sendCard(
      context,
      buildMeetingStartCard({
        ...titleOf(meeting),
        ...(community ? { communityName: community.name } : {}),
        appName: ctx.appName,
      }),
    );
  });

  app.meetings.end(async (context, _state, meeting) => {
    const community = await meetingCommunity(context, ctx);
    const notesUrl = community ? await notesLinkOf(meeting, community.communityId, ctx) : undefined;
    await sendCard(
      context,
      buildSessionNotesCard({
        ...titleOf(meeting),
        ...(community ? { communityName: community.name } : {}),
        ...(notesUrl ? { notesUrl } : {}),
      }),
    );
  });
}

/**
 * The meeting-end card's notes link: the session this meeting was (by its join URL or its time) and
 * the link the server gives for its published notes (CardLinks.notesUrl); none while not published.
 */
async function notesLinkOf(meeting: unknown, communityId: string, ctx: BotContext): Promise<string | undefined> {
  const notesUrl = ctx.links.notesUrl;
  if (!notesUrl) return undefined;
  const m = meeting as { JoinUrl?: unknown; EndTime?: unknown } | undefined;
  const at =
    typeof m?.EndTime === 'string' && !Number.isNaN(Date.parse(m.EndTime)) ? new Date(m.EndTime) : ctx.deps.clock.now();
  const session = await findSessionForMeeting(ctx.deps, {
    communityId,
    at,
    ...(typeof m?.JoinUrl === 'string' ? { joinUrl: m.JoinUrl } : {}),
  });
  return session ? notesUrl(session) : undefined;
}

async function meetingCommunity(context: TurnContext, ctx: BotContext) {
  const tenantId = context.activity.conversation?.tenantId ?? context.activity.channelData?.tenant?.id;
  if (!tenantId) return undefined;
  const meetingId = (context.activity.value as { Id?: unknown } | undefined)?.Id;
  const ids = [...contextIdsOf(context.activity), ...(typeof meetingId === 'string' ? [meetingId] : [])];
  return communityOfContext(ctx.deps, { tenantId, contextIds: ids });
}

/** Teams' meeting event value: `{ Id, Title, JoinUrl, MeetingType, StartTime | EndTime }`. */
function titleOf(meeting: unknown): { meetingTitle?: string } {
  const title = (meeting as { Title?: unknown } | undefined)?.Title;
  return typeof title === 'string' && title.trim() ? { meetingTitle: title.trim().slice(0, 200) } : {};
}
