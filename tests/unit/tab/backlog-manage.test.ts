import type { Topic } from '../../../src/domain/backlog';
import { moveTopic } from '../../../src/domain/backlog';
import {
  canArchive,
  canEditTopic,
  canMerge,
  checkDraft,
  conflictOf,
  editRequest,
  groupBacklog,
  maxPosition,
  mergePartners,
  movedMessage,
  ownerControls,
  parsePosition,
  stepPosition,
  withChanged,
} from '../../../src/tab/features/backlog/backlog-manage';

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

describe('the backlog groups', () => {
  it('lists prioritised topics by rank, proposed ones oldest first, and keeps the other states apart', () => {
    const g = groupBacklog([
      topic('p2', { proposedAt: '2025-01-03T00:00:00.000Z' }),
      topic('r2', { state: 'prioritised', rank: 2 }),
      topic('a1', { state: 'archived' }),
      topic('r1', { state: 'prioritised', rank: 1 }),
      topic('p1', { proposedAt: '2025-01-02T00:00:00.000Z' }),
      topic('s1', { state: 'scheduled' }),
      topic('d1', { state: 'discussed' }),
    ]);
    expect(g.prioritised.map((t) => t.id)).toEqual(['r1', 'r2']);
    expect(g.proposed.map((t) => t.id)).toEqual(['p1', 'p2']);
    expect(g.scheduled.map((t) => t.id)).toEqual(['s1']);
    expect(g.discussed.map((t) => t.id)).toEqual(['d1']);
    expect(g.archived.map((t) => t.id)).toEqual(['a1']);
  });

  it('puts the topics an operation changed in place of the old ones', () => {
    const before = [topic('a'), topic('b', { state: 'prioritised', rank: 1 })];
    const after = withChanged(before, [
      { ...before[0]!, state: 'prioritised', rank: 1 },
      { ...before[1]!, rank: 2 },
    ]);
    expect(after.map((t) => [t.id, t.rank])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(withChanged(before, [topic('c')]).map((t) => t.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('re-ordering', () => {
  it('steps one place up or down, and not past either end', () => {
    expect(stepPosition(1, 'down', 4)).toBe(2);
    expect(stepPosition(3, 'up', 4)).toBe(2);
    expect(stepPosition(1, 'up', 4)).toBeUndefined();
    expect(stepPosition(4, 'down', 4)).toBeUndefined();
    expect(stepPosition(1, 'down', 1)).toBeUndefined();
  });

  it('lets a proposed topic go one past the end (the bottom), a prioritised one only to the end', () => {
    expect(maxPosition(topic('p'), 4)).toBe(5);
    expect(maxPosition(topic('r', { state: 'prioritised', rank: 2 }), 4)).toBe(4);
    expect(maxPosition(topic('p'), 0)).toBe(1);
  });

  it('checks a typed position', () => {
    expect(parsePosition(' 3 ', 5)).toEqual({ ok: true, position: 3 });
    expect(parsePosition('', 5)).toEqual({ ok: false, message: 'Type a position from 1 to 5.' });
    expect(parsePosition('2.5', 5).ok).toBe(false);
    expect(parsePosition('-1', 5).ok).toBe(false);
    expect(parsePosition('0', 5)).toEqual({ ok: false, message: 'The position must be from 1 to 5.' });
    expect(parsePosition('6', 5).ok).toBe(false);
  });

  it('sends positions the domain accepts: a step down from the top swaps the first two', () => {
    const topics = ['a', 'b', 'c'].map((id, i) => topic(id, { state: 'prioritised', rank: i + 1 }));
    const changed = moveTopic(topics, 'a', stepPosition(1, 'down', 3)!);
    expect(changed.ok && groupBacklog(withChanged(topics, changed.value)).prioritised.map((t) => t.id)).toEqual([
      'b',
      'a',
      'c',
    ]);
    const incoming = moveTopic([...topics, topic('p')], 'p', maxPosition(topic('p'), 3));
    expect(incoming.ok && incoming.value.map((t) => [t.id, t.rank])).toEqual([['p', 4]]);
  });

  it('says where the topic went', () => {
    expect(movedMessage('Remote retros', 2, 5)).toBe('“Remote retros” is now at position 2 of 5.');
  });
});

describe('editing', () => {
  it('sends only what differs from the version the etag belongs to, trimmed', () => {
    const base = { title: 'Remote retros', description: 'Formats' };
    expect(editRequest('e1', base, { title: '  Remote   retros ', description: 'Formats ' })).toBeUndefined();
    expect(editRequest('e1', base, { title: 'Remote retros that work', description: 'Formats' })).toEqual({
      etag: 'e1',
      title: 'Remote retros that work',
    });
    expect(editRequest('e1', base, { title: 'Remote retros', description: '' })).toEqual({
      etag: 'e1',
      description: '',
    });
  });

  it('checks the draft against the limits', () => {
    expect(checkDraft({ title: 'ok', description: '' })).toEqual({ ok: true });
    expect(checkDraft({ title: '   ', description: '' })).toEqual({
      ok: false,
      errors: { title: 'A topic needs a title.' },
    });
    expect(checkDraft({ title: 'x'.repeat(121), description: 'y'.repeat(2001) })).toEqual({
      ok: false,
      errors: { title: 'At most 120 characters.', description: 'At most 2000 characters.' },
    });
  });

  it('after a conflict, names what the other person changed and keeps a save of the draft meaningful', () => {
    const started = { title: 'Flow metrics', description: 'Cycle time' };
    const theirs = { title: 'Flow metrics', description: 'Cycle time and WIP limits' };
    const mine = { title: 'Flow metrics that stay honest', description: 'Cycle time' };
    expect(conflictOf(started, theirs, mine)).toEqual({ changed: ['description'], sameAsMine: false });
    // Re-applying the draft against their version sends both fields: mine wins only where I say so, on purpose.
    expect(editRequest('e2', theirs, mine)).toEqual({
      etag: 'e2',
      title: 'Flow metrics that stay honest',
      description: 'Cycle time',
    });
    expect(conflictOf(started, mine, mine).sameAsMine).toBe(true);
  });
});

describe('who may do what (as the server decides)', () => {
  it('edits: facilitators any open topic, the proposer their own proposed one', () => {
    expect(canEditTopic(topic('p', { proposedBy: 'me' }), 'me', false)).toBe(true);
    expect(canEditTopic(topic('p', { proposedBy: 'me', state: 'prioritised', rank: 1 }), 'me', false)).toBe(false);
    expect(canEditTopic(topic('p', { state: 'prioritised', rank: 1 }), 'me', true)).toBe(true);
    expect(canEditTopic(topic('p', { state: 'archived' }), 'me', true)).toBe(false);
  });

  it('archives and merges only what the lifecycle allows', () => {
    expect(canArchive(topic('s', { state: 'scheduled' }))).toBe(false);
    expect(canArchive(topic('d', { state: 'discussed' }))).toBe(true);
    const a = topic('a');
    const s = topic('s', { state: 'scheduled' });
    expect(canMerge(s, a)).toBe(true);
    expect(canMerge(a, s)).toBe(false);
    expect(canMerge(a, a)).toBe(false);
    expect(canMerge(topic('x', { state: 'archived' }), a)).toBe(false);
    expect(mergePartners([a, s, topic('x', { state: 'archived' }), topic('b')], a).map((t) => t.id)).toEqual([
      's',
      'b',
    ]);
  });

  it('lets anyone volunteer for an unowned open topic, and the owner or a facilitator clear it', () => {
    const name = (id: string) => (id === 'bea' ? 'Bea Okafor' : id);
    expect(ownerControls(topic('a'), 'me', false, name)).toEqual({
      label: 'No owner yet',
      canVolunteer: true,
      canClear: false,
    });
    expect(ownerControls(topic('a', { ownerId: 'bea' }), 'me', false, name)).toEqual({
      label: 'Owner: Bea Okafor',
      canVolunteer: false,
      canClear: false,
    });
    expect(ownerControls(topic('a', { ownerId: 'bea' }), 'me', true, name).canClear).toBe(true);
    expect(ownerControls(topic('a', { ownerId: 'me' }), 'me', false, name)).toEqual({
      label: 'Owner: you',
      canVolunteer: false,
      canClear: true,
    });
    expect(ownerControls(topic('a', { state: 'discussed' }), 'me', false, name).canVolunteer).toBe(false);
  });
});
