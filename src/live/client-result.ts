/**
 * Errors as values in the browser, as on the server (src/domain/result.ts): the live wrappers and the
 * tab's controllers return a ClientResult whose error code extends the domain's codes with the ones
 * only a client meets. They throw only on bugs. The tab's step runner shows `error.message`.
 * No Fluid here: the tab imports this file directly (not src/live/index.ts), so a page that opens no live
 * meeting does not load Fluid for it.
 */
import type { DomainError, ErrorCode } from '../domain/result';
import type { ThirtyFiveErrorCode } from '../domain/thirty-five';

export type ClientErrorCode =
  | ErrorCode
  | ThirtyFiveErrorCode
  /** A live edit the rules refuse (the UI should not have offered it): the tree is unchanged. */
  | 'STEP_REFUSED'
  /** The tab refuses a step before asking anyone (a missing choice, a step out of order). */
  | 'ACTION_REFUSED'
  /** The live meeting is not connected (yet). */
  | 'NOT_CONNECTED'
  /** The server could not be reached or answered with something that is not our API. */
  | 'REQUEST_FAILED'
  /** The live meeting was written by a newer Guildhall: reload the app (never replace the container). */
  | 'LIVE_VERSION_MISMATCH';

export interface ClientError {
  readonly code: ClientErrorCode;
  readonly message: string;
  readonly issues?: DomainError['issues'];
}

export type ClientResult<T> = { ok: true; value: T } | { ok: false; error: ClientError };

export const clientOk = <T = void>(value?: T): ClientResult<T> => ({ ok: true, value: value as T });
export const clientFail = <T = never>(code: ClientErrorCode, message: string): ClientResult<T> => ({
  ok: false,
  error: { code, message },
});

/** Whether a step's return value is a refused ClientResult (a domain Result has the same shape). */
export function isRefusal(v: unknown): v is { ok: false; error: ClientError } {
  return typeof v === 'object' && v !== null && (v as { ok?: unknown }).ok === false && 'error' in v;
}
