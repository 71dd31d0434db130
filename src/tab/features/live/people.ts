/** Derived views of the live snapshot. Pure. */
import type { CheckIn, LiveUser, MeetingSnapshot } from '../../../live/live-meeting';

export interface PersonHere {
  readonly id: string;
  readonly name: string;
  readonly checkIn?: string;
}

/** People present now, once each (several tabs of one person count once), with their check-in, by name. */
export function peopleHere(snapshot: Pick<MeetingSnapshot, 'present' | 'checkIns'>): PersonHere[] {
  const byUser = new Map<string, CheckIn>(snapshot.checkIns.map((c) => [c.userId, c]));
  const seen = new Map<string, LiveUser>();
  for (const p of snapshot.present) if (!seen.has(p.id)) seen.set(p.id, p);
  return [...seen.values()]
    .map((p) => {
      const c = byUser.get(p.id);
      return c ? { id: p.id, name: p.name, checkIn: c.text } : { id: p.id, name: p.name };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const myCheckIn = (
  snapshot: Pick<MeetingSnapshot, 'checkIns'>,
  userId: string | undefined,
): CheckIn | undefined => (userId ? snapshot.checkIns.find((c) => c.userId === userId) : undefined);

export const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
