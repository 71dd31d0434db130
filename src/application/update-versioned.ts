/**
 * The one compare-and-swap loop of the application. Read a record with its etag, decide the change,
 * write it guarded by that etag; when the write meets a newer version (CONFLICT), read again and
 * decide again, so a concurrent change is never overwritten and never lost. Port-agnostic: the
 * caller says how to read and write its one record (any repository with `get` and an etag-guarded
 * write fits). One limit for every use case; past it the caller gets CONFLICT, never a throw.
 */
import { fail, ok, type Result } from '../domain/result';
import type { Versioned } from './ports';

/**
 * How many times a change is tried before giving up. Each round of conflicts lets at least one
 * writer through, so N people writing one record at once all land within N attempts: 50 covers a
 * whole meeting (30 participants) voting or +1-ing at the same moment, with room to spare.
 */
export const MAX_WRITE_ATTEMPTS = 50;

const BUSY = 'This is being changed by several people right now; try again.';

/** What one attempt answers when its write met a newer version: try again on fresh data. */
export const STALE: unique symbol = Symbol('stale');

/**
 * Runs `attempt` until it answers something other than STALE, at most MAX_WRITE_ATTEMPTS times; then
 * CONFLICT with `busy` as the message. For changes that span several records (see topic-writes.ts);
 * one record goes through updateVersioned.
 */
export async function retryWhileStale<R>(
  attempt: (n: number) => Promise<Result<R> | typeof STALE>,
  busy: string = BUSY,
): Promise<Result<R>> {
  for (let n = 0; n < MAX_WRITE_ATTEMPTS; n++) {
    const outcome = await attempt(n);
    if (outcome !== STALE) return outcome;
  }
  return fail('CONFLICT', busy);
}

/** One record as a compare-and-swap slot. */
export interface VersionedSlot<T> {
  /** The record as stored now, with its etag; undefined when there is none. */
  read(): Promise<Versioned<T> | undefined>;
  /**
   * Write `value` only if the record is still at `ifMatch` (undefined: only if there is none yet).
   * A failed precondition (a stale etag, a record created meanwhile) answers CONFLICT.
   */
  write(value: T, ifMatch: string | undefined): Promise<Result<Versioned<T>>>;
}

/**
 * What a change decides on the record as it is now (undefined: there is none): the value to write,
 * 'unchanged' when there is nothing to write (only for a record that exists), or a refusal, which is
 * returned as it is and writes nothing. It may be called again on a fresher record.
 */
export type VersionedChange<T> = (
  current: Versioned<T> | undefined,
) => Result<T | 'unchanged'> | Promise<Result<T | 'unchanged'>>;

/** The record after the change, and whether this call wrote it. */
export interface Updated<T> extends Versioned<T> {
  readonly written: boolean;
}

export interface UpdateOptions<T> {
  /** The record the caller has already read: the first attempt starts from it (one read saved). */
  readonly first?: Versioned<T>;
  /** The message when it gives up. */
  readonly busy?: string;
}

/**
 * Read, change, write with the etag; on CONFLICT from the write, again on a fresh read. Any other
 * write failure is returned as it is. Round trips: (1 read + 1 write) per attempt, the first read
 * saved when `first` is given.
 */
export async function updateVersioned<T>(
  slot: VersionedSlot<T>,
  change: VersionedChange<T>,
  options: UpdateOptions<T> = {},
): Promise<Result<Updated<T>>> {
  return retryWhileStale<Updated<T>>(async (n) => {
    const current = n === 0 && options.first ? options.first : await slot.read();
    const decided = await change(current);
    if (!decided.ok) return decided;
    if (decided.value === 'unchanged') {
      if (!current) throw new Error('updateVersioned: a change answered "unchanged" for a record that does not exist.');
      return ok({ ...current, written: false });
    }
    const written = await slot.write(decided.value, current?.etag);
    if (written.ok) return ok({ ...written.value, written: true });
    return written.error.code === 'CONFLICT' ? STALE : written;
  }, options.busy);
}
