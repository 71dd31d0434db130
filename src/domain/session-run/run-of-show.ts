/**
 * The run of show of a working session (a deep dive): the phases in order, what each one allows,
 * and the timers the stage shows. A meeting is a list of phases; the facilitator advances. Pure.
 */
import { fail, ok, type Result } from '../result';

export const SESSION_PHASES = ['check-in', 'deep-dive', 'breakouts', 'share-out', 'feedback', 'closed'] as const;
export type SessionPhase = (typeof SESSION_PHASES)[number];

export const PHASE_LABELS: Readonly<Record<SessionPhase, string>> = {
  'check-in': 'Check-in',
  'deep-dive': 'Deep dive',
  breakouts: 'Breakouts',
  'share-out': 'Share-out and takeaways',
  feedback: 'Feedback',
  closed: 'Closed',
};

/** Default timeboxes in minutes (a deep-dive agenda). The opening of a deep dive is kept short. */
export const DEFAULT_TIMEBOX: Readonly<Record<Exclude<SessionPhase, 'closed'>, number>> = {
  'check-in': 5,
  'deep-dive': 15,
  breakouts: 15,
  'share-out': 20,
  feedback: 5,
};

/** The owner's opening of a deep dive should stay under this many minutes (no long lectures). */
export const OPENING_SOFT_CAP_MINUTES = 10;

export const nextPhase = (p: SessionPhase): SessionPhase | undefined => SESSION_PHASES[SESSION_PHASES.indexOf(p) + 1];

/** Advancing goes one phase forward (or straight to closing); never back, never past closed. */
export function checkAdvance(from: SessionPhase, to: SessionPhase): Result<void> {
  if (from === 'closed') return fail('VALIDATION_FAILED', 'The session is closed.');
  if (to !== nextPhase(from) && to !== 'closed') {
    return fail(
      'VALIDATION_FAILED',
      `From ${PHASE_LABELS[from]} the session moves on to ${PHASE_LABELS[nextPhase(from) ?? 'closed']}.`,
    );
  }
  return ok(undefined);
}

export interface TimerView {
  readonly endsAt: string;
  /** Whole seconds left, 0 when over. */
  readonly secondsLeft: number;
  readonly over: boolean;
}

export function timerView(endsAt: string | undefined, now: Date): TimerView | undefined {
  if (!endsAt) return undefined;
  const left = Math.ceil((Date.parse(endsAt) - now.getTime()) / 1000);
  return { endsAt, secondsLeft: Math.max(0, left), over: left <= 0 };
}

/** The stage warns when the owner's opening runs past the soft cap. */
export function openingOverrun(
  phaseStartedAt: string | undefined,
  now: Date,
  capMinutes = OPENING_SOFT_CAP_MINUTES,
): { readonly minutesOver: number } | undefined {
  if (!phaseStartedAt) return undefined;
  const minutes = (now.getTime() - Date.parse(phaseStartedAt)) / 60_000;
  return minutes > capMinutes ? { minutesOver: Math.floor(minutes - capMinutes) } : undefined;
}

/** A 1–5 feedback histogram: counts per score, how many voted, the mean (null with no vote). */
export function feedbackHistogram(values: readonly number[]): {
  readonly counts: readonly [number, number, number, number, number];
  readonly votes: number;
  readonly mean: number | null;
} {
  const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  let sum = 0;
  let votes = 0;
  for (const v of values) {
    if (!Number.isInteger(v) || v < 1 || v > 5) continue;
    counts[v - 1] = (counts[v - 1] as number) + 1;
    sum += v;
    votes += 1;
  }
  return { counts, votes, mean: votes ? sum / votes : null };
}
