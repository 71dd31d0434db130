import { attendanceSessions, sessionTitle, summariseAttendance, type SessionAttendance } from '../../domain/attendance';
import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import type { AppDeps } from '../deps';
import { requireFacilitation } from '../facilitation';

export interface AttendanceTrendPoint {
  readonly sessionId: string;
  readonly title: string;
  readonly startsAt: string;
  readonly members: number;
  readonly answered: number;
  readonly yes: number;
}

export interface Attendance {
  readonly communityId: string;
  readonly communityName: string;
  /** The soonest session that has not ended, with who answered what and who has not. */
  readonly next: SessionAttendance | null;
  /** Up to three sessions before it, newest first. */
  readonly recent: readonly SessionAttendance[];
  /** Oldest first: answered and yes counts per session (the recent ones and the next). */
  readonly trend: readonly AttendanceTrendPoint[];
}

/**
 * The champion's view: for the next session and the last few, who said yes, maybe, no (and why),
 * who has not answered, and the trend. Champions and facilitators only.
 * Round trips: 2 reads (access) + 4 queries (sessions, answers, members, topics).
 */
export async function getAttendance(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string },
): Promise<Result<Attendance>> {
  const access = await requireFacilitation(deps, who, input.communityId);
  if (!access.ok) return access;
  const [sessions, rsvps, members, topics] = await Promise.all([
    deps.store.sessions.listByCommunity(input.communityId).then((l) => l.map((s) => s.value)),
    deps.store.rsvps.listByCommunity(input.communityId),
    deps.store.memberships.listByCommunity(input.communityId).then((l) => l.map((m) => m.value)),
    deps.store.topics.listByCommunity(input.communityId).then((l) => l.map((t) => t.value)),
  ]);
  const { next, recent } = attendanceSessions(sessions, deps.clock.now());
  const summarise = (s: (typeof sessions)[number]) =>
    summariseAttendance(
      s,
      sessionTitle(
        s,
        s.topicIds.map((id) => topics.find((t) => t.id === id)?.title).filter((t): t is string => !!t),
      ),
      members,
      rsvps.filter((r) => r.sessionId === s.id),
    );
  const nextView = next ? summarise(next) : null;
  const recentViews = recent.map(summarise);
  const trend = [...recentViews]
    .reverse()
    .concat(nextView ? [nextView] : [])
    .map((a) => ({
      sessionId: a.sessionId,
      title: a.title,
      startsAt: a.startsAt,
      members: a.counts.members,
      answered: a.counts.answered,
      yes: a.counts.yes,
    }));
  return ok({
    communityId: input.communityId,
    communityName: access.value.community.value.name,
    next: nextView,
    recent: recentViews,
    trend,
  });
}
