import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import type { AppDeps } from '../deps';
import { findSession, requireFacilitation } from '../facilitation';
import { forEachLimited, invitationView, MAX_REFRESH_USERS, personalChats } from '../invitations';
import type { SessionMessenger } from '../ports';

export interface InvitationOutcome {
  /** False when this session's invitation had already gone out (a repeated schedule request, another instance). */
  readonly sent: boolean;
  /** 'posted', 'no-channel' (the app is in no channel of the community) or 'failed'. */
  readonly channel: 'posted' | 'no-channel' | 'failed' | 'skipped';
  /** Members invited one-to-one, members who could not be reached (no personal chat with the app), failed sends. */
  readonly direct: { readonly sent: number; readonly withoutApp: number; readonly failed: number };
}

/**
 * A scheduled session's invitation: one post in the community's channel (each member's view shows
 * their own answer) and one card in the personal chat of every member who has the app. Once per
 * session, whoever calls (a claim, ADR 0013). The caller must facilitate in the community.
 * Round trips: 2 reads (access) + 1 read (session) + 1 create (claim) + 1 read (community, done) +
 * 1 query (topics) + 1 read (facilitator) + 1 query (members) + 1 query (personal chats) + posts.
 */
export async function inviteToSession(
  deps: AppDeps,
  messenger: SessionMessenger,
  who: Principal,
  input: { communityId: string; sessionId: string; claimedBy: string },
): Promise<Result<InvitationOutcome>> {
  const access = await requireFacilitation(deps, who, input.communityId);
  if (!access.ok) return access;
  const found = await findSession(deps, input.communityId, input.sessionId);
  if (!found.ok) return found;
  const session = found.value.value;
  const claimed = await deps.store.notificationClaims.claim({
    communityId: input.communityId,
    key: `invitation:${session.id}`,
    sessionId: session.id,
    kind: 'invitation',
    claimedBy: input.claimedBy,
    claimedAt: deps.clock.now().toISOString(),
  });
  if (claimed === 'already-claimed')
    return ok({ sent: false, channel: 'skipped', direct: { sent: 0, withoutApp: 0, failed: 0 } });

  const community = access.value.community.value;
  const view = await invitationView(deps, community, session);
  const members = (await deps.store.memberships.listByCommunity(community.id)).map((m) => m.value);
  const chats = await personalChats(deps, community.tenantId);
  const reachable = members.filter((m) => chats.has(m.userId));
  const mris = reachable
    .map((m) => chats.get(m.userId)!.userMri)
    .filter((x): x is string => !!x)
    .slice(0, MAX_REFRESH_USERS);

  const posted = await messenger.postInvitation(
    { tenantId: community.tenantId, communityId: community.id },
    view,
    mris,
  );
  const channel = posted.ok ? 'posted' : posted.error.code === 'NOT_FOUND' ? 'no-channel' : 'failed';
  let sent = 0;
  let failed = 0;
  await forEachLimited(reachable, 4, async (m) => {
    const r = await messenger.sendInvitation(chats.get(m.userId)!, view);
    if (r.ok) sent += 1;
    else failed += 1;
  });
  return ok({ sent: true, channel, direct: { sent, withoutApp: members.length - reachable.length, failed } });
}
