import { iceBreakerForSession, savedRunOf, type SavedSessionRun } from '../../../src/domain/session-run';
import { clientFail, clientOk, type ClientResult } from '../../../src/live/client-result';
import type { LiveSessionRun } from '../../../src/live/live-meeting';
import { ApiError } from '../../../src/tab/api-client';
import {
  createSessionController,
  type SessionControllerDeps,
  type StartOptions,
} from '../../../src/tab/features/session-run/session-controller';
import { nameOf, run, session, takeaway, topic } from './session-run-fixtures';

type Call = [string, ...unknown[]];
const NOW = new Date('2026-03-02T10:00:00.000Z');

/** The step was refused as a value (never thrown), with `code` and a message matching `why`. */
function refusedWith(r: ClientResult<unknown>, why: string | RegExp, code = 'ACTION_REFUSED'): void {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  if (typeof why === 'string') expect(r.error.message).toBe(why);
  else expect(r.error.message).toMatch(why);
}
function value<T>(r: ClientResult<T>): T {
  if (!r.ok) throw new Error(`refused: ${r.error.message}`);
  return r.value;
}

/**
 * Stubs that log every call in order; `fail` makes the named API call reject like the server would,
 * `liveRefuses` makes the named live edit refuse like the live rules would.
 */
function stubs(opts: { fail?: string; failWith?: ApiError; liveRefuses?: string } = {}) {
  const calls: Call[] = [];
  const refuse = (name: string) => {
    if (opts.fail === name)
      throw opts.failWith ?? new ApiError('VALIDATION_FAILED', `The server refused ${name}.`, 400);
  };
  const topics = [topic('t1', 'Remote retrospectives', { ownerId: 'u2' }), topic('t2', 'Metrics', { rank: 2 })];
  const sessions = [
    session({ id: 's-up', startsAt: '2026-03-09T10:00:00.000Z' }),
    session({ id: 's-old', state: 'held' }),
    session({ id: 's-old2', state: 'held' }),
  ];
  const api: SessionControllerDeps['api'] = {
    sessions: {
      list: async (c) => (calls.push(['api.sessions.list', c]), refuse('list'), sessions),
      schedule: async (c, req) => (
        calls.push(['api.sessions.schedule', c, req]),
        refuse('schedule'),
        { session: session({ id: `s-${req.requestId}`, topicIds: req.topicIds ?? [] }), etag: 'e' }
      ),
      get: async (c, sid) => (
        calls.push(['api.sessions.get', c, sid]),
        refuse('get'),
        { session: session({ id: sid, topicIds: ['t1', 't9'] }), etag: 'e' }
      ),
      outcomes: async (c, sid) => (
        calls.push(['api.sessions.outcomes', c, sid]),
        refuse('outcomes'),
        {
          notes: null,
          notesEtag: null,
          annotations: [],
          takeaways: [],
          actions: [],
          feedback: { votes: 3, average: 4, distribution: [0, 0, 1, 1, 1], mine: true },
        }
      ),
      giveFeedback: async (c, sid, score) => (
        calls.push(['api.sessions.giveFeedback', c, sid, score]),
        refuse('giveFeedback'),
        { votes: 1, average: null, distribution: null }
      ),
      close: async (c, sid, req) => (
        calls.push(['api.sessions.close', c, sid, req]),
        refuse('close'),
        {
          session: session({ id: sid, state: 'held' }),
          takeaways: [],
          actions: [],
          feedback: { votes: 3, average: 4, distribution: [0, 0, 1, 1, 1] },
        }
      ),
      saveRun: async (c, sid, req) => (
        calls.push(['api.sessions.saveRun', c, sid, req]),
        refuse('saveRun'),
        {
          saved: {
            communityId: c,
            sessionId: sid,
            meetingId: req.meetingId,
            run: req.run,
            savedBy: 'u1',
            savedAt: NOW.toISOString(),
          },
          kept: { groupNotes: 0, takeaways: 0 },
        }
      ),
      resumableRun: async (c, m) => (calls.push(['api.sessions.resumableRun', c, m]), refuse('resumableRun'), null),
    },
    backlog: {
      volunteerOwner: async (c, t) => (
        calls.push(['api.backlog.volunteerOwner', c, t]), refuse('volunteer'), topic(t, 'x', { ownerId: 'u3' })
      ),
    },
    listTopics: async (c) => (calls.push(['api.listTopics', c]), refuse('listTopics'), topics),
  };
  const liveCall =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([`live.${name}`, ...args]);
      if (opts.liveRefuses === name) return clientFail('STEP_REFUSED', `The live rules refused ${name}.`);
      return name === 'addTakeaway' ? clientOk('new-id') : clientOk();
    };
  const live = Object.fromEntries(
    [
      'start',
      'resume',
      'advance',
      'setTimer',
      'setGroups',
      'moveMember',
      'editTakeaway',
      'mergeTakeaway',
      'setAction',
      'closeFeedback',
      'markClosed',
      'addGroupNote',
      'addTakeaway',
      'markVoted',
    ].map((n) => [n, liveCall(n)]),
  ) as unknown as LiveSessionRun;
  const controller = createSessionController({ api, live, communityId: 'c1', now: () => NOW });
  return { calls, controller, topics };
}

const names = (calls: Call[]) => calls.map((c) => c[0]);

describe('starting a session', () => {
  it('loads the upcoming sessions, the held count and the top of the backlog in one go', async () => {
    const { calls, controller } = stubs();
    const o = value(await controller.loadStartOptions());
    expect(names(calls).sort()).toEqual(['api.listTopics', 'api.sessions.list']);
    expect(o.upcoming.map((s) => s.id)).toEqual(['s-up']);
    expect(o.held).toBe(2);
    expect(o.top?.id).toBe('t1');
  });

  it("starts a scheduled session live only, with the community's next ice breaker, its topic and owner", async () => {
    const { calls, controller } = stubs();
    const o = value(await controller.loadStartOptions());
    calls.length = 0;
    await controller.start(o, { kind: 'scheduled', sessionId: 's-up' }, { me: 'u1', nameOf });
    expect(calls).toEqual([
      [
        'live.start',
        {
          sessionId: 's-up',
          iceBreakerId: iceBreakerForSession('c1', 2).id,
          topicTitle: 'Remote retrospectives',
          ownerName: 'Bea Okafor',
          minutes: 5,
        },
      ],
    ]);
  });

  it('"Schedule one now" schedules a deep dive in 2 minutes on the top topic first, then starts it', async () => {
    const { calls, controller } = stubs();
    const o = value(await controller.loadStartOptions());
    calls.length = 0;
    const s = value(await controller.start(o, { kind: 'now', requestId: 'now-1' }, { me: 'u1', nameOf }));
    expect(names(calls)).toEqual(['api.sessions.schedule', 'live.start']);
    expect(calls[0]).toEqual([
      'api.sessions.schedule',
      'c1',
      {
        details: { type: 'deep-dive' },
        startsAt: '2026-03-02T10:02:00.000Z',
        topicIds: ['t1'],
        facilitatorId: 'u1',
        requestId: 'now-1',
      },
    ]);
    expect(calls[1]![1]).toMatchObject({ sessionId: 's-now-1', topicTitle: 'Remote retrospectives' });
    expect(s.id).toBe('s-now-1');
  });

  it('starts nothing live when the server refuses the schedule, and refuses "now" without a topic', async () => {
    const { calls, controller } = stubs({ fail: 'schedule' });
    const o = value(await controller.loadStartOptions());
    calls.length = 0;
    refusedWith(
      await controller.start(o, { kind: 'now', requestId: 'r' }, { me: 'u1', nameOf }),
      'The server refused schedule.',
      'VALIDATION_FAILED',
    );
    expect(names(calls)).toEqual(['api.sessions.schedule']);
    const empty: StartOptions = { ...o, top: undefined };
    calls.length = 0;
    refusedWith(await controller.start(empty, { kind: 'now', requestId: 'r' }, { me: 'u1', nameOf }), /needs a topic/);
    expect(calls).toEqual([]);
  });
});

describe('moving through the run of show', () => {
  it('moves to the next phase with its default timebox', () => {
    const { calls, controller } = stubs();
    controller.moveOn(run({ phase: 'check-in' }), 'deep-dive');
    controller.moveOn(run({ phase: 'share-out' }), 'feedback');
    expect(calls).toEqual([
      ['live.advance', 'deep-dive', { minutes: 15 }],
      ['live.advance', 'feedback', { minutes: 5 }],
    ]);
  });

  it('refuses skipping a phase, breakouts without groups, and closing without the record', () => {
    const { calls, controller } = stubs();
    refusedWith(
      controller.moveOn(run({ phase: 'check-in' }), 'share-out'),
      'From Check-in the session moves on to Deep dive.',
    );
    refusedWith(controller.moveOn(run({ phase: 'deep-dive' }), 'breakouts'), /breakouts/);
    refusedWith(controller.moveOn(run({ phase: 'feedback' }), 'closed'), /Close the session/);
    expect(calls).toEqual([]);
  });

  it('starts the breakouts: the groups go live, then the phase with its 10–15 minute timer', () => {
    const { calls, controller } = stubs();
    const groups = [
      { index: 0, question: 'What works?', members: ['u1', 'u2'] },
      { index: 1, question: '', members: ['u3', 'u4'] },
    ];
    controller.startBreakouts(run({ phase: 'deep-dive' }), groups, 12);
    expect(calls).toEqual([
      ['live.setGroups', groups],
      ['live.advance', 'breakouts', { minutes: 12 }],
    ]);
  });

  it('refuses a breakout timer outside 10–15 minutes, an empty group, or breakouts from another phase', () => {
    const { calls, controller } = stubs();
    const groups = [
      { index: 0, question: '', members: ['u1', 'u2'] },
      { index: 1, question: '', members: ['u3'] },
    ];
    refusedWith(
      controller.startBreakouts(run({ phase: 'deep-dive' }), groups, 20),
      'A breakout lasts 10 to 15 minutes.',
    );
    refusedWith(
      controller.startBreakouts(run({ phase: 'deep-dive' }), [groups[0]!, { index: 1, question: '', members: [] }], 10),
      /nobody in it/,
    );
    refusedWith(controller.startBreakouts(run({ phase: 'check-in' }), groups, 10), /from the deep dive/);
    expect(calls).toEqual([]);
  });

  it('adds a late joiner to a group, and refuses someone already in one', () => {
    const { calls, controller } = stubs();
    const r = run({
      phase: 'breakouts',
      groups: [
        { index: 0, question: 'Q', members: ['u1', 'u2'] },
        { index: 1, question: '', members: ['u3', 'u4'] },
      ],
    });
    controller.addToGroup(r, 'u5', 0);
    expect(calls).toEqual([
      [
        'live.setGroups',
        [
          { index: 0, question: 'Q', members: ['u1', 'u2', 'u5'] },
          { index: 1, question: '', members: ['u3', 'u4'] },
        ],
      ],
    ]);
    refusedWith(controller.addToGroup(r, 'u3', 0), /move them instead/);
  });
});

describe('curating takeaways', () => {
  it('turns a takeaway into an action with an owner and a due date, not in the past', () => {
    const { calls, controller } = stubs();
    controller.setAction('k1', { ownerId: 'u2', dueDate: '2026-03-02' });
    refusedWith(controller.setAction('k1', { ownerId: 'u2', dueDate: '2026-03-01' }), 'The due date is in the past.');
    refusedWith(controller.setAction('k1', { ownerId: '', dueDate: '2026-03-09' }), 'Choose who owns the action.');
    refusedWith(controller.setAction('k1', { ownerId: 'u2', dueDate: '' }), 'Pick a due date.');
    controller.setAction('k1', undefined);
    expect(calls).toEqual([
      ['live.setAction', 'k1', { ownerId: 'u2', dueDate: '2026-03-02' }],
      ['live.setAction', 'k1', undefined],
    ]);
  });
});

describe('voting', () => {
  it('sends the vote to the record first, then marks me as voted live', async () => {
    const { calls, controller } = stubs();
    await controller.vote(run({ phase: 'feedback' }), 4);
    expect(calls).toEqual([['api.sessions.giveFeedback', 'c1', 's1', 4], ['live.markVoted']]);
  });

  it('marks nothing live when the record refused the vote', async () => {
    const { calls, controller } = stubs({
      fail: 'giveFeedback',
      failWith: new ApiError('VALIDATION_FAILED', 'Feedback opens when the session starts.', 400),
    });
    refusedWith(
      await controller.vote(run({ phase: 'feedback' }), 4),
      'Feedback opens when the session starts.',
      'VALIDATION_FAILED',
    );
    expect(names(calls)).toEqual(['api.sessions.giveFeedback']);
  });

  it('marks me live when the record already holds my vote (a retry)', async () => {
    const { calls, controller } = stubs({
      fail: 'giveFeedback',
      failWith: new ApiError('ALREADY_VOTED', 'You have already given feedback on this session.', 409),
    });
    await controller.vote(run({ phase: 'feedback' }), 4);
    expect(names(calls)).toEqual(['api.sessions.giveFeedback', 'live.markVoted']);
  });

  it('refuses a vote outside the feedback phase or off the scale, asking nobody', async () => {
    const { calls, controller } = stubs();
    refusedWith(await controller.vote(run({ phase: 'share-out' }), 4), /Voting opens/);
    refusedWith(await controller.vote(run({ phase: 'feedback' }), 6), 'Pick a score from 1 to 5.');
    expect(calls).toEqual([]);
  });
});

describe('closing', () => {
  const snapshot = {
    present: [
      { id: 'u1', name: 'Alex Morgan' },
      { id: 'u2', name: 'Bea Okafor' },
    ],
    checkIns: [],
  };
  const curated = run({
    phase: 'feedback',
    takeaways: [
      takeaway('k1', 'Timebox the retro', 'u1'),
      takeaway('k2', 'Keep it short', 'u2', { mergedInto: 'k1' }),
      takeaway('k3', 'Invite the PO', 'u3', { action: { ownerId: 'u2', dueDate: '2026-03-09' } }),
    ],
  });

  it("reads the session's topic, closes once in the record with the curated wall, then closes the run live", async () => {
    const { calls, controller } = stubs();
    await controller.close(curated, snapshot, ['u1', 'u2', 'u3']);
    expect(names(calls)).toEqual(['api.sessions.get', 'api.sessions.close', 'live.markClosed']);
    expect(calls[1]).toEqual([
      'api.sessions.close',
      'c1',
      's1',
      {
        requestId: 'close-s1',
        attendees: ['u1', 'u2', 'u3'],
        takeaways: [
          { topicId: 't1', text: 'Timebox the retro (also: Keep it short)', authorId: 'u1' },
          { topicId: 't1', text: 'Invite the PO', authorId: 'u3', action: { ownerId: 'u2', dueDate: '2026-03-09' } },
        ],
        feedback: [],
        breakouts: [],
      },
    ]);
  });

  it('leaves the run open when the record refuses, and a retry sends the same request id', async () => {
    const failing = stubs({ fail: 'close' });
    refusedWith(
      await failing.controller.close(curated, snapshot, ['u1', 'u2', 'u3']),
      'The server refused close.',
      'VALIDATION_FAILED',
    );
    expect(names(failing.calls)).not.toContain('live.markClosed');
    const ok = stubs();
    await ok.controller.close(curated, snapshot, ['u1', 'u2', 'u3']);
    const first = failing.calls.find((c) => c[0] === 'api.sessions.close')![3] as { requestId: string };
    const retry = ok.calls.find((c) => c[0] === 'api.sessions.close')![3] as { requestId: string };
    expect(retry.requestId).toBe(first.requestId);
  });

  it('refuses more takeaways than one close keeps, before asking the server', async () => {
    const { calls, controller } = stubs();
    const many = run({
      phase: 'feedback',
      takeaways: Array.from({ length: 51 }, (_, i) => takeaway(`k${i}`, `t${i}`, 'u1')),
    });
    refusedWith(await controller.close(many, snapshot, ['u1']), /At most 50 takeaways/);
    expect(calls).toEqual([]);
  });
});

describe('after the close', () => {
  it('offers the top prioritised topic and volunteers me as its owner', async () => {
    const { calls, controller } = stubs();
    expect(value(await controller.nextTopic())?.id).toBe('t1');
    const t = value(await controller.volunteer('t2'));
    expect(t.ownerId).toBe('u3');
    expect(calls).toEqual([
      ['api.listTopics', 'c1'],
      ['api.backlog.volunteerOwner', 'c1', 't2'],
    ]);
  });

  it('reads the feedback summary from the record', async () => {
    const { controller } = stubs();
    expect(value(await controller.feedback('s1'))).toMatchObject({ votes: 3, distribution: [0, 0, 1, 1, 1] });
  });
});

describe('errors as values', () => {
  it('passes a live refusal on as a value and stops there (no advance after refused groups)', () => {
    const { calls, controller } = stubs({ liveRefuses: 'setGroups' });
    const groups = [
      { index: 0, question: '', members: ['u1', 'u2'] },
      { index: 1, question: '', members: ['u3', 'u4'] },
    ];
    refusedWith(
      controller.startBreakouts(run({ phase: 'deep-dive' }), groups, 12),
      'The live rules refused setGroups.',
      'STEP_REFUSED',
    );
    expect(names(calls)).toEqual(['live.setGroups']);
  });

  it('turns a network failure into REQUEST_FAILED-like values, never a throw', async () => {
    const { controller } = stubs({
      fail: 'listTopics',
      failWith: new ApiError('REQUEST_FAILED', 'The server could not be reached.', 0),
    });
    refusedWith(await controller.nextTopic(), 'The server could not be reached.', 'REQUEST_FAILED');
  });
});

describe('saving and resuming the run of show', () => {
  const midBreakout = run({
    phase: 'breakouts',
    groups: [
      { index: 0, question: 'Q', members: ['u1', 'u2'] },
      { index: 1, question: '', members: ['u3', 'u4'] },
    ],
    groupNotes: [
      {
        id: '0/u1/n1',
        group: 0,
        userId: 'u1',
        displayName: 'Alex Morgan',
        text: 'A note',
        at: '2026-03-02T10:20:00.000Z',
      },
    ],
    takeaways: [takeaway('k1', 'Timebox the retro', 'u1')],
  });

  it('saves the run as the meeting shows it, with the meeting it runs in', async () => {
    const { calls, controller } = stubs();
    value(await controller.save(midBreakout, 'm1'));
    expect(calls).toEqual([['api.sessions.saveRun', 'c1', 's1', { meetingId: 'm1', run: savedRunOf(midBreakout) }]]);
  });

  it('saves nothing once the run is closed (the close keeps it)', async () => {
    const { calls, controller } = stubs();
    expect(
      value(await controller.save(run({ phase: 'closed', closed: { at: NOW.toISOString() } }), 'm1')),
    ).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it("finds the meeting's resumable run and seeds the live meeting from it", async () => {
    const { calls, controller } = stubs();
    expect(value(await controller.findResumable('m1'))).toBeNull();
    const saved: SavedSessionRun = {
      communityId: 'c1',
      sessionId: 's1',
      meetingId: 'm1',
      run: savedRunOf(midBreakout)!,
      savedBy: 'u1',
      savedAt: NOW.toISOString(),
    };
    value(controller.resume(saved));
    refusedWith(controller.resume({ ...saved, communityId: 'c2' }), /another community/);
    expect(calls).toEqual([
      ['api.sessions.resumableRun', 'c1', 'm1'],
      ['live.resume', 's1', saved.run],
    ]);
  });
});
