import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import type { Session } from '../../domain/session';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { findSession } from '../facilitation';

/** One session with the etag an agenda edit must carry. Round trips: 2 reads (access) + 1 read. */
export async function getSession(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; sessionId: string },
): Promise<Result<{ session: Session; etag: string }>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const found = await findSession(deps, input.communityId, input.sessionId);
  if (!found.ok) return found;
  return ok({ session: found.value.value, etag: found.value.etag });
}
