import {
  changeTopicOwner,
  checkCanEdit,
  checkMovable,
  editTopic,
  markTopicsDiscussed,
  mergeTopics,
  moveTopic,
  prioritiseFromGame,
  scheduleTopics,
  setArchived,
  withContiguousRanks,
  type Topic,
  type TopicActor,
} from '../../../src/domain/backlog';
import type { Result } from '../../../src/domain/result';

const topic = (id: string, over: Partial<Topic> = {}): Topic => ({
  id,
  communityId: 'c',
  tenantId: 't',
  title: `Topic ${id}`,
  description: '',
  state: 'proposed',
  rank: null,
  score: null,
  ownerId: null,
  proposedBy: 'alex',
  proposedAt: `2026-11-01T10:00:0${id.charCodeAt(0) % 10}.000Z`,
  supporters: [],
  sessionIds: [],
  ...over,
});
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
/** The backlog after applying the changed topics an operation returns. */
const apply = (topics: readonly Topic[], changes: readonly Topic[]) =>
  topics.map((t) => changes.find((c) => c.id === t.id) ?? t);
const ranked = (topics: readonly Topic[]) =>
  topics
    .filter((t) => t.state === 'prioritised')
    .sort((a, b) => a.rank! - b.rank!)
    .map((t) => `${t.id}${t.rank}`);

const backlog = () => [
  topic('a', { state: 'prioritised', rank: 1 }),
  topic('b', { state: 'prioritised', rank: 2 }),
  topic('c', { state: 'prioritised', rank: 3 }),
  topic('p'),
  topic('d', { state: 'discussed', sessionIds: ['s1'] }),
];

describe('editing a topic', () => {
  it('trims and keeps limits; an archived topic is read-only', () => {
    expect(value(editTopic(topic('a'), { title: '  Flow   metrics ', description: ' why ' }))).toMatchObject({
      title: 'Flow metrics',
      description: 'why',
    });
    expect(editTopic(topic('a'), { title: '   ' }).ok).toBe(false);
    expect(editTopic(topic('a'), { title: 'x'.repeat(121) }).ok).toBe(false);
    expect(editTopic(topic('a'), { description: 'x'.repeat(2001) }).ok).toBe(false);
    expect(editTopic(topic('a', { state: 'archived' }), { title: 'New' }).ok).toBe(false);
  });
});

describe('re-ordering the backlog', () => {
  it('moves a prioritised topic and keeps ranks 1..k', () => {
    const b = backlog();
    const changes = value(moveTopic(b, 'c', 1));
    expect(ranked(apply(b, changes))).toEqual(['c1', 'a2', 'b3']);
    expect(changes.map((t) => t.id).sort()).toEqual(['a', 'b', 'c']);
  });
  it('writes only what changed', () => {
    const b = backlog();
    expect(value(moveTopic(b, 'b', 2))).toEqual([]);
    expect(
      value(moveTopic(b, 'c', 2))
        .map((t) => t.id)
        .sort(),
    ).toEqual(['b', 'c']);
  });
  it('prioritises a proposed topic moved in, at the given place', () => {
    const b = backlog();
    const after = apply(b, value(moveTopic(b, 'p', 2)));
    expect(ranked(after)).toEqual(['a1', 'p2', 'b3', 'c4']);
    expect(after.find((t) => t.id === 'p')!.state).toBe('prioritised');
  });
  it('refuses a position outside 1..k+1 and a topic that cannot be prioritised', () => {
    const b = backlog();
    expect(moveTopic(b, 'p', 5).ok).toBe(false);
    expect(moveTopic(b, 'a', 0).ok).toBe(false);
    expect(moveTopic(b, 'a', 1.5).ok).toBe(false);
    expect(moveTopic(b, 'a', 4).ok).toBe(false); // a is one of the three: 1..3
    expect(moveTopic([...b, topic('x', { state: 'archived' })], 'x', 1).ok).toBe(false);
    expect(moveTopic(b, 'nope', 1).ok).toBe(false);
  });
  it('repairs gaps left by earlier writes', () => {
    const gappy = [
      topic('a', { state: 'prioritised', rank: 2 }),
      topic('b', { state: 'prioritised', rank: 7 }),
      topic('p', { rank: 4 }),
    ];
    expect(ranked(withContiguousRanks(gappy))).toEqual(['a1', 'b2']);
    expect(withContiguousRanks(gappy).find((t) => t.id === 'p')!.rank).toBeNull();
  });
});

describe('merging topics', () => {
  it('gives the kept topic the supporters, the proposer and the history; archives the other with mergedInto', () => {
    const b = [
      topic('a', { state: 'prioritised', rank: 1, supporters: ['bea'], sessionIds: ['s1'] }),
      topic('b', { state: 'prioritised', rank: 2 }),
      topic('m', {
        state: 'discussed',
        proposedBy: 'chen',
        supporters: ['bea', 'dan', 'alex'],
        sessionIds: ['s0', 's1'],
      }),
    ];
    const after = apply(b, value(mergeTopics(b, 'a', 'm')));
    const kept = after.find((t) => t.id === 'a')!;
    const merged = after.find((t) => t.id === 'm')!;
    expect(kept.supporters).toEqual(['bea', 'dan', 'chen']); // alex proposed the kept topic: not its own supporter
    expect(kept.sessionIds).toEqual(['s1', 's0']);
    expect(merged).toMatchObject({
      state: 'archived',
      mergedInto: 'a',
      rank: null,
      sessionIds: ['s0', 's1'],
      supporters: ['bea', 'dan', 'alex'],
    });
  });
  it('keeps the better rank and closes the gap', () => {
    const b = backlog();
    const after = apply(b, value(mergeTopics(b, 'c', 'a')));
    expect(ranked(after)).toEqual(['c1', 'b2']);
  });
  it('refuses merging into itself, into an archived topic, or a scheduled topic', () => {
    const b = [...backlog(), topic('x', { state: 'archived' }), topic('s', { state: 'scheduled' })];
    expect(mergeTopics(b, 'a', 'a').ok).toBe(false);
    expect(mergeTopics(b, 'x', 'a').ok).toBe(false);
    expect(mergeTopics(b, 'a', 's').ok).toBe(false);
    expect(mergeTopics(b, 'a', 'nope').ok).toBe(false);
  });
});

describe('archive, restore, owner, schedule, discuss', () => {
  it('archives with the existing transitions and closes up the ranks; restores as proposed', () => {
    const b = backlog();
    const archived = apply(b, value(setArchived(b, 'a', true)));
    expect(ranked(archived)).toEqual(['b1', 'c2']);
    expect(archived.find((t) => t.id === 'a')).toMatchObject({ state: 'archived', rank: null });
    const restored = apply(archived, value(setArchived(archived, 'a', false)));
    expect(restored.find((t) => t.id === 'a')).toMatchObject({ state: 'proposed', rank: null });
    expect(setArchived(b, 'p', false).ok).toBe(false); // proposed → proposed is no transition
    expect(setArchived([topic('s', { state: 'scheduled' })], 's', true).ok).toBe(false);
  });
  it('a restored merged topic forgets mergedInto but keeps its history', () => {
    const t = topic('m', { state: 'archived', mergedInto: 'a', sessionIds: ['s0'] });
    expect(value(setArchived([t], 'm', false))[0]).toMatchObject({
      state: 'proposed',
      mergedInto: null,
      sessionIds: ['s0'],
    });
  });
  it('lets a member volunteer for an unowned open topic, and the owner or a facilitator clear it', () => {
    const bea: TopicActor = { userId: 'bea', managesBacklog: false };
    const chen: TopicActor = { userId: 'chen', managesBacklog: false };
    const alex: TopicActor = { userId: 'alex', managesBacklog: true };
    const owned = topic('a', { ownerId: 'bea' });
    expect(value(changeTopicOwner(topic('a'), bea, 'volunteer'))).toMatchObject({ ownerId: 'bea' });
    expect(value(changeTopicOwner(owned, bea, 'volunteer'))).toBe('unchanged');
    const taken = changeTopicOwner(owned, chen, 'volunteer');
    expect(taken.ok || taken.error.code).toBe('TOPIC_ALREADY_OWNED');
    const done = changeTopicOwner(topic('a', { state: 'discussed' }), bea, 'volunteer');
    expect(done.ok || done.error.code).toBe('VALIDATION_FAILED');
    const notYours = changeTopicOwner(owned, chen, 'clear');
    expect(notYours.ok || notYours.error.code).toBe('FORBIDDEN');
    expect(value(changeTopicOwner(owned, bea, 'clear'))).toMatchObject({ ownerId: null });
    expect(value(changeTopicOwner(owned, alex, 'clear'))).toMatchObject({ ownerId: null });
    expect(value(changeTopicOwner(topic('a'), chen, 'clear'))).toBe('unchanged');
  });
  it('lets the proposer edit their own proposed topic, a facilitator any open one, nobody an archived one', () => {
    const code = (r: Result<unknown>) => (r.ok ? 'OK' : r.error.code);
    const bea: TopicActor = { userId: 'bea', managesBacklog: false };
    const alex: TopicActor = { userId: 'alex', managesBacklog: true };
    expect(code(checkCanEdit(topic('a', { proposedBy: 'bea' }), bea))).toBe('OK');
    expect(code(checkCanEdit(topic('a', { proposedBy: 'bea', state: 'prioritised', rank: 1 }), bea))).toBe('FORBIDDEN');
    expect(code(checkCanEdit(topic('a', { state: 'prioritised', rank: 1 }), alex))).toBe('OK');
    expect(code(checkCanEdit(topic('a', { state: 'archived' }), alex))).toBe('VALIDATION_FAILED');
  });
  it('does not re-order a scheduled topic: it belongs to its session, which marks it discussed', () => {
    const b = [...backlog(), topic('s', { state: 'scheduled' })];
    expect(checkMovable(topic('s', { state: 'scheduled' })).ok).toBe(false);
    const moved = moveTopic(b, 's', 1);
    expect(moved.ok || moved.error.code).toBe('VALIDATION_FAILED');
    expect(checkMovable(topic('d', { state: 'discussed' })).ok).toBe(true);
  });
  it('restores only an archived topic (a prioritised one is not demoted by a "restore")', () => {
    const restored = setArchived(backlog(), 'a', false);
    expect(restored.ok || restored.error.code).toBe('VALIDATION_FAILED');
  });
  it('puts a Thirty Five result on top, the earlier prioritised topics below it in their order', () => {
    const b = [...backlog(), topic('x', { state: 'archived' })];
    const score = { normalized: 30, roundsScored: 5 };
    const fromGame = [topic('g1', { score }), topic('b', { score: { normalized: 20, roundsScored: 5 } })];
    const changes = prioritiseFromGame(b, fromGame);
    const after = [...apply(b, changes), ...changes.filter((c) => !b.some((t) => t.id === c.id))];
    expect(ranked(after)).toEqual(['g11', 'b2', 'a3', 'c4']);
    expect(after.find((t) => t.id === 'b')).toMatchObject({ title: 'Topic b', score: { normalized: 20 } });
    expect(prioritiseFromGame(after, fromGame)).toEqual([]); // a repeated commit writes nothing
  });
  it('schedules prioritised topics (ranks close up) and refuses proposed ones', () => {
    const b = backlog();
    const after = apply(b, value(scheduleTopics(b, ['a'])));
    expect(after.find((t) => t.id === 'a')).toMatchObject({ state: 'scheduled', rank: null });
    expect(ranked(after)).toEqual(['b1', 'c2']);
    expect(scheduleTopics(b, ['p']).ok).toBe(false);
    expect(value(scheduleTopics(after, ['a']))).toEqual([]);
  });
  it('marks scheduled topics discussed once, appending the session', () => {
    const s = [topic('a', { state: 'scheduled', sessionIds: ['s0'] })];
    const once = apply(s, value(markTopicsDiscussed(s, ['a'], 's1')));
    expect(once[0]).toMatchObject({ state: 'discussed', sessionIds: ['s0', 's1'] });
    expect(value(markTopicsDiscussed(once, ['a'], 's1'))).toEqual([]);
    expect(markTopicsDiscussed([topic('p')], ['p'], 's1').ok).toBe(false);
  });
});
