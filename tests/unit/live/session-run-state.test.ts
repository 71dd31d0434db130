/**
 * A working session in the meeting tree on an independent tree view (no service): the run of show
 * advances one way, breakouts hold groups, notes and moves, takeaways are added by anyone and curated
 * by the facilitator, votes are marked without their value; refused edits are returned as values
 * (STEP_REFUSED) and change nothing; a run saved to the record resumes in a fresh tree as it was.
 */
import { independentView, type TreeViewAlpha } from 'fluid-framework/alpha';
import { formBreakouts, groupOf, savedRunOf, takeawayWall } from '../../../src/domain/session-run';
import type { ClientResult } from '../../../src/live/client-result';
import { initialMeeting, meetingTreeConfig, type Meeting } from '../../../src/live/meeting-schema';
import * as run from '../../../src/live/session-run-state';

const [alex, bea, chen, dara] = ['alex', 'bea', 'chen', 'dara'].map((id) => ({ id, name: id.toUpperCase() })) as [
  { id: string; name: string },
  { id: string; name: string },
  { id: string; name: string },
  { id: string; name: string },
];
const now = new Date('2026-12-02T10:00:00.000Z');
let n = 0;
const newId = () => `id-${++n}`;
let view: TreeViewAlpha<typeof Meeting>;
beforeEach(() => {
  n = 0;
  view = independentView(meetingTreeConfig);
  view.initialize(initialMeeting());
  run.startRun(
    view.root,
    { sessionId: 's1', iceBreakerId: 'ib-01', topicTitle: 'Remote retros', ownerName: 'BEA', minutes: 5 },
    now,
  );
});
afterEach(() => view.dispose());
const state = () => run.sessionRunOf(view.root)!;
/** The edit was refused with a message matching `why`, and the tree is as it was. */
function refused(edit: () => ClientResult<unknown>, why: RegExp): void {
  const before = JSON.stringify(state());
  const r = edit();
  expect(r).toMatchObject({ ok: false, error: { code: 'STEP_REFUSED' } });
  if (!r.ok) expect(r.error.message).toMatch(why);
  expect(JSON.stringify(state())).toBe(before);
}
function value<T>(r: ClientResult<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('a session run in the tree', () => {
  it('starts in the check-in with its prompt and timer, and advances one phase at a time', () => {
    expect(state()).toMatchObject({
      sessionId: 's1',
      phase: 'check-in',
      iceBreakerId: 'ib-01',
      topicTitle: 'Remote retros',
      phaseEndsAt: '2026-12-02T10:05:00.000Z',
    });
    refused(() => run.advanceRun(view.root, 'share-out', {}, now), /moves on to Deep dive/);
    run.advanceRun(view.root, 'deep-dive', { minutes: 15 }, now);
    refused(() => run.advanceRun(view.root, 'breakouts', { minutes: 12 }, now), /Form the breakout groups first/);
    expect(state().phase).toBe('deep-dive');
  });

  it("runs breakouts: groups with questions, a move, notes only in one's own group", () => {
    run.advanceRun(view.root, 'deep-dive', {}, now);
    const formed = formBreakouts({
      people: [alex, bea, chen, dara].map((u) => ({ userId: u.id })),
      count: 2,
      mode: 'random',
      seed: 's1',
    });
    if (!formed.ok) throw new Error(formed.error.message);
    run.setGroups(
      view.root,
      formed.value.map((g, i) => ({ index: g.index, members: g.members, question: `Question ${i + 1}` })),
    );
    run.advanceRun(view.root, 'breakouts', { minutes: 12 }, now);
    expect(state().breakoutEndsAt).toBe('2026-12-02T10:12:00.000Z');
    const alexGroup = groupOf(state(), 'alex')!;
    run.moveMember(view.root, 'alex', alexGroup.index === 0 ? 1 : 0);
    expect(groupOf(state(), 'alex')!.index).not.toBe(alexGroup.index);
    run.addGroupNote(view.root, alex, 'Try a silent start', newId, now);
    run.addGroupNote(view.root, bea, 'Rotate the facilitator', newId, now);
    const notes = state().groupNotes;
    expect(notes.map((x) => [x.userId, x.group])).toEqual(
      [
        ['alex', groupOf(state(), 'alex')!.index],
        ['bea', groupOf(state(), 'bea')!.index],
      ].sort((a, b) => (a[1] as number) - (b[1] as number)),
    );
    refused(
      () => run.addGroupNote(view.root, { id: 'eve', name: 'EVE' }, 'not in a group', newId, now),
      /not in a breakout group/,
    );
  });

  it('collects takeaways from anyone and lets the facilitator edit, merge and turn one into an action', () => {
    refused(() => run.addTakeaway(view.root, alex, 'Too early', newId, now), /deep dive/);
    run.advanceRun(view.root, 'deep-dive', {}, now);
    const a = value(run.addTakeaway(view.root, alex, 'Start retros with a silent minute', newId, now));
    const b = value(run.addTakeaway(view.root, bea, 'Silent start for retros', newId, now));
    const c = value(run.addTakeaway(view.root, chen, 'Share retro formats in the CoP', newId, now));
    refused(() => run.addTakeaway(view.root, chen, ' ', newId, now), /Write the takeaway/);
    run.mergeTakeaway(view.root, b, a);
    refused(() => run.mergeTakeaway(view.root, c, b), /still on the wall/);
    run.editTakeaway(view.root, a, 'Start every retro with a silent minute');
    refused(() => run.setAction(view.root, c, { ownerId: 'chen', dueDate: '2026-12-01' }, '2026-12-02'), /past/);
    run.setAction(view.root, c, { ownerId: 'chen', dueDate: '2026-12-16' }, '2026-12-02');
    const wall = takeawayWall(state());
    expect(wall.map((w) => [w.takeaway.text, w.merged.map((m) => m.id), w.takeaway.action])).toEqual([
      ['Start every retro with a silent minute', [b], undefined],
      ['Share retro formats in the CoP', [], { ownerId: 'chen', dueDate: '2026-12-16' }],
    ]);
  });

  it('marks who voted, never what, and closes', () => {
    refused(() => run.markVoted(view.root, alex, now), /Feedback opens/);
    for (const to of ['deep-dive', 'breakouts', 'share-out', 'feedback'] as const) {
      if (to === 'breakouts')
        run.setGroups(view.root, [
          { index: 0, members: ['alex', 'bea'], question: '' },
          { index: 1, members: ['chen', 'dara'], question: '' },
        ]);
      run.advanceRun(view.root, to, {}, now);
    }
    run.markVoted(view.root, alex, now);
    run.markVoted(view.root, bea, now);
    expect(state().voted).toEqual(['alex', 'bea']);
    expect(JSON.stringify(state())).not.toMatch(/"score"/);
    run.closeFeedback(view.root);
    run.markRunClosed(view.root, now);
    expect(state()).toMatchObject({ phase: 'closed', feedbackClosed: true, closed: { at: now.toISOString() } });
    refused(() => run.addTakeaway(view.root, alex, 'late', newId, now), /closed/);
  });

  it('resumes a run saved mid-breakout in a fresh tree: groups, notes, timers, takeaways and curation as saved', () => {
    run.advanceRun(view.root, 'deep-dive', {}, now);
    const t1 = value(run.addTakeaway(view.root, alex, 'Silent start', newId, now));
    const t2 = value(run.addTakeaway(view.root, bea, 'Silent minute first', newId, now));
    value(run.mergeTakeaway(view.root, t2, t1));
    value(run.setAction(view.root, t1, { ownerId: 'bea', dueDate: '2026-12-16' }, '2026-12-02'));
    value(
      run.setGroups(view.root, [
        { index: 0, members: ['alex', 'bea'], question: 'Why?' },
        { index: 1, members: ['chen', 'dara'], question: '' },
      ]),
    );
    value(run.advanceRun(view.root, 'breakouts', { minutes: 12 }, now));
    value(run.addGroupNote(view.root, alex, 'Note from alex', newId, now));
    value(run.addGroupNote(view.root, chen, 'Note from chen', newId, now));
    const before = state();
    const saved = savedRunOf(before)!;
    expect(JSON.parse(JSON.stringify(saved))).toEqual(saved);

    const fresh = independentView(meetingTreeConfig);
    fresh.initialize(initialMeeting());
    try {
      expect(run.sessionRunOf(fresh.root)).toBeUndefined();
      value(run.resumeRun(fresh.root, 's1', saved));
      const resumed = run.sessionRunOf(fresh.root)!;
      expect(resumed).toEqual(before);
      expect(resumed.breakoutEndsAt).toBe('2026-12-02T10:12:00.000Z');
      // The resumed run goes on as before: a note in one's own group, then the share-out.
      value(run.addGroupNote(fresh.root, dara, 'Note from dara after the loss', newId, now));
      expect(run.sessionRunOf(fresh.root)!.groupNotes).toHaveLength(3);
      value(run.advanceRun(fresh.root, 'share-out', {}, now));
    } finally {
      fresh.dispose();
    }
  });
});
