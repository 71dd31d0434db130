import { fail, type DomainError, type Result } from '../result';

/**
 * Why a Thirty Five call refused its input.
 * - `INVALID_PLAN_INPUT`: participants, cards, rounds or seed do not make a game.
 * - `INVALID_PLAN`: the plan handed to the scorer or the re-planner is malformed.
 * - `INVALID_SPLIT`: a split is not two integers 0–7 summing to 7, or names an unknown or already scored pair.
 * - `INVALID_REPLAN`: `fromRound` is out of range or the new input contradicts the played rounds.
 */
export type ThirtyFiveErrorCode = 'INVALID_PLAN_INPUT' | 'INVALID_PLAN' | 'INVALID_SPLIT' | 'INVALID_REPLAN';

export interface ThirtyFiveIssue {
  readonly path: string;
  readonly message: string;
}

/** Thrown by the throwing entry points; the `try…` variants return the same information as a Result. */
export class ThirtyFiveError extends Error {
  override readonly name = 'ThirtyFiveError';
  constructor(
    readonly code: ThirtyFiveErrorCode,
    message: string,
    readonly issues: readonly ThirtyFiveIssue[] = [],
  ) {
    super(message);
  }
}

/** Collects issues, then throws them as one error. */
export class IssueList {
  readonly items: ThirtyFiveIssue[] = [];
  add(path: string, message: string): void {
    this.items.push({ path, message });
  }
  get empty(): boolean {
    return this.items.length === 0;
  }
  throwIfAny(code: ThirtyFiveErrorCode, what: string): void {
    if (this.empty) return;
    const shown = this.items.slice(0, 5).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    const more = this.items.length > 5 ? ` (and ${this.items.length - 5} more)` : '';
    throw new ThirtyFiveError(code, `${what}: ${shown.join('; ')}${more}`, this.items);
  }
}

/** Run a throwing Thirty Five call and turn a ThirtyFiveError into `VALIDATION_FAILED`. Other errors are bugs and still throw. */
export function asResult<T>(run: () => T): Result<T> {
  try {
    return { ok: true, value: run() };
  } catch (e) {
    if (e instanceof ThirtyFiveError) {
      const issues: DomainError['issues'] = e.issues.length > 0 ? e.issues : undefined;
      return fail('VALIDATION_FAILED', e.message, issues);
    }
    throw e;
  }
}
