import { dueReminders, reminderRecipients, type ReminderKind } from '../../domain/attendance';
import type { AppDeps } from '../deps';
import { forEachLimited, invitationView, personalChats } from '../invitations';
import type { SessionMessenger } from '../ports';

export interface SentReminder {
  readonly communityId: string;
  readonly sessionId: string;
  readonly kind: ReminderKind;
  readonly sent: number;
  readonly failed: number;
  /** Recipients who have no personal chat with the app. */
  readonly withoutApp: number;
}

/**
 * Sends the reminders that are due at `now` (a day before, and 30 minutes before each scheduled
 * session) to the members who said yes or maybe and to those who have not answered. Stateless: the
 * store says which sessions are near; for each (session, kind, start) one claim decides which server
 * instance sends it, so with several instances each reminder goes out once (ADR 0013). Called every
 * minute by the server's timer. Returns what this caller sent (the others' share is empty).
 * Round trips: 1 cross-partition query (scheduled sessions), then per due reminder 1 create (claim)
 * and, for the claimer, 1 read (community) + 2 queries (members, answers) + 1 query (personal chats) +
 * 1 query (topics) + 1 read (facilitator) + one post per recipient.
 */
export async function sendDueReminders(deps: AppDeps, messenger: SessionMessenger, input: { now: Date; claimedBy: string }): Promise<SentReminder[]> {
  const due = dueReminders(await deps.store.sessions.listScheduled(), input.now);
  const out: SentReminder[] = [];
  for (const { session, kind } of due) {
    const claimed = await deps.store.notificationClaims.claim({
      communityId: session.communityId, key: `reminder:${kind}:${session.id}:${session.startsAt}`, sessionId: session.id, kind: 'reminder',
      claimedBy: input.claimedBy, claimedAt: input.now.toISOString(),
    });
    if (claimed === 'already-claimed') continue;
    const community = await deps.store.communities.get(session.tenantId, session.communityId);
    if (!community) continue;
    const members = (await deps.store.memberships.listByCommunity(session.communityId)).map((m) => m.value);
    const rsvps = await deps.store.rsvps.listBySession(session.communityId, session.id);
    const recipients = reminderRecipients(members, rsvps);
    const chats = await personalChats(deps, session.tenantId);
    const invitation = await invitationView(deps, community.value, session);
    const reachable = recipients.filter((u) => chats.has(u));
    let sent = 0;
    let failed = 0;
    await forEachLimited(reachable, 4, async (userId) => {
      const answer = rsvps.find((r) => r.userId === userId) ?? null;
      const r = await messenger.sendReminder(chats.get(userId)!, { invitation, kind, answer });
      if (r.ok) sent += 1;
      else failed += 1;
    });
    out.push({ communityId: session.communityId, sessionId: session.id, kind, sent, failed, withoutApp: recipients.length - reachable.length });
  }
  return out;
}
