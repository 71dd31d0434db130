/**
 * What the side panel and the stage show of a working session's run of show, derived from the
 * domain's SessionRunState, the record's sessions and topics, and the live snapshot. Pure (no React,
 * no Fluent), so every sentence a participant reads and the close request are unit tested.
 */
import type { CloseSessionRequest } from '../../../api/session-schemas';
import type { Topic } from '../../../domain/backlog';
import type { Membership } from '../../../domain/community';
import { FEEDBACK_MIN_VOTES, type FeedbackSummary } from '../../../domain/outcomes';
import type { Result } from '../../../domain/result';
import { SESSION_TYPE_LABELS, type Session } from '../../../domain/session';
import {
  breakoutsOf,
  OPENING_SOFT_CAP_MINUTES,
  PHASE_LABELS,
  RUN_LIMITS,
  findIceBreaker,
  formBreakouts,
  moveToGroup,
  notesOfGroup,
  openingOverrun,
  takeawayWall,
  type GroupingMode,
  type LiveBreakoutGroup,
  type LiveGroupNote,
  type SessionPhase,
  type SessionRunState,
} from '../../../domain/session-run';
import type { GameState } from '../../../domain/thirty-five';
import type { MeetingSnapshot } from '../../../live/live-meeting';

export type NameOf = (userId: string) => string;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A run that is under way (started, not closed). */
export const isRunning = (run: SessionRunState | undefined): run is SessionRunState =>
  !!run && !run.closed && run.phase !== 'closed';

/** A Thirty Five game is being played (started and not yet in the backlog). */
export const isGameBeingPlayed = (game: GameState | undefined): boolean => !!game && !game.committed;

/** Why a facilitator cannot start a run now, or undefined when they can. */
export function whyNoStart(snapshot: Pick<MeetingSnapshot, 'sessionRun' | 'thirtyFive'>): string | undefined {
  if (isRunning(snapshot.sessionRun)) return 'A session is already running in this meeting.';
  if (isGameBeingPlayed(snapshot.thirtyFive))
    return 'A Thirty Five game is being played; commit it to the backlog first.';
  return undefined;
}

export const phaseTitle = (phase: SessionPhase): string => PHASE_LABELS[phase];

/** The prompt of the run's check-in (the library text, or a fallback for an unknown id). */
export const iceBreakerText = (run: Pick<SessionRunState, 'iceBreakerId'>): string =>
  findIceBreaker(run.iceBreakerId)?.text ?? 'How are you arriving today?';

/** What the facilitator's "move on" button does from each phase. */
export const NEXT_STEP: Readonly<Partial<Record<SessionPhase, { readonly to: SessionPhase; readonly label: string }>>> =
  {
    'check-in': { to: 'deep-dive', label: 'Start the deep dive' },
    breakouts: { to: 'share-out', label: 'End breakouts: share-out' },
    'share-out': { to: 'feedback', label: 'Move on to feedback' },
  };

/** The stage warns when the owner's opening runs past its soft cap. */
export function overrunWarning(run: Pick<SessionRunState, 'phase' | 'phaseStartedAt'>, now: Date): string | undefined {
  if (run.phase !== 'deep-dive') return undefined;
  const over = openingOverrun(run.phaseStartedAt, now);
  if (!over) return undefined;
  const by = over.minutesOver >= 1 ? `${over.minutesOver} min past` : 'past';
  return `The opening has run ${by} its ${OPENING_SOFT_CAP_MINUTES}-minute cap — time to open it up`;
}

// Starting a run

const DAY = 24 * 60 * 60 * 1000;

/** Scheduled sessions still to run: from 12 hours ago on (a session that started late is still offered), soonest first. */
export function upcomingSessions(sessions: readonly Session[], now: Date): Session[] {
  const from = now.getTime() - DAY / 2;
  return sessions
    .filter((s) => s.state === 'scheduled' && Date.parse(s.startsAt) >= from)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** How many sessions the community has held (for its ice-breaker rotation). */
export const heldCount = (sessions: readonly Session[]): number => sessions.filter((s) => s.state === 'held').length;

/** The top of the prioritised backlog (rank 1 first), or undefined. */
export function topPrioritised(topics: readonly Topic[]): Topic | undefined {
  return topics
    .filter((t) => t.state === 'prioritised' && t.rank !== null)
    .sort((a, b) => (a.rank as number) - (b.rank as number))[0];
}

/** What a session is about: its first topic's title, else its type and guest. */
export function sessionTopicTitle(session: Session, topics: readonly Topic[]): string {
  const first = session.topicIds[0];
  const topic = first ? topics.find((t) => t.id === first) : undefined;
  if (topic) return topic.title;
  const d = session.details;
  const who =
    d.type === 'external-speaker'
      ? d.speakerName
      : d.type === 'leadership-guest'
        ? d.guestName
        : d.type === 'book-club'
          ? d.bookTitle
          : d.type === 'story-sharing'
            ? d.theme
            : d.type === 'visit'
              ? d.hostCompany
              : '';
  return who ? `${SESSION_TYPE_LABELS[d.type]}: ${who}` : session.purpose || SESSION_TYPE_LABELS[d.type];
}

/** The owner of a session's first topic, by name (undefined without one). */
export function sessionOwnerName(session: Session, topics: readonly Topic[], nameOf: NameOf): string | undefined {
  const first = session.topicIds[0];
  const ownerId = first ? topics.find((t) => t.id === first)?.ownerId : null;
  return ownerId ? nameOf(ownerId) : undefined;
}

/** "Deep dive · 3 Dec, 15:00 · Remote retros" for the start select. `timeZone` for tests. */
export function sessionOptionLabel(session: Session, topics: readonly Topic[], timeZone?: string): string {
  const when = new Date(session.startsAt).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  });
  return `${SESSION_TYPE_LABELS[session.details.type]} · ${when} · ${sessionTopicTitle(session, topics)}`;
}

// Breakouts

export interface PersonHereWithProduct {
  readonly userId: string;
  readonly product: string | undefined;
}

/** The people who go into breakouts: everyone present, with the product their membership records. */
export function breakoutPeople(
  present: readonly { readonly id: string }[],
  members: readonly Pick<Membership, 'userId' | 'product'>[],
): PersonHereWithProduct[] {
  const product = new Map(members.map((m) => [m.userId, m.product?.trim() || undefined]));
  return [...new Set(present.map((p) => p.id))].map((userId) => ({ userId, product: product.get(userId) }));
}

/** A hint when "by product" cannot do much: nobody (or only one product) is recorded. */
export function byProductHint(people: readonly PersonHereWithProduct[]): string | undefined {
  const products = new Set(people.map((p) => p.product).filter(Boolean));
  if (products.size === 0) return 'Nobody here has recorded a product, so by product works like random.';
  if (products.size === 1)
    return 'Everyone here with a product has the same one; the others fill the remaining groups.';
  return undefined;
}

/** Breakout groups for the preview: formed with the rules (2–4 even groups), each with its question. */
export function previewGroups(input: {
  people: readonly PersonHereWithProduct[];
  count: number;
  mode: GroupingMode;
  seed: string;
  questions: readonly string[];
}): Result<LiveBreakoutGroup[]> {
  const formed = formBreakouts({ people: input.people, count: input.count, mode: input.mode, seed: input.seed });
  if (!formed.ok) return formed;
  return {
    ok: true,
    value: formed.value.map((g) => ({
      index: g.index,
      members: g.members,
      question: (input.questions[g.index] ?? '').trim(),
    })),
  };
}

/** The preview after the facilitator moved someone (questions kept). */
export function movePreview(
  groups: readonly LiveBreakoutGroup[],
  userId: string,
  to: number,
): Result<LiveBreakoutGroup[]> {
  const moved = moveToGroup(
    groups.map((g) => ({ index: g.index, members: g.members, products: [] })),
    userId,
    to,
  );
  if (!moved.ok) return moved;
  return {
    ok: true,
    value: moved.value.map((g) => ({ index: g.index, members: g.members, question: groups[g.index]?.question ?? '' })),
  };
}

/** The questions typed for the preview, into its groups (the preview's members kept). */
export const withQuestions = (
  groups: readonly LiveBreakoutGroup[],
  questions: readonly string[],
): LiveBreakoutGroup[] => groups.map((g) => ({ ...g, question: (questions[g.index] ?? '').trim() }));

export const groupName = (index: number): string => `Group ${index + 1}`;

export interface GroupSummary {
  readonly index: number;
  readonly name: string;
  readonly question: string;
  readonly memberNames: readonly string[];
  readonly notes: readonly LiveGroupNote[];
  readonly notesLabel: string;
  /** The newest notes first, at most `latest`. */
  readonly latest: readonly LiveGroupNote[];
}

export function groupSummaries(run: SessionRunState, nameOf: NameOf, latest = 3): GroupSummary[] {
  return run.groups.map((g) => {
    const notes = notesOfGroup(run, g.index);
    return {
      index: g.index,
      name: groupName(g.index),
      question: g.question,
      memberNames: g.members.map(nameOf).sort((a, b) => a.localeCompare(b)),
      notes,
      notesLabel: plural(notes.length, 'note'),
      latest: [...notes].reverse().slice(0, latest),
    };
  });
}

// Takeaways

export interface WallItem {
  readonly id: string;
  readonly text: string;
  readonly authorName: string;
  readonly merged: readonly { readonly id: string; readonly text: string; readonly authorName: string }[];
  readonly action: { readonly ownerId: string; readonly dueDate: string; readonly label: string } | undefined;
}

export function wallItems(run: SessionRunState, nameOf: NameOf): WallItem[] {
  return takeawayWall(run).map(({ takeaway: t, merged }) => ({
    id: t.id,
    text: t.text,
    authorName: t.authorName,
    merged: merged.map((m) => ({ id: m.id, text: m.text, authorName: m.authorName })),
    action: t.action
      ? { ...t.action, label: `Action · ${nameOf(t.action.ownerId)} · due ${t.action.dueDate}` }
      : undefined,
  }));
}

export const takeawaysLabel = (n: number): string => plural(n, 'takeaway');

/** The UTC calendar date (what the live layer and the server compare due dates with). */
export const todayUtc = (now: Date): string => now.toISOString().slice(0, 10);

// Feedback

/** A step that loses something asks first (see ConfirmStep). */
export interface ConfirmQuestion {
  readonly title: string;
  readonly message: string;
  /** The confirm button's label, e.g. "Close voting". */
  readonly confirm: string;
}

/**
 * Closing voting or the session while people here have not voted loses their votes: the question to
 * ask first, or undefined when everyone here voted (or voting is already closed for the session).
 */
export function unvotedQuestion(
  run: Pick<SessionRunState, 'voted' | 'feedbackClosed'>,
  presentIds: readonly string[],
  nameOf: NameOf,
  step: 'close-voting' | 'close',
): ConfirmQuestion | undefined {
  if (run.feedbackClosed) return undefined;
  const missing = presentIds.filter((id) => !run.voted.includes(id));
  if (missing.length === 0) return undefined;
  const who = missing.map(nameOf).sort((a, b) => a.localeCompare(b));
  const shown = who.length > 5 ? `${who.slice(0, 5).join(', ')} and ${who.length - 5} more` : who.join(', ');
  const notYet = `${plural(missing.length, 'person', 'people')} here ${missing.length === 1 ? 'has' : 'have'} not voted yet (${shown}).`;
  return step === 'close-voting'
    ? {
        title: 'Close voting now?',
        message: `${notYet} Closing voting shows the result now; they can no longer vote.`,
        confirm: 'Close voting',
      }
    : {
        title: 'Close the session now?',
        message: `${notYet} Closing the session ends the vote for everyone.`,
        confirm: 'Close the session',
      };
}

/** What the stage shows of the vote: "N of M voted", and whether the histogram is shown. */
export interface StageVotes {
  readonly label: string;
  readonly shown: boolean;
}

/**
 * The stage's vote figures come from the record only, never from the live tree's "voted" marks: any
 * member's client can write a mark for someone else (the tree has no authority, docs/adr/0008), while
 * the record's count (`FeedbackSummary.votes`, `GET …/sessions/:sid/outcomes`) grows only with a vote
 * the server accepted, once per person. So N is the record's count, M is everyone here (or N when
 * more people voted than are here: some voted and left), and the histogram shows when the record
 * holds at least one vote per person here, or when the facilitator closes voting. The stage re-reads
 * the count when the marks change (debounced, see StageSession): a mark is only a hint to look again,
 * so a forged one costs a read and changes no figure. Trade-off: a voter who left fills the place of
 * someone here who has not voted yet; the histogram then shows one vote early, as it would if the
 * facilitator closed voting. `recordVotes` undefined: the record was not read yet.
 */
export function stageVotes(
  recordVotes: number | undefined,
  presentIds: readonly string[],
  feedbackClosed: boolean,
): StageVotes {
  const here = new Set(presentIds).size;
  if (recordVotes === undefined) return { label: 'Counting the votes…', shown: feedbackClosed };
  return {
    label: `${recordVotes} of ${Math.max(here, recordVotes)} voted`,
    shown: feedbackClosed || (here > 0 && recordVotes >= here),
  };
}

export const FEEDBACK_QUESTION = 'Return on time invested';
export const SCORE_LABELS: readonly string[] = ['1 — not worth it', '2', '3', '4', '5 — very worth it'];

export interface HistogramView {
  /** Bars for 1–5, or null when the record shows no distribution yet (fewer than 3 votes). */
  readonly bars:
    | readonly { readonly score: number; readonly count: number; readonly percent: number; readonly label: string }[]
    | null;
  readonly summary: string;
}

export function histogramView(f: Pick<FeedbackSummary, 'votes' | 'average' | 'distribution'>): HistogramView {
  if (!f.distribution || f.average === null) {
    return {
      bars: null,
      summary: `The result shows from ${FEEDBACK_MIN_VOTES} votes on, so nobody can tell who gave which score (${plural(f.votes, 'vote')} so far).`,
    };
  }
  const max = Math.max(1, ...f.distribution);
  return {
    bars: f.distribution.map((count, i) => ({
      score: i + 1,
      count,
      percent: (count / max) * 100,
      label: `${i + 1}: ${plural(count, 'vote')}`,
    })),
    summary: `Average ${f.average.toFixed(1)} out of 5 from ${plural(f.votes, 'vote')}`,
  };
}

// Closing

/**
 * The takeaways as the record keeps them: the wall after curation. A takeaway merged into another is
 * folded into its target's text ("… (also: …)"), so nothing said is lost and the record has no
 * duplicates; the target keeps its author and action. Cut to the record's 500 characters with "…".
 */
export function foldedTakeaways(run: SessionRunState): {
  readonly id: string;
  readonly text: string;
  readonly authorId: string;
  readonly action: { readonly ownerId: string; readonly dueDate: string } | undefined;
}[] {
  return takeawayWall(run).map(({ takeaway: t, merged }) => {
    const full = merged.length ? `${t.text} (also: ${merged.map((m) => m.text).join('; ')})` : t.text;
    const text = full.length > RUN_LIMITS.takeaway ? `${full.slice(0, RUN_LIMITS.takeaway - 1).trimEnd()}…` : full;
    return { id: t.id, text, authorId: t.authorId, action: t.action };
  });
}

/**
 * The one close request: attendees are the people present plus everyone who checked in, wrote a
 * group note or a takeaway (members only: the server refuses anyone else), the folded takeaways with
 * the session's first topic, their authors and actions, the breakout groups with their notes, and no
 * votes (those went to the record already).
 */
export function closeRequest(input: {
  run: SessionRunState;
  snapshot: Pick<MeetingSnapshot, 'present' | 'checkIns'>;
  topicId: string | null;
  memberIds: readonly string[];
}): CloseSessionRequest {
  const { run, snapshot } = input;
  const members = new Set(input.memberIds);
  const people = [
    ...snapshot.present.map((p) => p.id),
    ...snapshot.checkIns.map((c) => c.userId),
    ...run.groupNotes.map((n) => n.userId),
    ...run.takeaways.map((t) => t.authorId),
  ];
  const attendees = [...new Set(people)].filter((id) => members.has(id)).sort();
  return {
    requestId: `close-${run.sessionId}`,
    attendees,
    takeaways: foldedTakeaways(run).map((t) => ({
      topicId: input.topicId,
      text: t.text,
      ...(members.has(t.authorId) ? { authorId: t.authorId } : {}),
      ...(t.action ? { action: { ownerId: t.action.ownerId, dueDate: t.action.dueDate } } : {}),
    })),
    feedback: [],
    // The breakout groups with their signed notes: the session page, the export and search show them.
    breakouts: breakoutsOf(run).map((b) => ({ ...b, members: [...b.members], notes: b.notes.map((n) => ({ ...n })) })),
  };
}

/** Minutes offered for the breakouts (the rules allow 10 to 15). */
export const BREAKOUT_MINUTE_CHOICES: readonly number[] = [10, 11, 12, 13, 14, 15];
