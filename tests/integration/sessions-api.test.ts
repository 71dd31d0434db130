/**
 * Backlog operations, sessions and their outcomes over real HTTP (issue 4). Every class of bad input
 * (empty or oversized text, a due date in the past, an unknown member as owner, a non-facilitator
 * doing a facilitator's action, a stale ETag) gets a clear 4xx and changes nothing: each test reads back.
 */
import { encodeDevIdentity } from '../../src/api/dev-identity';
import { startTestServer, type TestServer } from '../fixtures/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const alex = () => server.as('alex'); // creates the community: facilitator and champion
const bea = () => server.as('bea'); // member
const cora = () => server.as('cora'); // coach
const mallory = () => server.as('mallory', 'tenant-b');

const DAY = 86_400_000;
const inDays = (d: number) => new Date(Date.now() + d * DAY).toISOString();
const dateInDays = (d: number) => inDays(d).slice(0, 10);

interface World {
  id: string;
  base: string;
}

async function world(): Promise<World> {
  const created = await alex()('/api/communities', {
    body: { name: `Sessions ${Math.random().toString(36).slice(2, 7)}`, purpose: 'working-group', cadencePerMonth: 2 },
  });
  expect(created.status).toBe(201);
  const id = created.body.community.id as string;
  for (const p of [bea(), cora()]) expect((await p(`/api/communities/${id}/members`, { body: {} })).status).toBe(201);
  expect(
    (await alex()(`/api/communities/${id}/members/cora/roles`, { method: 'PUT', body: { roles: ['member', 'coach'] } }))
      .status,
  ).toBe(200);
  return { id, base: `/api/communities/${id}` };
}

async function topic(w: World, title: string, by = bea()) {
  const res = await by(`${w.base}/topics`, { body: { title, force: true } });
  expect(res.status).toBe(201);
  return res.body.topic.id as string;
}

async function prioritised(w: World, title: string) {
  const id = await topic(w, title);
  expect((await alex()(`${w.base}/topics/${id}/position`, { method: 'PUT', body: { position: 1 } })).status).toBe(200);
  return id;
}

async function schedule(w: World, body: Record<string, unknown>) {
  const res = await alex()(`${w.base}/sessions`, { body: { startsAt: inDays(7), ...body } });
  expect(res.status).toBe(201);
  return res.body as { session: any; etag: string };
}

const backlog = async (w: World) => (await alex()(`${w.base}/topics`)).body.topics as any[];
const expect4xx = (res: { status: number; body: any }, status: number, code: string, message?: RegExp) => {
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  if (message) expect(res.body.error.message).toMatch(message);
};

describe('a working session from backlog to export', () => {
  it('re-orders, schedules, writes notes, closes in one step (idempotently), exports and searches', async () => {
    const w = await world();
    const retros = await prioritised(w, 'Remote retros');
    const metrics = await prioritised(w, 'Flow metrics');
    expect((await backlog(w)).filter((t) => t.state === 'prioritised').map((t) => [t.title, t.rank])).toEqual([
      ['Flow metrics', 1],
      ['Remote retros', 2],
    ]);
    expect((await bea()(`${w.base}/topics/${retros}/owner`, { method: 'PUT' })).body.topic.ownerId).toBe('bea');

    const { session } = await schedule(w, {
      details: { type: 'deep-dive' },
      topicIds: [retros],
      facilitatorId: 'bea',
      purpose: 'Make retros lively',
      meetingLink: 'https://teams.microsoft.com/l/meetup-join/abc',
    });
    expect(session.agenda.reduce((s: number, i: any) => s + i.minutes, 0)).toBe(60);
    const topics = await backlog(w);
    expect(topics.find((t) => t.id === retros)).toMatchObject({ state: 'scheduled', rank: null });
    expect(topics.find((t) => t.id === metrics)).toMatchObject({ state: 'prioritised', rank: 1 });
    await schedule(w, {
      details: { type: 'external-speaker', speakerName: 'Ana Ruiz', organisation: 'Acme' },
      startsAt: inDays(21),
    });

    const sid = session.id as string;
    const notes = await bea()(`${w.base}/sessions/${sid}/notes`, {
      method: 'PUT',
      body: { markdown: '# Notes\n\nWe tried silent writing first.' },
    });
    expect(notes.status).toBe(200);
    expect(
      (
        await cora()(`${w.base}/sessions/${sid}/annotations`, {
          body: { anchor: { quote: 'silent writing' }, text: 'Try 1-2-4-all next time' },
        })
      ).status,
    ).toBe(201);

    const close = {
      requestId: 'close-abc',
      attendees: ['alex', 'bea', 'cora'],
      takeaways: [
        {
          topicId: retros,
          text: 'Start with two minutes of silence',
          authorId: 'cora',
          action: { ownerId: 'cora', dueDate: dateInDays(14) },
        },
      ],
      feedback: [
        { userId: 'alex', score: 4 },
        { userId: 'bea', score: 5 },
        { userId: 'cora', score: 4 },
      ],
    };
    const closed = await bea()(`${w.base}/sessions/${sid}/close`, { body: close });
    expect(closed.status).toBe(200);
    expect(closed.body.session).toMatchObject({ state: 'held', attendees: ['alex', 'bea', 'cora'] });
    expect(closed.body.feedback).toEqual({ votes: 3, average: 4.3, distribution: [0, 0, 0, 2, 1] });
    const again = await bea()(`${w.base}/sessions/${sid}/close`, { body: close });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(closed.body);
    expect(
      (await bea()(`${w.base}/sessions/${sid}/close`, { body: { ...close, requestId: 'close-other' } })).status,
    ).toBe(409);
    expect((await backlog(w)).find((t) => t.id === retros)).toMatchObject({ state: 'discussed', sessionIds: [sid] });

    const md = await fetch(`${server.url}${w.base}/sessions/${sid}/export.md`, {
      headers: { authorization: encodeDevIdentity({ tenantId: 'tenant-a', userId: 'bea', displayName: 'BEA' }) },
    });
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
    const text = await md.text();
    expect(text).toContain('We tried silent writing first.');
    expect(text).toContain('Try 1-2-4-all next time');
    expect(text).toContain('- Start with two minutes of silence — CORA (Remote retros)');
    expect(text).toMatch(/- \[ \] Start with two minutes of silence — CORA, due \d{4}-\d{2}-\d{2} \(open\)/);
    expect(text).toContain('Attendance: 3');

    const hits = (await bea()(`${w.base}/search?q=SILEN`)).body.hits;
    expect(hits.map((h: any) => h.kind).sort()).toEqual(['notes', 'takeaway']);
    const open = (await bea()(`${w.base}/actions`)).body.actions;
    expect(open.map((a: any) => a.ownerId)).toEqual(['cora']);

    const listed = (await bea()(`${w.base}/sessions`)).body.sessions;
    expect(listed.map((s: any) => s.details.type)).toEqual(['external-speaker', 'deep-dive']);
    expect((await bea()(`${w.base}/sessions?topic=${retros}`)).body.sessions.map((s: any) => s.id)).toEqual([sid]);
    expect((await bea()(`${w.base}/sessions?owner=bea`)).body.sessions.map((s: any) => s.id)).toEqual([sid]);
    expect(
      (await bea()(`${w.base}/sessions?type=external-speaker&from=${encodeURIComponent(inDays(14))}`)).body.sessions,
    ).toHaveLength(1);
    expect((await bea()(`${w.base}/sessions?type=party`)).status).toBe(400);

    // Nothing of it leaks to another tenant.
    expect((await mallory()(`${w.base}/sessions/${sid}/outcomes`)).status).toBe(404);
    expect((await mallory()(`${w.base}/search?q=silence`)).status).toBe(404);
  });

  it('merges a duplicate and keeps its history; plans the next session from the rotation', async () => {
    const w = await world();
    const keep = await topic(w, 'Remote retros', alex());
    const dup = await topic(w, 'Retros online');
    const merged = await alex()(`${w.base}/topics/merge`, { body: { keepId: keep, mergeId: dup } });
    expect(merged.status).toBe(200);
    const topics = await backlog(w);
    expect(topics.find((t) => t.id === keep).supporters).toEqual(['bea']);
    expect(topics.find((t) => t.id === dup)).toMatchObject({ state: 'archived', mergedInto: keep });
    expect((await alex()(`${w.base}/topics/${dup}/restore`, { body: {} })).status).toBe(200);

    expect((await bea()(`${w.base}/rotation`, { body: { kind: 'join' } })).status).toBe(200);
    expect((await cora()(`${w.base}/rotation`, { body: { kind: 'join' } })).status).toBe(200);
    expect((await bea()(`${w.base}/rotation`, { body: { kind: 'skip', userId: 'bea' } })).status).toBe(200);
    const plan = (await bea()(`${w.base}/session-plan`)).body.plan;
    expect(plan.facilitatorId).toBe('cora');
    expect(plan.queue).toEqual(['bea', 'cora']);
    expect(plan.dates).toHaveLength(4);
    expect((await bea()(`${w.base}/rotation`, { body: { kind: 'swap', a: 'bea', b: 'alex' } })).status).toBe(400);
  });
});

describe('bad input gets a clear 4xx and changes nothing', () => {
  it('empty or oversized text', async () => {
    const w = await world();
    const t = await topic(w, 'Remote retros');
    const { etag } = (await bea()(`${w.base}/topics/${t}`)).body;
    for (const body of [
      { etag, title: '   ' },
      { etag, title: 'x'.repeat(121) },
      { etag, description: 'x'.repeat(2001) },
    ]) {
      expect4xx(
        await bea()(`${w.base}/topics/${t}`, { method: 'PATCH', body }),
        400,
        'VALIDATION_FAILED',
        /title|description/,
      );
    }
    const { session } = await schedule(w, { details: { type: 'book-club', bookTitle: 'Turn the Ship Around' } });
    const s = `${w.base}/sessions/${session.id}`;
    expect4xx(
      await bea()(`${s}/takeaways`, { body: { topicId: null, text: '' } }),
      400,
      'VALIDATION_FAILED',
      /text is required/,
    );
    expect4xx(
      await bea()(`${s}/takeaways`, { body: { topicId: null, text: 'x'.repeat(501) } }),
      400,
      'VALIDATION_FAILED',
      /at most 500/,
    );
    expect4xx(
      await alex()(`${s}/notes`, { method: 'PUT', body: { markdown: 'x'.repeat(20_001) } }),
      400,
      'VALIDATION_FAILED',
      /at most 20000/,
    );
    expect4xx(
      await alex()(`${w.base}/sessions`, {
        body: { startsAt: inDays(3), details: { type: 'external-speaker', speakerName: '', organisation: 'Acme' } },
      }),
      400,
      'VALIDATION_FAILED',
      /speakerName is required/,
    );
    expect4xx(
      await alex()(`${w.base}/sessions`, { body: { startsAt: inDays(3), details: { type: 'visit' } } }),
      400,
      'VALIDATION_FAILED',
      /hostCompany/,
    );
    expect4xx(
      await alex()(`${s}/close`, {
        body: { requestId: 'c1', attendees: [], takeaways: [{ topicId: null, text: ' ' }], feedback: [] },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect4xx(await bea()(`${w.base}/search?q=`), 400, 'VALIDATION_FAILED');

    expect((await bea()(`${w.base}/topics/${t}`)).body.topic).toMatchObject({
      title: 'Remote retros',
      description: '',
    });
    const outcomes = (await bea()(`${s}/outcomes`)).body;
    expect(outcomes).toMatchObject({ notes: null, takeaways: [] });
    expect((await bea()(`${w.base}/sessions`)).body.sessions).toHaveLength(1);
    expect((await bea()(s)).body.session.state).toBe('scheduled');
  });

  it('a due date in the past, and a session start in the past', async () => {
    const w = await world();
    const { session } = await schedule(w, { details: { type: 'lean-coffee' } });
    const s = `${w.base}/sessions/${session.id}`;
    const takeaway = (await bea()(`${s}/takeaways`, { body: { topicId: null, text: 'Timebox everything' } })).body
      .takeaway;
    expect4xx(
      await bea()(`${w.base}/actions`, { body: { takeawayId: takeaway.id, ownerId: 'bea', dueDate: dateInDays(-1) } }),
      400,
      'VALIDATION_FAILED',
      /due date is in the past/,
    );
    expect4xx(
      await bea()(`${w.base}/actions`, { body: { takeawayId: takeaway.id, ownerId: 'bea', dueDate: '2026-02-30' } }),
      400,
      'VALIDATION_FAILED',
      /dueDate/,
    );
    expect4xx(
      await alex()(`${s}/close`, {
        body: {
          requestId: 'c1',
          attendees: ['bea'],
          takeaways: [{ topicId: null, text: 'x', action: { ownerId: 'bea', dueDate: dateInDays(-3) } }],
          feedback: [],
        },
      }),
      400,
      'VALIDATION_FAILED',
      /past/,
    );
    expect4xx(
      await alex()(`${w.base}/sessions`, { body: { startsAt: inDays(-1), details: { type: 'lean-coffee' } } }),
      400,
      'VALIDATION_FAILED',
      /in the future/,
    );

    expect((await bea()(`${w.base}/actions`)).body.actions).toEqual([]);
    expect((await bea()(`${s}/outcomes`)).body.takeaways).toHaveLength(1);
    expect((await bea()(s)).body.session.state).toBe('scheduled');
    expect((await bea()(`${w.base}/sessions`)).body.sessions).toHaveLength(1);
  });

  it('an unknown member as owner or facilitator', async () => {
    const w = await world();
    const t = await prioritised(w, 'Flow metrics');
    expect4xx(
      await alex()(`${w.base}/sessions`, {
        body: { startsAt: inDays(7), details: { type: 'deep-dive' }, topicIds: [t], facilitatorId: 'zed' },
      }),
      400,
      'VALIDATION_FAILED',
      /Not a member.*zed/,
    );
    const { session } = await schedule(w, { details: { type: 'deep-dive' }, topicIds: [t] });
    const s = `${w.base}/sessions/${session.id}`;
    const takeaway = (await bea()(`${s}/takeaways`, { body: { topicId: t, text: 'Measure cycle time' } })).body
      .takeaway;
    expect4xx(
      await bea()(`${w.base}/actions`, { body: { takeawayId: takeaway.id, ownerId: 'zed', dueDate: dateInDays(7) } }),
      400,
      'VALIDATION_FAILED',
      /Not a member.*zed/,
    );
    expect4xx(
      await alex()(`${s}/close`, {
        body: { requestId: 'c1', attendees: ['bea', 'mallory'], takeaways: [], feedback: [] },
      }),
      400,
      'VALIDATION_FAILED',
      /mallory/,
    );

    expect((await bea()(`${w.base}/actions`)).body.actions).toEqual([]);
    expect((await bea()(`${w.base}/sessions`)).body.sessions.map((x: any) => x.id)).toEqual([session.id]);
    expect((await bea()(s)).body.session).toMatchObject({ state: 'scheduled', attendees: [] });
    expect((await backlog(w)).find((x) => x.id === t).state).toBe('scheduled');
  });

  it('a non-facilitator doing a facilitator action', async () => {
    const w = await world();
    const [a, b] = [await prioritised(w, 'Alpha'), await prioritised(w, 'Bravo')];
    const before = await backlog(w);
    expect4xx(
      await bea()(`${w.base}/topics/${a}/position`, { method: 'PUT', body: { position: 1 } }),
      403,
      'FORBIDDEN',
      /facilitator or champion/,
    );
    expect4xx(await bea()(`${w.base}/topics/merge`, { body: { keepId: a, mergeId: b } }), 403, 'FORBIDDEN');
    expect4xx(await bea()(`${w.base}/topics/${a}/archive`, { body: {} }), 403, 'FORBIDDEN');
    const { etag } = (await cora()(`${w.base}/topics/${a}`)).body;
    expect4xx(
      await cora()(`${w.base}/topics/${a}`, { method: 'PATCH', body: { etag, title: 'Mine' } }),
      403,
      'FORBIDDEN',
    );
    expect4xx(
      await bea()(`${w.base}/sessions`, {
        body: { startsAt: inDays(7), details: { type: 'deep-dive' }, topicIds: [a] },
      }),
      403,
      'FORBIDDEN',
    );
    expect(await backlog(w)).toEqual(before);

    const { session, etag: sessionEtag } = await schedule(w, { details: { type: 'deep-dive' }, topicIds: [a] });
    const s = `${w.base}/sessions/${session.id}`;
    expect4xx(await bea()(`${s}/notes`, { method: 'PUT', body: { markdown: 'My notes' } }), 403, 'FORBIDDEN');
    expect4xx(
      await bea()(`${s}/agenda`, {
        method: 'PUT',
        body: { etag: sessionEtag, agenda: [{ title: 'Chat', minutes: 10 }] },
      }),
      403,
      'FORBIDDEN',
    );
    expect4xx(
      await bea()(`${s}/close`, { body: { requestId: 'c1', attendees: ['bea'], takeaways: [], feedback: [] } }),
      403,
      'FORBIDDEN',
    );
    expect4xx(await bea()(`${s}/annotations`, { body: { anchor: { paragraph: 0 }, text: 'Hmm' } }), 403, 'FORBIDDEN');
    expect((await server.as('chen')(`${s}/outcomes`)).status).toBe(403);
    // The run of show (issue 9): only a facilitator saves it; members read it back to resume; others neither.
    const run = {
      phase: 'check-in',
      phaseStartedAt: inDays(0),
      iceBreakerId: 'ib-01',
      topicTitle: 'Alpha',
      groups: [],
      groupNotes: [],
      takeaways: [{ id: 'bea.1', text: 'Mine', authorId: 'bea', authorName: 'Bea', at: inDays(0) }],
      voted: [],
      feedbackClosed: false,
    };
    expect4xx(await bea()(`${s}/run`, { method: 'PUT', body: { meetingId: 'm-1', run } }), 403, 'FORBIDDEN');
    expect4xx(
      await mallory()(`${s}/run`, { method: 'PUT', body: { meetingId: 'm-1', run } }),
      404,
      'COMMUNITY_NOT_FOUND',
    );
    expect4xx(
      await server.as('chen')(`${s}/run`, { method: 'PUT', body: { meetingId: 'm-1', run } }),
      403,
      'NOT_A_MEMBER',
    );
    expect((await bea()(`${w.base}/meetings/m-1/session-run`)).body).toEqual({ saved: null });
    expect4xx(await mallory()(`${w.base}/meetings/m-1/session-run`), 404, 'COMMUNITY_NOT_FOUND');
    expect4xx(await server.as('chen')(`${w.base}/meetings/m-1/session-run`), 403, 'NOT_A_MEMBER');
    // Bad input gets a clear 400 and stores nothing; the facilitator's save is read back by a member.
    expect4xx(
      await alex()(`${s}/run`, { method: 'PUT', body: { meetingId: 'm-1', run: { ...run, phase: 'closed' } } }),
      400,
      'VALIDATION_FAILED',
      /phase/,
    );
    expect4xx(
      await alex()(`${s}/run`, {
        method: 'PUT',
        body: { meetingId: 'm-1', run: { ...run, takeaways: [{ ...run.takeaways[0], text: 'x'.repeat(501) }] } },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await bea()(`${w.base}/meetings/m-1/session-run`)).body).toEqual({ saved: null });
    expect((await alex()(`${s}/run`, { method: 'PUT', body: { meetingId: 'm-1', run } })).status).toBe(200);
    expect((await bea()(`${w.base}/meetings/m-1/session-run`)).body.saved).toMatchObject({
      sessionId: session.id,
      run: { takeaways: run.takeaways },
    });

    const after = (await bea()(s)).body;
    expect(after.session).toMatchObject({ state: 'scheduled', agenda: session.agenda });
    expect(after.etag).toBe(sessionEtag);
    expect((await bea()(`${s}/outcomes`)).body.notes).toBeNull();
  });

  it('a stale ETag', async () => {
    const w = await world();
    const t = await topic(w, 'Remote retros');
    const { etag } = (await bea()(`${w.base}/topics/${t}`)).body;
    expect(
      (await bea()(`${w.base}/topics/${t}`, { method: 'PATCH', body: { etag, title: 'Remote retros that work' } }))
        .status,
    ).toBe(200);
    expect4xx(
      await alex()(`${w.base}/topics/${t}`, { method: 'PATCH', body: { etag, title: 'Overwritten' } }),
      409,
      'CONFLICT',
      /changed by someone else/,
    );
    expect((await bea()(`${w.base}/topics/${t}`)).body.topic.title).toBe('Remote retros that work');

    const { session, etag: sEtag } = await schedule(w, {
      details: { type: 'leadership-guest', guestName: 'Sam Lee', guestRole: 'CTO' },
    });
    const s = `${w.base}/sessions/${session.id}`;
    expect(
      (
        await alex()(`${s}/agenda`, {
          method: 'PUT',
          body: { etag: sEtag, agenda: [{ title: 'Conversation', minutes: 45 }] },
        })
      ).status,
    ).toBe(200);
    expect4xx(
      await alex()(`${s}/agenda`, { method: 'PUT', body: { etag: sEtag, agenda: [{ title: 'Old', minutes: 5 }] } }),
      409,
      'CONFLICT',
    );
    expect((await bea()(s)).body.session.agenda).toEqual([{ title: 'Conversation', minutes: 45 }]);

    const first = await alex()(`${s}/notes`, { method: 'PUT', body: { markdown: 'v1' } });
    expect(
      (await alex()(`${s}/notes`, { method: 'PUT', body: { markdown: 'v2', etag: first.body.etag } })).status,
    ).toBe(200);
    expect4xx(
      await alex()(`${s}/notes`, { method: 'PUT', body: { markdown: 'stale', etag: first.body.etag } }),
      409,
      'CONFLICT',
    );
    expect4xx(
      await alex()(`${s}/notes`, { method: 'PUT', body: { markdown: 'no etag' } }),
      409,
      'CONFLICT',
      /send their etag/,
    );
    expect((await bea()(`${s}/outcomes`)).body.notes.markdown).toBe('v2');

    const takeaway = (await bea()(`${s}/takeaways`, { body: { topicId: null, text: 'Share the roadmap' } })).body
      .takeaway;
    const action = (
      await bea()(`${w.base}/actions`, { body: { takeawayId: takeaway.id, ownerId: 'bea', dueDate: dateInDays(7) } })
    ).body.action;
    const [withEtag] = (await bea()(`${s}/outcomes`)).body.actions;
    expect(
      (
        await bea()(`${w.base}/actions/${action.id}`, {
          method: 'PATCH',
          body: { etag: withEtag.etag, status: 'doing' },
        })
      ).status,
    ).toBe(200);
    expect4xx(
      await alex()(`${w.base}/actions/${action.id}`, {
        method: 'PATCH',
        body: { etag: withEtag.etag, status: 'done' },
      }),
      409,
      'CONFLICT',
    );
    expect((await bea()(`${w.base}/actions`)).body.actions.map((a: any) => a.status)).toEqual(['doing']);
  });

  it('feedback once per person, nobody sees who voted what', async () => {
    const w = await world();
    const { session } = await schedule(w, { details: { type: 'story-sharing', theme: 'Failures we learnt from' } });
    const s = `${w.base}/sessions/${session.id}`;
    expect4xx(
      await bea()(`${s}/feedback`, { body: { score: 4 } }),
      400,
      'VALIDATION_FAILED',
      /when the session starts/,
    );
    expect(
      (
        await alex()(`${s}/close`, {
          body: { requestId: 'c1', attendees: ['alex', 'bea'], takeaways: [], feedback: [] },
        })
      ).status,
    ).toBe(200);
    expect((await bea()(`${s}/feedback`, { body: { score: 4 } })).status).toBe(201);
    expect4xx(await bea()(`${s}/feedback`, { body: { score: 1 } }), 409, 'ALREADY_VOTED');
    expect4xx(await alex()(`${s}/feedback`, { body: { score: 6 } }), 400, 'VALIDATION_FAILED');
    const view = (await bea()(`${s}/outcomes`)).body.feedback;
    expect(view).toEqual({ votes: 1, average: null, distribution: null, mine: true });
    // Another member sees the same summary, without markers, values or who voted.
    const other = (await alex()(`${s}/outcomes`)).body.feedback;
    expect(other).toEqual({ votes: 1, average: null, distribution: null, mine: false });
  });
});
