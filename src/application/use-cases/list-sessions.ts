import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import type { Session, SessionType } from '../../domain/session';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

export interface SessionFilter {
  readonly topicId?: string;
  readonly type?: SessionType;
  /** ISO instants, inclusive. */
  readonly from?: string;
  readonly to?: string;
  /** The session's facilitator, or the owner of one of its topics. */
  readonly ownerId?: string;
}

/** A community's sessions, newest first, filtered. Round trips: 2 reads (access) + 1 query (+ 1 query for topics with an owner filter). */
export async function listSessions(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; filter?: SessionFilter },
): Promise<Result<Session[]>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const f = input.filter ?? {};
  const sessions = (await deps.store.sessions.listByCommunity(input.communityId)).map((s) => s.value);
  const owned = f.ownerId
    ? new Set(
        (await deps.store.topics.listByCommunity(input.communityId))
          .filter((t) => t.value.ownerId === f.ownerId)
          .map((t) => t.value.id),
      )
    : new Set<string>();
  const from = f.from ? Date.parse(f.from) : -Infinity;
  const to = f.to ? Date.parse(f.to) : Infinity;
  return ok(
    sessions
      .filter((s) => !f.topicId || s.topicIds.includes(f.topicId))
      .filter((s) => !f.type || s.details.type === f.type)
      .filter((s) => Date.parse(s.startsAt) >= from && Date.parse(s.startsAt) <= to)
      .filter((s) => !f.ownerId || s.facilitatorId === f.ownerId || s.topicIds.some((id) => owned.has(id)))
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
  );
}
