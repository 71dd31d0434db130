/**
 * Expected failures are values (a code and a message); bugs throw.
 * Codes are UPPER_SNAKE and stable: the API, the bot and the tab switch on them.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'COMMUNITY_NOT_FOUND'
  | 'NOT_A_MEMBER'
  | 'ALREADY_A_MEMBER'
  | 'LAST_FACILITATOR'
  | 'CONFLICT'
  | 'STORED_RECORD_INVALID'
  | 'LIVE_CONTAINER_UNAVAILABLE'
  | 'TOPIC_NOT_FOUND'
  | 'SIMILAR_TOPIC_EXISTS'
  | 'GAME_NOT_FOUND'
  | 'RESULT_MISMATCH'
  | 'TOPIC_ALREADY_OWNED'
  | 'NOTIFICATION_FAILED'
  | 'SESSION_NOT_FOUND'
  | 'TAKEAWAY_NOT_FOUND'
  | 'ACTION_NOT_FOUND'
  | 'ALREADY_VOTED'
  | 'NO_COMMUNITY_BOUND'
  | 'AMBIGUOUS_COMMUNITY';

export interface DomainError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Per-field problems, for validation failures. */
  readonly issues?: readonly { path: string; message: string }[];
  /** The record the error is about (e.g. the similar topic that already exists). */
  readonly subject?: { readonly id: string; readonly title: string };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string, issues?: DomainError['issues']): Result<T> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});
