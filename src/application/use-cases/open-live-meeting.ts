import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import type { LiveContainerFactory, LiveContainerRecord } from '../ports';
import { updateVersioned } from '../update-versioned';

export interface OpenLiveMeetingInput {
  readonly communityId: string;
  readonly meetingId: string;
  /**
   * The container id a client could not load (the local service forgets documents on restart,
   * Fluid Relay may lose one). When it is still the registered one, a new container replaces it.
   */
  readonly replaceStale?: string;
}

/**
 * The live container of a meeting: the registered one, or a new one when there is none or the
 * registered one is reported stale. Two callers racing both end on the same container: the
 * registration is a compare-and-swap on the record, and the loser adopts the winner's container.
 */
export async function openLiveMeeting(
  deps: AppDeps & { live: LiveContainerFactory },
  who: Principal,
  input: OpenLiveMeetingInput,
): Promise<Result<LiveContainerRecord>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const { communityId, meetingId } = input;
  const opened = await updateVersioned(
    {
      read: () => deps.store.liveContainers.get(communityId, meetingId),
      write: (record, etag) => deps.store.liveContainers.put(record, etag),
    },
    // A registered container is adopted (after a lost race: the winner's); a missing or stale one is replaced.
    async (current) => {
      if (current && current.value.containerId !== input.replaceStale) return ok('unchanged');
      const generation = (current?.value.generation ?? 0) + 1;
      try {
        const containerId = await deps.live.create({ communityId, meetingId, generation });
        const createdAt = deps.clock.now().toISOString();
        const tenantId = who.tenantId;
        return ok<LiveContainerRecord>({ communityId, tenantId, meetingId, containerId, createdAt, generation });
      } catch (e) {
        return fail('LIVE_CONTAINER_UNAVAILABLE', `The live meeting service did not answer: ${(e as Error).message}`);
      }
    },
    { busy: 'The live meeting is being set up by someone else; try again.' },
  );
  return opened.ok ? ok(opened.value.value) : opened;
}

/** May the caller connect to this container? Only containers of the caller's communities. */
export async function authorizeLiveContainer(
  deps: AppDeps,
  who: Principal,
  input: { containerId: string },
): Promise<Result<LiveContainerRecord>> {
  const record = await deps.store.liveContainers.findByContainerId(who.tenantId, input.containerId);
  if (!record) return fail('NOT_FOUND', 'No live meeting with this id in your organisation.');
  const access = await requireMember(deps, who, record.communityId);
  if (!access.ok) return access;
  return ok(record);
}
