/**
 * A working session run live on the real local stack (Fluid local service + server + embedded
 * store): four participants in Node, each with their own identity and live client. Breakouts and
 * takeaways are written concurrently and every client sees all of them; votes reach the record
 * anonymously, and a member's client that writes someone else's "voted" mark into the tree changes
 * no figure on the stage (its count is the record's); the close commits the curated wall once; the
 * topic becomes discussed and the takeaways are searchable, which is what the channel tab shows.
 */
import { formBreakouts, groupOf, iceBreakerForSession, notesOfGroup, takeawayWall } from '../../src/domain/session-run';
import type { ClientResult, LiveMeeting, MeetingSnapshot } from '../../src/live';
import * as run from '../../src/live/session-run-state';
import { stageVotes } from '../../src/tab/features/session-run/session-view';
import { apiAs, demoSetup, joinLive, until, type DemoSetup } from '../fixtures/live-participants';
import { startLocalStack, type LocalStack } from '../fixtures/local-stack';

let stack: LocalStack;
const opened: LiveMeeting[] = [];
let setup: DemoSetup;

beforeAll(async () => {
  stack = await startLocalStack();
  setup = await demoSetup(stack, 4);
});
afterAll(async () => {
  for (const m of opened) m.dispose();
  await stack?.stop();
});

const apiFor = (u: DemoSetup['users'][number]) => apiAs(stack, setup, u);
const join = (u: DemoSetup['users'][number]) => joinLive(stack, setup, u, opened);

it('runs a session: concurrent breakout notes and takeaways reach everyone, votes stay anonymous, the close commits once', async () => {
  const users = setup.users;
  const clients = await Promise.all(users.map((u) => join(u)));
  const everyone = (pred: (s: MeetingSnapshot) => boolean, what: string) =>
    Promise.all(clients.map((m) => until(m, pred, what)));
  const facilitator = clients[0]!;
  const api = apiFor(users[0]!);

  // The facilitator schedules the deep dive on the top topic and starts the run of show.
  const proposed = await apiFor(users[2]!).proposeTopic(setup.communityId, {
    title: 'How do we run remote retros people enjoy?',
  });
  await api.backlog.move(setup.communityId, proposed.id, 1);
  const { session } = await api.sessions.schedule(setup.communityId, {
    details: { type: 'deep-dive' },
    startsAt: new Date(Date.now() + 2 * 60_000).toISOString(),
    topicIds: [proposed.id],
    requestId: 'run-1',
  });
  const held = (await api.sessions.list(setup.communityId)).filter((s) => s.state === 'held').length;
  const prompt = iceBreakerForSession(setup.communityId, held);
  facilitator.session.start({ sessionId: session.id, iceBreakerId: prompt.id, topicTitle: proposed.title, minutes: 5 });
  await everyone((s) => s.sessionRun?.sessionId === session.id, 'the run to start');

  clients.forEach((m, i) => m.checkIn(`Check-in from ${i + 1}`));
  await everyone((s) => s.checkIns.length === 4, 'four check-ins');

  facilitator.session.advance('deep-dive', { minutes: 15 });
  const groups = formBreakouts({
    people: users.map((u) => ({ userId: u.userId })),
    count: 2,
    mode: 'random',
    seed: session.id,
  });
  if (!groups.ok) throw new Error(groups.error.message);
  facilitator.session.setGroups(
    groups.value.map((g, i) => ({
      index: g.index,
      members: g.members,
      question: `What would make retro ${i + 1} fun?`,
    })),
  );
  facilitator.session.advance('breakouts', { minutes: 12 });
  await everyone((s) => s.sessionRun?.phase === 'breakouts' && s.sessionRun.groups.length === 2, 'the breakouts');

  // Everyone writes in their own group's notes at the same moment.
  clients.forEach((m, i) => m.session.addGroupNote(`Idea ${i + 1}: rotate the format`));
  const afterBreakouts = await everyone((s) => s.sessionRun!.groupNotes.length === 4, 'all group notes');
  for (const s of afterBreakouts) {
    for (const u of users) {
      const g = groupOf(s.sessionRun!, u.userId)!;
      expect(notesOfGroup(s.sessionRun!, g.index).some((n) => n.userId === u.userId)).toBe(true);
    }
  }

  facilitator.session.advance('share-out', { minutes: 20 });
  await everyone((s) => s.sessionRun?.phase === 'share-out', 'the share-out');
  const added = (r: ClientResult<string>) => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const ids = clients.map((m, i) => [
    added(m.session.addTakeaway(`Takeaway A from ${i + 1}`)),
    added(m.session.addTakeaway(`Takeaway B from ${i + 1}`)),
  ]);
  await everyone((s) => s.sessionRun!.takeaways.length === 8, 'all eight takeaways');
  facilitator.session.mergeTakeaway(ids[1]![1]!, ids[1]![0]!);
  facilitator.session.setAction(ids[2]![0]!, {
    ownerId: users[2]!.userId,
    dueDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
  });
  const curated = await everyone(
    (s) => takeawayWall(s.sessionRun!).length === 7 && s.sessionRun!.takeaways.some((t) => t.action),
    'the curated wall',
  );

  facilitator.session.advance('feedback', {});
  await everyone((s) => s.sessionRun?.phase === 'feedback', 'feedback');
  // Each vote goes to the record first, then the voter's client marks that they voted.
  const scores = [5, 4, 4, 3];
  const vote = async (i: number) => {
    await apiFor(users[i]!).sessions.giveFeedback(setup.communityId, session.id, scores[i]!);
    clients[i]!.session.markVoted();
  };
  await Promise.all([vote(0), vote(1)]);
  const two = await everyone((s) => s.sessionRun!.voted.length === 2 && s.present.length === 4, 'two votes marked');

  // The stage's figures, computed the way the stage computes them (StageSession's Feedback): the
  // record's vote count as a member reads it, the people here, and whether voting was closed.
  const stageFigures = async (s: MeetingSnapshot) => {
    const read = await apiFor(users[1]!).sessions.outcomes(setup.communityId, session.id);
    return stageVotes(
      read.feedback.votes,
      s.present.map((p) => p.id),
      s.sessionRun!.feedbackClosed,
    );
  };
  const before = await stageFigures(two[0]!);
  expect(before).toEqual({ label: '2 of 4 voted', shown: false });

  // The forger: a member (not the facilitator) writes with their own client, straight into the tree,
  // a voted mark for someone else who has not voted, and one for themselves without voting.
  const forgerClient = clients[3]!;
  const root = (forgerClient as unknown as { view: { root: Parameters<typeof run.markVoted>[0] } }).view.root;
  const as = (id: string) => ({ id, name: id });
  expect(run.markVoted(root, as(users[2]!.userId), new Date()).ok).toBe(true);
  expect(run.markVoted(root, as(users[3]!.userId), new Date()).ok).toBe(true);
  const forged = await everyone((s) => s.sessionRun!.voted.length === 4, 'the forged marks to show live');
  // Every client now sees four marks, but the stage still says 2 of 4 and keeps the histogram hidden.
  for (const s of forged) expect(await stageFigures(s)).toEqual(before);

  // The two vote for real: the record's count moves the stage's figures, and the histogram shows.
  await Promise.all([vote(2), vote(3)]);
  const voted = await everyone((s) => s.sessionRun!.voted.length === 4, 'four votes marked');
  expect(await stageFigures(voted[0]!)).toEqual({ label: '4 of 4 voted', shown: true });
  // The marks say who voted, never what: no score, nothing but a time per person.
  expect(JSON.stringify(voted[0]!.sessionRun)).not.toMatch(/score/);
  const marks = (root as unknown as { sessionRun: { voted: Map<string, unknown> } }).sessionRun.voted;
  for (const [, at] of marks.entries()) expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
  await expect(apiFor(users[1]!).sessions.giveFeedback(setup.communityId, session.id, 1)).rejects.toMatchObject({
    code: 'ALREADY_VOTED',
  });

  const wall = takeawayWall(curated[0]!.sessionRun!);
  const close = {
    requestId: `close-${session.id}`,
    attendees: users.map((u) => u.userId),
    takeaways: wall.map(({ takeaway: t }) => ({
      topicId: proposed.id,
      text: t.text,
      authorId: t.authorId,
      ...(t.action ? { action: { ownerId: t.action.ownerId, dueDate: t.action.dueDate } } : {}),
    })),
    feedback: [],
  };
  const closed = await api.sessions.close(setup.communityId, session.id, close);
  const again = await api.sessions.close(setup.communityId, session.id, close);
  expect(again.takeaways.map((t) => t.id)).toEqual(closed.takeaways.map((t) => t.id));
  facilitator.session.markClosed();
  await everyone((s) => s.sessionRun?.phase === 'closed', 'the close');

  expect(closed.takeaways).toHaveLength(7);
  expect(closed.actions).toHaveLength(1);
  expect(closed.feedback).toMatchObject({ votes: 4, distribution: [0, 0, 1, 2, 1] });
  const topic = (await api.listTopics(setup.communityId)).find((t) => t.id === proposed.id)!;
  expect(topic.state).toBe('discussed');
  expect(topic.sessionIds).toContain(session.id);
  const hits = await apiFor(users[3]!).sessions.search(setup.communityId, 'Takeaway A from 3');
  expect(hits.length).toBeGreaterThan(0);
});
