/**
 * Access rules shared by the backlog and session use cases: who facilitates, and reading a session
 * of the caller's community.
 */
import { managesBacklog } from '../domain/backlog';
import type { Principal } from '../domain/identity';
import { fail, ok, type Result } from '../domain/result';
import type { Session } from '../domain/session';
import { requireMember, type CommunityAccess } from './access';
import type { AppDeps } from './deps';
import type { Versioned } from './ports';

/** Facilitators and champions look after the backlog and the sessions. */
export const canFacilitate = (access: CommunityAccess): boolean => managesBacklog(access.membership.value);

/** As requireMember, and the caller must be a facilitator or champion. */
export async function requireFacilitation(
  deps: AppDeps,
  who: Principal,
  communityId: string,
): Promise<Result<CommunityAccess>> {
  const access = await requireMember(deps, who, communityId);
  if (!access.ok) return access;
  if (!canFacilitate(access.value))
    return fail('FORBIDDEN', `Only a facilitator or champion of '${access.value.community.value.name}' can do this.`);
  return access;
}

/** A facilitator or champion of the community, or the person facilitating this session. */
export const facilitatesSession = (access: CommunityAccess, session: Session): boolean =>
  canFacilitate(access) || session.facilitatorId === access.membership.value.userId;

export async function findSession(
  deps: AppDeps,
  communityId: string,
  sessionId: string,
): Promise<Result<Versioned<Session>>> {
  const session = await deps.store.sessions.get(communityId, sessionId);
  return session ? ok(session) : fail('SESSION_NOT_FOUND', 'That session is not in this community.');
}

/** Every given user id is a member of the community; VALIDATION_FAILED naming the first who is not. */
export async function checkMembers(
  deps: AppDeps,
  communityId: string,
  userIds: readonly string[],
  path: string,
): Promise<Result<void>> {
  const members = new Set((await deps.store.memberships.listByCommunity(communityId)).map((m) => m.value.userId));
  const unknown = [...new Set(userIds)].filter((u) => !members.has(u));
  if (unknown.length) {
    return fail(
      'VALIDATION_FAILED',
      `Not a member of this community: ${unknown.join(', ')}.`,
      unknown.map(() => ({ path, message: 'not a member' })),
    );
  }
  return ok(undefined);
}
