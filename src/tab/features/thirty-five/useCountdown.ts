/** Milliseconds left until `endsAt` (an ISO time), ticking every half second; undefined without a timer. */
import { useEffect, useState } from 'react';

export function useCountdown(endsAt: string | undefined, now: () => number = Date.now): number | undefined {
  const end = endsAt ? Date.parse(endsAt) : Number.NaN;
  const [left, setLeft] = useState<number | undefined>(() =>
    Number.isFinite(end) ? Math.max(0, end - now()) : undefined,
  );
  useEffect(() => {
    if (!Number.isFinite(end)) {
      setLeft(undefined);
      return;
    }
    const tick = () => setLeft(Math.max(0, end - now()));
    tick();
    const id = setInterval(tick, 500);
    return () => clearInterval(id);
  }, [end, now]);
  return left;
}
