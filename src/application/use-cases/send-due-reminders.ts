import { dueReminders, reminderRecipients, type ReminderKind } from '../../domain/attendance';
import type { Session } from '../../domain/session';
import type { AppDeps } from '../deps';
import { forEachLimited, invitationView, personalChats } from '../invitations';
import type { NotificationClaim, NotificationGiveUp, NotificationRetry, SessionMessenger } from '../ports';

export interface SentReminder {
  readonly communityId: string;
  readonly sessionId: string;
  readonly kind: ReminderKind;
  readonly sent: number;
  /** Sends that failed this time (each is retried, or given up on). */
  readonly failed: number;
  /** Recipients who have no personal chat with the app. */
  readonly withoutApp: number;
  /** Recipients given up on this time, after their last attempt failed. */
  readonly gaveUp: number;
}

/**
 * A failed reminder is tried again after 1, 4 and 16 minutes (within the reminder's window), then given
 * up on and recorded. The instance sending retries holds them for `leaseMs`; if it dies, another takes over.
 */
export const REMINDER_RETRY = { maxAttempts: 4, firstDelayMs: 60_000, factor: 4, leaseMs: 120_000 } as const;

const delayAfter = (attempts: number) => REMINDER_RETRY.firstDelayMs * REMINDER_RETRY.factor ** (attempts - 1);

/**
 * Sends the reminders that are due at `now` (a day before, and 30 minutes before each scheduled
 * session) to the members who said yes or maybe and to those who have not answered, and retries the
 * sends that failed. Stateless: the store says which sessions are near; for each (session, kind, start)
 * one claim decides which server instance sends it, so with several instances each reminder goes out
 * once (ADR 0013). The claim keeps the failed recipients with their next attempt time; whichever
 * instance runs when one is due takes a lease on the claim (compare-and-swap) and tries again, up to
 * REMINDER_RETRY.maxAttempts, then records the give-up. Called every minute by the server's timer.
 * Returns what this caller sent (the others' share is empty).
 * Round trips: 1 cross-partition query (scheduled sessions), then per due reminder 1 create (claim)
 * and, for the claimer, 1 read (community) + 2 queries (members, answers) + 1 query (personal chats) +
 * 1 query (topics) + 1 read (facilitator) + one post per recipient (+ 1 read and 1 replace when a send
 * failed). For the others: 1 read of the claim (+ the same reads, 2 replaces and the posts when a retry is due).
 */
export async function sendDueReminders(
  deps: AppDeps,
  messenger: SessionMessenger,
  input: { now: Date; claimedBy: string },
): Promise<SentReminder[]> {
  const due = dueReminders(await deps.store.sessions.listScheduled(), input.now);
  const out: SentReminder[] = [];
  for (const { session, kind } of due) {
    const claim: NotificationClaim = {
      communityId: session.communityId,
      key: `reminder:${kind}:${session.id}:${session.startsAt}`,
      sessionId: session.id,
      kind: 'reminder',
      claimedBy: input.claimedBy,
      claimedAt: input.now.toISOString(),
    };
    const sent =
      (await deps.store.notificationClaims.claim(claim)) === 'claimed'
        ? await sendFirst(deps, messenger, session, kind, claim, input.now)
        : await retryDue(deps, messenger, session, kind, claim, input);
    if (sent) out.push(sent);
  }
  return out;
}

/**
 * Sends this reminder to those of `userIds` (default: everyone it is for) who are still to be reminded
 * and have a chat with the app.
 */
type Send = (
  userIds?: readonly string[],
) => Promise<{ sent: number; failures: Map<string, string>; withoutApp: number }>;

async function reminderSender(
  deps: AppDeps,
  messenger: SessionMessenger,
  session: Session,
  kind: ReminderKind,
): Promise<Send | undefined> {
  const community = await deps.store.communities.get(session.tenantId, session.communityId);
  if (!community) return undefined;
  const members = (await deps.store.memberships.listByCommunity(session.communityId)).map((m) => m.value);
  const rsvps = await deps.store.rsvps.listBySession(session.communityId, session.id);
  const recipients = reminderRecipients(members, rsvps);
  const chats = await personalChats(deps, session.tenantId);
  const invitation = await invitationView(deps, community.value, session);
  return async (userIds = recipients) => {
    const wanted = userIds.filter((u) => recipients.includes(u));
    const reachable = wanted.filter((u) => chats.has(u));
    const failures = new Map<string, string>();
    let sent = 0;
    await forEachLimited(reachable, 4, async (userId) => {
      const answer = rsvps.find((r) => r.userId === userId) ?? null;
      const r = await messenger.sendReminder(chats.get(userId)!, { invitation, kind, answer });
      if (r.ok) sent += 1;
      else failures.set(userId, r.error.message);
    });
    return { sent, failures, withoutApp: wanted.length - reachable.length };
  };
}

/** What to try again and whom to give up on, after `failures` at `now` (attempts so far per person in `before`). */
function afterFailures(failures: Map<string, string>, before: ReadonlyMap<string, number>, now: Date) {
  const retries: NotificationRetry[] = [];
  const gaveUp: NotificationGiveUp[] = [];
  for (const [userId, error] of failures) {
    const attempts = (before.get(userId) ?? 0) + 1;
    if (attempts >= REMINDER_RETRY.maxAttempts) gaveUp.push({ userId, attempts, at: now.toISOString(), error });
    else
      retries.push({
        userId,
        attempts,
        nextAttemptAt: new Date(now.getTime() + delayAfter(attempts)).toISOString(),
        error,
      });
  }
  return { retries, gaveUp };
}

/** The claimer's first send to everyone; failures are written to the claim for a later retry. */
async function sendFirst(
  deps: AppDeps,
  messenger: SessionMessenger,
  session: Session,
  kind: ReminderKind,
  claim: NotificationClaim,
  now: Date,
): Promise<SentReminder | undefined> {
  const send = await reminderSender(deps, messenger, session, kind);
  if (!send) return undefined;
  const { sent, failures, withoutApp } = await send();
  const next = afterFailures(failures, new Map(), now);
  if (failures.size > 0) {
    // Nobody else writes this claim before it has retries (they only read it), so the read etag holds.
    const current = await deps.store.notificationClaims.getVersioned(claim.communityId, claim.key);
    if (current)
      await deps.store.notificationClaims.replace(
        { ...current.value, retries: next.retries, gaveUp: next.gaveUp },
        current.etag,
      );
  }
  return {
    communityId: session.communityId,
    sessionId: session.id,
    kind,
    sent,
    failed: failures.size,
    withoutApp,
    gaveUp: next.gaveUp.length,
  };
}

/** Another instance's claim: if retries are due and nobody holds them, take the lease, send, write what happened. */
async function retryDue(
  deps: AppDeps,
  messenger: SessionMessenger,
  session: Session,
  kind: ReminderKind,
  claim: NotificationClaim,
  input: { now: Date; claimedBy: string },
): Promise<SentReminder | undefined> {
  const { now } = input;
  const current = await deps.store.notificationClaims.getVersioned(claim.communityId, claim.key);
  const retries = current?.value.retries ?? [];
  const due = retries.filter((r) => Date.parse(r.nextAttemptAt) <= now.getTime());
  if (!current || due.length === 0) return undefined;
  if (current.value.leaseUntil && Date.parse(current.value.leaseUntil) > now.getTime()) return undefined;
  const leased = { ...current.value, leaseUntil: new Date(now.getTime() + REMINDER_RETRY.leaseMs).toISOString() };
  const lease = await deps.store.notificationClaims.replace(leased, current.etag);
  if (lease === 'conflict') return undefined; // another instance took them
  const send = await reminderSender(deps, messenger, session, kind);
  if (!send) return undefined;
  const { sent, failures } = await send(due.map((r) => r.userId));
  const next = afterFailures(failures, new Map(due.map((r) => [r.userId, r.attempts])), now);
  const dueIds = new Set(due.map((r) => r.userId));
  // A conflict means this instance outlived its lease and another took the retries over; it writes their outcome.
  await deps.store.notificationClaims.replace(
    {
      ...leased,
      retries: [...retries.filter((r) => !dueIds.has(r.userId)), ...next.retries],
      gaveUp: [...(current.value.gaveUp ?? []), ...next.gaveUp],
      leaseUntil: null,
    },
    lease.etag,
  );
  return {
    communityId: session.communityId,
    sessionId: session.id,
    kind,
    sent,
    failed: failures.size,
    withoutApp: 0,
    gaveUp: next.gaveUp.length,
  };
}
