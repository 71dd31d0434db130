/** Which sessions the channel tab lists as upcoming. Pure. */
import type { Session } from '../../../domain/session';

/** Scheduled (not yet held) sessions, soonest first. A scheduled session whose time has passed stays until it is closed. */
export function upcomingSessions(sessions: readonly Session[]): Session[] {
  return sessions
    .filter((s) => s.state === 'scheduled')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
}
