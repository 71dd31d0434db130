/** When the facilitator's panel saves the run of show: at once on a phase change, else a few seconds after a change. */
import { clientFail, clientOk, type ClientResult } from '../../../src/live/client-result';
import { createRunSaver } from '../../../src/tab/features/session-run/run-saver';
import { unvotedQuestion } from '../../../src/tab/features/session-run/session-view';
import { nameOf, run, takeaway } from './session-run-fixtures';
import type { SessionRunState } from '../../../src/domain/session-run';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

function saverWith(result: () => ClientResult<unknown> = () => clientOk()) {
  const saved: SessionRunState[] = [];
  const outcomes: unknown[] = [];
  const saver = createRunSaver({
    save: async (r) => (saved.push(r), result()),
    onSaved: (o) => outcomes.push(o.ok),
    delayMs: 3000,
    timers: { setTimeout, clearTimeout } as never,
  });
  return { saved, outcomes, saver };
}
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe("saving the run of show from the facilitator's panel", () => {
  it('saves at once when first seen and at each phase change, and a few seconds after other changes (the latest state)', async () => {
    const { saved, saver } = saverWith();
    saver.changed(run({ phase: 'share-out' }));
    await settle();
    expect(saved).toHaveLength(1);
    saver.changed(run({ phase: 'share-out', takeaways: [takeaway('k1', 'one', 'u1')] }));
    saver.changed(run({ phase: 'share-out', takeaways: [takeaway('k1', 'one', 'u1'), takeaway('k2', 'two', 'u2')] }));
    await settle();
    expect(saved).toHaveLength(1);
    jest.advanceTimersByTime(3000);
    await settle();
    expect(saved).toHaveLength(2);
    expect(saved[1]!.takeaways.map((t) => t.id)).toEqual(['k1', 'k2']);
    saver.changed(run({ phase: 'feedback', takeaways: saved[1]!.takeaways }));
    await settle();
    expect(saved.map((r) => r.phase)).toEqual(['share-out', 'share-out', 'feedback']);
  });

  it('does not send the same state twice, nor a closed run', async () => {
    const { saved, saver } = saverWith();
    saver.changed(run({ phase: 'share-out' }));
    await settle();
    saver.changed(run({ phase: 'share-out' }));
    jest.advanceTimersByTime(3000);
    await settle();
    saver.changed(run({ phase: 'closed', closed: { at: '2026-03-02T11:00:00.000Z' } }));
    await settle();
    expect(saved).toHaveLength(1);
  });

  it('reports a refused save and sends it again at the next change', async () => {
    let fail = true;
    const { saved, outcomes, saver } = saverWith(() =>
      fail ? clientFail('REQUEST_FAILED', 'The server could not be reached.') : clientOk(),
    );
    saver.changed(run({ phase: 'share-out' }));
    await settle();
    fail = false;
    saver.changed(run({ phase: 'share-out' }));
    jest.advanceTimersByTime(3000);
    await settle();
    expect(saved).toHaveLength(2);
    expect(outcomes).toEqual([false, true]);
  });
});

describe('steps that lose votes ask first', () => {
  it('asks when people here have not voted, naming them; not when everyone voted or voting is closed', () => {
    const r = run({ phase: 'feedback', voted: ['u1'] });
    const q = unvotedQuestion(r, ['u1', 'u2', 'u3'], nameOf, 'close-voting')!;
    expect(q).toEqual({
      title: 'Close voting now?',
      message:
        '2 people here have not voted yet (Bea Okafor, Chen Wei). Closing voting shows the result now; they can no longer vote.',
      confirm: 'Close voting',
    });
    expect(unvotedQuestion(r, ['u1', 'u2'], nameOf, 'close')!.confirm).toBe('Close the session');
    expect(unvotedQuestion(r, ['u1'], nameOf, 'close')).toBeUndefined();
    expect(unvotedQuestion({ ...r, feedbackClosed: true }, ['u1', 'u2'], nameOf, 'close')).toBeUndefined();
  });
});
