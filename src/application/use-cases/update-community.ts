import type { Community, Purpose } from '../../domain/community';
import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import { requireRole } from '../access';
import type { AppDeps } from '../deps';

export interface UpdateCommunityInput {
  readonly communityId: string;
  /** The etag the caller read; a stale one is a CONFLICT, never a silent overwrite. */
  readonly etag: string;
  readonly name?: string;
  readonly purpose?: Purpose;
  readonly description?: string;
  readonly cadencePerMonth?: 1 | 2 | 3 | 4;
}

/** A facilitator edits the community's name, purpose, description or cadence. */
export async function updateCommunity(
  deps: AppDeps,
  who: Principal,
  input: UpdateCommunityInput,
): Promise<Result<{ community: Community; etag: string }>> {
  const access = await requireRole(deps, who, input.communityId, 'facilitator');
  if (!access.ok) return access;
  const current = access.value.community.value;
  const next: Community = {
    ...current,
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
    ...(input.description !== undefined ? { description: input.description.trim() } : {}),
    ...(input.cadencePerMonth !== undefined ? { cadencePerMonth: input.cadencePerMonth } : {}),
  };
  const updated = await deps.store.communities.update(next, input.etag);
  if (!updated.ok) return updated;
  return ok({ community: updated.value.value, etag: updated.value.etag });
}
