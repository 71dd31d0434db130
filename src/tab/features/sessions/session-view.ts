/** How the channel tab shows sessions and their actions. Pure. */
import type { Topic } from '../../../domain/backlog';
import type { Membership } from '../../../domain/community';
import type { ActionItem, ActionStatus, FeedbackSummary } from '../../../domain/outcomes';
import { ownValue } from '../../../domain/own-key';
import { SESSION_TYPE_LABELS, type Session } from '../../../domain/session';

export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  open: 'Open',
  doing: 'Doing',
  done: 'Done',
};

/** userId → display name, for the community's members. */
export const namesOf = (members: readonly Pick<Membership, 'userId' | 'displayName'>[]): Record<string, string> =>
  Object.fromEntries(members.map((m) => [m.userId, m.displayName]));

/** A person's name, or a plain word for someone who left the community (never a raw id). */
export const nameOf = (names: Readonly<Record<string, string>>, userId: string): string =>
  ownValue(names, userId) ?? 'a former member';

export const topicTitlesOf = (topics: readonly Pick<Topic, 'id' | 'title'>[]): Record<string, string> =>
  Object.fromEntries(topics.map((t) => [t.id, t.title]));

/** "Book club: Team Topologies", "External speaker: Ana Ruiz (Acme)", "Deep dive". */
export function sessionTypeLine(s: Pick<Session, 'details'>): string {
  const d = s.details;
  const label = SESSION_TYPE_LABELS[d.type];
  switch (d.type) {
    case 'external-speaker':
      return `${label}: ${d.speakerName} (${d.organisation})`;
    case 'leadership-guest':
      return `${label}: ${d.guestName}, ${d.guestRole}`;
    case 'book-club':
      return `${label}: ${d.bookTitle}`;
    case 'story-sharing':
      return `${label}: ${d.theme}`;
    case 'visit':
      return `${label}: ${d.hostCompany}`;
    default:
      return label;
  }
}

/** The session's date and time in the reader's locale, e.g. "5 Mar 2026, 15:00". */
export function sessionWhen(startsAt: string, locale?: string, timeZone?: string): string {
  const d = new Date(startsAt);
  if (Number.isNaN(d.getTime())) return startsAt;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(d);
}

/** The topics' titles (a topic since deleted from the backlog is left out). */
export const sessionTopics = (s: Pick<Session, 'topicIds'>, titles: Readonly<Record<string, string>>): string[] =>
  s.topicIds.map((id) => ownValue(titles, id)).filter((t): t is string => !!t);

export const countLabel = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The feedback as the record gives it: an average only from FEEDBACK_MIN_VOTES votes. */
export function feedbackLine(f: FeedbackSummary): string {
  if (f.votes === 0) return 'No feedback votes.';
  if (f.average === null)
    return `${countLabel(f.votes, 'vote', 'votes')}; the score is shown from 3 votes, so nobody can tell who gave which.`;
  return `${f.average.toFixed(1)} out of 5, from ${countLabel(f.votes, 'vote', 'votes')}.`;
}

export interface OwnerGroup<A extends ActionItem = ActionItem> {
  readonly ownerId: string;
  readonly ownerName: string;
  readonly mine: boolean;
  readonly actions: readonly A[];
}

/**
 * Open actions grouped by owner: the reader's own first, then by name; within a group soonest due
 * first (then by text, so the order is stable).
 */
export function groupActionsByOwner<A extends ActionItem>(
  actions: readonly A[],
  names: Readonly<Record<string, string>>,
  me: string,
): OwnerGroup<A>[] {
  const groups = new Map<string, A[]>();
  for (const a of actions) groups.set(a.ownerId, [...(groups.get(a.ownerId) ?? []), a]);
  return [...groups.entries()]
    .map(([ownerId, list]) => ({
      ownerId,
      ownerName: nameOf(names, ownerId),
      mine: ownerId === me,
      actions: [...list].sort((x, y) => x.dueDate.localeCompare(y.dueDate) || x.text.localeCompare(y.text)),
    }))
    .sort(
      (x, y) =>
        Number(y.mine) - Number(x.mine) || x.ownerName.localeCompare(y.ownerName) || x.ownerId.localeCompare(y.ownerId),
    );
}

/**
 * The open actions with the etag their next status change needs, taken from the sessions' outcomes
 * (GET …/actions has none). The outcome's copy is the fresher one when both have the action.
 * Actions whose etag is unknown are returned apart.
 */
export function withEtags<A extends ActionItem>(
  open: readonly A[],
  fromOutcomes: readonly (ActionItem & { readonly etag: string })[],
): { ready: (ActionItem & { readonly etag: string })[]; missing: A[] } {
  const byId = new Map(fromOutcomes.map((a) => [a.id, a]));
  const ready: (ActionItem & { readonly etag: string })[] = [];
  const missing: A[] = [];
  for (const a of open) {
    const fresh = byId.get(a.id);
    if (fresh?.etag) {
      if (fresh.status !== 'done') ready.push(fresh);
    } else missing.push(a);
  }
  return { ready, missing };
}

/** Due date in words relative to today (calendar days, YYYY-MM-DD): "due 2026-03-20 (overdue)". */
export function dueLabel(dueDate: string, today: string): string {
  return dueDate < today ? `due ${dueDate} (overdue)` : dueDate === today ? `due ${dueDate} (today)` : `due ${dueDate}`;
}

/** The .md file name for a session's export: "guildhall-2026-03-05-deep-dive.md". */
export const exportFileName = (s: Pick<Session, 'startsAt' | 'details'>): string =>
  `guildhall-${s.startsAt.slice(0, 10)}-${s.details.type}.md`;
