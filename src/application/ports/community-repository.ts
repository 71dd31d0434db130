import type { Community } from '../../domain/community';
import type { Result } from '../../domain/result';
import type { Versioned } from './versioned';

export interface CommunityRepository {
  /** CONFLICT when a community with this id exists. */
  create(community: Community): Promise<Result<Versioned<Community>>>;
  /** Undefined when absent or when it belongs to another tenant (no existence leak). */
  get(tenantId: string, communityId: string): Promise<Versioned<Community> | undefined>;
  /** CONFLICT when `etag` is stale: never a silent overwrite. */
  update(community: Community, etag: string): Promise<Result<Versioned<Community>>>;
}
