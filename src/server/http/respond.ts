import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod/v4';
import { describeIssues } from '../../api/schemas';
import type { DomainError, ErrorCode, Result } from '../../domain/result';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_A_MEMBER: 403,
  NOT_FOUND: 404,
  COMMUNITY_NOT_FOUND: 404,
  ALREADY_A_MEMBER: 409,
  LAST_FACILITATOR: 409,
  CONFLICT: 409,
  STORED_RECORD_INVALID: 500,
  LIVE_CONTAINER_UNAVAILABLE: 503,
  TOPIC_NOT_FOUND: 404,
  SIMILAR_TOPIC_EXISTS: 409,
  GAME_NOT_FOUND: 404,
  RESULT_MISMATCH: 409,
  TOPIC_ALREADY_OWNED: 409,
  NOTIFICATION_FAILED: 502,
  SESSION_NOT_FOUND: 404,
  TAKEAWAY_NOT_FOUND: 404,
  ACTION_NOT_FOUND: 404,
  ALREADY_VOTED: 409,
  NO_COMMUNITY_BOUND: 404,
  AMBIGUOUS_COMMUNITY: 409,
};

export const statusOf = (code: ErrorCode): number => STATUS[code] ?? 500;

export function sendError(res: Response, error: DomainError): void {
  res.status(statusOf(error.code)).json({ error });
}

/**
 * Sends a use case's result: the value (as given by `shape`) or the error with its status.
 * @deprecated Old-style routes only, until they are converted: mount routes from the contract (src/api/README.md).
 */
export function sendResult<T>(res: Response, result: Result<T>, shape: (v: T) => unknown, status = 200): void {
  if (!result.ok) {
    sendError(res, result.error);
    return;
  }
  const body = shape(result.value);
  if (body === undefined) res.status(204).end();
  else res.status(status).json(body);
}

/**
 * Validates one input with its schema; sends 400 with every problem and returns undefined when bad.
 * @deprecated Old-style routes only, until they are converted: `mount` parses params, query and body from the contract.
 */
export function parseOr400<S extends z.ZodType>(
  res: Response,
  schema: S,
  input: unknown,
  what: string,
): z.infer<S> | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { message, issues } = describeIssues(parsed.error);
  sendError(res, { code: 'VALIDATION_FAILED', message: `Invalid ${what}: ${message}`, issues });
  return undefined;
}

/** Wraps an async route so a thrown bug becomes a 500 answer, never a crash. */
export const route =
  (fn: (req: Request, res: Response) => Promise<void>) =>
  (req: Request, res: Response, next: NextFunction): void => {
    fn(req, res).catch(next);
  };

/** Last error handler: body-parser failures become clear 4xx answers; anything else a logged 500. */
export function errorHandler(log: (msg: string, err: unknown) => void) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const e = err as { type?: string; status?: number; message?: string; code?: string; limit?: number };
    if (res.headersSent) return;
    if (e?.type === 'entity.parse.failed') {
      sendError(res, { code: 'VALIDATION_FAILED', message: 'The request body is not valid JSON.' });
      return;
    }
    if (e?.type === 'entity.too.large') {
      const most = typeof e.limit === 'number' ? `${Math.round(e.limit / 1024)} KB at most` : 'too many bytes';
      res
        .status(413)
        .json({ error: { code: 'VALIDATION_FAILED', message: `The request body is too large (${most} here).` } });
      return;
    }
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
      res.status(e.status).json({ error: { code: 'VALIDATION_FAILED', message: e.message ?? 'Bad request.' } });
      return;
    }
    if (e?.code === 'STORED_RECORD_INVALID') {
      log('stored record invalid', err);
      sendError(res, { code: 'STORED_RECORD_INVALID', message: e.message ?? 'A stored record is invalid.' });
      return;
    }
    log('unexpected error', err);
    res.status(500).json({
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong on our side; nothing was changed by the failed step.',
      },
    });
  };
}
