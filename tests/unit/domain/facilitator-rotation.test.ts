import {
  emptyRotation,
  facilitatorHistory,
  nextFacilitator,
  optIn,
  optOut,
  rotationQueue,
  skipTurn,
  swapTurns,
  type FacilitatorRotation,
} from '../../../src/domain/facilitator-rotation';
import type { Result } from '../../../src/domain/result';

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const withVolunteers = (...ids: string[]): FacilitatorRotation => ids.reduce(optIn, emptyRotation('c', 't'));

describe('facilitator rotation', () => {
  it('goes through volunteers in opt-in order, then whoever facilitated least recently', () => {
    const r = withVolunteers('ana', 'ben', 'cy');
    expect(nextFacilitator(r, [])).toBe('ana');
    expect(nextFacilitator(r, ['ana'])).toBe('ben');
    expect(nextFacilitator(r, ['ana', 'ben'])).toBe('cy');
    expect(nextFacilitator(r, ['ana', 'ben', 'cy'])).toBe('ana');
    // Someone outside the rotation facilitated: the queue is unchanged.
    expect(nextFacilitator(r, ['ana', 'ben', 'cy', 'zed'])).toBe('ana');
    expect(rotationQueue(r, ['cy', 'ana'])).toEqual(['ben', 'cy', 'ana']);
  });
  it('has nobody without volunteers; opting in twice counts once; opting out leaves the queue', () => {
    expect(nextFacilitator(emptyRotation('c', 't'), [])).toBeNull();
    expect(optIn(withVolunteers('ana'), 'ana').volunteers).toEqual(['ana']);
    expect(nextFacilitator(optOut(withVolunteers('ana', 'ben'), 'ana'), [])).toBe('ben');
  });
  it('skips a volunteer for one session only', () => {
    const r = value(skipTurn(withVolunteers('ana', 'ben', 'cy'), [], 'ana'));
    expect(nextFacilitator(r, [])).toBe('ben');
    // Once ben has facilitated, the skip has lapsed and ana is first again.
    expect(nextFacilitator(r, ['ben'])).toBe('ana');
    expect(skipTurn(r, [], 'zed').ok).toBe(false);
  });
  it('when everyone skips, the first in line still facilitates', () => {
    let r = withVolunteers('ana', 'ben');
    r = value(skipTurn(r, [], 'ana'));
    r = value(skipTurn(r, [], 'ben'));
    expect(nextFacilitator(r, [])).toBe('ana');
  });
  it('swaps two turns until either of them has facilitated', () => {
    const r = value(swapTurns(withVolunteers('ana', 'ben', 'cy'), [], 'ana', 'cy'));
    expect(rotationQueue(r, [])).toEqual(['cy', 'ben', 'ana']);
    expect(nextFacilitator(r, [])).toBe('cy');
    // cy took ana's turn: the swap is used up, ana is now the one waiting longest.
    expect(nextFacilitator(r, ['cy'])).toBe('ana');
    expect(swapTurns(r, [], 'ana', 'ana').ok).toBe(false);
    expect(swapTurns(r, [], 'ana', 'zed').ok).toBe(false);
  });
  it('reads the history from sessions in date order', () => {
    expect(
      facilitatorHistory([
        { startsAt: '2026-12-10', facilitatorId: 'ben' },
        { startsAt: '2026-11-10', facilitatorId: 'ana' },
      ]),
    ).toEqual(['ana', 'ben']);
  });
});
