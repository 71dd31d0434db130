import { sessionEndsAt, sessionTitle, sessionTypeFields } from '../../domain/attendance';
import { buildIcs } from '../../domain/calendar';
import { ok, type Result } from '../../domain/result';
import type { AppDeps } from '../deps';
import { findSession } from '../facilitation';
import { invitationView } from '../invitations';

/**
 * A session as an iCalendar file, for the invitation card's "Add to calendar" link. No principal:
 * the link opened from Teams carries no token, so the server checks the link's signature first
 * (docs/adr/0014-signed-calendar-links.md) and only then calls this. `tenantId` comes from the
 * session itself. Round trips: 1 read (session) + 1 read (community) + 1 query (topics) + 1 read.
 */
export async function sessionCalendarFile(
  deps: AppDeps,
  input: { communityId: string; sessionId: string; tenantId?: string },
): Promise<Result<{ filename: string; ics: string }>> {
  const found = await findSession(deps, input.communityId, input.sessionId);
  if (!found.ok) return found;
  const session = found.value.value;
  const community = await deps.store.communities.get(session.tenantId, session.communityId);
  if (!community)
    return { ok: false, error: { code: 'COMMUNITY_NOT_FOUND', message: 'That community no longer exists.' } };
  const view = await invitationView(deps, community.value, session);
  const title = `${community.value.name}: ${sessionTitle(session, view.topicTitles)}`;
  const description = [
    session.purpose && `Purpose: ${session.purpose}`,
    ...sessionTypeFields(session).map((f) => `${f.label}: ${f.value}`),
    view.topicTitles.length ? `Topics: ${view.topicTitles.join('; ')}` : '',
    view.facilitatorName ? `Facilitator: ${view.facilitatorName}` : '',
    'Agenda:',
    ...session.agenda.map((i) => `- ${i.title} (${i.minutes} min)`),
    session.meetingLink ? `Join: ${session.meetingLink}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const ics = buildIcs({
    uid: `${session.id}.${session.communityId}@guildhall`,
    start: new Date(session.startsAt),
    end: sessionEndsAt(session),
    stamp: deps.clock.now(),
    summary: title,
    description,
    location: session.meetingLink ? 'Microsoft Teams meeting' : 'Microsoft Teams',
    ...(session.meetingLink ? { url: session.meetingLink } : {}),
  });
  return ok({ filename: `session-${session.startsAt.slice(0, 10)}.ics`, ics });
}
