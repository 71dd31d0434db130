/** Bounded waiting for Fluid calls that can hang (a service that is down, a document that is gone). */

/**
 * Settles like `work`, or rejects with `onTimeout()` after `ms`. A value that arrives after the
 * deadline is handed to `onLate` (to dispose a container nobody will use); a late failure is dropped.
 */
export function within<T>(
  work: Promise<T>,
  ms: number,
  onTimeout: () => Error,
  onLate?: (value: T) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(
      () => {
        settled = true;
        reject(onTimeout());
      },
      Math.max(0, ms),
    );
    work.then(
      (value) => {
        if (settled) return onLate?.(value);
        settled = true;
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
