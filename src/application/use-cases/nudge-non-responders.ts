import { nonResponders, type AttendancePerson } from '../../domain/attendance';
import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import type { AppDeps } from '../deps';
import { findSession, requireFacilitation } from '../facilitation';
import { forEachLimited, invitationView, personalChats } from '../invitations';
import type { SessionMessenger } from '../ports';

export interface NudgeOutcome {
  /** False when this request (press) was already handled: nothing was sent again. */
  readonly sent: boolean;
  readonly nudged: readonly AttendancePerson[];
  /** Not answered, but no personal chat with the app: only the channel post reaches them. */
  readonly withoutApp: readonly AttendancePerson[];
  readonly failed: number;
}

/**
 * A champion (or facilitator) nudges the members who have not answered a session's invitation:
 * a reminder in each one's personal chat, nobody else. Once per request id (the press): a claim
 * `nudge:<session>:<request>` (ADR 0013), so a redelivered or repeated request sends nothing again.
 * Round trips: 2 reads (access) + 1 read (session) + 1 create (claim) + 2 queries (members, answers) +
 * 1 query (personal chats) + 1 query (topics) + 1 read (facilitator) + one post per person.
 */
export async function nudgeNonResponders(
  deps: AppDeps,
  messenger: SessionMessenger,
  who: Principal,
  input: { communityId: string; sessionId: string; requestId: string; claimedBy: string },
): Promise<Result<NudgeOutcome>> {
  const access = await requireFacilitation(deps, who, input.communityId);
  if (!access.ok) return access;
  const found = await findSession(deps, input.communityId, input.sessionId);
  if (!found.ok) return found;
  const session = found.value.value;
  const claimed = await deps.store.notificationClaims.claim({
    communityId: input.communityId,
    key: `nudge:${session.id}:${input.requestId}`,
    sessionId: session.id,
    kind: 'nudge',
    claimedBy: input.claimedBy,
    claimedAt: deps.clock.now().toISOString(),
  });
  if (claimed === 'already-claimed') return ok({ sent: false, nudged: [], withoutApp: [], failed: 0 });
  const members = (await deps.store.memberships.listByCommunity(input.communityId)).map((m) => m.value);
  const rsvps = await deps.store.rsvps.listBySession(input.communityId, session.id);
  const waiting = new Set(nonResponders(members, rsvps));
  const people = members
    .filter((m) => waiting.has(m.userId))
    .map((m) => ({ userId: m.userId, displayName: m.displayName }));
  const chats = await personalChats(deps, access.value.community.value.tenantId);
  const reachable = people.filter((p) => chats.has(p.userId));
  const invitation = await invitationView(deps, access.value.community.value, session);
  const nudged: AttendancePerson[] = [];
  let failed = 0;
  await forEachLimited(reachable, 4, async (p) => {
    const r = await messenger.sendReminder(chats.get(p.userId)!, { invitation, kind: 'nudge', answer: null });
    if (r.ok) nudged.push(p);
    else failed += 1;
  });
  const byName = (a: AttendancePerson, b: AttendancePerson) => a.displayName.localeCompare(b.displayName);
  return ok({
    sent: true,
    nudged: nudged.sort(byName),
    withoutApp: people.filter((p) => !chats.has(p.userId)).sort(byName),
    failed,
  });
}
