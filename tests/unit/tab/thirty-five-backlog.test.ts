import type { Topic } from '../../../src/domain/backlog';
import { orderBacklog, rankLabel, topicScoreLabel } from '../../../src/tab/features/backlog/backlog-view';

const topic = (id: string, over: Partial<Topic> = {}): Topic => ({
  id,
  communityId: 'c1',
  tenantId: 't',
  title: `Topic ${id}`,
  description: '',
  state: 'proposed',
  rank: null,
  score: null,
  ownerId: null,
  proposedBy: 'u1',
  proposedAt: '2025-01-01T10:00:00.000Z',
  supporters: [],
  sessionIds: [],
  ...over,
});

describe('the backlog in the channel tab', () => {
  it('lists prioritised topics by rank first, then the rest by state', () => {
    const list = orderBacklog([
      topic('p1'),
      topic('r2', { state: 'prioritised', rank: 2 }),
      topic('d1', { state: 'discussed' }),
      topic('r1', { state: 'prioritised', rank: 1 }),
      topic('p2'),
      topic('s1', { state: 'scheduled' }),
    ]);
    expect(list.map((t) => t.id)).toEqual(['r1', 'r2', 's1', 'p1', 'p2', 'd1']);
  });

  it('shows the Thirty Five score with the rounds it rests on, and the rank', () => {
    expect(topicScoreLabel({ normalized: 28, roundsScored: 5 })).toBe('28.0 / 35, 5 rounds');
    expect(topicScoreLabel({ normalized: 17.5, roundsScored: 1 })).toBe('17.5 / 35, 1 round');
    expect(topicScoreLabel({ normalized: 14, roundsScored: 3, outOf: 21, cards: 1 })).toBe('14.0 / 21, 3 rounds');
    expect(topicScoreLabel({ normalized: 52.5, roundsScored: 9, outOf: 35, cards: 2 })).toBe(
      '52.5 · 2 cards together, 9 rounds',
    );
    expect(topicScoreLabel(null)).toBeUndefined();
    expect(rankLabel(3)).toBe('#3');
    expect(rankLabel(null)).toBeUndefined();
  });
});
