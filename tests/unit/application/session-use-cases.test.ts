import type { AppDeps } from '../../../src/application/deps';
import { addTakeaway } from '../../../src/application/use-cases/add-takeaway';
import { annotateNotes } from '../../../src/application/use-cases/annotate-notes';
import { archiveTopic } from '../../../src/application/use-cases/archive-topic';
import { changeRotation } from '../../../src/application/use-cases/change-rotation';
import { closeSession, type CloseSessionInput } from '../../../src/application/use-cases/close-session';
import { createAction } from '../../../src/application/use-cases/create-action';
import { createCommunity } from '../../../src/application/use-cases/create-community';
import { editSessionAgenda } from '../../../src/application/use-cases/edit-session-agenda';
import { editTopic } from '../../../src/application/use-cases/edit-topic';
import { getSessionOutcomes } from '../../../src/application/use-cases/get-session-outcomes';
import { getTopic } from '../../../src/application/use-cases/get-topic';
import { giveFeedback } from '../../../src/application/use-cases/give-feedback';
import { joinCommunity } from '../../../src/application/use-cases/join-community';
import { leaveCommunity } from '../../../src/application/use-cases/leave-community';
import { listBacklog } from '../../../src/application/use-cases/list-backlog';
import { listOpenActions } from '../../../src/application/use-cases/list-open-actions';
import { listSessions } from '../../../src/application/use-cases/list-sessions';
import { mergeTopics } from '../../../src/application/use-cases/merge-topics';
import { moveTopic } from '../../../src/application/use-cases/move-topic';
import { planNextSession } from '../../../src/application/use-cases/plan-next-session';
import { proposeTopic } from '../../../src/application/use-cases/propose-topic';
import { restoreTopic } from '../../../src/application/use-cases/restore-topic';
import { saveSessionNotes } from '../../../src/application/use-cases/save-session-notes';
import { scheduleSession } from '../../../src/application/use-cases/schedule-session';
import { setMemberRoles } from '../../../src/application/use-cases/set-member-roles';
import { setTopicOwner } from '../../../src/application/use-cases/set-topic-owner';
import { updateActionStatus } from '../../../src/application/use-cases/update-action-status';
import type { Principal } from '../../../src/domain/identity';
import type { Result } from '../../../src/domain/result';
import { createRecordStore } from '../../../src/store/create-record-store';

const who = (userId: string, tenantId = 'tenant-a'): Principal => ({
  tenantId,
  userId,
  displayName: userId,
  source: 'dev-local',
});
const [alex, bea, chen, cora] = [who('alex'), who('bea'), who('chen'), who('cora')];
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const code = (r: Result<unknown>) => (r.ok ? 'OK' : r.error.code);

let deps: AppDeps;
let communityId: string;
let now = Date.parse('2026-11-22T10:00:00.000Z');
beforeEach(async () => {
  let n = 0;
  now = Date.parse('2026-11-22T10:00:00.000Z');
  deps = {
    store: await createRecordStore({ kind: 'embedded', path: ':memory:' }),
    clock: { now: () => new Date(now) },
    ids: { newId: () => `id-${++n}` },
  };
  communityId = value(
    await createCommunity(deps, alex, { name: 'SM CoP', purpose: 'working-group', cadencePerMonth: 2 }),
  ).id;
  for (const p of [bea, chen, cora]) await joinCommunity(deps, p, { communityId });
  value(await setMemberRoles(deps, alex, { communityId, userId: 'cora', roles: ['member', 'coach'] }));
});
afterEach(() => deps.store.close());

const propose = async (title: string, by = bea) =>
  value(await proposeTopic(deps, by, { communityId, title, force: true }));
const backlog = async () => value(await listBacklog(deps, alex, { communityId }));
const ranks = async () => (await backlog()).filter((t) => t.state === 'prioritised').map((t) => `${t.title}:${t.rank}`);

describe('backlog operations', () => {
  it('the proposer edits their own proposed topic; others need a facilitator role; a stale etag changes nothing', async () => {
    const t = await propose('Remote retros');
    const { etag } = value(await getTopic(deps, bea, { communityId, topicId: t.id }));
    expect(code(await editTopic(deps, chen, { communityId, topicId: t.id, etag, title: 'Mine' }))).toBe('FORBIDDEN');
    const edited = value(
      await editTopic(deps, bea, { communityId, topicId: t.id, etag, title: 'Remote retros that work' }),
    );
    expect(edited.topic.title).toBe('Remote retros that work');
    expect(code(await editTopic(deps, alex, { communityId, topicId: t.id, etag, description: 'late' }))).toBe(
      'CONFLICT',
    );
    expect(value(await getTopic(deps, alex, { communityId, topicId: t.id })).topic).toMatchObject({
      title: 'Remote retros that work',
      description: '',
    });
    value(await editTopic(deps, alex, { communityId, topicId: t.id, etag: edited.etag, description: 'Tools' }));
  });

  it('a facilitator re-orders; proposed topics moved in become prioritised; ranks stay 1..k in the store', async () => {
    const [a, b, c] = [await propose('Alpha'), await propose('Bravo'), await propose('Charlie')];
    expect(code(await moveTopic(deps, bea, { communityId, topicId: a.id, position: 1 }))).toBe('FORBIDDEN');
    value(await moveTopic(deps, alex, { communityId, topicId: a.id, position: 1 }));
    value(await moveTopic(deps, alex, { communityId, topicId: b.id, position: 1 }));
    value(await moveTopic(deps, alex, { communityId, topicId: c.id, position: 2 }));
    expect(await ranks()).toEqual(['Bravo:1', 'Charlie:2', 'Alpha:3']);
    expect(code(await moveTopic(deps, alex, { communityId, topicId: a.id, position: 9 }))).toBe('VALIDATION_FAILED');
    expect(await ranks()).toEqual(['Bravo:1', 'Charlie:2', 'Alpha:3']);
  });

  it('merges a duplicate: supporters and history move over, the duplicate is archived with mergedInto', async () => {
    const keep = await propose('Remote retros', alex);
    const dup = await propose('Retros online', bea);
    await joinCommunity(deps, who('dan'), { communityId });
    await proposeTopic(deps, who('dan'), { communityId, title: 'x' }); // unrelated
    const { supportTopic } = await import('../../../src/application/use-cases/support-topic');
    value(await supportTopic(deps, chen, { communityId, topicId: dup.id }));
    expect(code(await mergeTopics(deps, bea, { communityId, keepId: keep.id, mergeId: dup.id }))).toBe('FORBIDDEN');
    value(await mergeTopics(deps, alex, { communityId, keepId: keep.id, mergeId: dup.id }));
    const all = await backlog();
    expect(all.find((t) => t.id === keep.id)!.supporters).toEqual(['chen', 'bea']);
    expect(all.find((t) => t.id === dup.id)).toMatchObject({ state: 'archived', mergedInto: keep.id });
  });

  it('archives and restores, closing up ranks', async () => {
    const [a, b] = [await propose('Alpha'), await propose('Bravo')];
    value(await moveTopic(deps, alex, { communityId, topicId: a.id, position: 1 }));
    value(await moveTopic(deps, alex, { communityId, topicId: b.id, position: 2 }));
    expect(code(await archiveTopic(deps, bea, { communityId, topicId: a.id }))).toBe('FORBIDDEN');
    value(await archiveTopic(deps, alex, { communityId, topicId: a.id }));
    expect(await ranks()).toEqual(['Bravo:1']);
    value(await restoreTopic(deps, alex, { communityId, topicId: a.id }));
    expect((await backlog()).find((t) => t.id === a.id)!.state).toBe('proposed');
  });

  it('any member volunteers as owner for themselves, nobody takes it over; the owner or a facilitator clears it', async () => {
    const t = await propose('Alpha');
    expect(value(await setTopicOwner(deps, bea, { communityId, topicId: t.id, action: 'volunteer' })).ownerId).toBe(
      'bea',
    );
    expect(code(await setTopicOwner(deps, chen, { communityId, topicId: t.id, action: 'volunteer' }))).toBe(
      'TOPIC_ALREADY_OWNED',
    );
    expect(code(await setTopicOwner(deps, chen, { communityId, topicId: t.id, action: 'clear' }))).toBe('FORBIDDEN');
    expect(value(await setTopicOwner(deps, alex, { communityId, topicId: t.id, action: 'clear' })).ownerId).toBeNull();
    expect(code(await setTopicOwner(deps, who('zed'), { communityId, topicId: t.id, action: 'volunteer' }))).toBe(
      'NOT_A_MEMBER',
    );
  });
});

describe('sessions', () => {
  const future = '2026-12-03T15:00:00.000Z';
  const prioritised = async (title: string) => {
    const t = await propose(title);
    value(await moveTopic(deps, alex, { communityId, topicId: t.id, position: 1 }));
    return t;
  };

  it('schedules a deep dive from the template; its topics become scheduled and the ranks close up', async () => {
    const [a, b] = [await prioritised('Alpha'), await prioritised('Bravo')];
    const { session } = value(
      await scheduleSession(deps, alex, {
        communityId,
        details: { type: 'deep-dive' },
        startsAt: future,
        topicIds: [b.id],
        facilitatorId: 'bea',
        purpose: 'Retros',
      }),
    );
    expect(session).toMatchObject({ state: 'scheduled', durationMinutes: 60, facilitatorId: 'bea', topicIds: [b.id] });
    expect(session.agenda.map((i) => i.minutes)).toEqual([5, 15, 15, 10, 10, 5]);
    const topics = await backlog();
    expect(topics.find((t) => t.id === b.id)).toMatchObject({ state: 'scheduled', rank: null });
    expect(topics.find((t) => t.id === a.id)).toMatchObject({ state: 'prioritised', rank: 1 });
  });

  it('refuses a past date, an unknown facilitator, a proposed topic and a non-facilitator, storing nothing', async () => {
    const t = await prioritised('Alpha');
    const p = await propose('Only proposed');
    const base = { communityId, details: { type: 'deep-dive' as const }, startsAt: future, topicIds: [t.id] };
    expect(code(await scheduleSession(deps, alex, { ...base, startsAt: '2026-11-21T15:00:00.000Z' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(code(await scheduleSession(deps, alex, { ...base, facilitatorId: 'zed' }))).toBe('VALIDATION_FAILED');
    expect(code(await scheduleSession(deps, alex, { ...base, topicIds: [p.id] }))).toBe('VALIDATION_FAILED');
    expect(code(await scheduleSession(deps, bea, base))).toBe('FORBIDDEN');
    expect(value(await listSessions(deps, alex, { communityId }))).toEqual([]);
    expect((await backlog()).find((x) => x.id === t.id)!.state).toBe('prioritised');
  });

  it('stores a repeated request once; lists newest first with filters', async () => {
    const t = await prioritised('Alpha');
    const a = value(
      await scheduleSession(deps, alex, {
        communityId,
        details: { type: 'deep-dive' },
        startsAt: future,
        topicIds: [t.id],
        requestId: 'r1',
      }),
    );
    const again = value(
      await scheduleSession(deps, alex, {
        communityId,
        details: { type: 'deep-dive' },
        startsAt: future,
        topicIds: [t.id],
        requestId: 'r1',
      }),
    );
    expect(again.session.id).toBe(a.session.id);
    value(
      await scheduleSession(deps, alex, {
        communityId,
        details: { type: 'book-club', bookTitle: 'Turn the Ship Around' },
        startsAt: '2026-12-17T15:00:00.000Z',
        facilitatorId: 'chen',
      }),
    );
    const all = value(await listSessions(deps, bea, { communityId }));
    expect(all.map((s) => s.details.type)).toEqual(['book-club', 'deep-dive']);
    expect(value(await listSessions(deps, bea, { communityId, filter: { topicId: t.id } })).map((s) => s.id)).toEqual([
      a.session.id,
    ]);
    expect(value(await listSessions(deps, bea, { communityId, filter: { type: 'book-club' } }))).toHaveLength(1);
    expect(
      value(await listSessions(deps, bea, { communityId, filter: { from: '2026-12-10T00:00:00Z' } })),
    ).toHaveLength(1);
    expect(
      value(await listSessions(deps, bea, { communityId, filter: { ownerId: 'chen' } })).map((s) => s.details.type),
    ).toEqual(['book-club']);
  });

  it('the facilitator edits the agenda with its etag; it must fit', async () => {
    const { session, etag } = value(
      await scheduleSession(deps, alex, {
        communityId,
        details: { type: 'visit', hostCompany: 'Contoso' },
        startsAt: future,
        facilitatorId: 'bea',
      }),
    );
    const agenda = [
      { title: 'Welcome', minutes: 10 },
      { title: 'Tour', minutes: 60 },
    ];
    expect(code(await editSessionAgenda(deps, chen, { communityId, sessionId: session.id, etag, agenda }))).toBe(
      'FORBIDDEN',
    );
    expect(
      code(
        await editSessionAgenda(deps, bea, { communityId, sessionId: session.id, etag, agenda, durationMinutes: 60 }),
      ),
    ).toBe('VALIDATION_FAILED');
    const edited = value(await editSessionAgenda(deps, bea, { communityId, sessionId: session.id, etag, agenda }));
    expect(edited.session.agenda).toEqual(agenda);
    expect(
      code(
        await editSessionAgenda(deps, bea, {
          communityId,
          sessionId: session.id,
          etag,
          agenda: [{ title: 'x', minutes: 5 }],
        }),
      ),
    ).toBe('CONFLICT');
  });

  it('the rotation proposes the next facilitator, with skip and swap, and scheduling follows it', async () => {
    for (const p of [bea, chen]) value(await changeRotation(deps, p, { communityId, change: { kind: 'join' } }));
    expect(value(await planNextSession(deps, bea, { communityId })).facilitatorId).toBe('bea');
    expect(code(await changeRotation(deps, chen, { communityId, change: { kind: 'skip', userId: 'bea' } }))).toBe(
      'FORBIDDEN',
    );
    value(await changeRotation(deps, bea, { communityId, change: { kind: 'skip', userId: 'bea' } }));
    expect(value(await planNextSession(deps, bea, { communityId })).facilitatorId).toBe('chen');
    const { session } = value(
      await scheduleSession(deps, alex, { communityId, details: { type: 'lean-coffee' }, startsAt: future }),
    );
    expect(session.facilitatorId).toBe('chen');
    const plan = value(await planNextSession(deps, bea, { communityId }));
    expect(plan.facilitatorId).toBe('bea');
    expect(plan.dates[0]).toBe('2026-12-17T15:00:00.000Z');
    value(await changeRotation(deps, alex, { communityId, change: { kind: 'swap', a: 'bea', b: 'chen' } }));
    expect(value(await planNextSession(deps, bea, { communityId })).facilitatorId).toBe('chen');
  });

  it('never proposes a volunteer who has left the community', async () => {
    for (const p of [bea, chen]) value(await changeRotation(deps, p, { communityId, change: { kind: 'join' } }));
    value(await leaveCommunity(deps, bea, { communityId }));
    expect(value(await planNextSession(deps, chen, { communityId }))).toMatchObject({
      facilitatorId: 'chen',
      queue: ['chen'],
    });
    const { session } = value(
      await scheduleSession(deps, alex, { communityId, details: { type: 'lean-coffee' }, startsAt: future }),
    );
    expect(session.facilitatorId).toBe('chen');
  });
});

describe('outcomes', () => {
  let sessionId: string;
  let topicId: string;
  beforeEach(async () => {
    const t = await propose('Remote retros');
    topicId = t.id;
    value(await moveTopic(deps, alex, { communityId, topicId, position: 1 }));
    sessionId = value(
      await scheduleSession(deps, alex, {
        communityId,
        details: { type: 'deep-dive' },
        startsAt: '2026-12-03T15:00:00.000Z',
        topicIds: [topicId],
        facilitatorId: 'bea',
      }),
    ).session.id;
  });

  it('notes: the session facilitator writes them with etags; others cannot; a coach annotates', async () => {
    expect(code(await saveSessionNotes(deps, chen, { communityId, sessionId, markdown: 'x' }))).toBe('FORBIDDEN');
    const first = value(
      await saveSessionNotes(deps, bea, { communityId, sessionId, markdown: '# Notes\n\nWe tried silent writing.' }),
    );
    expect(code(await saveSessionNotes(deps, alex, { communityId, sessionId, markdown: 'overwrite' }))).toBe(
      'CONFLICT',
    );
    const second = value(
      await saveSessionNotes(deps, bea, {
        communityId,
        sessionId,
        markdown: '# Notes\n\nWe tried silent writing.\n\nIt worked.',
        etag: first.etag,
      }),
    );
    expect(
      code(await saveSessionNotes(deps, bea, { communityId, sessionId, markdown: 'stale', etag: first.etag })),
    ).toBe('CONFLICT');
    expect(
      code(await annotateNotes(deps, bea, { communityId, sessionId, anchor: { paragraph: 1 }, text: 'Nice' })),
    ).toBe('FORBIDDEN');
    value(
      await annotateNotes(deps, cora, {
        communityId,
        sessionId,
        anchor: { quote: 'silent writing' },
        text: 'Try 1-2-4-all next time',
      }),
    );
    expect(code(await annotateNotes(deps, cora, { communityId, sessionId, anchor: { paragraph: 5 }, text: 'x' }))).toBe(
      'VALIDATION_FAILED',
    );
    const view = value(await getSessionOutcomes(deps, chen, { communityId, sessionId }));
    expect(view.notes?.markdown).toContain('It worked.');
    expect(view.notesEtag).toBe(second.etag);
    expect(view.annotations.map((a) => a.text)).toEqual(['Try 1-2-4-all next time']);
  });

  it('actions: an owner who is a member, a due date not in the past; the owner or the facilitator updates status', async () => {
    const tk = value(await addTakeaway(deps, chen, { communityId, sessionId, topicId, text: 'Silence first' }));
    expect(code(await addTakeaway(deps, chen, { communityId, sessionId, topicId: 'other', text: 'x' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      code(await createAction(deps, chen, { communityId, takeawayId: tk.id, ownerId: 'bea', dueDate: '2026-11-21' })),
    ).toBe('VALIDATION_FAILED');
    expect(
      code(await createAction(deps, chen, { communityId, takeawayId: tk.id, ownerId: 'zed', dueDate: '2026-12-10' })),
    ).toBe('VALIDATION_FAILED');
    expect(
      code(await createAction(deps, cora, { communityId, takeawayId: tk.id, ownerId: 'bea', dueDate: '2026-12-10' })),
    ).toBe('FORBIDDEN');
    const action = value(
      await createAction(deps, chen, { communityId, takeawayId: tk.id, ownerId: 'cora', dueDate: '2026-11-22' }),
    );
    const [listed] = value(await getSessionOutcomes(deps, chen, { communityId, sessionId })).actions;
    expect(
      code(
        await updateActionStatus(deps, chen, { communityId, actionId: action.id, status: 'done', etag: listed!.etag }),
      ),
    ).toBe('FORBIDDEN');
    const doing = value(
      await updateActionStatus(deps, cora, { communityId, actionId: action.id, status: 'doing', etag: listed!.etag }),
    );
    expect(
      code(
        await updateActionStatus(deps, bea, { communityId, actionId: action.id, status: 'done', etag: listed!.etag }),
      ),
    ).toBe('CONFLICT');
    expect(value(await listOpenActions(deps, chen, { communityId })).map((a) => a.status)).toEqual(['doing']);
    value(await updateActionStatus(deps, bea, { communityId, actionId: action.id, status: 'done', etag: doing.etag }));
    expect(value(await listOpenActions(deps, chen, { communityId }))).toEqual([]);
  });

  it('feedback: once the session started, once per person, and only a summary is shown', async () => {
    expect(code(await giveFeedback(deps, chen, { communityId, sessionId, score: 4 }))).toBe('VALIDATION_FAILED');
    now = Date.parse('2026-12-03T16:00:00.000Z');
    expect(value(await giveFeedback(deps, chen, { communityId, sessionId, score: 4 }))).toEqual({
      votes: 1,
      average: null,
      distribution: null,
    });
    expect(code(await giveFeedback(deps, chen, { communityId, sessionId, score: 1 }))).toBe('ALREADY_VOTED');
    expect(code(await giveFeedback(deps, bea, { communityId, sessionId, score: 0 }))).toBe('VALIDATION_FAILED');
    value(await giveFeedback(deps, bea, { communityId, sessionId, score: 5 }));
    const summary = value(await giveFeedback(deps, alex, { communityId, sessionId, score: 3 }));
    expect(summary).toEqual({ votes: 3, average: 4, distribution: [0, 0, 1, 1, 1] });
    expect(value(await getSessionOutcomes(deps, chen, { communityId, sessionId })).feedback.mine).toBe(true);
    expect(value(await getSessionOutcomes(deps, cora, { communityId, sessionId })).feedback.mine).toBe(false);
  });

  describe('closing a session', () => {
    const closing = (over: Partial<CloseSessionInput> = {}): CloseSessionInput => ({
      communityId,
      sessionId: '',
      requestId: 'close-1',
      attendees: ['alex', 'bea', 'chen'],
      takeaways: [
        {
          topicId: null,
          text: 'Start with silence',
          authorId: 'chen',
          action: { ownerId: 'chen', dueDate: '2026-12-17' },
        },
        { topicId: null, text: 'Use a timer' },
      ],
      feedback: [
        { userId: 'chen', score: 5 },
        { userId: 'bea', score: 4 },
        { userId: 'alex', score: 4 },
      ],
      ...over,
    });

    it('records everything in one step, marks the session held and its topics discussed; the same request id gives the same result', async () => {
      now = Date.parse('2026-12-03T16:05:00.000Z');
      const input = closing({ sessionId, takeaways: closing().takeaways.map((t) => ({ ...t, topicId })) });
      expect(code(await closeSession(deps, chen, input))).toBe('FORBIDDEN');
      const first = value(await closeSession(deps, bea, input));
      expect(first.session).toMatchObject({
        state: 'held',
        attendees: ['alex', 'bea', 'chen'],
        closed: { requestId: 'close-1', by: 'bea' },
      });
      expect(first.takeaways.map((t) => [t.text, t.authorId])).toEqual([
        ['Start with silence', 'chen'],
        ['Use a timer', 'bea'],
      ]);
      expect(first.actions).toHaveLength(1);
      expect(first.feedback).toEqual({ votes: 3, average: 4.3, distribution: [0, 0, 0, 2, 1] });
      const topic = value(await getTopic(deps, alex, { communityId, topicId })).topic;
      expect(topic).toMatchObject({ state: 'discussed', sessionIds: [sessionId] });

      const again = value(await closeSession(deps, bea, input));
      expect(again).toEqual(first);
      expect(value(await getSessionOutcomes(deps, alex, { communityId, sessionId })).takeaways).toHaveLength(2);
      expect(code(await closeSession(deps, bea, { ...input, requestId: 'close-2' }))).toBe('CONFLICT');
      // The voters of the close cannot vote again afterwards.
      expect(code(await giveFeedback(deps, chen, { communityId, sessionId, score: 1 }))).toBe('ALREADY_VOTED');
    });

    it('a retry after a partial failure writes nothing twice', async () => {
      const input = closing({ sessionId });
      const update = deps.store.sessions.update.bind(deps.store.sessions);
      deps.store.sessions.update = async () => {
        throw new Error('store went away');
      };
      await expect(closeSession(deps, bea, input)).rejects.toThrow('store went away');
      deps.store.sessions.update = update;
      const done = value(await closeSession(deps, bea, input));
      expect(done.takeaways).toHaveLength(2);
      expect(done.actions).toHaveLength(1);
      expect(done.feedback.votes).toBe(3);
      expect(
        (await getTopic(deps, alex, { communityId, topicId })).ok &&
          value(await getTopic(deps, alex, { communityId, topicId })).topic.sessionIds,
      ).toEqual([sessionId]);
    });

    it('refuses an unknown member, a past due date, a bad score or a foreign topic, and changes nothing', async () => {
      for (const bad of [
        closing({ sessionId, attendees: ['alex', 'zed'] }),
        closing({
          sessionId,
          takeaways: [{ topicId: null, text: 'x', action: { ownerId: 'zed', dueDate: '2026-12-17' } }],
        }),
        closing({
          sessionId,
          takeaways: [{ topicId: null, text: 'x', action: { ownerId: 'bea', dueDate: '2026-11-01' } }],
        }),
        closing({ sessionId, feedback: [{ userId: 'bea', score: 9 }] }),
        closing({ sessionId, takeaways: [{ topicId: 'elsewhere', text: 'x' }] }),
        closing({ sessionId, takeaways: [{ topicId: null, text: '   ' }] }),
      ]) {
        expect(code(await closeSession(deps, bea, bad))).toBe('VALIDATION_FAILED');
      }
      const view = value(await getSessionOutcomes(deps, alex, { communityId, sessionId }));
      expect(view.takeaways).toEqual([]);
      expect(view.actions).toEqual([]);
      expect(view.feedback.votes).toBe(0);
      expect(value(await getTopic(deps, alex, { communityId, topicId })).topic.state).toBe('scheduled');
      expect(value(await listSessions(deps, alex, { communityId }))[0]!.state).toBe('scheduled');
    });
  });
});
