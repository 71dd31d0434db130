import { normaliseChoice, sameChoice, sessionEndsAt, type Rsvp, type RsvpChoice } from '../../domain/attendance';
import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { findSession } from '../facilitation';
import { invitationView } from '../invitations';
import type { InvitationView } from '../ports';
import { updateVersioned } from '../update-versioned';

export interface RsvpOutcome {
  readonly rsvp: Rsvp;
  /** False when the same answer (reason, text) was already stored: nothing was written. */
  readonly changed: boolean;
  readonly invitation: InvitationView;
}

/**
 * A member answers a session's invitation: yes, maybe, or no (with a reason). One answer per person
 * per session; the same answer again changes nothing (a repeated or redelivered press is harmless),
 * another answer replaces it (compare-and-swap on the etag). Refused for non-members and sessions
 * that are over. Round trips: 2 reads (access) + 1 read (session) + 1 read (answer) + [1 write] +
 * 1 query (topics) + 1 read (facilitator).
 */
export async function answerRsvp(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; sessionId: string } & RsvpChoice,
): Promise<Result<RsvpOutcome>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const found = await findSession(deps, input.communityId, input.sessionId);
  if (!found.ok) return found;
  const session = found.value.value;
  const now = deps.clock.now();
  if (session.state === 'held' || sessionEndsAt(session).getTime() <= now.getTime()) {
    return fail('VALIDATION_FAILED', 'This session is over; answers are closed.');
  }
  const choice = normaliseChoice(input);
  if (!choice.ok) return choice;
  const displayName = access.value.membership.value.displayName;
  const answered = await updateVersioned(
    {
      read: () => deps.store.rsvps.get(input.communityId, session.id, who.userId),
      write: (rsvp, etag) => deps.store.rsvps.put(rsvp, etag),
    },
    (current) => {
      if (current && sameChoice(current.value, choice.value)) return ok('unchanged');
      return ok<Rsvp>({
        communityId: input.communityId,
        tenantId: session.tenantId,
        sessionId: session.id,
        userId: who.userId,
        displayName,
        ...choice.value,
        at: now.toISOString(),
      });
    },
    { busy: 'Your answer kept changing while it was saved; try again.' },
  );
  if (!answered.ok) return answered;
  const invitation = await invitationView(deps, access.value.community.value, session);
  return ok({ rsvp: answered.value.value, changed: answered.value.written, invitation });
}
