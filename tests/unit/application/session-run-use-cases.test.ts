/**
 * Saving the run of show to the record, reading it back to resume, and the close keeping the
 * breakout groups' notes: who may save, what is refused, and that no kept note or takeaway is lost.
 */
import type { AppDeps } from '../../../src/application/deps';
import { closeSession, type CloseSessionInput } from '../../../src/application/use-cases/close-session';
import { createCommunity } from '../../../src/application/use-cases/create-community';
import { exportSessionMarkdown } from '../../../src/application/use-cases/export-session-markdown';
import { getResumableRun } from '../../../src/application/use-cases/get-resumable-run';
import { joinCommunity } from '../../../src/application/use-cases/join-community';
import { moveTopic } from '../../../src/application/use-cases/move-topic';
import { proposeTopic } from '../../../src/application/use-cases/propose-topic';
import { saveSessionRun } from '../../../src/application/use-cases/save-session-run';
import { scheduleSession } from '../../../src/application/use-cases/schedule-session';
import { searchOutcomes } from '../../../src/application/use-cases/search-outcomes';
import type { Principal } from '../../../src/domain/identity';
import type { Result } from '../../../src/domain/result';
import type { SavedRunState } from '../../../src/domain/session-run';
import { createRecordStore } from '../../../src/store/create-record-store';

const who = (userId: string, tenantId = 'tenant-a'): Principal => ({
  tenantId,
  userId,
  displayName: userId,
  source: 'dev-local',
});
const [alex, bea, chen] = [who('alex'), who('bea'), who('chen')];
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const code = (r: Result<unknown>) => (r.ok ? 'OK' : r.error.code);

let deps: AppDeps;
let communityId: string;
let sessionId: string;
let now = Date.parse('2026-12-03T15:00:00.000Z');

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
  for (const p of [bea, chen]) await joinCommunity(deps, p, { communityId });
  const topic = value(await proposeTopic(deps, bea, { communityId, title: 'Remote retros', force: true }));
  value(await moveTopic(deps, alex, { communityId, topicId: topic.id, position: 1 }));
  const scheduled = await scheduleSession(deps, alex, {
    communityId,
    details: { type: 'deep-dive' },
    startsAt: '2026-12-03T15:00:00.000Z',
    topicIds: [topic.id],
    facilitatorId: 'bea',
  });
  sessionId = value(scheduled).session.id;
  now = Date.parse('2026-12-03T15:20:00.000Z');
});
afterEach(() => deps.store.close());

const note = (id: string, group: number, userId: string, text: string, at = '2026-12-03T15:21:00.000Z') => ({
  id,
  group,
  userId,
  displayName: userId.toUpperCase(),
  text,
  at,
});
const takeaway = (id: string, text: string, authorId: string, at = '2026-12-03T15:30:00.000Z') => ({
  id,
  text,
  authorId,
  authorName: authorId.toUpperCase(),
  at,
});

const midBreakout = (over: Partial<SavedRunState> = {}): SavedRunState => ({
  phase: 'breakouts',
  phaseStartedAt: '2026-12-03T15:15:00.000Z',
  phaseEndsAt: '2026-12-03T15:27:00.000Z',
  iceBreakerId: 'ib-01',
  topicTitle: 'Remote retros',
  breakoutEndsAt: '2026-12-03T15:27:00.000Z',
  groups: [
    { index: 0, question: 'What makes a retro fun?', members: ['alex', 'bea'] },
    { index: 1, question: '', members: ['chen'] },
  ],
  groupNotes: [note('0/alex/1', 0, 'alex', 'Rotate the format'), note('1/chen/1', 1, 'chen', 'Start with silence')],
  takeaways: [takeaway('bea.1', 'Timebox every retro', 'bea')],
  voted: [],
  feedbackClosed: false,
  ...over,
});
const save = (p: Principal, run: SavedRunState, meetingId = 'meeting-1') =>
  saveSessionRun(deps, p, { communityId, sessionId, meetingId, run });

describe('saving the run of show', () => {
  it("the session's facilitator or a community facilitator saves it; a member or another tenant cannot", async () => {
    expect(code(await save(chen, midBreakout()))).toBe('FORBIDDEN');
    expect(code(await save(who('mallory', 'tenant-b'), midBreakout()))).toBe('COMMUNITY_NOT_FOUND');
    expect(await deps.store.sessionRuns.get(communityId, sessionId)).toBeUndefined();
    const saved = value(await save(bea, midBreakout()));
    expect(saved.saved).toMatchObject({
      sessionId,
      meetingId: 'meeting-1',
      savedBy: 'bea',
      savedAt: '2026-12-03T15:20:00.000Z',
    });
    value(await save(alex, midBreakout()));
    expect((await deps.store.sessionRuns.get(communityId, sessionId))!.value.run).toEqual(midBreakout());
  });

  it('refuses a run that breaks the rules, and stores nothing', async () => {
    for (const bad of [
      midBreakout({
        groups: [
          { index: 1, question: '', members: ['alex'] },
          { index: 0, question: '', members: ['bea'] },
        ],
      }),
      midBreakout({
        groups: [
          { index: 0, question: '', members: ['alex'] },
          { index: 1, question: '', members: ['alex'] },
        ],
      }),
      midBreakout({ groupNotes: [note('x', 0, 'alex', 'a'), note('x', 0, 'bea', 'b')] }),
      midBreakout({ takeaways: [{ ...takeaway('t1', 'a', 'bea'), mergedInto: 'gone' }] }),
      midBreakout({ takeaways: [takeaway('t1', ' ', 'bea')] }),
      midBreakout({ groups: [] }),
    ]) {
      expect(code(await save(bea, bad))).toBe('VALIDATION_FAILED');
    }
    expect(await deps.store.sessionRuns.get(communityId, sessionId)).toBeUndefined();
  });

  it('never drops a kept group note or takeaway: a save that lacks them keeps them and says so', async () => {
    value(await save(bea, midBreakout()));
    // A client that missed entries (or a run started again) saves a smaller run.
    const smaller = midBreakout({
      phase: 'share-out',
      groupNotes: [],
      takeaways: [takeaway('alex.9', 'Share formats', 'alex', '2026-12-03T15:35:00.000Z')],
    });
    const outcome = value(await save(bea, smaller));
    expect(outcome.kept).toEqual({ groupNotes: 2, takeaways: 1 });
    const stored = (await deps.store.sessionRuns.get(communityId, sessionId))!.value.run;
    expect(stored.phase).toBe('share-out');
    expect(stored.groupNotes.map((n) => n.id)).toEqual(['0/alex/1', '1/chen/1']);
    expect(stored.takeaways.map((t) => t.id)).toEqual(['bea.1', 'alex.9']);
    // Edits and curation of the same entries do go through.
    const edited = midBreakout({
      phase: 'share-out',
      takeaways: [
        {
          ...takeaway('bea.1', 'Timebox every retro to 45 minutes', 'bea'),
          action: { ownerId: 'bea', dueDate: '2026-12-17' },
        },
      ],
    });
    value(await save(bea, edited));
    const after = (await deps.store.sessionRuns.get(communityId, sessionId))!.value.run;
    expect(after.takeaways.map((t) => [t.id, t.text])).toEqual([
      ['bea.1', 'Timebox every retro to 45 minutes'],
      ['alex.9', 'Share formats'],
    ]);
    expect(after.takeaways[0]!.action).toEqual({ ownerId: 'bea', dueDate: '2026-12-17' });
  });

  it('is read back for the meeting while the session is open, and not once it is closed', async () => {
    expect(value(await getResumableRun(deps, chen, { communityId, meetingId: 'meeting-1' }))).toBeNull();
    value(await save(bea, midBreakout()));
    expect(value(await getResumableRun(deps, chen, { communityId, meetingId: 'meeting-1' }))).toMatchObject({
      sessionId,
      run: midBreakout(),
    });
    expect(value(await getResumableRun(deps, chen, { communityId, meetingId: 'another-meeting' }))).toBeNull();
    expect(code(await getResumableRun(deps, who('mallory', 'tenant-b'), { communityId, meetingId: 'meeting-1' }))).toBe(
      'COMMUNITY_NOT_FOUND',
    );
    value(
      await closeSession(deps, bea, {
        communityId,
        sessionId,
        requestId: 'close-1',
        attendees: ['alex', 'bea', 'chen'],
        takeaways: [],
        feedback: [],
      }),
    );
    expect(value(await getResumableRun(deps, chen, { communityId, meetingId: 'meeting-1' }))).toBeNull();
    expect(code(await save(bea, midBreakout()))).toBe('CONFLICT');
  });
});

describe('the close keeps the breakout groups and their notes', () => {
  const closing = (over: Partial<CloseSessionInput> = {}): CloseSessionInput => ({
    communityId,
    sessionId,
    requestId: 'close-1',
    attendees: ['alex', 'bea', 'chen'],
    takeaways: [],
    feedback: [],
    breakouts: [
      {
        index: 0,
        question: 'What makes a retro fun?',
        members: ['alex', 'bea'],
        notes: [
          {
            id: '0/bea/2',
            authorId: 'bea',
            authorName: 'BEA',
            text: 'Games for the check-in',
            at: '2026-12-03T15:22:00.000Z',
          },
        ],
      },
    ],
    ...over,
  });

  it('records the groups with signed notes (sent and saved), once; the same request id returns them again', async () => {
    value(await save(bea, midBreakout()));
    const first = value(await closeSession(deps, bea, closing()));
    expect(first.session.breakouts).toEqual([
      {
        index: 0,
        question: 'What makes a retro fun?',
        members: ['alex', 'bea'],
        notes: [
          {
            id: '0/alex/1',
            authorId: 'alex',
            authorName: 'ALEX',
            text: 'Rotate the format',
            at: '2026-12-03T15:21:00.000Z',
          },
          {
            id: '0/bea/2',
            authorId: 'bea',
            authorName: 'BEA',
            text: 'Games for the check-in',
            at: '2026-12-03T15:22:00.000Z',
          },
        ],
      },
      {
        index: 1,
        question: '',
        members: ['chen'],
        notes: [
          {
            id: '1/chen/1',
            authorId: 'chen',
            authorName: 'CHEN',
            text: 'Start with silence',
            at: '2026-12-03T15:21:00.000Z',
          },
        ],
      },
    ]);
    const again = value(await closeSession(deps, bea, closing({ breakouts: [] })));
    expect(again.session.breakouts).toEqual(first.session.breakouts);
    expect((await deps.store.sessions.get(communityId, sessionId))!.value.breakouts).toEqual(first.session.breakouts);
  });

  it('are in the Markdown export and found by search', async () => {
    value(await save(bea, midBreakout()));
    value(await closeSession(deps, bea, closing()));
    const md = value(await exportSessionMarkdown(deps, chen, { communityId, sessionId }));
    expect(md).toContain('## Breakout groups');
    expect(md).toContain('### Group 1: What makes a retro fun?');
    expect(md).toContain('- Games for the check-in — bea');
    expect(md).toContain('- Start with silence — chen');
    const hits = value(await searchOutcomes(deps, chen, { communityId, query: 'games for the CHECK' }));
    expect(hits).toEqual([
      { kind: 'group-note', sessionId, id: '0/bea/2', excerpt: 'Group 1: Games for the check-in' },
    ]);
  });

  it('refuses more than four groups, a group twice or an empty note, and changes nothing', async () => {
    const group = closing().breakouts![0]!;
    for (const bad of [
      closing({ breakouts: [0, 1, 2, 3, 4].map((index) => ({ ...group, index })) }),
      closing({ breakouts: [group, group] }),
      closing({ breakouts: [{ ...group, notes: [{ ...group.notes[0]!, text: '  ' }] }] }),
    ]) {
      expect(code(await closeSession(deps, bea, bad))).toBe('VALIDATION_FAILED');
    }
    expect((await deps.store.sessions.get(communityId, sessionId))!.value).toMatchObject({
      state: 'scheduled',
      closed: null,
    });
  });
});
