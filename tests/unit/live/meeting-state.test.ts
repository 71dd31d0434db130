/**
 * Check-in rules and the snapshot mapping on an independent tree view (no container, no service):
 * one entry per person, replaced on edit, one transaction per edit, concurrent edits by different
 * people merge, and snapshots stay the same object until something visible changes.
 */
import { Tree } from 'fluid-framework';
import { independentView, type TreeViewAlpha } from 'fluid-framework/alpha';
import type { MeetingSnapshot } from '../../../src/live/live-meeting';
import { initialMeeting, meetingTreeConfig, type Meeting } from '../../../src/live/meeting-schema';
import { applyCheckIn, snapshotOf } from '../../../src/live/meeting-state';
import { checkCheckInText, MAX_CHECK_IN_LENGTH, SERVER_USER } from '../../../src/live/snapshot';

const alex = { id: 'u1', name: 'Alex Morgan' };
const bea = { id: 'u2', name: 'Bea Okafor' };
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, s));

let view: TreeViewAlpha<typeof Meeting>;
beforeEach(() => {
  view = independentView(meetingTreeConfig);
  view.initialize(initialMeeting());
});
afterEach(() => view.dispose());

const snap = (members: { id: string; name: string }[] = [], previous?: MeetingSnapshot, connected = true) =>
  snapshotOf({ meeting: view.root, members, connected }, previous);

describe('check-in text', () => {
  it('keeps one line: trims, and turns line breaks and runs of spaces into one space', () => {
    expect(checkCheckInText('  ready \n\n to   work\t ')).toEqual({ ok: true, text: 'ready to work' });
  });
  it('accepts exactly 140 characters and refuses 141 with a message that says the limit', () => {
    expect(MAX_CHECK_IN_LENGTH).toBe(140);
    expect(checkCheckInText('x'.repeat(140))).toEqual({ ok: true, text: 'x'.repeat(140) });
    const long = checkCheckInText('x'.repeat(141));
    expect(long.ok).toBe(false);
    expect(!long.ok && long.message).toMatch(/at most 140 characters/);
  });
  it('refuses empty and blank text', () => {
    expect(checkCheckInText('').ok).toBe(false);
    expect(checkCheckInText(' \n\t ').ok).toBe(false);
  });
});

describe('applyCheckIn', () => {
  it("writes the caller's own entry, keyed by user id, with the normalised text and the time", () => {
    const written = applyCheckIn(view.root, alex, '  curious  ', at(1));
    expect(written).toEqual({
      ok: true,
      value: { userId: 'u1', displayName: 'Alex Morgan', text: 'curious', at: at(1).toISOString() },
    });
    const entry = view.root.checkIns.get('u1');
    expect(entry && { displayName: entry.displayName, text: entry.text, at: entry.at }).toEqual({
      displayName: 'Alex Morgan',
      text: 'curious',
      at: at(1).toISOString(),
    });
  });

  it('replaces the entry on edit: one per person, never a second one', () => {
    applyCheckIn(view.root, alex, 'first', at(1));
    applyCheckIn(view.root, bea, 'hello', at(2));
    applyCheckIn(view.root, alex, 'second thoughts', at(3));
    expect(view.root.checkIns.size).toBe(2);
    expect(snap().checkIns.map((c) => [c.userId, c.text])).toEqual([
      ['u2', 'hello'],
      ['u1', 'second thoughts'],
    ]);
  });

  it('is one transaction (one commit) per check-in', () => {
    let commits = 0;
    const off = view.events.on('commitApplied', () => commits++);
    applyCheckIn(view.root, alex, 'one', at(1));
    applyCheckIn(view.root, alex, 'two', at(2));
    off();
    expect(commits).toBe(2);
  });

  it('refuses empty or too long text as a value (VALIDATION_FAILED) and leaves the tree alone', () => {
    applyCheckIn(view.root, alex, 'kept', at(1));
    let commits = 0;
    const off = view.events.on('commitApplied', () => commits++);
    expect(applyCheckIn(view.root, alex, '   ', at(2))).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/few words/) },
    });
    expect(applyCheckIn(view.root, alex, 'y'.repeat(141), at(2))).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/at most 140 characters/) },
    });
    expect(applyCheckIn(view.root, bea, '', at(2))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    off();
    expect(commits).toBe(0);
    expect(view.root.checkIns.get('u1')?.text).toBe('kept');
    expect(view.root.checkIns.has('u2')).toBe(false);
  });

  it('merges concurrent check-ins of different people (each writes only their own key)', () => {
    const other = view.fork();
    applyCheckIn(view.root, alex, 'from the main branch', at(1));
    applyCheckIn(other.root, bea, 'from a fork', at(2));
    view.merge(other);
    expect(snap().checkIns.map((c) => c.userId)).toEqual(['u1', 'u2']);
  });

  it('fires treeChanged on the root, which is what the live meeting listens to', () => {
    let changes = 0;
    const off = Tree.on(view.root, 'treeChanged', () => changes++);
    applyCheckIn(view.root, alex, 'hi', at(1));
    off();
    expect(changes).toBeGreaterThan(0);
  });
});

describe('snapshotOf', () => {
  it('maps check-ins oldest edit first (newest last), ties by user id', () => {
    applyCheckIn(view.root, bea, 'b', at(5));
    applyCheckIn(view.root, alex, 'a', at(5));
    applyCheckIn(view.root, { id: 'u0', name: 'Zed' }, 'z', at(1));
    expect(snap().checkIns.map((c) => c.userId)).toEqual(['u0', 'u1', 'u2']);
  });

  it('lists present people once each, by name, without the server', () => {
    const s = snap([bea, { id: SERVER_USER.id, name: SERVER_USER.name }, alex, { ...bea }]);
    expect(s.present).toEqual([alex, bea]);
  });

  it('returns the same object until something visible changes', () => {
    const a = snap([alex]);
    expect(snap([alex], a)).toBe(a);
    expect(snap([{ ...alex }], a)).toBe(a); // equal content, new objects: still the same snapshot
    const b = snap([alex, bea], a);
    expect(b).not.toBe(a);
    const c = snap([alex, bea], b, false);
    expect(c).not.toBe(b);
    expect(c.connected).toBe(false);
    applyCheckIn(view.root, alex, 'now', at(1));
    const d = snap([alex, bea], c, false);
    expect(d).not.toBe(c);
    expect(d.checkIns).toHaveLength(1);
  });

  it('is frozen, so a view cannot change it by accident', () => {
    applyCheckIn(view.root, alex, 'now', at(1));
    const s = snap([alex]);
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.checkIns)).toBe(true);
    expect(Object.isFrozen(s.checkIns[0])).toBe(true);
    expect(Object.isFrozen(s.present)).toBe(true);
  });

  it('keeps the last check-ins while the tree cannot be read', () => {
    applyCheckIn(view.root, alex, 'before', at(1));
    const a = snap([alex]);
    const b = snapshotOf({ meeting: undefined, members: [alex], connected: true }, a);
    expect(b).toBe(a);
    const c = snapshotOf({ meeting: undefined, members: [], connected: false }, a);
    expect(c.checkIns).toEqual(a.checkIns);
    expect(c.present).toEqual([]);
  });
});
