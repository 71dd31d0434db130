import {
  backlogOrder,
  checkTransition,
  findSimilarTopics,
  titleSimilarity,
  type Topic,
} from '../../../src/domain/backlog';

const topic = (id: string, title: string, over: Partial<Topic> = {}): Topic => ({
  id,
  communityId: 'c',
  tenantId: 't',
  title,
  description: '',
  state: 'proposed',
  rank: null,
  score: null,
  ownerId: null,
  proposedBy: 'alex',
  proposedAt: `2026-11-0${id.length}T10:00:00.000Z`,
  supporters: [],
  sessionIds: [],
  ...over,
});

describe('backlog rules', () => {
  it('follows the lifecycle proposed → prioritised → scheduled → discussed → archived, with the ways back', () => {
    expect(checkTransition('proposed', 'prioritised').ok).toBe(true);
    expect(checkTransition('prioritised', 'scheduled').ok).toBe(true);
    expect(checkTransition('scheduled', 'discussed').ok).toBe(true);
    expect(checkTransition('discussed', 'archived').ok).toBe(true);
    expect(checkTransition('archived', 'proposed').ok).toBe(true);
    const skip = checkTransition('proposed', 'discussed');
    expect(skip.ok || skip.error.message).toBe(
      'A proposed topic cannot become discussed; it can become prioritised or archived.',
    );
  });

  it('recognises the same topic asked differently, and not a different one', () => {
    expect(titleSimilarity('How do we run remote retros?', 'Running remote retros')).toBeGreaterThanOrEqual(0.5);
    expect(titleSimilarity('Remote retrospectives', 'remote retrospective!')).toBe(1);
    expect(titleSimilarity('How do we run remote retros?', 'Estimation with story points')).toBe(0);
    expect(titleSimilarity('the', 'a')).toBe(0);
    // One shared word alone is not the same topic.
    expect(titleSimilarity('Remote retros', 'Remote onboarding of new team members')).toBeLessThan(0.5);
  });

  it('finds similar open topics, most similar first, ignoring archived ones', () => {
    const topics = [
      topic('a', 'Remote retros that people enjoy'),
      topic('bb', 'Remote retros'),
      topic('ccc', 'Remote retros', { state: 'archived' }),
      topic('dddd', 'Working with product owners'),
    ];
    expect(
      findSimilarTopics(topics, 'remote retros')
        .map((t) => t.id)
        .sort(),
    ).toEqual(['a', 'bb']);
    expect(findSimilarTopics(topics, 'remote retros with energy')[0]!.id).toBe('bb');
    expect(findSimilarTopics(topics, 'Flow metrics')).toEqual([]);
  });

  it('orders the backlog: ranked by rank, then proposed oldest first, archived last', () => {
    const order = backlogOrder([
      topic('dddd', 'archived', { state: 'archived' }),
      topic('ccc', 'proposed later'),
      topic('a', 'proposed first'),
      topic('x2', 'second', { state: 'prioritised', rank: 2 }),
      topic('x1', 'first', { state: 'prioritised', rank: 1 }),
    ]);
    expect(order.map((t) => t.title)).toEqual(['first', 'second', 'proposed first', 'proposed later', 'archived']);
  });
});
