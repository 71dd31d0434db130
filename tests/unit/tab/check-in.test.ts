import {
  CHECK_IN_MAX,
  checkInCounter,
  normaliseCheckIn,
  validateCheckIn,
} from '../../../src/tab/features/live/check-in';
import { initials, myCheckIn, peopleHere } from '../../../src/tab/features/live/people';

describe('check-in validation', () => {
  it('accepts one trimmed line up to 140 characters', () => {
    expect(validateCheckIn('  Tired but happy  ')).toEqual({ ok: true, text: 'Tired but happy' });
    expect(validateCheckIn('x'.repeat(CHECK_IN_MAX))).toEqual({ ok: true, text: 'x'.repeat(140) });
  });

  it('turns line breaks into spaces', () => {
    expect(normaliseCheckIn('one\ntwo\r\n  three')).toBe('one two three');
  });

  it('refuses empty and too long lines with a clear message', () => {
    expect(validateCheckIn('   \n ')).toEqual({ ok: false, message: 'Write a few words first.' });
    const long = validateCheckIn('x'.repeat(145));
    expect(long.ok).toBe(false);
    expect(!long.ok && long.message).toMatch(/140 characters \(5 too many\)/);
  });

  it('counts characters for the live counter', () => {
    expect(checkInCounter('')).toEqual({ label: '0 / 140', remaining: 140, over: false });
    expect(checkInCounter('x'.repeat(141))).toMatchObject({ remaining: -1, over: true });
  });
});

describe('who is here', () => {
  const snapshot = {
    present: [
      { id: 'u2', name: 'Bea' },
      { id: 'u1', name: 'Alex' },
      { id: 'u2', name: 'Bea' }, // a second tab of the same person
    ],
    checkIns: [
      { userId: 'u1', displayName: 'Alex', text: 'Ready', at: '2024-01-01T00:00:00Z' },
      { userId: 'u3', displayName: 'Chen', text: 'Left already', at: '2024-01-01T00:00:01Z' },
    ],
  };

  it('lists present people once each, by name, with their check-in', () => {
    expect(peopleHere(snapshot)).toEqual([
      { id: 'u1', name: 'Alex', checkIn: 'Ready' },
      { id: 'u2', name: 'Bea' },
    ]);
  });

  it('finds my own check-in', () => {
    expect(myCheckIn(snapshot, 'u1')?.text).toBe('Ready');
    expect(myCheckIn(snapshot, 'u2')).toBeUndefined();
    expect(myCheckIn(snapshot, undefined)).toBeUndefined();
  });

  it('makes initials', () => {
    expect(initials('Alex  Morgan Smith')).toBe('AM');
    expect(initials('chen')).toBe('C');
  });
});
