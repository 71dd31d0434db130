import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import type { LiveContainerFactory, LiveContainerRecord, Versioned } from '../ports';

export interface OpenLiveMeetingInput {
  readonly communityId: string;
  readonly meetingId: string;
  /**
   * A client's report that it could not load or connect to this container (yet). It is a report, not
   * a verdict: the server asks the live service itself, and replaces the container only when the
   * service confirms it cannot be loaded (the local service forgets documents on a restart).
   */
  readonly replaceStale?: string;
}

/** How long a replacement claim holds if its holder dies, and how long others wait for it. */
export const REPLACEMENT_CLAIM_MS = 30_000;
const CLAIM_POLL_MS = 200;

/**
 * The live container of a meeting: the registered one, or a new one when there is none or the
 * registered one is confirmed lost (docs/adr/0005-server-owns-live-containers.md). A slow client never
 * causes a replacement. A replacement is single-flight across server instances sharing the store: the
 * request that wins a compare-and-swap claim on the record creates the new container; the others wait
 * for it and answer with the same container.
 */
export async function openLiveMeeting(
  deps: AppDeps & { live: LiveContainerFactory },
  who: Principal,
  input: OpenLiveMeetingInput,
): Promise<Result<LiveContainerRecord>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const giveUpAt = deps.clock.now().getTime() + REPLACEMENT_CLAIM_MS;
  let confirmedGone = false;
  for (;;) {
    const current = await deps.store.liveContainers.get(input.communityId, input.meetingId);
    if (current && current.value.containerId !== input.replaceStale) return ok(current.value);
    const now = deps.clock.now();
    if (current?.value.replacing && Date.parse(current.value.replacing.until) > now.getTime()) {
      // Someone (maybe another server instance) is replacing it: wait for their container.
      if (now.getTime() > giveUpAt) {
        return fail('CONFLICT', 'The live meeting is being set up by someone else; try again.');
      }
      await new Promise((resolve) => setTimeout(resolve, CLAIM_POLL_MS));
      continue;
    }
    if (current && !confirmedGone) {
      const health = await deps.live.probe(current.value.containerId);
      if (health === 'alive') return ok(current.value);
      if (health === 'unknown') {
        return fail(
          'LIVE_CONTAINER_UNAVAILABLE',
          'The live meeting service did not answer in time; the meeting stays where it is. Trying again shortly.',
        );
      }
      confirmedGone = true;
      continue; // read again: someone may have replaced or claimed it while we asked the service
    }
    const created = await replace(deps, who, input, current);
    if (created === 'lost-race') continue;
    return created;
  }
}

/** Claims the record (CAS), creates the container, registers it (CAS on the claim). */
async function replace(
  deps: AppDeps & { live: LiveContainerFactory },
  who: Principal,
  input: OpenLiveMeetingInput,
  current: Versioned<LiveContainerRecord> | undefined,
): Promise<Result<LiveContainerRecord> | 'lost-race'> {
  let etag = current?.etag;
  if (current) {
    const until = new Date(deps.clock.now().getTime() + REPLACEMENT_CLAIM_MS).toISOString();
    const claim = { by: deps.ids.newId(), until };
    const claimed = await deps.store.liveContainers.put({ ...current.value, replacing: claim }, etag);
    if (!claimed.ok) return claimed.error.code === 'CONFLICT' ? 'lost-race' : claimed;
    etag = claimed.value.etag;
  }
  const generation = (current?.value.generation ?? 0) + 1;
  let containerId: string;
  try {
    containerId = await deps.live.create({ communityId: input.communityId, meetingId: input.meetingId, generation });
  } catch (e) {
    // Let the next request try again at once rather than wait for the claim to lapse.
    if (current) await deps.store.liveContainers.put(current.value, etag);
    return fail('LIVE_CONTAINER_UNAVAILABLE', `The live meeting service did not answer: ${(e as Error).message}`);
  }
  const saved = await deps.store.liveContainers.put(
    {
      communityId: input.communityId,
      tenantId: who.tenantId,
      meetingId: input.meetingId,
      containerId,
      createdAt: deps.clock.now().toISOString(),
      generation,
    },
    etag,
  );
  if (saved.ok) return ok(saved.value.value);
  // Someone else registered a container first (a first creation, or a lapsed claim): adopt theirs.
  return saved.error.code === 'CONFLICT' ? 'lost-race' : saved;
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
