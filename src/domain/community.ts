/**
 * Communities and their members: the first slice of the record.
 * Pure rules only; no IO.
 */
import { fail, ok, type Result } from './result';

export const ROLES = ['member', 'facilitator', 'champion', 'coach'] as const;
export type Role = (typeof ROLES)[number];

export const PURPOSES = ['learning-community', 'working-group'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const LIMITS = {
  communityName: 80,
  communityDescription: 1000,
  displayName: 120,
  product: 80,
  id: 128,
} as const;

export interface Community {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly purpose: Purpose;
  readonly description: string;
  /** Sessions a month, 1–4 (every two weeks is ideal). */
  readonly cadencePerMonth: 1 | 2 | 3 | 4;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface Membership {
  readonly communityId: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly displayName: string;
  /** Always contains 'member'. */
  readonly roles: readonly Role[];
  /** The product this person's teams build (for breakouts and scaled retros). */
  readonly product?: string;
  readonly joinedAt: string;
}

/** A Teams meeting, channel or chat bound to a community from the tab's configuration page. */
export interface ContextBinding {
  readonly tenantId: string;
  /** Teams meeting id, channel id or chat id; `local-…` ids in dev mode. */
  readonly contextId: string;
  readonly kind: 'meeting' | 'channel' | 'chat';
  readonly communityId: string;
  readonly boundBy: string;
  readonly boundAt: string;
}

export const hasRole = (m: Pick<Membership, 'roles'> | undefined, role: Role): boolean => !!m && m.roles.includes(role);

/** Normalise a role set: unique, in canonical order, always including 'member'. */
export function normaliseRoles(roles: readonly Role[]): Role[] {
  const set = new Set<Role>(['member', ...roles]);
  return ROLES.filter((r) => set.has(r));
}

/** Roles a person may change on someone's membership. Facilitators and champions keep the group together. */
export function canManageRoles(actor: Membership | undefined): boolean {
  return hasRole(actor, 'facilitator') || hasRole(actor, 'champion');
}

/**
 * A community must keep at least one facilitator, or nobody could start a session.
 * Returns an error when removing `userId`'s facilitator role (or membership) would leave none.
 */
export function checkFacilitatorRemains(
  members: readonly Membership[],
  userId: string,
  nextRoles: readonly Role[] | null,
): Result<void> {
  const wasFacilitator = members.some((m) => m.userId === userId && hasRole(m, 'facilitator'));
  const staysFacilitator = nextRoles?.includes('facilitator') ?? false;
  if (!wasFacilitator || staysFacilitator) return ok(undefined);
  const others = members.filter((m) => m.userId !== userId && hasRole(m, 'facilitator'));
  if (others.length === 0) {
    return fail(
      'LAST_FACILITATOR',
      'This is the last facilitator of the community. Make someone else a facilitator first.',
    );
  }
  return ok(undefined);
}
