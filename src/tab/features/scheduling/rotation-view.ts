/** The facilitator rotation as the channel tab shows it. Pure. */
import type { SessionPlan } from '../../api-client';

export interface RotationEntry {
  readonly userId: string;
  readonly name: string;
  /** Due before the next-up person but asked to skip this time. */
  readonly skipping: boolean;
}

export interface RotationView {
  readonly nextUp: { readonly userId: string; readonly name: string } | undefined;
  readonly queue: readonly RotationEntry[];
  readonly iAmIn: boolean;
}

/**
 * The plan's queue (in the order people are due) with names. The next facilitator is the first in
 * the queue who did not ask to skip, so whoever stands before them in the queue skips this time.
 */
export function rotationView(
  plan: Pick<SessionPlan, 'facilitatorId' | 'queue' | 'rotation'>,
  me: string,
  nameOf: (userId: string) => string,
): RotationView {
  const nextIndex = plan.facilitatorId ? plan.queue.indexOf(plan.facilitatorId) : -1;
  const inRotation = plan.facilitatorId !== null && plan.rotation.volunteers.includes(plan.facilitatorId);
  return {
    nextUp:
      plan.facilitatorId && inRotation ? { userId: plan.facilitatorId, name: nameOf(plan.facilitatorId) } : undefined,
    queue: plan.queue.map((userId, i) => ({ userId, name: nameOf(userId), skipping: nextIndex > 0 && i < nextIndex })),
    iAmIn: plan.rotation.volunteers.includes(me),
  };
}
