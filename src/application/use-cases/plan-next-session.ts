import {
  amongMembers,
  emptyRotation,
  facilitatorHistory,
  nextFacilitator,
  rotationQueue,
  type FacilitatorRotation,
} from '../../domain/facilitator-rotation';
import type { Principal } from '../../domain/identity';
import { ok, type Result } from '../../domain/result';
import { agendaTemplate, suggestNextDates, type AgendaItem } from '../../domain/session';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

export interface SessionPlan {
  readonly dates: readonly string[];
  readonly facilitatorId: string | null;
  readonly queue: readonly string[];
  readonly rotation: FacilitatorRotation;
  readonly rotationEtag: string | null;
  readonly agenda: readonly AgendaItem[];
  readonly agendaMinutes: number;
}

/**
 * What the next session could look like: dates from the community's cadence after its latest
 * session, the next facilitator from the rotation, the deep-dive agenda template.
 * Round trips: 2 reads (access) + 1 query (sessions) + 1 read (rotation) + 1 query (members).
 */
export async function planNextSession(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; count?: number },
): Promise<Result<SessionPlan>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const sessions = (await deps.store.sessions.listByCommunity(input.communityId)).map((s) => s.value);
  const stored = await deps.store.rotations.get(input.communityId);
  const members = new Set((await deps.store.memberships.listByCommunity(input.communityId)).map((m) => m.value.userId));
  const rotation = amongMembers(stored?.value ?? emptyRotation(input.communityId, who.tenantId), members);
  const history = facilitatorHistory(sessions);
  const latest = sessions.reduce<string | null>(
    (max, s) => (max === null || s.startsAt > max ? s.startsAt : max),
    null,
  );
  const dates = suggestNextDates(
    access.value.community.value.cadencePerMonth,
    latest ? new Date(latest) : null,
    deps.clock.now(),
    input.count ?? 4,
  );
  const agenda = agendaTemplate('deep-dive');
  return ok({
    dates: dates.map((d) => d.toISOString()),
    facilitatorId: nextFacilitator(rotation, history),
    queue: rotationQueue(rotation, history),
    rotation,
    rotationEtag: stored?.etag ?? null,
    agenda,
    agendaMinutes: agenda.reduce((s, i) => s + i.minutes, 0),
  });
}
