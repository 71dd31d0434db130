/**
 * Scheduling the next session, pure: the form's starting values from the plan, the fields each
 * session type has, the agenda's total against the duration, and the form turned into the API's
 * request (checked with the API's own schema and the domain's scheduling rules), or field errors.
 */
import { ScheduleSessionRequest } from '../../../api/session-schemas';
import type { Topic } from '../../../domain/backlog';
import {
  SESSION_LIMITS,
  agendaTemplate,
  checkSchedule,
  type AgendaItem,
  type SessionDetails,
  type SessionType,
} from '../../../domain/session';

export type DetailKey =
  | 'speakerName'
  | 'organisation'
  | 'guestName'
  | 'guestRole'
  | 'bookTitle'
  | 'theme'
  | 'hostCompany';

/** The fields each session type has besides the common ones (see SessionDetails). */
export const DETAIL_FIELDS: Readonly<
  Record<SessionType, readonly { readonly key: DetailKey; readonly label: string }[]>
> = {
  'deep-dive': [],
  'lean-coffee': [],
  'external-speaker': [
    { key: 'speakerName', label: 'Speaker' },
    { key: 'organisation', label: 'Organisation' },
  ],
  'leadership-guest': [
    { key: 'guestName', label: 'Guest' },
    { key: 'guestRole', label: 'Role' },
  ],
  'book-club': [{ key: 'bookTitle', label: 'Book title' }],
  'story-sharing': [{ key: 'theme', label: 'Theme' }],
  visit: [{ key: 'hostCompany', label: 'Host company' }],
};

/** One agenda line as typed: the minutes are text until they are sent. */
export interface AgendaDraftItem {
  readonly title: string;
  readonly minutes: string;
}

export interface ScheduleFormValues {
  readonly type: SessionType;
  readonly details: Readonly<Partial<Record<DetailKey, string>>>;
  /** `YYYY-MM-DDTHH:mm`, local time (a datetime-local input's value). */
  readonly startsAtLocal: string;
  readonly durationMinutes: string;
  readonly topicIds: readonly string[];
  readonly facilitatorId: string;
  readonly purpose: string;
  readonly meetingLink: string;
  readonly agenda: readonly AgendaDraftItem[];
  /** The user changed the duration: a new type's template no longer sets it. */
  readonly durationTouched: boolean;
}

export const toDraftAgenda = (items: readonly AgendaItem[]): AgendaDraftItem[] =>
  items.map((i) => ({ title: i.title, minutes: String(i.minutes) }));

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as a datetime-local value in local time, rounded up to the next `roundToMinutes` (a suggestion at 14:53 reads 15:00). */
export function localInputFromIso(iso: string, roundToMinutes = 15): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const step = roundToMinutes * 60000;
  const r = new Date(Math.ceil(d.getTime() / step) * step);
  return `${r.getFullYear()}-${pad(r.getMonth() + 1)}-${pad(r.getDate())}T${pad(r.getHours())}:${pad(r.getMinutes())}`;
}

/** A datetime-local value (local time) as an ISO instant; undefined when it is not a date and time. */
export function isoFromLocalInput(local: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export interface PlanForForm {
  readonly dates: readonly string[];
  readonly facilitatorId: string | null;
}

/**
 * The form as it opens: a deep dive on the first suggested date, the top prioritised topic, the next
 * facilitator in the rotation (else the person scheduling), the type's agenda and its length.
 */
export function initialScheduleForm(plan: PlanForForm, prioritised: readonly Topic[], me: string): ScheduleFormValues {
  const agenda = agendaTemplate('deep-dive');
  return {
    type: 'deep-dive',
    details: {},
    startsAtLocal: plan.dates[0] ? localInputFromIso(plan.dates[0]) : '',
    durationMinutes: String(agendaMinutesOf(toDraftAgenda(agenda))),
    topicIds: prioritised[0] ? [prioritised[0].id] : [],
    facilitatorId: plan.facilitatorId ?? me,
    purpose: '',
    meetingLink: '',
    agenda: toDraftAgenda(agenda),
    durationTouched: false,
  };
}

/** A new session type: its own template agenda, and its length unless the user set one. Other fields stay. */
export function withType(form: ScheduleFormValues, type: SessionType): ScheduleFormValues {
  const agenda = toDraftAgenda(agendaTemplate(type));
  return {
    ...form,
    type,
    agenda,
    durationMinutes: form.durationTouched ? form.durationMinutes : String(agendaMinutesOf(agenda)),
  };
}

const minutesOf = (text: string): number | undefined => (/^\s*\d+\s*$/.test(text) ? Number(text) : undefined);

export const agendaMinutesOf = (agenda: readonly AgendaDraftItem[]): number =>
  agenda.reduce((sum, i) => sum + (minutesOf(i.minutes) ?? 0), 0);

export interface AgendaStatus {
  readonly total: number;
  readonly duration: number | undefined;
  /** Minutes over the duration (0 when it fits). */
  readonly over: number;
  /** Minutes left for the unplanned (0 when full or over). */
  readonly spare: number;
  /** "50 of 60 minutes planned, 10 to spare" … */
  readonly label: string;
  readonly fits: boolean;
}

/** The agenda's total against the session's duration. */
export function agendaStatus(agenda: readonly AgendaDraftItem[], durationText: string): AgendaStatus {
  const total = agendaMinutesOf(agenda);
  const duration = minutesOf(durationText);
  if (duration === undefined)
    return {
      total,
      duration,
      over: 0,
      spare: 0,
      fits: false,
      label: `${total} minutes planned; set the session's duration`,
    };
  const over = Math.max(0, total - duration);
  const spare = Math.max(0, duration - total);
  const label =
    over > 0
      ? `${total} of ${duration} minutes: ${over} over — shorten a timebox or lengthen the session`
      : spare > 0
        ? `${total} of ${duration} minutes planned, ${spare} to spare`
        : `${total} of ${duration} minutes: fits exactly`;
  return { total, duration, over, spare, fits: over === 0, label };
}

/** The session type's own fields, trimmed, as the API wants them. */
export function detailsOf(type: SessionType, values: Readonly<Partial<Record<DetailKey, string>>>): SessionDetails {
  const v = (k: DetailKey) => (values[k] ?? '').trim();
  switch (type) {
    case 'deep-dive':
    case 'lean-coffee':
      return { type };
    case 'external-speaker':
      return { type, speakerName: v('speakerName'), organisation: v('organisation') };
    case 'leadership-guest':
      return { type, guestName: v('guestName'), guestRole: v('guestRole') };
    case 'book-club':
      return { type, bookTitle: v('bookTitle') };
    case 'story-sharing':
      return { type, theme: v('theme') };
    case 'visit':
      return { type, hostCompany: v('hostCompany') };
  }
}

export type ScheduleField =
  | DetailKey
  | 'type'
  | 'startsAt'
  | 'durationMinutes'
  | 'topicIds'
  | 'facilitatorId'
  | 'purpose'
  | 'meetingLink'
  | 'agenda'
  | 'form';
export type ScheduleErrors = Partial<Record<ScheduleField, string>>;

const TOP_FIELDS: readonly ScheduleField[] = [
  'startsAt',
  'durationMinutes',
  'topicIds',
  'facilitatorId',
  'purpose',
  'meetingLink',
  'agenda',
];
const DETAIL_KEYS: readonly DetailKey[] = [
  'speakerName',
  'organisation',
  'guestName',
  'guestRole',
  'bookTitle',
  'theme',
  'hostCompany',
];

const HUMAN: Readonly<Partial<Record<string, string>>> = {
  speakerName: 'the speaker',
  organisation: 'the organisation',
  guestName: 'the guest',
  guestRole: "the guest's role",
  bookTitle: 'the book title',
  theme: 'the theme',
  hostCompany: 'the host company',
};

/** The API's issues (`details.speakerName`, `agenda.2.minutes`, …) as one message per form field. */
export function issuesToScheduleErrors(issues: readonly { path: string; message: string }[]): ScheduleErrors {
  const errors: ScheduleErrors = {};
  for (const issue of issues) {
    const parts = issue.path.split('.');
    let field: ScheduleField = 'form';
    let message = issue.message;
    if (parts[0] === 'details') {
      const key = parts[1] as DetailKey | undefined;
      if (key && DETAIL_KEYS.includes(key)) {
        field = key;
        // "speakerName is required" reads better as "Name the speaker."
        if (/is required$/.test(message)) message = `Fill in ${HUMAN[key] ?? key}.`;
      } else field = 'type';
    } else if (TOP_FIELDS.includes(parts[0] as ScheduleField)) {
      field = parts[0] as ScheduleField;
      if (field === 'agenda' && parts[1] !== undefined && /^\d+$/.test(parts[1]))
        message = `Item ${Number(parts[1]) + 1}: ${message}`;
    }
    if (!errors[field]) errors[field] = message;
  }
  return errors;
}

export type ScheduleRequestResult =
  | { readonly ok: true; readonly value: ScheduleSessionRequest }
  | { readonly ok: false; readonly errors: ScheduleErrors };

/**
 * The form as a schedule request, or the field errors the server would give (its schema, then the
 * domain's rules: a start in the future, a deep dive with a topic, an agenda that fits).
 */
export function toScheduleRequest(form: ScheduleFormValues, requestId: string, now: Date): ScheduleRequestResult {
  const errors: ScheduleErrors = {};
  const startsAt = isoFromLocalInput(form.startsAtLocal);
  if (!startsAt) errors.startsAt = 'Pick a date and time.';
  const duration = minutesOf(form.durationMinutes);
  if (duration === undefined)
    errors.durationMinutes = `The duration is a whole number of minutes (${SESSION_LIMITS.minDuration}–${SESSION_LIMITS.maxDuration}).`;
  const agenda: AgendaItem[] = [];
  form.agenda.forEach((i, n) => {
    const m = minutesOf(i.minutes);
    if (m === undefined && !errors.agenda) errors.agenda = `Item ${n + 1}: the timebox is a whole number of minutes.`;
    agenda.push({ title: i.title.trim(), minutes: m ?? 0 });
  });
  const link = form.meetingLink.trim();
  const purpose = form.purpose.trim();
  const candidate = {
    details: detailsOf(form.type, form.details),
    startsAt: startsAt ?? '',
    durationMinutes: duration ?? 0,
    topicIds: [...form.topicIds],
    ...(form.facilitatorId ? { facilitatorId: form.facilitatorId } : {}),
    ...(link ? { meetingLink: link } : {}),
    ...(purpose ? { purpose } : {}),
    agenda,
    requestId,
  };
  const parsed = ScheduleSessionRequest.safeParse(candidate);
  if (!parsed.success) {
    const schemaErrors = issuesToScheduleErrors(
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
    for (const [k, v] of Object.entries(schemaErrors) as [ScheduleField, string][]) errors[k] ??= v;
  }
  if (link && !errors.meetingLink && !/^https:\/\//i.test(link))
    errors.meetingLink = 'The meeting link must start with https://';
  if (Object.keys(errors).length === 0 && parsed.success) {
    const rules = checkSchedule(
      {
        details: parsed.data.details,
        startsAt: parsed.data.startsAt,
        durationMinutes: parsed.data.durationMinutes ?? 0,
        topicIds: parsed.data.topicIds ?? [],
        agenda: parsed.data.agenda ?? [],
      },
      now,
    );
    if (!rules.ok) {
      const ruleErrors = issuesToScheduleErrors(rules.error.issues ?? [{ path: 'form', message: rules.error.message }]);
      // The domain's messages are whole sentences: show those rather than the short issue text.
      for (const k of Object.keys(ruleErrors) as ScheduleField[]) errors[k] = rules.error.message;
    }
  }
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

/** The agenda edit of a scheduled session: the items and duration, or the errors. */
export function toAgendaEdit(
  agenda: readonly AgendaDraftItem[],
  durationText: string,
): { ok: true; agenda: AgendaItem[]; durationMinutes: number } | { ok: false; message: string } {
  const duration = minutesOf(durationText);
  if (duration === undefined || duration < SESSION_LIMITS.minDuration || duration > SESSION_LIMITS.maxDuration) {
    return {
      ok: false,
      message: `The duration is ${SESSION_LIMITS.minDuration} to ${SESSION_LIMITS.maxDuration} minutes.`,
    };
  }
  if (agenda.length === 0) return { ok: false, message: 'The agenda needs at least one item.' };
  const items: AgendaItem[] = [];
  for (const [n, i] of agenda.entries()) {
    const m = minutesOf(i.minutes);
    if (!i.title.trim()) return { ok: false, message: `Item ${n + 1} needs a title.` };
    if (m === undefined || m < 1 || m > SESSION_LIMITS.agendaItemMinutes)
      return { ok: false, message: `Item ${n + 1}: a timebox is 1 to ${SESSION_LIMITS.agendaItemMinutes} minutes.` };
    items.push({ title: i.title.trim(), minutes: m });
  }
  const status = agendaStatus(agenda, durationText);
  if (!status.fits)
    return {
      ok: false,
      message: `The agenda takes ${status.total} minutes but the session lasts ${duration}; shorten a timebox or lengthen the session.`,
    };
  return { ok: true, agenda: items, durationMinutes: duration };
}

/** The type's own fields for people: { label: 'Speaker', text: 'Ada Lovelace (Analytical Engines Ltd)' }; undefined for deep dives and Lean Coffee. */
export function detailsSummary(details: SessionDetails): { readonly label: string; readonly text: string } | undefined {
  switch (details.type) {
    case 'external-speaker':
      return { label: 'Speaker', text: `${details.speakerName} (${details.organisation})` };
    case 'leadership-guest':
      return { label: 'Guest', text: `${details.guestName}, ${details.guestRole}` };
    case 'book-club':
      return { label: 'Book', text: details.bookTitle };
    case 'story-sharing':
      return { label: 'Theme', text: details.theme };
    case 'visit':
      return { label: 'Host', text: details.hostCompany };
    default:
      return undefined;
  }
}

/** A session's start for people: "Thu 4 Dec 2025, 15:00" in the viewer's locale and time zone. */
export function whenLabel(iso: string, locale?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A fresh id for one scheduling attempt: the same id on a repeat (double click, retry) schedules once. */
export function newRequestId(
  random: () => string = () =>
    globalThis.crypto?.randomUUID
      ? globalThis.crypto.randomUUID()
      : `${Date.now()}-${Math.random().toString(36).slice(2)}`,
): string {
  return `tab-${random()}`.slice(0, 64);
}
