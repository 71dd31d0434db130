import type { ContextBinding } from '../../domain/community';
import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember, requireRole } from '../access';
import type { AppDeps } from '../deps';

/**
 * Bind a Teams meeting, channel or chat to a community (the tab's configuration page).
 * Any member of the target community may bind an unbound context. A context already bound to
 * another community is that community's: only one of its facilitators may move it (a member of
 * some other community cannot take over its meeting or channel). Rebinding replaces the previous
 * binding only if the caller saw the current one (etag), so two people configuring at once cannot
 * silently overwrite each other.
 */
export async function bindContext(
  deps: AppDeps,
  who: Principal,
  input: { contextId: string; kind: ContextBinding['kind']; communityId: string },
): Promise<Result<ContextBinding>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const current = await deps.store.bindings.get(who.tenantId, input.contextId);
  if (current && current.value.communityId !== input.communityId) {
    const owner = await requireRole(deps, who, current.value.communityId, 'facilitator');
    // A binding to a community that no longer exists belongs to nobody.
    if (!owner.ok && owner.error.code !== 'COMMUNITY_NOT_FOUND') {
      const name = (await deps.store.communities.get(who.tenantId, current.value.communityId))?.value.name;
      const to = name ?? current.value.communityId;
      const why = `This ${current.value.kind} is bound to '${to}'; only its facilitators can bind it elsewhere.`;
      return fail('FORBIDDEN', why);
    }
  }
  const binding: ContextBinding = {
    tenantId: who.tenantId,
    contextId: input.contextId,
    kind: input.kind,
    communityId: input.communityId,
    boundBy: who.userId,
    boundAt: deps.clock.now().toISOString(),
  };
  const saved = await deps.store.bindings.put(binding, current?.etag);
  if (!saved.ok) return saved;
  return ok(saved.value.value);
}
