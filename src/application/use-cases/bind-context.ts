import type { ContextBinding } from '../../domain/community';
import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

/**
 * Bind a Teams meeting, channel or chat to a community (the tab's configuration page).
 * Any member of the target community may bind; rebinding replaces the previous binding
 * only if the caller saw the current one (etag), so two people configuring at once cannot
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
