import type { Session } from '../../domain/session';
import type { AppDeps } from '../deps';

const HOUR = 3_600_000;

/**
 * Which session a Teams meeting was, for the meeting-end card (its notes link, once published).
 * Sessions keep the meeting's join link, not its id: a session whose link is the meeting's join URL
 * wins; otherwise the community's session that started closest to the meeting's start (or end),
 * within 3 hours before to 1 hour after it. Undefined when none fits. The bot knows the community
 * from the meeting's binding. Round trips: 1 query.
 */
export async function findSessionForMeeting(
  deps: AppDeps,
  input: { communityId: string; joinUrl?: string; at: Date },
): Promise<Session | undefined> {
  const sessions = (await deps.store.sessions.listByCommunity(input.communityId)).map((s) => s.value);
  const norm = (u: string) => u.trim().replace(/\/+$/, '').toLowerCase();
  if (input.joinUrl) {
    const byLink = sessions.find((s) => s.meetingLink && norm(s.meetingLink) === norm(input.joinUrl!));
    if (byLink) return byLink;
  }
  const t = input.at.getTime();
  return sessions
    .map((s) => ({ s, d: t - Date.parse(s.startsAt) }))
    .filter(({ d }) => d >= -HOUR && d <= 3 * HOUR)
    .sort((a, b) => Math.abs(a.d) - Math.abs(b.d))[0]?.s;
}
