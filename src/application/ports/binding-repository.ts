import type { ContextBinding } from '../../domain/community';
import type { Result } from '../../domain/result';
import type { Versioned } from './versioned';

/** Which community a Teams meeting, channel or chat belongs to. Keyed by tenant + context id. */
export interface BindingRepository {
  get(tenantId: string, contextId: string): Promise<Versioned<ContextBinding> | undefined>;
  /** Creates (etag undefined; CONFLICT if it exists) or replaces (CONFLICT on a stale etag). */
  put(binding: ContextBinding, etag: string | undefined): Promise<Result<Versioned<ContextBinding>>>;
}
