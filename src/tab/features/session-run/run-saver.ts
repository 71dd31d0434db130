/**
 * When the facilitator's client saves the run of show to the record (docs/adr/0018-saving-the-run-of-show.md):
 * at once when the phase changes (or the run is first seen), otherwise a few seconds after a change,
 * with the state as it is then. One save in flight at a time; a change meanwhile is saved after it.
 * A state equal to the last one saved is not sent again. Free of React, so it is unit tested with fake timers.
 */
import { savedRunOf, type SessionRunState } from '../../../domain/session-run';
import type { ClientResult } from '../../../live/client-result';

/** Seconds between a change and its save (a note written just before a loss can be this old). */
export const RUN_SAVE_DELAY_MS = 3000;

export type SaveOutcome = { readonly ok: true; readonly at: Date } | { readonly ok: false; readonly message: string };

export interface RunSaverDeps {
  readonly save: (run: SessionRunState) => Promise<ClientResult<unknown>>;
  readonly onSaved?: (outcome: SaveOutcome) => void;
  readonly delayMs?: number;
  readonly now?: () => Date;
  readonly timers?: { setTimeout: (f: () => void, ms: number) => unknown; clearTimeout: (t: unknown) => void };
}

export interface RunSaver {
  /** The run as the meeting shows it now. */
  changed(run: SessionRunState): void;
  /** Saves what is pending now (resolves when the record has it, or the save failed). */
  flush(): Promise<void>;
  dispose(): void;
}

export function createRunSaver({
  save,
  onSaved,
  delayMs = RUN_SAVE_DELAY_MS,
  now = () => new Date(),
  timers = globalThis as never,
}: RunSaverDeps): RunSaver {
  let pending: SessionRunState | undefined;
  let lastPhase: string | undefined;
  let lastSent: string | undefined;
  let timer: unknown;
  let inFlight: Promise<void> | undefined;
  let disposed = false;

  const keyOf = (run: SessionRunState) => `${run.sessionId}:${JSON.stringify(savedRunOf(run) ?? null)}`;

  const send = async (): Promise<void> => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    if (inFlight) {
      await inFlight;
      if (pending) return send();
      return;
    }
    const run = pending;
    pending = undefined;
    if (!run || disposed) return;
    const key = keyOf(run);
    if (key === lastSent || !savedRunOf(run)) return;
    inFlight = (async () => {
      try {
        const r = await save(run);
        if (r.ok) lastSent = key;
        onSaved?.(r.ok ? { ok: true, at: now() } : { ok: false, message: r.error.message });
      } catch (e) {
        onSaved?.({ ok: false, message: e instanceof Error ? e.message : String(e) });
      } finally {
        inFlight = undefined;
      }
    })();
    await inFlight;
    if (pending && timer === undefined && !disposed) timer = timers.setTimeout(() => void send(), delayMs);
  };

  return {
    changed(run) {
      if (disposed) return;
      pending = run;
      const phaseKey = `${run.sessionId}:${run.phase}`;
      if (phaseKey !== lastPhase) {
        lastPhase = phaseKey;
        void send();
        return;
      }
      if (timer === undefined && !inFlight) timer = timers.setTimeout(() => void send(), delayMs);
    },
    flush: () => send(),
    dispose() {
      disposed = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}
