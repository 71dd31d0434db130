import type { Membership } from '../../domain/community';
import type { Result } from '../../domain/result';
import type { Versioned } from './versioned';

export interface MembershipRepository {
  get(communityId: string, userId: string): Promise<Versioned<Membership> | undefined>;
  listByCommunity(communityId: string): Promise<Versioned<Membership>[]>;
  /** Every membership of a person inside one tenant (cross-partition). */
  listByUser(tenantId: string, userId: string): Promise<Membership[]>;
  /** CONFLICT when the person is already a member. */
  create(membership: Membership): Promise<Result<Versioned<Membership>>>;
  /** CONFLICT on a stale etag. */
  update(membership: Membership, etag: string): Promise<Result<Versioned<Membership>>>;
  /** CONFLICT on a stale etag; NOT_FOUND when absent. */
  delete(communityId: string, userId: string, etag: string): Promise<Result<void>>;
}
