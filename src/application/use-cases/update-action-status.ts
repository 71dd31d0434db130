import type { Principal } from '../../domain/identity';
import type { ActionItem, ActionStatus } from '../../domain/outcomes';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { facilitatesSession, findSession } from '../facilitation';

/**
 * The action's owner or the session's facilitator (or a facilitator/champion) moves it between
 * open, doing and done, with the etag they read. Round trips: 2 reads (access) + 1 read (action) +
 * 1 read (session) + 1 replace.
 */
export async function updateActionStatus(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; actionId: string; status: ActionStatus; etag: string },
): Promise<Result<{ action: ActionItem; etag: string }>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const current = await deps.store.actions.get(input.communityId, input.actionId);
  if (!current) return fail('ACTION_NOT_FOUND', 'That action is not in this community.');
  const session = await findSession(deps, input.communityId, current.value.sessionId);
  if (!session.ok) return session;
  if (current.value.ownerId !== who.userId && !facilitatesSession(access.value, session.value.value)) {
    return fail('FORBIDDEN', "Only the action's owner or the session's facilitator can change its status.");
  }
  const written = await deps.store.actions.update(
    { ...current.value, status: input.status, updatedAt: deps.clock.now().toISOString() },
    input.etag,
  );
  if (!written.ok) return written;
  return ok({ action: written.value.value, etag: written.value.etag });
}
