/**
 * A working session survives a lost live container (real local stack: Fluid local service, server,
 * embedded store). The facilitator saves the run of show to the record as it goes; the container is
 * lost mid-breakout; on the replacement the run resumes with its groups, notes, timers and takeaways;
 * the close keeps the group notes, which the export and search then show.
 */
import { formBreakouts, savedRunOf, type SessionRunState } from '../../src/domain/session-run';
import type { ClientResult, LiveMeeting, MeetingSnapshot } from '../../src/live';
import { closeRequest } from '../../src/tab/features/session-run/session-view';
import { apiAs, demoSetup, joinLive, until, type DemoSetup } from '../fixtures/live-participants';
import { startLocalFluidService, type LocalFluidService } from '../../src/dev/local-fluid-service';
import { startLocalStack, type LocalStack } from '../fixtures/local-stack';

let stack: LocalStack;
let restarted: LocalFluidService | undefined;
const opened: LiveMeeting[] = [];
let setup: DemoSetup;

beforeAll(async () => {
  stack = await startLocalStack();
  setup = await demoSetup(stack, 4);
});
afterAll(async () => {
  for (const m of opened) m.dispose();
  await stack?.stop();
  await restarted?.stop();
});

const apiFor = (u: DemoSetup['users'][number]) => apiAs(stack, setup, u);
const join = (u: DemoSetup['users'][number], meetingId: string, replaceStale?: string) =>
  joinLive(stack, setup, u, opened, { meetingId, ...(replaceStale ? { replaceStale } : {}) });
const done = <T>(r: ClientResult<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

it('resumes a run lost mid-breakout with its groups, notes, timers and takeaways; the close keeps the notes for export and search', async () => {
  const users = setup.users;
  const meetingId = 'resume-session-meeting';
  let clients = await Promise.all(users.map((u) => join(u, meetingId)));
  const everyone = (pred: (s: MeetingSnapshot) => boolean, what: string) =>
    Promise.all(clients.map((m) => until(m, pred, what)));
  const api = apiFor(users[0]!);
  const save = (run: SessionRunState) =>
    api.sessions.saveRun(setup.communityId, run.sessionId, { meetingId, run: savedRunOf(run)! });

  const topic = await apiFor(users[1]!).proposeTopic(setup.communityId, { title: 'Retros that survive a crash' });
  await api.backlog.move(setup.communityId, topic.id, 1);
  const { session } = await api.sessions.schedule(setup.communityId, {
    details: { type: 'deep-dive' },
    startsAt: new Date(Date.now() + 2 * 60_000).toISOString(),
    topicIds: [topic.id],
    requestId: 'resume-1',
  });
  done(
    clients[0]!.session.start({ sessionId: session.id, iceBreakerId: 'ib-01', topicTitle: topic.title, minutes: 5 }),
  );
  done(clients[0]!.session.advance('deep-dive', { minutes: 15 }));
  await everyone((s) => s.sessionRun?.phase === 'deep-dive', 'the deep dive');
  done(clients[1]!.session.addTakeaway('Practice restores before you need them'));
  const groups = formBreakouts({
    people: users.map((u) => ({ userId: u.userId })),
    count: 2,
    mode: 'random',
    seed: session.id,
  });
  if (!groups.ok) throw new Error(groups.error.message);
  done(
    clients[0]!.session.setGroups(
      groups.value.map((g, i) => ({ index: g.index, members: g.members, question: `Question ${i + 1}` })),
    ),
  );
  done(clients[0]!.session.advance('breakouts', { minutes: 12 }));
  await everyone((s) => s.sessionRun?.phase === 'breakouts', 'the breakouts');
  clients.forEach((m, i) => done(m.session.addGroupNote(`Breakout idea ${i + 1}: keep a runbook`)));
  const before = (
    await everyone(
      (s) => s.sessionRun!.groupNotes.length === 4 && s.sessionRun!.takeaways.length === 1,
      'notes and a takeaway',
    )
  )[0]!.sessionRun!;
  // The facilitator's panel saves the run (at the phase change and a few seconds after the notes).
  const saved = await save(before);
  expect(saved.saved.run.groupNotes).toHaveLength(4);
  // A member cannot save the run.
  await expect(
    apiFor(users[2]!).sessions.saveRun(setup.communityId, session.id, { meetingId, run: savedRunOf(before)! }),
  ).rejects.toMatchObject({ code: 'FORBIDDEN' });

  // The live container is lost mid-breakout (the live service restarts and forgets it; only a container
  // the service cannot load is replaced, ADR 0005): the facilitator's panel gets a replacement, the others follow.
  const lost = clients[0]!.containerId;
  for (const m of clients) m.dispose();
  await stack.fluid.stop();
  restarted = await startLocalFluidService({ port: stack.fluid.port });
  const first = await join(users[0]!, meetingId, lost);
  clients = [first, ...(await Promise.all(users.slice(1).map((u) => join(u, meetingId))))];
  expect(first.containerId).not.toBe(lost);
  expect(first.getSnapshot().sessionRun).toBeUndefined();

  // The facilitator's panel finds the interrupted run in the record and resumes it.
  const resumable = (await api.sessions.resumableRun(setup.communityId, meetingId))!;
  expect(resumable.sessionId).toBe(session.id);
  done(clients[0]!.session.resume(resumable.sessionId, resumable.run));
  const resumed = await everyone((s) => s.sessionRun?.phase === 'breakouts', 'the resumed breakouts');
  for (const s of resumed) {
    const r = s.sessionRun!;
    expect(r.groups).toEqual(before.groups);
    expect(r.groupNotes).toEqual(before.groupNotes);
    expect(r.takeaways).toEqual(before.takeaways);
    expect([r.phaseEndsAt, r.breakoutEndsAt]).toEqual([before.phaseEndsAt, before.breakoutEndsAt]);
  }

  // The run goes on: another note, the share-out, a takeaway, the close.
  done(clients[3]!.session.addGroupNote('After the loss: nothing was lost'));
  done(clients[0]!.session.advance('share-out', { minutes: 20 }));
  await everyone((s) => s.sessionRun?.phase === 'share-out' && s.sessionRun.groupNotes.length === 5, 'the share-out');
  done(clients[2]!.session.addTakeaway('Write the runbook together'));
  const final = (await everyone((s) => s.sessionRun!.takeaways.length === 2, 'two takeaways'))[0]!;
  await save(final.sessionRun!);
  const req = closeRequest({
    run: final.sessionRun!,
    snapshot: final,
    topicId: topic.id,
    memberIds: users.map((u) => u.userId),
  });
  const closed = await api.sessions.close(setup.communityId, session.id, req);
  expect(closed.takeaways.map((t) => t.text).sort()).toEqual([
    'Practice restores before you need them',
    'Write the runbook together',
  ]);
  const notes = (closed.session.breakouts ?? []).flatMap((b) => b.notes.map((n) => n.text)).sort();
  expect(notes).toEqual(
    [...users.map((_, i) => `Breakout idea ${i + 1}: keep a runbook`), 'After the loss: nothing was lost'].sort(),
  );
  expect(await api.sessions.resumableRun(setup.communityId, meetingId)).toBeNull();

  // The export and search show the group notes.
  const md = await apiFor(users[3]!).sessions.exportMarkdown(setup.communityId, session.id);
  expect(md).toContain('## Breakout groups');
  expect(md).toContain('After the loss: nothing was lost');
  const hits = await apiFor(users[3]!).sessions.search(setup.communityId, 'nothing was lost');
  expect(hits).toEqual([expect.objectContaining({ kind: 'group-note', sessionId: session.id })]);
});
