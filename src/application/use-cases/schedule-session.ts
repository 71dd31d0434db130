import { scheduleTopics } from '../../domain/backlog';
import { amongMembers, facilitatorHistory, nextFacilitator } from '../../domain/facilitator-rotation';
import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import {
  agendaTemplate,
  checkSchedule,
  type AgendaItem,
  type Session,
  type SessionDetails,
} from '../../domain/session';
import type { AppDeps } from '../deps';
import { checkMembers, requireFacilitation } from '../facilitation';
import { applyToTopics } from '../topic-writes';

export interface ScheduleSessionInput {
  readonly communityId: string;
  readonly details: SessionDetails;
  readonly startsAt: string;
  readonly durationMinutes?: number;
  readonly topicIds?: readonly string[];
  /** Defaults to the next volunteer in the rotation, else the caller. Must be a member. */
  readonly facilitatorId?: string;
  readonly meetingLink?: string;
  readonly purpose?: string;
  /** Defaults to the session type's template. */
  readonly agenda?: readonly AgendaItem[];
  /** Repeating a request with the same id returns the session it created. */
  readonly requestId?: string;
}

/**
 * A facilitator or champion schedules a session; its topics move to `scheduled`.
 * Round trips: 2 reads (access) + 1 read (repeat check) + 1 query (topics) + [1 read (rotation) +
 * 2 queries (sessions, members) when no facilitator is given] + 1 query (members) + 1 create + applyToTopics
 * (1 query + one replace per changed topic). The session is written first: a crash before the topics are
 * moved leaves them prioritised, and repeating the request (same request id) moves them.
 */
export async function scheduleSession(
  deps: AppDeps,
  who: Principal,
  input: ScheduleSessionInput,
): Promise<Result<{ session: Session; etag: string }>> {
  const access = await requireFacilitation(deps, who, input.communityId);
  if (!access.ok) return access;
  const id = input.requestId ? `s-${input.requestId}` : deps.ids.newId();
  const repeated = await deps.store.sessions.get(input.communityId, id);
  const session = repeated ? undefined : await newSession(deps, who, input, id);
  if (session && !session.ok) return session;

  let stored = repeated;
  if (!stored) {
    const created = await deps.store.sessions.create(session!.value);
    if (created.ok) stored = created.value;
    else if (created.error.code === 'CONFLICT') stored = await deps.store.sessions.get(input.communityId, id);
    if (!stored) return created.ok ? fail('CONFLICT', 'The session could not be stored; try again.') : created;
  }
  if (stored.value.topicIds.length) {
    const moved = await applyToTopics(deps, input.communityId, (topics) =>
      scheduleTopics(topics, stored.value.topicIds),
    );
    if (!moved.ok) return moved;
  }
  return ok({ session: stored.value, etag: stored.etag });
}

async function newSession(
  deps: AppDeps,
  who: Principal,
  input: ScheduleSessionInput,
  id: string,
): Promise<Result<Session>> {
  const topicIds = [...(input.topicIds ?? [])];
  const agenda = input.agenda
    ? input.agenda.map((i) => ({ title: i.title.trim(), minutes: i.minutes }))
    : agendaTemplate(input.details.type);
  const durationMinutes = input.durationMinutes ?? agenda.reduce((s, i) => s + i.minutes, 0);
  const now = deps.clock.now();
  const rules = checkSchedule(
    { details: input.details, startsAt: input.startsAt, durationMinutes, topicIds, agenda },
    now,
  );
  if (!rules.ok) return rules;
  const schedulable = scheduleTopics(
    (await deps.store.topics.listByCommunity(input.communityId)).map((t) => t.value),
    topicIds,
  );
  if (!schedulable.ok) return schedulable;
  let facilitatorId = input.facilitatorId;
  if (!facilitatorId) {
    const rotation = await deps.store.rotations.get(input.communityId);
    const history = facilitatorHistory(
      (await deps.store.sessions.listByCommunity(input.communityId)).map((s) => s.value),
    );
    const members = new Set(
      (await deps.store.memberships.listByCommunity(input.communityId)).map((m) => m.value.userId),
    );
    facilitatorId = (rotation && nextFacilitator(amongMembers(rotation.value, members), history)) ?? who.userId;
  }
  const isMember = await checkMembers(deps, input.communityId, [facilitatorId], 'facilitatorId');
  if (!isMember.ok) return isMember;
  return ok({
    id,
    communityId: input.communityId,
    tenantId: who.tenantId,
    details: input.details,
    startsAt: new Date(input.startsAt).toISOString(),
    durationMinutes,
    topicIds,
    facilitatorId,
    meetingLink: input.meetingLink ?? null,
    purpose: (input.purpose ?? '').trim(),
    agenda,
    state: 'scheduled',
    attendees: [],
    closed: null,
    createdBy: who.userId,
    createdAt: now.toISOString(),
  });
}
