/**
 * Invitations and attendance (issue 5), pure: RSVP answers and reasons, when reminders are due, who
 * a reminder or a nudge goes to, and the champion's view of who answered what. No IO.
 */
import type { Membership } from './community';
import { fail, ok, type Result } from './result';
import { SESSION_TYPE_LABELS, type Session } from './session';

export const RSVP_ANSWERS = ['yes', 'maybe', 'no'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

/** Why someone cannot come (a "no" can carry one). */
export const RSVP_REASONS = ['urgent-meeting', 'too-much-on-my-plate', 'other'] as const;
export type RsvpReason = (typeof RSVP_REASONS)[number];

export const RSVP_REASON_LABELS: Readonly<Record<RsvpReason, string>> = {
  'urgent-meeting': 'An urgent meeting',
  'too-much-on-my-plate': 'Too much on my plate',
  other: 'Other',
};
export const RSVP_ANSWER_LABELS: Readonly<Record<RsvpAnswer, string>> = { yes: 'Yes', maybe: 'Maybe', no: 'No' };

export const RSVP_LIMITS = { reasonText: 300 } as const;

/** One person's answer to one session's invitation (the latest answer counts). */
export interface Rsvp {
  readonly communityId: string;
  readonly tenantId: string;
  readonly sessionId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly answer: RsvpAnswer;
  /** Only with a "no". */
  readonly reason: RsvpReason | null;
  /** Free text with a "no" (mostly for "other"). */
  readonly text: string | null;
  readonly at: string;
}

export interface RsvpChoice {
  readonly answer: RsvpAnswer;
  readonly reason?: RsvpReason | null;
  readonly text?: string | null;
}

/**
 * The answer as it is kept: a reason and text only with a "no" (text alone means "other"), text
 * trimmed and at most 300 characters.
 */
export function normaliseChoice(
  choice: RsvpChoice,
): Result<{ answer: RsvpAnswer; reason: RsvpReason | null; text: string | null }> {
  if (choice.answer !== 'no') return ok({ answer: choice.answer, reason: null, text: null });
  const text = choice.text?.trim() ? choice.text.trim() : null;
  if (text && text.length > RSVP_LIMITS.reasonText) {
    return fail(
      'VALIDATION_FAILED',
      `The reason is at most ${RSVP_LIMITS.reasonText} characters (yours has ${text.length}).`,
      [{ path: 'text', message: 'too long' }],
    );
  }
  const reason = choice.reason ?? (text ? 'other' : null);
  return ok({ answer: 'no', reason, text });
}

/** Same answer, reason and text: writing it again would change nothing. */
export const sameChoice = (
  a: Pick<Rsvp, 'answer' | 'reason' | 'text'>,
  b: Pick<Rsvp, 'answer' | 'reason' | 'text'>,
): boolean => a.answer === b.answer && a.reason === b.reason && a.text === b.text;

/** "Deep dive: How do we run remote retros?", "External speaker: Ana Lima (Acme)", … */
export function sessionTitle(
  session: Pick<Session, 'details' | 'purpose'>,
  topicTitles: readonly string[] = [],
): string {
  const label = SESSION_TYPE_LABELS[session.details.type];
  const d = session.details;
  const subject =
    d.type === 'external-speaker'
      ? `${d.speakerName} (${d.organisation})`
      : d.type === 'leadership-guest'
        ? `${d.guestName}, ${d.guestRole}`
        : d.type === 'book-club'
          ? d.bookTitle
          : d.type === 'story-sharing'
            ? d.theme
            : d.type === 'visit'
              ? d.hostCompany
              : (topicTitles[0] ?? (session.purpose.trim() || undefined));
  return subject ? `${label}: ${subject}` : label;
}

/** The fields of a session's type, labelled, for cards and calendar files. */
export function sessionTypeFields(session: Pick<Session, 'details'>): { label: string; value: string }[] {
  const d = session.details;
  switch (d.type) {
    case 'external-speaker':
      return [
        { label: 'Speaker', value: d.speakerName },
        { label: 'Organisation', value: d.organisation },
      ];
    case 'leadership-guest':
      return [
        { label: 'Guest', value: d.guestName },
        { label: 'Role', value: d.guestRole },
      ];
    case 'book-club':
      return [{ label: 'Book', value: d.bookTitle }];
    case 'story-sharing':
      return [{ label: 'Theme', value: d.theme }];
    case 'visit':
      return [{ label: 'Host company', value: d.hostCompany }];
    default:
      return [];
  }
}

export const sessionEndsAt = (s: Pick<Session, 'startsAt' | 'durationMinutes'>): Date =>
  new Date(Date.parse(s.startsAt) + s.durationMinutes * 60_000);

// Reminders

export const REMINDER_KINDS = ['day-before', 'soon'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

const MINUTE = 60_000;
/** How long before the start each reminder is due. */
export const REMINDER_LEAD_MINUTES: Readonly<Record<ReminderKind, number>> = { 'day-before': 24 * 60, soon: 30 };

export interface DueReminder {
  readonly session: Session;
  readonly kind: ReminderKind;
}

/**
 * Which reminders are due at `now`. A reminder of lead L is due from `start − L` until the next,
 * shorter reminder is due (the day-before one is not sent 10 minutes before the start; the "soon"
 * one until the start). A session scheduled inside a window gets no reminder for it (its invitation
 * just went out). Only scheduled sessions. Whether it was already sent is the claim's business.
 */
export function dueReminders(sessions: readonly Session[], now: Date): DueReminder[] {
  const t = now.getTime();
  const out: DueReminder[] = [];
  for (const session of sessions) {
    if (session.state !== 'scheduled') continue;
    const start = Date.parse(session.startsAt);
    if (Number.isNaN(start) || start <= t) continue;
    const created = Date.parse(session.createdAt);
    REMINDER_KINDS.forEach((kind, i) => {
      const dueAt = start - REMINDER_LEAD_MINUTES[kind] * MINUTE;
      const next = REMINDER_KINDS[i + 1];
      const until = next ? start - REMINDER_LEAD_MINUTES[next] * MINUTE : start;
      if (t >= dueAt && t < until && !(created > dueAt)) out.push({ session, kind });
    });
  }
  return out;
}

/** Reminders go to those who said yes or maybe and to those who have not answered: every member but the "no"s. */
export function reminderRecipients(
  members: readonly Pick<Membership, 'userId'>[],
  rsvps: readonly Pick<Rsvp, 'userId' | 'answer'>[],
): string[] {
  const no = new Set(rsvps.filter((r) => r.answer === 'no').map((r) => r.userId));
  return members.map((m) => m.userId).filter((u) => !no.has(u));
}

/** A nudge goes only to members who have not answered. */
export function nonResponders(
  members: readonly Pick<Membership, 'userId'>[],
  rsvps: readonly Pick<Rsvp, 'userId'>[],
): string[] {
  const answered = new Set(rsvps.map((r) => r.userId));
  return members.map((m) => m.userId).filter((u) => !answered.has(u));
}

// The champion's view

export interface AttendancePerson {
  readonly userId: string;
  readonly displayName: string;
}
export interface AttendanceNo extends AttendancePerson {
  readonly reason: RsvpReason | null;
  readonly text: string | null;
}

export interface SessionAttendance {
  readonly sessionId: string;
  readonly title: string;
  readonly startsAt: string;
  readonly yes: readonly AttendancePerson[];
  readonly maybe: readonly AttendancePerson[];
  readonly no: readonly AttendanceNo[];
  readonly notAnswered: readonly AttendancePerson[];
  readonly counts: {
    readonly members: number;
    readonly answered: number;
    readonly yes: number;
    readonly maybe: number;
    readonly no: number;
  };
}

const byName = (a: AttendancePerson, b: AttendancePerson) =>
  a.displayName.localeCompare(b.displayName) || a.userId.localeCompare(b.userId);

/**
 * Who answered what for one session. Everyone who answered is listed (also someone who left since);
 * "not answered" is today's members without an answer.
 */
export function summariseAttendance(
  session: Pick<Session, 'id' | 'startsAt'>,
  title: string,
  members: readonly Pick<Membership, 'userId' | 'displayName'>[],
  rsvps: readonly Rsvp[],
): SessionAttendance {
  const person = (r: Rsvp): AttendancePerson => ({ userId: r.userId, displayName: r.displayName });
  const yes = rsvps
    .filter((r) => r.answer === 'yes')
    .map(person)
    .sort(byName);
  const maybe = rsvps
    .filter((r) => r.answer === 'maybe')
    .map(person)
    .sort(byName);
  const no = rsvps
    .filter((r) => r.answer === 'no')
    .map((r) => ({ ...person(r), reason: r.reason, text: r.text }))
    .sort(byName);
  const answered = new Set(rsvps.map((r) => r.userId));
  const notAnswered = members
    .filter((m) => !answered.has(m.userId))
    .map((m) => ({ userId: m.userId, displayName: m.displayName }))
    .sort(byName);
  return {
    sessionId: session.id,
    title,
    startsAt: session.startsAt,
    yes,
    maybe,
    no,
    notAnswered,
    counts: { members: members.length, answered: rsvps.length, yes: yes.length, maybe: maybe.length, no: no.length },
  };
}

/**
 * The sessions the champion looks at: the next one (the soonest that has not ended) and up to
 * `recent` before it, newest first.
 */
export function attendanceSessions<S extends Pick<Session, 'startsAt' | 'durationMinutes' | 'id'>>(
  sessions: readonly S[],
  now: Date,
  recent = 3,
): { next: S | null; recent: S[] } {
  const t = now.getTime();
  const sorted = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  const next = sorted.find((s) => sessionEndsAt(s).getTime() > t) ?? null;
  const before = sorted
    .filter((s) => sessionEndsAt(s).getTime() <= t)
    .reverse()
    .slice(0, recent);
  return { next, recent: before };
}
