/** Role checkbox logic for the members table. Pure. */
import { normaliseRoles, type Role } from '../../../domain/community';

/** The role set after ticking (`on`) or unticking one role; 'member' always stays. */
export function toggleRole(roles: readonly Role[], role: Role, on: boolean): Role[] {
  const next = on ? [...roles, role] : roles.filter((r) => r !== role);
  return normaliseRoles(next);
}
