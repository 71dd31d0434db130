/**
 * The community's backlog of topics. Pure rules: states and their transitions, limits, and the
 * similarity check that keeps one topic from being proposed twice.
 */
import { fail, ok, type Result } from './result';

export const TOPIC_STATES = ['proposed', 'prioritised', 'scheduled', 'discussed', 'archived'] as const;
export type TopicState = (typeof TOPIC_STATES)[number];

export const TOPIC_LIMITS = { title: 120, description: 2000 } as const;

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
  readonly score: { readonly normalized: number; readonly roundsScored: number } | null;
  /** The volunteer who prepares the deep dive. */
  readonly ownerId: string | null;
  readonly proposedBy: string;
  readonly proposedAt: string;
  /** People who said "+1" instead of proposing the same topic again (one entry per person). */
  readonly supporters: readonly string[];
  /** Sessions it was discussed in, oldest first. */
  readonly sessionIds: readonly string[];
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

const STOP_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'how', 'do', 'we', 'our', 'is', 'are', 'what', 'why', 'can']);

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
    (a, b) => group(a) - group(b) || (a.rank ?? 0) - (b.rank ?? 0) || a.proposedAt.localeCompare(b.proposedAt) || a.id.localeCompare(b.id),
  );
}

/** The top of the prioritised backlog: ranked topics still to be worked on (prioritised or scheduled), by rank. */
export function topRanked(topics: readonly Topic[], n = 5): Topic[] {
  return topics
    .filter((t) => t.rank !== null && (t.state === 'prioritised' || t.state === 'scheduled'))
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.id.localeCompare(b.id))
    .slice(0, Math.max(0, n));
}

/** A topic can get an owner while it is still ahead of the community (not discussed or archived). */
export function checkCanTakeOwner(topic: Topic): Result<void> {
  if (topic.state === 'discussed' || topic.state === 'archived') {
    return fail('VALIDATION_FAILED', `"${topic.title}" is ${topic.state}; only a topic still ahead of the community can get an owner.`);
  }
  return ok(undefined);
}
