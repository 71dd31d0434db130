/**
 * Runs a page's steps against its controller one at a time: `busy` names the step running (buttons
 * are disabled meanwhile) and the last refusal is kept as a message for an ErrorNotice. Never throws
 * into React. Shared by the Thirty Five and the working-session controls.
 */
import { useCallback, useState } from 'react';
import { isRefusal } from '../../../live/client-result';

export interface StepError {
  /** What was tried, for the notice's title ("Could not deal the cards"). */
  readonly title: string;
  readonly message: string;
}

export interface StepRunner<C> {
  readonly controller: C | undefined;
  readonly busy: string | undefined;
  readonly error: StepError | undefined;
  /**
   * Runs one step; a refusal (the step returns a `ClientResult`/`Result` with `ok: false`) becomes
   * `error` (titled `title`). A throw is a bug: it is logged and shown too, so the page never breaks.
   * Resolves to whether it succeeded.
   */
  run(title: string, step: (c: C) => unknown): Promise<boolean>;
  clearError(): void;
}

export const errorMessage = (e: unknown): string => (e instanceof Error && e.message ? e.message : String(e));

export function useStepRunner<C>(controller: C | undefined): StepRunner<C> {
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<StepError | undefined>(undefined);
  const run = useCallback(
    async (title: string, step: (c: C) => unknown): Promise<boolean> => {
      if (!controller) {
        setError({ title, message: 'Not connected to the live meeting yet; try again in a moment.' });
        return false;
      }
      setBusy(title);
      setError(undefined);
      try {
        const outcome = await step(controller);
        if (isRefusal(outcome)) {
          setError({ title, message: outcome.error.message });
          return false;
        }
        return true;
      } catch (e) {
        console.error(`[guildhall] ${title}`, e);
        setError({ title, message: errorMessage(e) });
        return false;
      } finally {
        setBusy(undefined);
      }
    },
    [controller],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { controller, busy, error, run, clearError };
}
