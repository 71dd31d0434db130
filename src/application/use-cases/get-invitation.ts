import { sessionEndsAt, type Rsvp } from '../../domain/attendance';
import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { findSession } from '../facilitation';
import type { Session } from '../../domain/session';
import { invitationView } from '../invitations';
import type { InvitationView } from '../ports';

/**
 * A session's invitation as one member sees it, with their own answer: for a card's refresh and for
 * "rsvp" in chat. Without a session id, the community's next session (the soonest not yet over).
 * Round trips: 2 reads (access) + 1 read or 1 query (session) + 1 read (answer) + 1 query (topics) + 1 read.
 */
export async function getInvitation(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; sessionId?: string },
): Promise<Result<{ invitation: InvitationView; answer: Rsvp | null }>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  let session: Session | undefined;
  if (input.sessionId) {
    const found = await findSession(deps, input.communityId, input.sessionId);
    if (!found.ok) return found;
    session = found.value.value;
  } else {
    const now = deps.clock.now().getTime();
    session = (await deps.store.sessions.listByCommunity(input.communityId))
      .map((s) => s.value)
      .filter((s) => s.state === 'scheduled' && sessionEndsAt(s).getTime() > now)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
    if (!session)
      return fail('SESSION_NOT_FOUND', `No session of '${access.value.community.value.name}' is scheduled yet.`);
  }
  const answer = await deps.store.rsvps.get(input.communityId, session.id, who.userId);
  return ok({
    invitation: await invitationView(deps, access.value.community.value, session),
    answer: answer?.value ?? null,
  });
}
