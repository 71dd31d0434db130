/**
 * The past-sessions filters as the reader sets them (calendar days in their own time zone, empty for
 * "any"), mapped onto the list query of GET …/sessions (`topic`, `type`, `from`, `to`, `owner`). Pure.
 */
import type { Topic } from '../../../domain/backlog';
import { ownValue } from '../../../domain/own-key';
import { SESSION_TYPES, SESSION_TYPE_LABELS, type Session, type SessionType } from '../../../domain/session';

export interface SessionFilterForm {
  readonly topic: string;
  readonly type: SessionType | '';
  /** YYYY-MM-DD, as a date input gives it; '' for no bound. */
  readonly from: string;
  readonly to: string;
  readonly owner: string;
}

export const EMPTY_FILTERS: SessionFilterForm = { topic: '', type: '', from: '', to: '', owner: '' };

export interface SessionListQuery {
  readonly topic?: string;
  readonly type?: SessionType;
  readonly from?: string;
  readonly to?: string;
  readonly owner?: string;
}

export type FiltersResult =
  | { readonly ok: true; readonly query: SessionListQuery; readonly active: boolean }
  | { readonly ok: false; readonly field: 'from' | 'to'; readonly message: string };

/** A YYYY-MM-DD day at the reader's local midnight (or the last millisecond of that day); undefined if not a real date. */
export function localDayBound(day: string, end: 'start' | 'end'): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const date = end === 'start' ? new Date(y, mo, d, 0, 0, 0, 0) : new Date(y, mo, d, 23, 59, 59, 999);
  // new Date() rolls 2026-02-31 over into March: such a day does not exist.
  if (date.getFullYear() !== y || date.getMonth() !== mo || date.getDate() !== d) return undefined;
  return date;
}

/**
 * The query for the form: empty fields are left out; days become ISO instants covering the whole
 * local day, both ends inclusive. A day that is not a date, or "from" after "to", is an error for that field.
 */
export function filtersToQuery(form: SessionFilterForm): FiltersResult {
  const query: { -readonly [K in keyof SessionListQuery]: SessionListQuery[K] } = {};
  if (form.topic) query.topic = form.topic;
  if (form.type && (SESSION_TYPES as readonly string[]).includes(form.type)) query.type = form.type;
  if (form.owner) query.owner = form.owner;
  let from: Date | undefined;
  let to: Date | undefined;
  if (form.from) {
    from = localDayBound(form.from, 'start');
    if (!from) return { ok: false, field: 'from', message: 'Pick a real date, e.g. 2026-03-05.' };
    query.from = from.toISOString();
  }
  if (form.to) {
    to = localDayBound(form.to, 'end');
    if (!to) return { ok: false, field: 'to', message: 'Pick a real date, e.g. 2026-03-05.' };
    query.to = to.toISOString();
  }
  if (from && to && from.getTime() > to.getTime()) return { ok: false, field: 'to', message: '"To" is before "From".' };
  return { ok: true, query, active: Object.keys(query).length > 0 };
}

/** The active filters in words: "Book club · from 2026-03-01 · owner Chen Wei". */
export function filterSummary(
  form: SessionFilterForm,
  topics: readonly { id: string; title: string }[],
  owners: readonly { id: string; name: string }[],
): string {
  const parts: string[] = [];
  if (form.topic) parts.push(`topic “${topics.find((t) => t.id === form.topic)?.title ?? 'a topic'}”`);
  if (form.type) parts.push(SESSION_TYPE_LABELS[form.type] ?? form.type);
  if (form.from) parts.push(`from ${form.from}`);
  if (form.to) parts.push(`to ${form.to}`);
  if (form.owner) parts.push(`owner ${owners.find((o) => o.id === form.owner)?.name ?? 'someone'}`);
  return parts.join(' · ');
}

/** A stable key for a query (so a list reloads only when the query changes). */
export const queryKey = (q: SessionListQuery): string =>
  (['topic', 'type', 'from', 'to', 'owner'] as const).map((k) => `${k}=${q[k] ?? ''}`).join('&');

/** Topics worth filtering by: those that were or will be worked on in a session, by title. */
export function topicFilterOptions(
  topics: readonly Topic[],
  sessions: readonly Session[],
): { id: string; title: string }[] {
  const inSessions = new Set(sessions.flatMap((s) => s.topicIds));
  return topics
    .filter(
      (t) => inSessions.has(t.id) || t.sessionIds.length > 0 || t.state === 'scheduled' || t.state === 'discussed',
    )
    .map((t) => ({ id: t.id, title: t.title }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** Topic owners (the people who prepared a deep dive), by name. */
export function ownerFilterOptions(
  topics: readonly Topic[],
  names: Readonly<Record<string, string>>,
): { id: string; name: string }[] {
  const ids = [...new Set(topics.map((t) => t.ownerId).filter((id): id is string => !!id))];
  return ids.map((id) => ({ id, name: ownValue(names, id) ?? id })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Upcoming sessions (scheduled and not over yet, soonest first) apart from the past ones (held, or
 * scheduled but already over without being closed; newest first, as the server sends them).
 */
export function splitSessions(sessions: readonly Session[], now: Date): { upcoming: Session[]; past: Session[] } {
  const over = (s: Session) => Date.parse(s.startsAt) + s.durationMinutes * 60_000 <= now.getTime();
  const upcoming = sessions
    .filter((s) => s.state === 'scheduled' && !over(s))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = sessions
    .filter((s) => s.state === 'held' || over(s))
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { upcoming, past };
}
