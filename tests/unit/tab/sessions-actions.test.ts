import type { ActionItem } from '../../../src/domain/outcomes';
import {
  dueLabel,
  exportFileName,
  feedbackLine,
  groupActionsByOwner,
  nameOf,
  sessionTypeLine,
  withEtags,
} from '../../../src/tab/features/sessions/session-view';

const action = (id: string, ownerId: string, dueDate: string, over: Partial<ActionItem> = {}): ActionItem => ({
  id,
  communityId: 'c1',
  sessionId: 's1',
  takeawayId: 't1',
  text: `Action ${id}`,
  ownerId,
  dueDate,
  status: 'open',
  createdBy: 'u1',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

describe('open actions grouped by owner', () => {
  const names = { me: 'Mia', u2: 'Bea', u3: 'Abe' };
  it('puts my actions first, then owners by name; soonest due first within a group', () => {
    const groups = groupActionsByOwner(
      [
        action('1', 'u2', '2026-04-01'),
        action('2', 'me', '2026-05-01'),
        action('3', 'u3', '2026-04-10'),
        action('4', 'u2', '2026-03-01'),
        action('5', 'me', '2026-03-15'),
      ],
      names,
      'me',
    );
    expect(groups.map((g) => [g.ownerName, g.mine, g.actions.map((a) => a.id)])).toEqual([
      ['Mia', true, ['5', '2']],
      ['Abe', false, ['3']],
      ['Bea', false, ['4', '1']],
    ]);
  });

  it('names someone who left the community in plain words, never by id', () => {
    const [g] = groupActionsByOwner([action('1', 'gone-user-id', '2026-04-01')], names, 'me');
    expect(g!.ownerName).toBe('a former member');
    expect(nameOf(names, 'gone-user-id')).not.toContain('gone-user-id');
  });

  it('is empty without actions', () => {
    expect(groupActionsByOwner([], names, 'me')).toEqual([]);
  });
});

describe('etags for the open actions', () => {
  it('takes each action from its session outcomes (with its etag), keeping the fresher copy', () => {
    const open = [action('a', 'u2', '2026-04-01'), action('b', 'u2', '2026-04-02'), action('c', 'u2', '2026-04-03')];
    const fromOutcomes = [
      { ...action('a', 'u2', '2026-04-01', { status: 'doing' }), etag: 'e-a' },
      { ...action('b', 'u2', '2026-04-02', { status: 'done' }), etag: 'e-b' }, // done meanwhile: no longer open
      { ...action('x', 'u3', '2026-04-09'), etag: 'e-x' }, // not open (not in the list): not added
    ];
    const { ready, missing } = withEtags(open, fromOutcomes);
    expect(ready.map((a) => [a.id, a.status, a.etag])).toEqual([['a', 'doing', 'e-a']]);
    expect(missing.map((a) => a.id)).toEqual(['c']);
  });
});

describe('labels', () => {
  it('describes due dates relative to today', () => {
    expect(dueLabel('2026-03-01', '2026-03-10')).toBe('due 2026-03-01 (overdue)');
    expect(dueLabel('2026-03-10', '2026-03-10')).toBe('due 2026-03-10 (today)');
    expect(dueLabel('2026-03-11', '2026-03-10')).toBe('due 2026-03-11');
  });

  it('gives the feedback average only as the record gives it (from 3 votes)', () => {
    expect(feedbackLine({ votes: 0, average: null, distribution: null })).toBe('No feedback votes.');
    expect(feedbackLine({ votes: 2, average: null, distribution: null })).toMatch(
      /^2 votes; the score is shown from 3 votes/,
    );
    expect(feedbackLine({ votes: 3, average: 4.3, distribution: [0, 0, 0, 2, 1] })).toBe('4.3 out of 5, from 3 votes.');
  });

  it('names the session type with its own fields, and the export file', () => {
    expect(
      sessionTypeLine({ details: { type: 'external-speaker', speakerName: 'Ana Ruiz', organisation: 'Acme' } }),
    ).toBe('External speaker: Ana Ruiz (Acme)');
    expect(sessionTypeLine({ details: { type: 'deep-dive' } })).toBe('Deep dive');
    expect(exportFileName({ startsAt: '2026-03-05T15:00:00.000Z', details: { type: 'lean-coffee' } })).toBe(
      'guildhall-2026-03-05-lean-coffee.md',
    );
  });
});
