/**
 * State that outlives a section while the reader visits a session's page and comes back (filters,
 * the last search), kept in memory for this page load only.
 */
import { useCallback, useState } from 'react';

const memory = new Map<string, unknown>();

export function useRemembered<T>(key: string, initial: T): [T, (next: T | ((prev: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial));
  const set = useCallback(
    (next: T | ((prev: T) => T)) =>
      setValue((prev) => {
        const v = typeof next === 'function' ? (next as (p: T) => T)(prev) : next;
        memory.set(key, v);
        return v;
      }),
    [key],
  );
  return [value, set];
}
