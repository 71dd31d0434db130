import type { Community, Purpose } from '../../domain/community';
import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import type { AppDeps } from '../deps';

export interface CreateCommunityInput {
  readonly name: string;
  readonly purpose: Purpose;
  readonly description?: string;
  readonly cadencePerMonth: 1 | 2 | 3 | 4;
}

/** Creates a community in the caller's tenant; the creator becomes its first facilitator and champion. */
export async function createCommunity(
  deps: AppDeps,
  who: Principal,
  input: CreateCommunityInput,
): Promise<Result<Community>> {
  const now = deps.clock.now().toISOString();
  const community: Community = {
    id: deps.ids.newId(),
    tenantId: who.tenantId,
    name: input.name.trim(),
    purpose: input.purpose,
    description: (input.description ?? '').trim(),
    cadencePerMonth: input.cadencePerMonth,
    createdBy: who.userId,
    createdAt: now,
  };
  const created = await deps.store.communities.create(community);
  if (!created.ok) return created;
  const member = await deps.store.memberships.create({
    communityId: community.id,
    tenantId: who.tenantId,
    userId: who.userId,
    displayName: who.displayName,
    roles: ['member', 'facilitator', 'champion'],
    joinedAt: now,
  });
  if (!member.ok) return member;
  return ok(created.value.value);
}
