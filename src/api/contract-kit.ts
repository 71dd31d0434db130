/**
 * The vocabulary of the HTTP contract: a route declares its method, path, access, query, body and
 * response once; the server mounts it (src/server/http/mount.ts) and the tab's client calls it
 * (src/tab/api-client.ts). Path parameters are ids, read from the path itself. No IO here.
 */
import { z } from 'zod/v4';
import { IdSchema } from './schemas';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * `user`: behind the token check; the use case then scopes to tenant and community and checks roles.
 * `public`: no token (health, the dev setup in dev mode, the signed calendar link); say why in `summary`.
 */
export type Access = 'user' | 'public';

/** A non-JSON answer (Markdown, a calendar file): the handler gives the text and its content type. */
export const TEXT = { kind: 'text' } as const;
/** 204 No Content. */
export const EMPTY = { kind: 'empty' } as const;
export type TextAnswerKind = typeof TEXT;
export type EmptyAnswerKind = typeof EMPTY;

/** What a handler of a TEXT route gives back. */
export interface TextAnswer {
  readonly contentType: string;
  readonly text: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The `:name` segments of an express-style path, as a union of names. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type ParamsSchema<P extends string> = z.ZodObject<{ [K in PathParamNames<P>]: typeof IdSchema }>;

export interface RouteSpec {
  readonly method: Method;
  /** Relative to `/api`, express syntax: `/communities/:id/topics/:topicId`. Every `:name` is an id. */
  readonly path: string;
  readonly access: Access;
  /** One line: what it does and who may (the use case enforces it). */
  readonly summary: string;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: z.ZodType | TextAnswerKind | EmptyAnswerKind;
  /** 200 unless said (201 for a creation). */
  readonly status?: 200 | 201;
}

export type RouteDef<S extends RouteSpec = RouteSpec> = S & { readonly params: ParamsSchema<S['path']> };

/** Any route of the contract (for code that walks all of them). */
export type AnyRoute = RouteSpec & { readonly params: z.ZodObject };

const PARAM = /:([A-Za-z_][A-Za-z0-9_]*)/g;

/** The names of a path's `:name` segments, in order. */
export const paramNames = (path: string): string[] => [...path.matchAll(PARAM)].map((m) => m[1]!);

/** Declares one route. Its path parameters become an object of ids (`IdSchema`), so bad ids get a 400. */
export function route<const S extends RouteSpec>(spec: S): RouteDef<S> {
  const shape = Object.fromEntries(paramNames(spec.path).map((n) => [n, IdSchema]));
  return { ...spec, params: z.object(shape) as unknown as ParamsSchema<S['path']> };
}

/** The concrete path of a route: `:name` replaced by the encoded value. */
export function pathOf(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(PARAM, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`pathOf: no value for :${name} in ${path}`);
    return encodeURIComponent(v);
  });
}

/**
 * Deeply read-only: what the server may send for a response schema (its use cases return read-only
 * arrays), and what the tab receives.
 */
export type Sendable<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { readonly [K in keyof T]: Sendable<T[K]> }
    : T;

/** The JSON a route answers with (the tab's view), or void/string for EMPTY/TEXT routes. */
export type ResponseOf<R extends AnyRoute> = R['response'] extends z.ZodType
  ? Sendable<z.output<R['response']>>
  : R['response'] extends TextAnswerKind
    ? string
    : undefined;

/**
 * Compile-time proof that a response schema reads exactly the domain type `T`: what it outputs is a
 * `T`, and every `T` passes its input. Use: `export const TopicSchema = mirrors<Topic>()(z.object({…}))`.
 * A mismatch fails `npm run typecheck` at this line ("Expected 2 arguments"), so the two cannot drift.
 */
export const mirrors =
  <T>() =>
  <S extends z.ZodType>(schema: S, ..._proof: MirrorProof<S, T>): S =>
    schema;

type MirrorProof<S extends z.ZodType, T> = [z.output<S>] extends [T]
  ? [T] extends [Sendable<z.input<S>>]
    ? []
    : [schemaInputRefusesSomeT: never]
  : [schemaOutputIsNotAT: never];
