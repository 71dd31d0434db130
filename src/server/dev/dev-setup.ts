/**
 * DEV MODE ONLY: the demo community that /dev shows, with simulated participants.
 * Idempotent: calling it again (or with more participants) only adds what is missing.
 */
import { MAX_DEV_PARTICIPANTS, type DevSetupResponse } from '../../api/dev-identity';
import type { AppDeps } from '../../application/deps';
import type { Role } from '../../domain/community';

export const DEV_TENANT = 'local-tenant';
export const DEV_COMMUNITY = 'demo-cop';
export const DEV_MEETING = 'local-meeting';
export const DEV_CHANNEL = 'local-channel';
export { MAX_DEV_PARTICIPANTS };

const NAMES = [
  'Alex Morgan',
  'Bea Okafor',
  'Chen Wei',
  'Dara Nolan',
  'Eli Haddad',
  'Farah Khan',
  'Gus Lindqvist',
  'Hana Sato',
  'Ivo Petrov',
  'Jo Mensah',
  'Kai Müller',
  'Lena Rossi',
  'Mo Ibrahim',
  'Nia Jones',
  'Omar Aziz',
  'Pia Berg',
  'Quinn Hale',
  'Rui Costa',
  'Sara Levi',
  'Tom Brandt',
  'Uma Rao',
  'Vik Shah',
  'Wen Li',
  'Xavi Ruiz',
  'Yara Nasser',
  'Zoe Clark',
  'Ari Cohen',
  'Ben Adler',
  'Cleo Park',
  'Dev Patel',
];

/** Alex facilitates and champions; Bea coaches; everyone else is a member. */
const rolesFor = (i: number): Role[] =>
  i === 0 ? ['member', 'facilitator', 'champion'] : i === 1 ? ['member', 'coach'] : ['member'];

export const devUserId = (i: number): string => `dev-user-${i + 1}`;

export async function ensureDevSetup(deps: AppDeps, participants: number): Promise<DevSetupResponse> {
  const n = Math.max(1, Math.min(MAX_DEV_PARTICIPANTS, Math.floor(participants)));
  const now = deps.clock.now().toISOString();
  const { communities, memberships, bindings } = deps.store;
  if (!(await communities.get(DEV_TENANT, DEV_COMMUNITY))) {
    await communities.create({
      id: DEV_COMMUNITY,
      tenantId: DEV_TENANT,
      name: 'Scrum Master CoP (demo)',
      purpose: 'working-group',
      description: 'The local demo community: every Scrum Master of the organisation, meeting every two weeks.',
      cadencePerMonth: 2,
      createdBy: devUserId(0),
      createdAt: now,
    });
  }
  const users: { userId: string; displayName: string; roles: Role[] }[] = [];
  for (let i = 0; i < n; i++) {
    const userId = devUserId(i);
    const existing = await memberships.get(DEV_COMMUNITY, userId);
    const displayName = NAMES[i] ?? `Participant ${i + 1}`;
    if (existing) {
      users.push({ userId, displayName: existing.value.displayName, roles: [...existing.value.roles] });
      continue;
    }
    const roles = rolesFor(i);
    // A concurrent call may have created it meanwhile; CONFLICT is fine here.
    await memberships.create({
      communityId: DEV_COMMUNITY,
      tenantId: DEV_TENANT,
      userId,
      displayName,
      roles,
      joinedAt: now,
    });
    users.push({ userId, displayName, roles });
  }
  for (const [contextId, kind] of [
    [DEV_MEETING, 'meeting'],
    [DEV_CHANNEL, 'channel'],
  ] as const) {
    if (!(await bindings.get(DEV_TENANT, contextId))) {
      await bindings.put(
        { tenantId: DEV_TENANT, contextId, kind, communityId: DEV_COMMUNITY, boundBy: devUserId(0), boundAt: now },
        undefined,
      );
    }
  }
  const community = await communities.get(DEV_TENANT, DEV_COMMUNITY);
  return {
    tenantId: DEV_TENANT,
    communityId: DEV_COMMUNITY,
    communityName: community?.value.name ?? DEV_COMMUNITY,
    meetingId: DEV_MEETING,
    channelId: DEV_CHANNEL,
    users,
  };
}
