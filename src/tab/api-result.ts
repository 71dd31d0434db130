/**
 * An API call as a value: the controllers turn the client's ApiError (an expected refusal from the
 * server, or the network) into a ClientResult; anything else is a bug and still throws.
 */
import { clientOk, type ClientErrorCode, type ClientResult } from '../live/client-result';
import { ApiError } from './api-client';

export async function apiResult<T>(call: Promise<T>): Promise<ClientResult<T>> {
  try {
    return clientOk(await call);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const code = (/^[A-Z][A-Z0-9_]*$/.test(e.code) ? e.code : 'REQUEST_FAILED') as ClientErrorCode;
    return {
      ok: false,
      error: e.issues.length > 0 ? { code, message: e.message, issues: e.issues } : { code, message: e.message },
    };
  }
}
