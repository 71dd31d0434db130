/** The saved run of show: what a save keeps, what a close keeps of the breakouts. Pure. */
import {
  breakoutsOf,
  checkSavedRun,
  mergeBreakouts,
  mergeSavedRun,
  type SavedRunState,
} from '../../../src/domain/session-run';

const note = (id: string, group: number, userId: string, at: string) => ({
  id,
  group,
  userId,
  displayName: userId.toUpperCase(),
  text: `note ${id}`,
  at,
});
const takeaway = (id: string, at: string, over: { mergedInto?: string } = {}) => ({
  id,
  text: `takeaway ${id}`,
  authorId: 'bea',
  authorName: 'BEA',
  at,
  ...over,
});
const base = (over: Partial<SavedRunState> = {}): SavedRunState => ({
  phase: 'share-out',
  phaseStartedAt: '2026-12-03T15:30:00.000Z',
  iceBreakerId: 'ib-01',
  topicTitle: 'Retros',
  groups: [
    { index: 0, question: 'Q', members: ['alex'] },
    { index: 1, question: '', members: ['chen'] },
  ],
  groupNotes: [],
  takeaways: [],
  voted: [],
  feedbackClosed: false,
  ...over,
});

describe('merging a save into what the record holds', () => {
  it('takes the incoming run and keeps every note and takeaway only the record had, in time order', () => {
    const before = base({
      groupNotes: [note('n1', 0, 'alex', '2026-12-03T15:21:00Z'), note('n2', 1, 'chen', '2026-12-03T15:22:00Z')],
      takeaways: [takeaway('t1', '2026-12-03T15:31:00Z')],
      voted: ['alex'],
    });
    const incoming = base({
      phase: 'feedback',
      groupNotes: [note('n2', 1, 'chen', '2026-12-03T15:22:00Z')],
      takeaways: [takeaway('t2', '2026-12-03T15:32:00Z')],
      voted: ['chen'],
    });
    const merged = mergeSavedRun(before, incoming);
    expect(merged.kept).toEqual({ groupNotes: 1, takeaways: 1 });
    expect(merged.run.phase).toBe('feedback');
    expect(merged.run.groupNotes.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(merged.run.takeaways.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(merged.run.voted).toEqual(['alex', 'chen']);
  });

  it('puts a kept takeaway back on the wall when what it was merged into is gone', () => {
    const before = base({
      takeaways: [takeaway('t1', '2026-12-03T15:31:00Z', { mergedInto: 't0' }), takeaway('t0', '2026-12-03T15:30:00Z')],
    });
    const merged = mergeSavedRun(before, base({ takeaways: [] }));
    expect(merged.run.takeaways.map((t) => [t.id, t.mergedInto])).toEqual([
      ['t0', undefined],
      ['t1', 't0'],
    ]);
    const dropped = mergeSavedRun(
      base({ takeaways: [takeaway('t1', '2026-12-03T15:31:00Z', { mergedInto: 'gone' })] }),
      base(),
    );
    expect(dropped.run.takeaways[0]!.mergedInto).toBeUndefined();
    expect(checkSavedRun(dropped.run).ok).toBe(true);
  });
});

describe('what a close keeps of the breakouts', () => {
  it('groups the notes by group, oldest first, signed; adds saved notes the close lacks', () => {
    const run = base({
      groupNotes: [note('n2', 0, 'alex', '2026-12-03T15:22:00Z'), note('n1', 0, 'alex', '2026-12-03T15:21:00Z')],
    });
    const sent = breakoutsOf(run);
    expect(sent).toEqual([
      {
        index: 0,
        question: 'Q',
        members: ['alex'],
        notes: [
          { id: 'n1', authorId: 'alex', authorName: 'ALEX', text: 'note n1', at: '2026-12-03T15:21:00Z' },
          { id: 'n2', authorId: 'alex', authorName: 'ALEX', text: 'note n2', at: '2026-12-03T15:22:00Z' },
        ],
      },
      { index: 1, question: '', members: ['chen'], notes: [] },
    ]);
    const saved = breakoutsOf(
      base({
        groupNotes: [note('n0', 1, 'chen', '2026-12-03T15:20:00Z'), note('n1', 0, 'alex', '2026-12-03T15:21:00Z')],
      }),
    );
    expect(mergeBreakouts(sent, saved).map((b) => b.notes.map((n) => n.id))).toEqual([['n1', 'n2'], ['n0']]);
  });
});
