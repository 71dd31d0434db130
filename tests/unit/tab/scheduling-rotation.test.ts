import { emptyRotation, nextFacilitator, rotationQueue, skipTurn } from '../../../src/domain/facilitator-rotation';
import type { Session } from '../../../src/domain/session';
import { rotationView } from '../../../src/tab/features/scheduling/rotation-view';
import { upcomingSessions } from '../../../src/tab/features/scheduling/upcoming';

const names: Record<string, string> = { bea: 'Bea Okafor', chen: 'Chen Wei', alex: 'Alex Morgan' };
const nameOf = (id: string) => names[id] ?? id;

describe('the rotation as shown', () => {
  const rotation = { ...emptyRotation('c', 't'), volunteers: ['bea', 'chen', 'alex'] };

  it('shows who is next up and the queue with names', () => {
    const plan = { facilitatorId: nextFacilitator(rotation, []), queue: rotationQueue(rotation, []), rotation };
    const v = rotationView(plan, 'chen', nameOf);
    expect(v.nextUp).toEqual({ userId: 'bea', name: 'Bea Okafor' });
    expect(v.queue.map((q) => [q.name, q.skipping])).toEqual([
      ['Bea Okafor', false],
      ['Chen Wei', false],
      ['Alex Morgan', false],
    ]);
    expect(v.iAmIn).toBe(true);
  });

  it('marks who skips this time (the domain passes over them)', () => {
    const skipped = skipTurn(rotation, [], 'bea');
    if (!skipped.ok) throw new Error('skip failed');
    const plan = {
      facilitatorId: nextFacilitator(skipped.value, []),
      queue: rotationQueue(skipped.value, []),
      rotation: skipped.value,
    };
    const v = rotationView(plan, 'dara', nameOf);
    expect(v.nextUp?.name).toBe('Chen Wei');
    expect(v.queue.map((q) => q.skipping)).toEqual([true, false, false]);
    expect(v.iAmIn).toBe(false);
  });

  it('has nobody next up without volunteers', () => {
    const empty = emptyRotation('c', 't');
    expect(rotationView({ facilitatorId: null, queue: [], rotation: empty }, 'alex', nameOf)).toEqual({
      nextUp: undefined,
      queue: [],
      iAmIn: false,
    });
  });
});

describe('upcoming sessions', () => {
  const s = (id: string, startsAt: string, state: Session['state'] = 'scheduled') =>
    ({ id, startsAt, state }) as Session;
  it('lists scheduled sessions soonest first, without the held ones', () => {
    const list = upcomingSessions([
      s('b', '2026-12-30T15:00:00Z'),
      s('h', '2026-11-01T15:00:00Z', 'held'),
      s('a', '2026-12-16T15:00:00Z'),
    ]);
    expect(list.map((x) => x.id)).toEqual(['a', 'b']);
  });
});
