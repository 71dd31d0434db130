import { ok, type Result } from '../../domain/result';

/** A use case's result with its value reshaped for the answer (`{ topic }`, `{ changed }`); errors pass through. */
export const map = <T, U>(result: Result<T>, shape: (value: T) => U): Result<U> =>
  result.ok ? ok(shape(result.value)) : result;
