import type { Topic } from '../../../src/domain/backlog';
import type { Session } from '../../../src/domain/session';
import {
  EMPTY_FILTERS,
  filterSummary,
  filtersToQuery,
  localDayBound,
  ownerFilterOptions,
  queryKey,
  splitSessions,
  topicFilterOptions,
} from '../../../src/tab/features/sessions/session-filters';

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

const session = (id: string, startsAt: string, over: Partial<Session> = {}): Session => ({
  id,
  communityId: 'c1',
  tenantId: 't',
  details: { type: 'deep-dive' },
  startsAt,
  durationMinutes: 60,
  topicIds: [],
  facilitatorId: 'u1',
  meetingLink: null,
  purpose: '',
  agenda: [],
  state: 'scheduled',
  attendees: [],
  closed: null,
  createdBy: 'u1',
  createdAt: '2025-01-01T00:00:00.000Z',
  ...over,
});

describe('session filters → list query', () => {
  it('leaves out empty fields: no filter is no query', () => {
    expect(filtersToQuery(EMPTY_FILTERS)).toEqual({ ok: true, query: {}, active: false });
  });

  it('maps topic, type and owner as they are', () => {
    const r = filtersToQuery({ ...EMPTY_FILTERS, topic: 't1', type: 'book-club', owner: 'dev-user-2' });
    expect(r).toEqual({ ok: true, query: { topic: 't1', type: 'book-club', owner: 'dev-user-2' }, active: true });
  });

  it('ignores a type that is not a session type', () => {
    expect(filtersToQuery({ ...EMPTY_FILTERS, type: 'party' as never })).toEqual({
      ok: true,
      query: {},
      active: false,
    });
  });

  it('turns days into ISO instants covering the whole local day, both ends inclusive', () => {
    const r = filtersToQuery({ ...EMPTY_FILTERS, from: '2026-03-05', to: '2026-03-05' });
    if (!r.ok) throw new Error('expected ok');
    const from = new Date(r.query.from!);
    const to = new Date(r.query.to!);
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours(), from.getMinutes()]).toEqual([
      2026, 2, 5, 0, 0,
    ]);
    expect([to.getFullYear(), to.getMonth(), to.getDate(), to.getHours(), to.getMinutes(), to.getSeconds()]).toEqual([
      2026, 2, 5, 23, 59, 59,
    ]);
    expect(to.getTime() - from.getTime()).toBe(24 * 3600 * 1000 - 1);
    expect(r.query.from).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('refuses a day that does not exist and "to" before "from", naming the field', () => {
    expect(localDayBound('2026-02-31', 'start')).toBeUndefined();
    expect(localDayBound('5 March', 'start')).toBeUndefined();
    expect(filtersToQuery({ ...EMPTY_FILTERS, from: '2026-02-31' })).toMatchObject({ ok: false, field: 'from' });
    expect(filtersToQuery({ ...EMPTY_FILTERS, to: '2026-13-01' })).toMatchObject({ ok: false, field: 'to' });
    expect(filtersToQuery({ ...EMPTY_FILTERS, from: '2026-03-06', to: '2026-03-05' })).toMatchObject({
      ok: false,
      field: 'to',
      message: expect.stringMatching(/before/),
    });
  });

  it('keys a query by its values, whatever the order it was built in', () => {
    expect(queryKey({ type: 'visit', topic: 'a' })).toBe(queryKey({ topic: 'a', type: 'visit' }));
    expect(queryKey({ topic: 'a' })).not.toBe(queryKey({ owner: 'a' }));
  });
});

describe('the filters in words', () => {
  it('names the topic, type, dates and owner that are set', () => {
    const form = { topic: 't1', type: 'book-club' as const, from: '2026-03-01', to: '', owner: 'u2' };
    expect(filterSummary(form, [{ id: 't1', title: 'Remote retros' }], [{ id: 'u2', name: 'Chen Wei' }])).toBe(
      'topic “Remote retros” · Book club · from 2026-03-01 · owner Chen Wei',
    );
    expect(filterSummary(EMPTY_FILTERS, [], [])).toBe('');
  });
});

describe('filter options', () => {
  it('offers topics that were or will be in a session, by title', () => {
    const topics = [
      topic('a', { title: 'Zebra', state: 'discussed', sessionIds: ['s1'] }),
      topic('b', { title: 'Apple', state: 'scheduled' }),
      topic('c', { title: 'Never', state: 'proposed' }),
      topic('d', { title: 'Merged', state: 'archived', sessionIds: ['s0'] }),
      topic('e', { title: 'Listed', state: 'prioritised' }),
    ];
    expect(
      topicFilterOptions(topics, [session('s2', '2026-01-01T10:00:00Z', { topicIds: ['e'] })]).map((t) => t.title),
    ).toEqual(['Apple', 'Listed', 'Merged', 'Zebra']);
  });

  it('offers each topic owner once, by name', () => {
    const topics = [
      topic('a', { ownerId: 'u2' }),
      topic('b', { ownerId: 'u3' }),
      topic('c', { ownerId: 'u2' }),
      topic('d'),
    ];
    expect(ownerFilterOptions(topics, { u2: 'Zoe', u3: 'Ann' })).toEqual([
      { id: 'u3', name: 'Ann' },
      { id: 'u2', name: 'Zoe' },
    ]);
  });
});

describe('upcoming apart from past', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('puts scheduled sessions not over yet first (soonest first), the rest newest first', () => {
    const list = [
      session('later', '2026-03-24T10:00:00Z'),
      session('soon', '2026-03-11T10:00:00Z'),
      session('running', '2026-03-10T11:30:00Z'), // 60 minutes: not over at 12:00
      session('held-early', '2026-03-20T10:00:00Z', { state: 'held' }), // closed before its date: it happened
      session('old', '2026-02-01T10:00:00Z', { state: 'held' }),
      session('unclosed', '2026-03-01T10:00:00Z'),
    ];
    const { upcoming, past } = splitSessions(list, now);
    expect(upcoming.map((s) => s.id)).toEqual(['running', 'soon', 'later']);
    expect(past.map((s) => s.id)).toEqual(['held-early', 'unclosed', 'old']);
  });
});
