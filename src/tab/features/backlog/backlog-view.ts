/** How the channel tab lists the backlog. Pure. */
import type { Topic } from '../../../domain/backlog';

const LIVE_ORDER: Record<Topic['state'], number> = {
  prioritised: 0,
  scheduled: 1,
  proposed: 2,
  discussed: 3,
  archived: 4,
};

/**
 * The backlog as people read it: ranked topics first, by rank (the Thirty Five result), then the
 * rest by state (prioritised, scheduled, proposed, discussed), keeping the server's order within.
 */
export function orderBacklog(topics: readonly Topic[]): Topic[] {
  return topics
    .map((t, i) => ({ t, i }))
    .sort((a, b) => {
      const ra = a.t.rank ?? Number.POSITIVE_INFINITY;
      const rb = b.t.rank ?? Number.POSITIVE_INFINITY;
      if (ra !== rb) return ra - rb;
      return LIVE_ORDER[a.t.state] - LIVE_ORDER[b.t.state] || a.i - b.i;
    })
    .map((x) => x.t);
}

/**
 * "28.0 / 35, 5 rounds": the topic's Thirty Five score, out of what, and how many rounds it rests on;
 * a topic that gathers merged duplicates says so instead of "/ 35" ("52.5 · 2 cards together").
 */
export function topicScoreLabel(score: Topic['score']): string | undefined {
  if (!score) return undefined;
  const rounds = `${score.roundsScored} ${score.roundsScored === 1 ? 'round' : 'rounds'}`;
  const cards = score.cards ?? 1;
  if (cards > 1) return `${score.normalized.toFixed(1)} · ${cards} cards together, ${rounds}`;
  return `${score.normalized.toFixed(1)} / ${score.outOf ?? 35}, ${rounds}`;
}

export const rankLabel = (rank: Topic['rank']): string | undefined =>
  rank === null || rank === undefined ? undefined : `#${rank}`;
