import { fingerprint } from '../../domain/fingerprint';
import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

export interface CommunityChanges {
  /** Changes whenever what the channel tab shows changes: topics, sessions, actions, the rotation. */
  readonly version: string;
}

const byId = <T extends { id: string }>(xs: readonly T[]) =>
  [...xs].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

/**
 * The version of a community's record as the channel tab and the side panel show it, for a cheap
 * poll (ADR 0022): a fingerprint computed from the store itself, so it sees every writer (the API,
 * the bot, another server instance) and needs no counter that each use case must remember to bump.
 * Members only. Round trips: 2 reads (access) + 3 partition queries + 1 read (rotation).
 */
export async function getCommunityChanges(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string },
): Promise<Result<CommunityChanges>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const c = input.communityId;
  const [topics, sessions, actions, rotation] = await Promise.all([
    deps.store.topics.listByCommunity(c),
    deps.store.sessions.listByCommunity(c),
    deps.store.actions.listByCommunity(c),
    deps.store.rotations.get(c),
  ]);
  const parts = [
    byId(topics.map((t) => ({ id: t.value.id, etag: t.etag }))),
    byId(sessions.map((s) => ({ id: s.value.id, etag: s.etag }))),
    byId(actions),
    rotation?.etag ?? '',
  ];
  return ok({ version: fingerprint(JSON.stringify(parts)) });
}
