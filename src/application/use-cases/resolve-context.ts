import type { ContextBinding } from '../../domain/community';
import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import type { AppDeps } from '../deps';

/** Which community is this meeting/channel bound to? NOT_FOUND until the configuration page binds it. */
export async function resolveContext(
  deps: AppDeps,
  who: Principal,
  input: { contextId: string },
): Promise<Result<ContextBinding>> {
  const binding = await deps.store.bindings.get(who.tenantId, input.contextId);
  if (!binding)
    return fail('NOT_FOUND', 'This meeting or channel is not bound to a community yet. Configure the tab first.');
  return ok(binding.value);
}
