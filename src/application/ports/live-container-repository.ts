import type { Result } from '../../domain/result';
import type { Versioned } from './versioned';

/**
 * The Fluid container that holds a meeting's live state. Live containers are disposable:
 * when one cannot be loaded, a new one replaces it (compare-and-swap on the etag).
 */
export interface LiveContainerRecord {
  readonly communityId: string;
  readonly tenantId: string;
  /** The meeting (context id) the container serves. */
  readonly meetingId: string;
  readonly containerId: string;
  readonly createdAt: string;
  /** How many containers this meeting has had (1 for the first). */
  readonly generation: number;
  /**
   * Set (by compare-and-swap) while one request replaces a container the service confirmed lost, so
   * a concurrent request, in this or another server instance, waits for its result instead of
   * creating a second one. `until`: when the claim lapses if its holder died.
   */
  readonly replacing?: { readonly by: string; readonly until: string };
}

export interface LiveContainerRepository {
  get(communityId: string, meetingId: string): Promise<Versioned<LiveContainerRecord> | undefined>;
  /** Undefined when no container with this id is registered in any community of the tenant. */
  findByContainerId(tenantId: string, containerId: string): Promise<LiveContainerRecord | undefined>;
  /** Create (etag undefined; CONFLICT if one exists) or replace (CONFLICT on a stale etag). */
  put(record: LiveContainerRecord, etag: string | undefined): Promise<Result<Versioned<LiveContainerRecord>>>;
}
