/**
 * Mounts a route of the HTTP contract (src/api/contract.ts) on an express router: parses the path
 * ids, the query and the body with the route's schemas (400 VALIDATION_FAILED with every issue),
 * calls the handler and sends its Result — the value as JSON (or text, or 204) with the route's
 * status, or the error with its status (respond.ts). Outside production the answer is checked
 * against the route's response schema too: an answer that breaks the contract is a bug (500, logged).
 */
import type { Request, Response, Router } from 'express';
import type { z } from 'zod/v4';
import type { AnyRoute, Sendable, TextAnswer } from '../../api/contract-kit';
import { describeIssues } from '../../api/schemas';
import type { Principal } from '../../domain/identity';
import type { Result } from '../../domain/result';
import { principalOf } from '../auth/authenticate';
import { route, sendError } from './respond';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerInput<R extends AnyRoute> {
  readonly params: z.output<R['params']>;
  readonly query: Parsed<R['query']>;
  readonly body: Parsed<R['body']>;
  /** The authenticated caller (`access: 'user'` routes); the use case scopes to their tenant and community. */
  readonly principal: R['access'] extends 'user' ? Principal : undefined;
  readonly req: Request;
  readonly res: Response;
}

/** What a handler answers: a value the response schema accepts, the text of a TEXT route, nothing for EMPTY. */
export type Answer<R extends AnyRoute> = R['response'] extends z.ZodType
  ? Sendable<z.input<R['response']>>
  : R['response'] extends { kind: 'text' }
    ? TextAnswer
    : unknown;

export type Handler<R extends AnyRoute> = (input: HandlerInput<R>) => Promise<Result<Answer<R>>>;

/** Set `app.locals[CHECK_RESPONSES] = true` to check every answer against its response schema. */
export const CHECK_RESPONSES = 'checkResponsesAgainstContract';

const METHODS = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete' } as const;

function parse(
  res: Response,
  schema: z.ZodType | undefined,
  input: unknown,
  what: string,
): { ok: boolean; value: unknown } {
  if (!schema) return { ok: true, value: undefined };
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const { message, issues } = describeIssues(parsed.error);
  sendError(res, { code: 'VALIDATION_FAILED', message: `Invalid ${what}: ${message}`, issues });
  return { ok: false, value: undefined };
}

export function mount<R extends AnyRoute>(router: Router, def: R, handler: Handler<R>): void {
  router[METHODS[def.method]](
    def.path,
    route(async (req, res) => {
      const params = parse(res, def.params, { ...req.params }, 'path');
      if (!params.ok) return;
      const query = parse(res, def.query, { ...req.query }, 'query');
      if (!query.ok) return;
      const body = parse(res, def.body, req.body ?? {}, 'request body');
      if (!body.ok) return;
      const principal = def.access === 'user' ? principalOf(res) : undefined;
      const input = {
        params: params.value,
        query: query.value,
        body: body.value,
        principal,
        req,
        res,
      } as HandlerInput<R>;
      const result = await handler(input);
      if (!result.ok) return sendError(res, result.error);
      send(req, res, def, result.value);
    }),
  );
}

function send(req: Request, res: Response, def: AnyRoute, value: unknown): void {
  const { response } = def;
  if ('kind' in response) {
    if (response.kind === 'empty') {
      res.status(204).end();
      return;
    }
    const text = value as TextAnswer;
    for (const [k, v] of Object.entries(text.headers ?? {})) res.setHeader(k, v);
    res
      .status(def.status ?? 200)
      .type(text.contentType)
      .send(text.text);
    return;
  }
  if (req.app.locals[CHECK_RESPONSES] === true) {
    const checked = response.safeParse(value);
    if (!checked.success) {
      throw new Error(
        `${def.method} ${def.path} answered outside its contract: ${describeIssues(checked.error).message}`,
      );
    }
  }
  res.status(def.status ?? 200).json(value);
}
