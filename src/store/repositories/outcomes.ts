import { fail, ok, type Result } from '../../domain/result';
import type { Versioned } from '../../application/ports';

/** Maps a driver's write outcome to the ports' Result values. */
export function written<T>(
  outcome: { etag: string } | 'exists' | 'conflict' | 'missing' | 'deleted',
  value: T,
  what: string,
): Result<Versioned<T>> {
  if (typeof outcome === 'object') return ok({ value, etag: outcome.etag });
  switch (outcome) {
    case 'exists':
      return fail('CONFLICT', `${what} already exists.`);
    case 'conflict':
      return fail('CONFLICT', `${what} was changed by someone else meanwhile. Reload and try again.`);
    case 'missing':
      return fail('NOT_FOUND', `${what} no longer exists.`);
    default:
      throw new Error(`BUG: unexpected write outcome ${outcome}`);
  }
}
