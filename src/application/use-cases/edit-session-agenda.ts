import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { checkAgenda, type AgendaItem, type Session } from '../../domain/session';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { facilitatesSession, findSession } from '../facilitation';

/**
 * The session's facilitator (or a facilitator/champion) edits the agenda and, with it, the duration.
 * Only before the session is closed. Round trips: 2 reads (access) + 1 read + 1 replace.
 */
export async function editSessionAgenda(
  deps: AppDeps,
  who: Principal,
  input: {
    communityId: string;
    sessionId: string;
    etag: string;
    agenda: readonly AgendaItem[];
    durationMinutes?: number;
  },
): Promise<Result<{ session: Session; etag: string }>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const found = await findSession(deps, input.communityId, input.sessionId);
  if (!found.ok) return found;
  const session = found.value.value;
  if (!facilitatesSession(access.value, session))
    return fail('FORBIDDEN', "Only this session's facilitator (or a facilitator or champion) can change its agenda.");
  if (session.state === 'held')
    return fail('VALIDATION_FAILED', 'The session has been held; its agenda is part of the record now.');
  const agenda = input.agenda.map((i) => ({ title: i.title.trim(), minutes: i.minutes }));
  const durationMinutes = input.durationMinutes ?? session.durationMinutes;
  const fits = checkAgenda(agenda, durationMinutes);
  if (!fits.ok) return fits;
  const written = await deps.store.sessions.update({ ...session, agenda, durationMinutes }, input.etag);
  if (!written.ok) return written;
  return ok({ session: written.value.value, etag: written.value.etag });
}
