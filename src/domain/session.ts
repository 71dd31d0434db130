/**
 * Working sessions (issue 4): the session types with their own fields, the agenda templates, the
 * scheduling rules and the cadence. Pure rules; the zod schemas live at the boundaries
 * (src/api/session-schemas.ts for requests, src/store/stored-records.ts for stored documents).
 */
import { fail, ok, type Result } from './result';

export const SESSION_TYPES = [
  'deep-dive',
  'lean-coffee',
  'external-speaker',
  'leadership-guest',
  'book-club',
  'story-sharing',
  'visit',
] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

export const SESSION_STATES = ['scheduled', 'held'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export const SESSION_LIMITS = {
  purpose: 1000,
  name: 120,
  meetingLink: 2000,
  topics: 5,
  agendaItems: 20,
  agendaItemTitle: 80,
  agendaItemMinutes: 240,
  minDuration: 15,
  maxDuration: 480,
} as const;

/** What each session type needs besides the common fields (a discriminated union on `type`). */
export type SessionDetails =
  | { readonly type: 'deep-dive' }
  | { readonly type: 'lean-coffee' }
  | { readonly type: 'external-speaker'; readonly speakerName: string; readonly organisation: string }
  | { readonly type: 'leadership-guest'; readonly guestName: string; readonly guestRole: string }
  | { readonly type: 'book-club'; readonly bookTitle: string }
  | { readonly type: 'story-sharing'; readonly theme: string }
  | { readonly type: 'visit'; readonly hostCompany: string };

export interface AgendaItem {
  readonly title: string;
  readonly minutes: number;
}

/** A breakout group as the session record keeps it after the close: who was in it and what they wrote. */
export interface SessionBreakout {
  readonly index: number;
  readonly question: string;
  readonly members: readonly string[];
  /** Oldest first. Notes are signed in the meeting (not anonymous), so their author is kept. */
  readonly notes: readonly {
    readonly id: string;
    readonly authorId: string;
    readonly authorName: string;
    readonly text: string;
    readonly at: string;
  }[];
}

export interface Session {
  readonly id: string;
  readonly communityId: string;
  readonly tenantId: string;
  readonly details: SessionDetails;
  /** ISO date-time the session starts. */
  readonly startsAt: string;
  readonly durationMinutes: number;
  readonly topicIds: readonly string[];
  readonly facilitatorId: string;
  readonly meetingLink: string | null;
  readonly purpose: string;
  readonly agenda: readonly AgendaItem[];
  readonly state: SessionState;
  /** Who took part (recorded when the session is closed). */
  readonly attendees: readonly string[];
  /** When the facilitator published its notes and takeaways, and whether the channel got the card. */
  readonly published?: { readonly at: string; readonly by: string; readonly posted: boolean } | null;
  /** The breakout groups with their notes, kept at the close (absent on sessions closed before they were kept). */
  readonly breakouts?: readonly SessionBreakout[];
  /** The request that closed the session: the same request again returns the same result. */
  readonly closed: { readonly requestId: string; readonly by: string; readonly at: string } | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

export const SESSION_TYPE_LABELS: Readonly<Record<SessionType, string>> = {
  'deep-dive': 'Deep dive',
  'lean-coffee': 'Lean Coffee',
  'external-speaker': 'External speaker',
  'leadership-guest': 'Leadership guest',
  'book-club': 'Book club',
  'story-sharing': 'Story sharing',
  visit: 'Visit',
};

const TEMPLATES: Readonly<Record<SessionType, readonly AgendaItem[]>> = {
  'deep-dive': [
    { title: 'Check-in', minutes: 5 },
    { title: 'Deep dive', minutes: 15 },
    { title: 'Breakouts', minutes: 15 },
    { title: 'Share-out', minutes: 10 },
    { title: 'Takeaways', minutes: 10 },
    { title: 'Feedback', minutes: 5 },
  ],
  'lean-coffee': [
    { title: 'Check-in', minutes: 5 },
    { title: 'Add topics', minutes: 5 },
    { title: 'Dot voting', minutes: 5 },
    { title: 'Discussion', minutes: 35 },
    { title: 'Takeaways', minutes: 5 },
    { title: 'Feedback', minutes: 5 },
  ],
  'external-speaker': [
    { title: 'Check-in', minutes: 5 },
    { title: 'Talk', minutes: 25 },
    { title: 'Questions', minutes: 15 },
    { title: 'Takeaways', minutes: 10 },
    { title: 'Feedback', minutes: 5 },
  ],
  'leadership-guest': [
    { title: 'Check-in', minutes: 5 },
    { title: 'Guest introduction', minutes: 10 },
    { title: 'Conversation', minutes: 30 },
    { title: 'Takeaways', minutes: 10 },
    { title: 'Feedback', minutes: 5 },
  ],
  'book-club': [
    { title: 'Check-in', minutes: 5 },
    { title: 'Recap of the reading', minutes: 10 },
    { title: 'Discussion', minutes: 30 },
    { title: 'Takeaways', minutes: 10 },
    { title: 'Feedback', minutes: 5 },
  ],
  'story-sharing': [
    { title: 'Check-in', minutes: 5 },
    { title: 'Stories', minutes: 30 },
    { title: 'Reflection', minutes: 10 },
    { title: 'Takeaways', minutes: 10 },
    { title: 'Feedback', minutes: 5 },
  ],
  visit: [
    { title: 'Welcome', minutes: 10 },
    { title: 'Tour and demo', minutes: 40 },
    { title: 'Questions', minutes: 20 },
    { title: 'Takeaways', minutes: 15 },
    { title: 'Feedback', minutes: 5 },
  ],
};

/** The starting agenda for a session type (a fresh copy; the facilitator edits it). */
export function agendaTemplate(type: SessionType): AgendaItem[] {
  return TEMPLATES[type].map((i) => ({ ...i }));
}

export const agendaMinutes = (agenda: readonly AgendaItem[]): number => agenda.reduce((sum, i) => sum + i.minutes, 0);

/** The agenda must fit the session: its timeboxes add up to no more than the duration. */
export function checkAgenda(agenda: readonly AgendaItem[], durationMinutes: number): Result<void> {
  if (agenda.length === 0)
    return fail('VALIDATION_FAILED', 'The agenda needs at least one item.', [
      { path: 'agenda', message: 'at least one item' },
    ]);
  const total = agendaMinutes(agenda);
  if (total > durationMinutes) {
    return fail(
      'VALIDATION_FAILED',
      `The agenda takes ${total} minutes but the session lasts ${durationMinutes}; shorten a timebox or lengthen the session.`,
      [{ path: 'agenda', message: `takes ${total} of ${durationMinutes} minutes` }],
    );
  }
  return ok(undefined);
}

/** The rules of scheduling: a start in the future, distinct topics, a deep dive has at least one topic, an agenda that fits. */
export function checkSchedule(
  s: Pick<Session, 'details' | 'startsAt' | 'durationMinutes' | 'topicIds' | 'agenda'>,
  now: Date,
): Result<void> {
  const starts = Date.parse(s.startsAt);
  if (Number.isNaN(starts))
    return fail('VALIDATION_FAILED', 'startsAt must be an ISO date and time.', [
      { path: 'startsAt', message: 'not a date' },
    ]);
  if (starts <= now.getTime())
    return fail('VALIDATION_FAILED', 'A session must be scheduled in the future.', [
      { path: 'startsAt', message: 'must be in the future' },
    ]);
  if (new Set(s.topicIds).size !== s.topicIds.length)
    return fail('VALIDATION_FAILED', 'A topic is listed twice.', [{ path: 'topicIds', message: 'duplicate topic' }]);
  if (s.details.type === 'deep-dive' && s.topicIds.length === 0) {
    return fail('VALIDATION_FAILED', 'A deep dive needs a topic from the backlog.', [
      { path: 'topicIds', message: 'at least one topic' },
    ]);
  }
  return checkAgenda(s.agenda, s.durationMinutes);
}

/** Days between sessions for a cadence of 1–4 sessions a month. */
export const CADENCE_INTERVAL_DAYS: Readonly<Record<1 | 2 | 3 | 4, number>> = { 1: 28, 2: 14, 3: 10, 4: 7 };
const DAY = 24 * 60 * 60 * 1000;

/**
 * The next `count` session dates for a cadence: every interval after the last session (same time of
 * day), the first one strictly after `from`. Without a last session the series starts one interval after `from`.
 */
export function suggestNextDates(
  cadencePerMonth: 1 | 2 | 3 | 4,
  lastSessionDate: Date | null,
  from: Date,
  count: number,
): Date[] {
  const interval = CADENCE_INTERVAL_DAYS[cadencePerMonth] * DAY;
  let next = lastSessionDate ? lastSessionDate.getTime() + interval : from.getTime() + interval;
  if (next <= from.getTime()) next += Math.ceil((from.getTime() - next + 1) / interval) * interval;
  return Array.from({ length: Math.max(0, Math.floor(count)) }, (_, i) => new Date(next + i * interval));
}

/** The takeaways, feedback and close of a session happen after it was scheduled; a held session is closed once. */
export function checkCanClose(session: Session): Result<void> {
  if (session.state === 'held') return fail('CONFLICT', 'This session is already closed.');
  return ok(undefined);
}
