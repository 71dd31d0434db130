/**
 * The community's backlog of topics. Pure rules: states and their transitions, limits, and the
 * similarity check that keeps one topic from being proposed twice.
 */
import { hasRole, type Membership } from './community';
import { fail, ok, type Result } from './result';

export const TOPIC_STATES = ['proposed', 'prioritised', 'scheduled', 'discussed', 'archived'] as const;
export type TopicState = (typeof TOPIC_STATES)[number];

export const TOPIC_LIMITS = { title: 120, description: 2000 } as const;
/** The longest topic title, for every way in (API, bot, tab): one number. */
export const TOPIC_TITLE_MAX = TOPIC_LIMITS.title;

export interface Topic {
  readonly id: string;
  readonly communityId: string;
  readonly tenantId: string;
  readonly title: string;
  readonly description: string;
  readonly state: TopicState;
  /** Position in the prioritised backlog (1 = top); null while only proposed. */
  readonly rank: number | null;
  /** From the last Thirty Five, out of 35, with the number of rounds it rests on. */
  readonly score: {
    readonly normalized: number;
    readonly roundsScored: number;
    /** The most a card could score in its game (7 × rounds; 35 for five rounds). Absent: 35. */
    readonly outOf?: number;
    /** How many cards the topic gathers (duplicates merged in the game add their scores). Absent: 1. */
    readonly cards?: number;
  } | null;
  /** The volunteer who prepares the deep dive. */
  readonly ownerId: string | null;
  readonly proposedBy: string;
  readonly proposedAt: string;
  /** People who said "+1" instead of proposing the same topic again (one entry per person). */
  readonly supporters: readonly string[];
  /** Sessions it was discussed in, oldest first. */
  readonly sessionIds: readonly string[];
  /** Set when this topic was merged into another one (it is then archived). Absent or null otherwise. */
  readonly mergedInto?: string | null;
}

/** The lifecycle: proposed → prioritised → scheduled → discussed (→ archived), with the ways back a facilitator needs. */
const NEXT: Readonly<Record<TopicState, readonly TopicState[]>> = {
  proposed: ['prioritised', 'archived'],
  prioritised: ['scheduled', 'proposed', 'archived'],
  scheduled: ['discussed', 'prioritised'],
  discussed: ['archived', 'prioritised'],
  archived: ['proposed'],
};

export function checkTransition(from: TopicState, to: TopicState): Result<void> {
  if (NEXT[from].includes(to)) return ok(undefined);
  return fail('VALIDATION_FAILED', `A ${from} topic cannot become ${to}; it can become ${NEXT[from].join(' or ')}.`);
}

const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'for',
  'with',
  'how',
  'do',
  'we',
  'our',
  'is',
  'are',
  'what',
  'why',
  'can',
]);

/** Lower-case content words, light stemming (plural s). */
export function titleWords(title: string): Set<string> {
  return new Set(
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .split(/\s+/)
      .filter((w) => w && !STOP_WORDS.has(w))
      .map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w)),
  );
}

/**
 * How alike two titles are, 0–1, on their content words. Two or more shared words: the share of the
 * shorter title that the other contains ("Remote retros" ~ "Remote retros people enjoy" = 1);
 * otherwise Jaccard, so one common word alone ("retros") rarely counts as the same topic.
 */
export function titleSimilarity(a: string, b: string): number {
  const wa = titleWords(a);
  const wb = titleWords(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared >= 2 ? shared / Math.min(wa.size, wb.size) : shared / (wa.size + wb.size - shared);
}

/** Open topics (not archived) whose title is close to `title`, most similar first. */
export function findSimilarTopics(topics: readonly Topic[], title: string, threshold = 0.5): Topic[] {
  return topics
    .filter((t) => t.state !== 'archived')
    .map((t) => ({ t, s: titleSimilarity(t.title, title) }))
    .filter(({ s }) => s >= threshold)
    .sort((x, y) => y.s - x.s)
    .map(({ t }) => t);
}

/** The backlog as people read it: ranked topics first (by rank), then proposed ones (oldest first), archived last. */
export function backlogOrder(topics: readonly Topic[]): Topic[] {
  const group = (t: Topic) => (t.state === 'archived' ? 2 : t.rank === null ? 1 : 0);
  return [...topics].sort(
    (a, b) =>
      group(a) - group(b) ||
      (a.rank ?? 0) - (b.rank ?? 0) ||
      a.proposedAt.localeCompare(b.proposedAt) ||
      a.id.localeCompare(b.id),
  );
}

/** The top of the prioritised backlog: ranked topics still to be worked on (prioritised or scheduled), by rank. */
export function topRanked(topics: readonly Topic[], n = 5): Topic[] {
  return topics
    .filter((t) => t.rank !== null && (t.state === 'prioritised' || t.state === 'scheduled'))
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.id.localeCompare(b.id))
    .slice(0, Math.max(0, n));
}

/*
 * Who may do what with a topic, and in which states. One set of rules: the server's use cases refuse
 * with them, the channel tab offers only what they allow (src/tab/features/backlog/backlog-manage.ts).
 */

/** The person acting on a topic, and whether they look after the backlog. */
export interface TopicActor {
  readonly userId: string;
  /** A facilitator or champion of the topic's community. */
  readonly managesBacklog: boolean;
}

/** Facilitators and champions look after the backlog (re-order, edit any topic, merge, archive, restore). */
export const managesBacklog = (m: Pick<Membership, 'roles'> | undefined): boolean =>
  hasRole(m, 'facilitator') || hasRole(m, 'champion');

export const topicActorOf = (m: Pick<Membership, 'userId' | 'roles'>): TopicActor => ({
  userId: m.userId,
  managesBacklog: managesBacklog(m),
});

/** Archived topics are read-only until restored. */
export function checkEditable(topic: Topic): Result<void> {
  if (topic.state === 'archived') {
    return fail('VALIDATION_FAILED', 'An archived topic cannot be edited; restore it first.');
  }
  return ok(undefined);
}

/** Facilitators and champions edit any open topic; the proposer edits their own while it is only proposed. */
export function checkCanEdit(topic: Topic, actor: TopicActor): Result<void> {
  const own = topic.proposedBy === actor.userId && topic.state === 'proposed';
  if (!own && !actor.managesBacklog) {
    return fail(
      'FORBIDDEN',
      'Only a facilitator or champion can edit this topic (the proposer can edit it while it is proposed).',
    );
  }
  return checkEditable(topic);
}

/** Proposed, prioritised or discussed topics can be archived; a scheduled one belongs to its session. */
export function checkArchivable(topic: Topic): Result<void> {
  return checkTransition(topic.state, 'archived');
}

/** Only an archived topic is restored (it comes back as proposed). */
export function checkRestorable(topic: Topic): Result<void> {
  if (topic.state !== 'archived') return fail('VALIDATION_FAILED', `"${topic.title}" is ${topic.state}, not archived.`);
  return checkTransition(topic.state, 'proposed');
}

const MOVABLE: readonly TopicState[] = ['prioritised', 'proposed', 'discussed'];

/**
 * Re-ordering is for prioritised topics, and for proposed or discussed ones coming (back) into the
 * prioritised list. A scheduled topic belongs to its session (closing the session marks it
 * discussed); an archived one is restored first.
 */
export function checkMovable(topic: Topic): Result<void> {
  if (topic.state === 'prioritised') return ok(undefined);
  if (MOVABLE.includes(topic.state)) return checkTransition(topic.state, 'prioritised');
  const why = topic.state === 'scheduled' ? 'it belongs to its session' : 'restore it first';
  return fail('VALIDATION_FAILED', `"${topic.title}" is ${topic.state} and cannot be re-ordered: ${why}.`);
}

/** Merging `merge` into `keep`: two different topics, the kept one open, the merged one archivable. */
export function checkMergeable(keep: Topic, merge: Topic): Result<void> {
  if (keep.id === merge.id) return fail('VALIDATION_FAILED', 'A topic cannot be merged into itself.');
  if (keep.state === 'archived') {
    return fail('VALIDATION_FAILED', `"${keep.title}" is archived; restore it before merging into it.`);
  }
  const archivable = checkArchivable(merge);
  if (!archivable.ok) {
    return fail('VALIDATION_FAILED', `"${merge.title}" cannot be merged now: ${archivable.error.message}`);
  }
  return ok(undefined);
}

/**
 * Volunteering to own a topic (prepare its deep dive), or clearing its owner. A member volunteers for
 * themselves, for a topic still ahead of the community (not discussed or archived) and not owned by
 * someone else (TOPIC_ALREADY_OWNED: they step back first). The owner steps back, or a facilitator or
 * champion clears the owner. 'unchanged' when it is so already (a repeated press is harmless).
 */
export function changeTopicOwner(
  topic: Topic,
  actor: TopicActor,
  action: 'volunteer' | 'clear',
): Result<Topic | 'unchanged'> {
  if (action === 'clear') {
    if (topic.ownerId === null) return ok('unchanged');
    if (topic.ownerId !== actor.userId && !actor.managesBacklog) {
      return fail('FORBIDDEN', 'Only the owner or a facilitator or champion can clear the owner.');
    }
    return ok({ ...topic, ownerId: null });
  }
  if (topic.ownerId === actor.userId) return ok('unchanged');
  if (topic.ownerId !== null) {
    return fail('TOPIC_ALREADY_OWNED', `"${topic.title}" already has an owner; ask them to step back first.`);
  }
  if (topic.state === 'discussed' || topic.state === 'archived') {
    return fail(
      'VALIDATION_FAILED',
      `"${topic.title}" is ${topic.state}; only a topic still ahead of the community can get an owner.`,
    );
  }
  return ok({ ...topic, ownerId: actor.userId });
}

/*
 * Backlog operations between sessions (issue 4). Each returns the topics it changed, so the caller
 * writes exactly those; ranks are kept 1..k over the prioritised topics and null everywhere else.
 */

/** Only the prioritised topics carry a rank; make those 1..k (in their current order) and clear the rest. */
export function withContiguousRanks(topics: readonly Topic[]): Topic[] {
  const prioritised = topics
    .filter((t) => t.state === 'prioritised')
    .sort(
      (a, b) =>
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
        a.proposedAt.localeCompare(b.proposedAt) ||
        a.id.localeCompare(b.id),
    );
  const rankOf = new Map(prioritised.map((t, i) => [t.id, i + 1]));
  return topics.map((t) => {
    const rank = rankOf.get(t.id) ?? null;
    return t.rank === rank ? t : { ...t, rank };
  });
}

/** The topics of `after` that differ from the same topic in `before` (by reference). */
function changed(before: readonly Topic[], after: readonly Topic[]): Topic[] {
  const old = new Map(before.map((t) => [t.id, t]));
  return after.filter((t) => old.get(t.id) !== t);
}

const cleanTitle = (s: string) => s.replace(/\s+/g, ' ').trim();

const invalid = (path: string, message: string): Result<never> =>
  fail('VALIDATION_FAILED', message, [{ path, message }]);

/** A topic's title (blanks collapsed) and description (trimmed), within the limits; VALIDATION_FAILED otherwise. */
export function checkTopicText(input: {
  readonly title: string;
  readonly description?: string;
}): Result<{ title: string; description: string }> {
  const title = cleanTitle(input.title);
  const description = (input.description ?? '').trim();
  if (!title) return invalid('title', 'title is required');
  if (title.length > TOPIC_TITLE_MAX) return invalid('title', `title must be at most ${TOPIC_TITLE_MAX} characters`);
  if (description.length > TOPIC_LIMITS.description) {
    return invalid('description', `description must be at most ${TOPIC_LIMITS.description} characters`);
  }
  return ok({ title, description });
}

/** New title and/or description, trimmed and within the limits. Archived topics are read-only. */
export function editTopic(
  topic: Topic,
  edit: { readonly title?: string; readonly description?: string },
): Result<Topic> {
  const editable = checkEditable(topic);
  if (!editable.ok) return editable;
  const checked = checkTopicText({
    title: edit.title ?? topic.title,
    description: edit.description ?? topic.description,
  });
  if (!checked.ok) return checked;
  return ok({ ...topic, ...checked.value });
}

/**
 * Move a topic to `position` (1 = top) among the prioritised topics. A proposed topic moved in
 * becomes prioritised. Returns every topic whose rank or state changed.
 */
export function moveTopic(topics: readonly Topic[], topicId: string, position: number): Result<Topic[]> {
  const target = topics.find((t) => t.id === topicId);
  if (!target) return fail('TOPIC_NOT_FOUND', "That topic is not in this community's backlog.");
  const movable = checkMovable(target);
  if (!movable.ok) return movable;
  const others = withContiguousRanks(topics.filter((t) => t.id !== topicId))
    .filter((t) => t.state === 'prioritised')
    .sort((a, b) => a.rank! - b.rank!);
  if (!Number.isInteger(position) || position < 1 || position > others.length + 1) {
    return fail('VALIDATION_FAILED', `position must be a whole number from 1 to ${others.length + 1}.`, [
      { path: 'position', message: `position must be from 1 to ${others.length + 1}` },
    ]);
  }
  const order = [...others.slice(0, position - 1), target, ...others.slice(position - 1)];
  const rankOf = new Map(order.map((t, i) => [t.id, i + 1]));
  const after = topics.map((t) => {
    const rank = rankOf.get(t.id);
    if (rank === undefined) return t;
    if (t.rank === rank && t.state === 'prioritised') return t;
    return { ...t, state: 'prioritised' as const, rank };
  });
  return ok(changed(topics, after));
}

/**
 * A Thirty Five result becomes the top of the backlog: `ranked` (in the game's order: new topics, or
 * ones an earlier attempt of the same commit already stored, which keep their text) become prioritised
 * 1..n with the game's score; topics prioritised before keep their order below them. Returns the new
 * and changed topics (nothing when it is so already, so a repeated commit writes nothing).
 */
export function prioritiseFromGame(topics: readonly Topic[], ranked: readonly Topic[]): Topic[] {
  const ours = new Map(ranked.map((t, i) => [t.id, i]));
  const earlier = withContiguousRanks(topics.filter((t) => !ours.has(t.id)))
    .filter((t) => t.state === 'prioritised')
    .sort((a, b) => a.rank! - b.rank!);
  const rankOf = new Map(earlier.map((t, i) => [t.id, ranked.length + i + 1]));
  const known = new Set(topics.map((t) => t.id));
  const place = (t: Topic, i: number, score: Topic['score']): Topic =>
    t.state === 'prioritised' && t.rank === i + 1 && JSON.stringify(t.score) === JSON.stringify(score)
      ? t
      : { ...t, state: 'prioritised', rank: i + 1, score };
  const after = topics.map((t) => {
    const i = ours.get(t.id);
    if (i !== undefined) return place(t, i, ranked[i]!.score);
    const rank = rankOf.get(t.id) ?? null;
    return t.rank === rank ? t : { ...t, rank };
  });
  const added = ranked.flatMap((t, i) =>
    known.has(t.id) ? [] : [{ ...t, state: 'prioritised' as const, rank: i + 1 }],
  );
  return [...changed(topics, after), ...added];
}

/**
 * Merge `mergeId` into `keepId`: the kept topic gains the other's supporters (and its proposer, who
 * wanted the same thing) and its session history; a prioritised kept topic takes the better of the two
 * ranks (a proposed one stays proposed). The merged
 * topic is archived with `mergedInto`, its own history kept. Returns every changed topic.
 */
export function mergeTopics(topics: readonly Topic[], keepId: string, mergeId: string): Result<Topic[]> {
  if (keepId === mergeId) return fail('VALIDATION_FAILED', 'A topic cannot be merged into itself.');
  const kept = topics.find((t) => t.id === keepId);
  const merged = topics.find((t) => t.id === mergeId);
  if (!kept || !merged) return fail('TOPIC_NOT_FOUND', "Both topics must be in this community's backlog.");
  const mergeable = checkMergeable(kept, merged);
  if (!mergeable.ok) return mergeable;
  const supporters = [...new Set([...kept.supporters, ...merged.supporters, merged.proposedBy])].filter(
    (p) => p !== kept.proposedBy,
  );
  const sessionIds = [...new Set([...kept.sessionIds, ...merged.sessionIds])];
  const bothRanked = kept.rank !== null && merged.rank !== null;
  // Half a step above the better rank: renumbering then puts the kept topic exactly there.
  const rank =
    kept.state === 'prioritised' ? (bothRanked ? Math.min(kept.rank!, merged.rank!) - 0.5 : kept.rank) : kept.rank;
  const nextKept: Topic = { ...kept, supporters, sessionIds, rank };
  const nextMerged: Topic = { ...merged, state: 'archived', rank: null, mergedInto: kept.id };
  const after = withContiguousRanks(
    topics.map((t) => (t.id === keepId ? nextKept : t.id === mergeId ? nextMerged : t)),
  );
  return ok(changed(topics, after));
}

/** Archive (proposed, prioritised or discussed topics) or restore (archived → proposed). Ranks close up. */
export function setArchived(topics: readonly Topic[], topicId: string, archived: boolean): Result<Topic[]> {
  const target = topics.find((t) => t.id === topicId);
  if (!target) return fail('TOPIC_NOT_FOUND', "That topic is not in this community's backlog.");
  const to: TopicState = archived ? 'archived' : 'proposed';
  const allowed = archived ? checkArchivable(target) : checkRestorable(target);
  if (!allowed.ok) return allowed;
  const next: Topic = archived
    ? { ...target, state: to, rank: null }
    : { ...target, state: to, rank: null, mergedInto: null };
  const after = withContiguousRanks(topics.map((t) => (t.id === topicId ? next : t)));
  return ok(changed(topics, after));
}

/**
 * Scheduling a session takes its topics off the prioritised list (prioritised → scheduled);
 * closing it marks them discussed and appends the session to their history (idempotent).
 */
export function scheduleTopic(topic: Topic): Result<Topic> {
  if (topic.state === 'scheduled') return ok(topic);
  const allowed = checkTransition(topic.state, 'scheduled');
  if (!allowed.ok) return fail('VALIDATION_FAILED', `"${topic.title}" cannot be scheduled: ${allowed.error.message}`);
  return ok({ ...topic, state: 'scheduled', rank: null });
}

export function markDiscussed(topic: Topic, sessionId: string): Result<Topic> {
  const sessionIds = topic.sessionIds.includes(sessionId) ? topic.sessionIds : [...topic.sessionIds, sessionId];
  if (topic.state === 'discussed') return ok(sessionIds === topic.sessionIds ? topic : { ...topic, sessionIds });
  const allowed = checkTransition(topic.state, 'discussed');
  if (!allowed.ok)
    return fail('VALIDATION_FAILED', `"${topic.title}" cannot be marked discussed: ${allowed.error.message}`);
  return ok({ ...topic, state: 'discussed', rank: null, sessionIds });
}

/** Schedule several topics at once (idempotent); the prioritised ranks close up behind them. Returns the changed topics. */
export function scheduleTopics(topics: readonly Topic[], topicIds: readonly string[]): Result<Topic[]> {
  const next = new Map<string, Topic>();
  for (const id of topicIds) {
    const topic = topics.find((t) => t.id === id);
    if (!topic)
      return fail('TOPIC_NOT_FOUND', `Topic '${id}' is not in this community's backlog.`, [
        { path: 'topicIds', message: 'unknown topic' },
      ]);
    const scheduled = scheduleTopic(topic);
    if (!scheduled.ok) return scheduled;
    next.set(id, scheduled.value);
  }
  const after = withContiguousRanks(topics.map((t) => next.get(t.id) ?? t));
  return ok(changed(topics, after));
}

/** Closing a session: each of its topics becomes discussed with the session in its history. Returns the changed topics. */
export function markTopicsDiscussed(
  topics: readonly Topic[],
  topicIds: readonly string[],
  sessionId: string,
): Result<Topic[]> {
  const next = new Map<string, Topic>();
  for (const id of topicIds) {
    const topic = topics.find((t) => t.id === id);
    if (!topic) return fail('TOPIC_NOT_FOUND', `Topic '${id}' is no longer in the backlog.`);
    const discussed = markDiscussed(topic, sessionId);
    if (!discussed.ok) return discussed;
    next.set(id, discussed.value);
  }
  const after = withContiguousRanks(topics.map((t) => next.get(t.id) ?? t));
  return ok(changed(topics, after));
}
