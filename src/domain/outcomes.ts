/**
 * What a session leaves behind: notes (Markdown, one document per session), coach annotations,
 * takeaways, actions, anonymous feedback. Pure rules and the Markdown export.
 */
import { fail, ok, type Result } from './result';
import type { Session } from './session';

export const OUTCOME_LIMITS = {
  notes: 20_000,
  annotation: 1000,
  quote: 300,
  takeaway: 500,
  action: 300,
  search: 100,
  perClose: 50,
} as const;

export const ACTION_STATUSES = ['open', 'doing', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface SessionNotes {
  readonly communityId: string;
  readonly sessionId: string;
  readonly markdown: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

/** Where an annotation points: a paragraph of the notes (0-based) or a quote from them. */
export type AnnotationAnchor = { readonly paragraph: number } | { readonly quote: string };

export interface Annotation {
  readonly id: string;
  readonly communityId: string;
  readonly sessionId: string;
  readonly anchor: AnnotationAnchor;
  readonly text: string;
  readonly authorId: string;
  readonly createdAt: string;
}

export interface Takeaway {
  readonly id: string;
  readonly communityId: string;
  readonly sessionId: string;
  /** The topic it came from; null for a session without backlog topics (a speaker, a visit). */
  readonly topicId: string | null;
  readonly text: string;
  readonly authorId: string;
  readonly createdAt: string;
}

export interface ActionItem {
  readonly id: string;
  readonly communityId: string;
  readonly sessionId: string;
  readonly takeawayId: string;
  readonly text: string;
  readonly ownerId: string;
  /** A calendar date, YYYY-MM-DD. */
  readonly dueDate: string;
  readonly status: ActionStatus;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * A session's feedback votes (return on time invested, 1–5). Only the values (sorted, so the order of
 * voting is lost) and one-way markers of who voted (sorted too): nothing links a marker to a value.
 */
export interface FeedbackTally {
  readonly communityId: string;
  readonly sessionId: string;
  readonly values: readonly number[];
  readonly markers: readonly string[];
}

/** Paragraphs of Markdown notes: blocks separated by blank lines, trimmed, empty ones dropped. */
export function paragraphsOf(markdown: string): string[] {
  return markdown
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function checkAnchor(markdown: string, anchor: AnnotationAnchor): Result<void> {
  if ('paragraph' in anchor) {
    const count = paragraphsOf(markdown).length;
    if (!Number.isInteger(anchor.paragraph) || anchor.paragraph < 0 || anchor.paragraph >= count) {
      return fail(
        'VALIDATION_FAILED',
        `The notes have ${count} paragraph(s); paragraph ${anchor.paragraph} does not exist.`,
        [{ path: 'anchor.paragraph', message: 'no such paragraph' }],
      );
    }
    return ok(undefined);
  }
  if (!markdown.includes(anchor.quote))
    return fail('VALIDATION_FAILED', 'The quote is not in the notes (they may have changed).', [
      { path: 'anchor.quote', message: 'not in the notes' },
    ]);
  return ok(undefined);
}

/** The UTC calendar date of an instant, YYYY-MM-DD. */
export const calendarDate = (d: Date): string => d.toISOString().slice(0, 10);

/** A due date is a real calendar date, today or later. */
export function checkDueDate(dueDate: string, now: Date): Result<void> {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(dueDate) ? new Date(`${dueDate}T00:00:00.000Z`) : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || calendarDate(parsed) !== dueDate) {
    return fail('VALIDATION_FAILED', 'dueDate must be a date like 2026-12-31.', [
      { path: 'dueDate', message: 'not a date' },
    ]);
  }
  if (dueDate < calendarDate(now))
    return fail('VALIDATION_FAILED', 'The due date is in the past.', [{ path: 'dueDate', message: 'in the past' }]);
  return ok(undefined);
}

/** A takeaway's topic must be one of its session's topics (or none). */
export function checkTakeawayTopic(session: Pick<Session, 'topicIds'>, topicId: string | null): Result<void> {
  if (topicId !== null && !session.topicIds.includes(topicId)) {
    return fail('VALIDATION_FAILED', "That topic is not one of this session's topics.", [
      { path: 'topicId', message: 'not a topic of the session' },
    ]);
  }
  return ok(undefined);
}

export const isScore = (v: number): boolean => Number.isInteger(v) && v >= 1 && v <= 5;

/** Adds a vote to the tally, unless this marker already voted. */
export function addVote(
  tally: FeedbackTally,
  marker: string,
  score: number,
): Result<{ tally: FeedbackTally; counted: boolean }> {
  if (!isScore(score))
    return fail('VALIDATION_FAILED', 'Feedback is a whole number from 1 to 5.', [{ path: 'score', message: '1 to 5' }]);
  if (tally.markers.includes(marker)) return ok({ tally, counted: false });
  return ok({
    tally: {
      ...tally,
      values: [...tally.values, score].sort((a, b) => a - b),
      markers: [...tally.markers, marker].sort(),
    },
    counted: true,
  });
}

/** Results are shown only from this many votes, so a small group cannot tell who gave which score. */
export const FEEDBACK_MIN_VOTES = 3;

export interface FeedbackSummary {
  readonly votes: number;
  readonly average: number | null;
  /** Votes per score 1–5; null below FEEDBACK_MIN_VOTES. */
  readonly distribution: readonly number[] | null;
}

export function summariseFeedback(values: readonly number[]): FeedbackSummary {
  if (values.length < FEEDBACK_MIN_VOTES) return { votes: values.length, average: null, distribution: null };
  const average = Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10;
  return {
    votes: values.length,
    average,
    distribution: [1, 2, 3, 4, 5].map((s) => values.filter((v) => v === s).length),
  };
}

/** Case-insensitive search over takeaways and notes; each hit with a short excerpt. */
export interface SearchHit {
  /** A takeaway, the session's notes, or a note written in a breakout group (kept at the close). */
  readonly kind: 'takeaway' | 'notes' | 'group-note';
  readonly sessionId: string;
  readonly id: string;
  readonly excerpt: string;
}

export function searchOutcomes(
  query: string,
  takeaways: readonly Takeaway[],
  notes: readonly SessionNotes[],
): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const excerpt = (text: string) => {
    const i = text.toLowerCase().indexOf(q);
    const start = Math.max(0, i - 60);
    return (
      (start > 0 ? '…' : '') +
      text
        .slice(start, i + q.length + 60)
        .replace(/\s+/g, ' ')
        .trim() +
      (i + q.length + 60 < text.length ? '…' : '')
    );
  };
  const hits: SearchHit[] = [];
  for (const t of takeaways)
    if (t.text.toLowerCase().includes(q))
      hits.push({ kind: 'takeaway', sessionId: t.sessionId, id: t.id, excerpt: excerpt(t.text) });
  for (const n of notes) {
    for (const p of paragraphsOf(n.markdown)) {
      if (p.toLowerCase().includes(q))
        hits.push({ kind: 'notes', sessionId: n.sessionId, id: n.sessionId, excerpt: excerpt(p) });
    }
  }
  return hits;
}
