/**
 * The facilitator rotates through volunteers (members who opted in). Pure: the queue is derived from
 * who facilitated the past sessions, plus the one-off changes people ask for (skip my turn, swap turns).
 * Each change remembers how many sessions existed when it was made, so it lapses by itself.
 */
import { fail, ok, type Result } from './result';
import type { Session } from './session';

export interface FacilitatorRotation {
  readonly communityId: string;
  readonly tenantId: string;
  /** Members who opted in, in the order they did. */
  readonly volunteers: readonly string[];
  /** "Skip me next time": passed over until one more session has a facilitator. */
  readonly skips: readonly { readonly userId: string; readonly atSession: number }[];
  /** Two volunteers exchange their places in the queue until either of them has facilitated. */
  readonly swaps: readonly { readonly a: string; readonly b: string; readonly atSession: number }[];
}

export const emptyRotation = (communityId: string, tenantId: string): FacilitatorRotation => ({
  communityId,
  tenantId,
  volunteers: [],
  skips: [],
  swaps: [],
});

/** Skips and swaps still in force after `history` (facilitator ids of the sessions so far, oldest first). */
function inForce(rotation: FacilitatorRotation, history: readonly string[]) {
  const skips = rotation.skips.filter((s) => history.length <= s.atSession).map((s) => s.userId);
  const swaps = rotation.swaps.filter((s) => !history.slice(s.atSession).some((f) => f === s.a || f === s.b));
  return { skips, swaps };
}

/**
 * The volunteers in the order they are due: whoever facilitated least recently first (never before
 * = first, in opt-in order), then the swaps applied.
 */
export function rotationQueue(rotation: FacilitatorRotation, history: readonly string[]): string[] {
  const lastTurn = (id: string) => history.lastIndexOf(id);
  const queue = rotation.volunteers
    .map((id, optIn) => ({ id, optIn, last: lastTurn(id) }))
    .sort((x, y) => x.last - y.last || x.optIn - y.optIn)
    .map((x) => x.id);
  for (const { a, b } of inForce(rotation, history).swaps) {
    const i = queue.indexOf(a);
    const j = queue.indexOf(b);
    if (i >= 0 && j >= 0) [queue[i], queue[j]] = [queue[j]!, queue[i]!];
  }
  return queue;
}

/** Who facilitates next: the first in the queue who did not ask to be skipped; null without volunteers. */
export function nextFacilitator(rotation: FacilitatorRotation, history: readonly string[]): string | null {
  const { skips } = inForce(rotation, history);
  const queue = rotationQueue(rotation, history);
  return queue.find((id) => !skips.includes(id)) ?? queue[0] ?? null;
}

/** The rotation restricted to people who are still members (someone may have left the community). */
export function amongMembers(rotation: FacilitatorRotation, memberIds: ReadonlySet<string>): FacilitatorRotation {
  return rotation.volunteers.every((v) => memberIds.has(v))
    ? rotation
    : { ...rotation, volunteers: rotation.volunteers.filter((v) => memberIds.has(v)) };
}

export function optIn(rotation: FacilitatorRotation, userId: string): FacilitatorRotation {
  return rotation.volunteers.includes(userId)
    ? rotation
    : { ...rotation, volunteers: [...rotation.volunteers, userId] };
}

export function optOut(rotation: FacilitatorRotation, userId: string): FacilitatorRotation {
  return {
    ...rotation,
    volunteers: rotation.volunteers.filter((v) => v !== userId),
    skips: rotation.skips.filter((s) => s.userId !== userId),
    swaps: rotation.swaps.filter((s) => s.a !== userId && s.b !== userId),
  };
}

export function skipTurn(
  rotation: FacilitatorRotation,
  history: readonly string[],
  userId: string,
): Result<FacilitatorRotation> {
  if (!rotation.volunteers.includes(userId))
    return fail('VALIDATION_FAILED', `'${userId}' is not in the facilitator rotation.`);
  if (inForce(rotation, history).skips.includes(userId)) return ok(rotation);
  return ok({ ...rotation, skips: [...rotation.skips, { userId, atSession: history.length }] });
}

export function swapTurns(
  rotation: FacilitatorRotation,
  history: readonly string[],
  a: string,
  b: string,
): Result<FacilitatorRotation> {
  if (a === b) return fail('VALIDATION_FAILED', 'Swap needs two different volunteers.');
  for (const id of [a, b])
    if (!rotation.volunteers.includes(id))
      return fail('VALIDATION_FAILED', `'${id}' is not in the facilitator rotation.`);
  return ok({ ...rotation, swaps: [...inForce(rotation, history).swaps, { a, b, atSession: history.length }] });
}

/** Who facilitated the sessions so far (scheduled or held), oldest first: the rotation's history. */
export function facilitatorHistory(sessions: readonly Pick<Session, 'startsAt' | 'facilitatorId'>[]): string[] {
  return [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt)).map((s) => s.facilitatorId);
}
