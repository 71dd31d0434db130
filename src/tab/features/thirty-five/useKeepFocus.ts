/**
 * Keeps keyboard focus inside a region when what had it disappears or is disabled under it (a live
 * change from someone else re-renders the region): focus goes to the region's `[data-focus-return]`
 * element (or the region itself) instead of dropping to the page, where the next Shift+Tab would land
 * on an unrelated control.
 */
import { useCallback, useLayoutEffect, useRef, type FocusEvent } from 'react';

const lost = () => !document.activeElement || document.activeElement === document.body;

export function useKeepFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const inside = useRef(false);
  const restore = useCallback(() => {
    const region = ref.current;
    if (!region || !lost()) return;
    const target = region.querySelector<HTMLElement>('[data-focus-return]:not([disabled])') ?? region;
    target.focus();
  }, []);
  const onFocus = useCallback(() => {
    inside.current = true;
  }, []);
  const onBlur = useCallback(
    (e: FocusEvent<T>) => {
      const to = e.relatedTarget as Node | null;
      if (to && ref.current?.contains(to)) return;
      const from = e.target as HTMLElement;
      inside.current = false;
      if (to) return; // focus moved elsewhere on purpose
      // Nothing takes focus: was it taken away (removed or disabled), not moved by the user?
      setTimeout(() => {
        if (!from.isConnected || from.matches(':disabled')) {
          inside.current = true;
          restore();
        }
      }, 0);
    },
    [restore],
  );
  // A re-render that removed the focused element without a blur (some browsers) is caught here.
  useLayoutEffect(() => {
    if (inside.current && lost()) restore();
  });
  return { ref, onFocus, onBlur };
}
