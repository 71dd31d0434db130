/**
 * Request and response shapes of the HTTP API: one schema per shape, shared by the server
 * (validation at the boundary) and the tab (typed client). No IO here.
 */
import { z } from 'zod/v4';
import { TOPIC_LIMITS } from '../domain/backlog';
import { LIMITS, PURPOSES, ROLES } from '../domain/community';

/** C0 and C1 control characters and DEL; multi-line text keeps tab and newline. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const CONTROLS_BUT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** Half of a UTF-16 surrogate pair without its other half: not text, and breaks JSON and stores downstream. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

export interface TextOptions {
  /** `multi`: tab and newline are allowed (CRLF and CR become LF); `single` (default): neither is. */
  readonly lines?: 'single' | 'multi';
  /** At least one character after trimming (default true). */
  readonly required?: boolean;
  /** Trim surrounding white space (default true; Markdown notes keep theirs). */
  readonly trim?: boolean;
}

/**
 * THE schema of every free-text field of the API. Policy: control characters are REFUSED, not
 * stripped, so nobody's text is silently changed (C0 and C1 controls and DEL; multi-line text allows
 * tab and newline, and its CRLF/CR line ends become LF), and lone surrogates are refused. The answer
 * names the field and the character, e.g. "title must not contain control characters (found U+0007)".
 */
export function textSchema(what: string, max: number, options: TextOptions = {}) {
  const multi = options.lines === 'multi';
  let s = z.string({ error: `${what} must be text` });
  if (options.trim ?? true) s = s.trim();
  if (multi) s = s.overwrite((v) => v.replace(/\r\n?/g, '\n'));
  if (options.required ?? true) s = s.min(1, { error: `${what} is required` });
  return s.max(max, { error: `${what} must be at most ${max} characters` }).superRefine((v, ctx) => {
    const control = (multi ? CONTROLS_BUT_TAB_AND_NEWLINE : CONTROLS).exec(v);
    if (control) {
      const allowed = multi ? '' : ' (it is one line: no tab or line break)';
      const found = codePoint(control[0]);
      ctx.addIssue({
        code: 'custom',
        message: `${what} must not contain control characters${allowed} (found ${found})`,
      });
    }
    if (LONE_SURROGATE.test(v)) {
      ctx.addIssue({ code: 'custom', message: `${what} must not contain a lone surrogate (broken UTF-16)` });
    }
  });
}

const text = (max: number, what: string) => textSchema(what, max);

export const IdSchema = z
  .string({ error: 'id must be text' })
  .min(1, { error: 'id is required' })
  .max(LIMITS.id, { error: `id must be at most ${LIMITS.id} characters` })
  // Teams meeting ids are base64 (`MCMxOTpt…jMA==`): `=`, `+` and `/` occur. Both store drivers accept them.
  .regex(/^[A-Za-z0-9._:@=+/-]+$/, { error: 'id may only contain letters, digits and . _ : @ = + / -' });

/**
 * A client's request id (idempotency key). It becomes part of record ids (`req-<id>`, `s-<id>`), so
 * it is short and from a safe alphabet: no `/`, no `..`, nothing a path or a store could read as structure.
 */
export const RequestIdSchema = z
  .string({ error: 'requestId must be text' })
  .min(1, { error: 'requestId is required' })
  .max(64, { error: 'requestId must be at most 64 characters' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, {
    error: 'requestId may only contain letters, digits and . _ : - (starting with a letter or digit)',
  })
  .refine((v) => !v.includes('..'), { error: 'requestId must not contain ..' });

export const RoleSchema = z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` });
export const PurposeSchema = z.enum(PURPOSES, { error: `purpose must be one of ${PURPOSES.join(', ')}` });
export const CadenceSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: 'cadencePerMonth must be 1, 2, 3 or 4 sessions a month',
});

export const CreateCommunityRequest = z.strictObject({
  name: text(LIMITS.communityName, 'name'),
  purpose: PurposeSchema,
  description: textSchema('description', LIMITS.communityDescription, { lines: 'multi', required: false }).optional(),
  cadencePerMonth: CadenceSchema,
});
export type CreateCommunityRequest = z.infer<typeof CreateCommunityRequest>;

export const UpdateCommunityRequest = z.strictObject({
  etag: z.string().min(1, { error: 'etag is required (read the community first)' }),
  name: text(LIMITS.communityName, 'name').optional(),
  purpose: PurposeSchema.optional(),
  description: textSchema('description', LIMITS.communityDescription, { lines: 'multi', required: false }).optional(),
  cadencePerMonth: CadenceSchema.optional(),
});
export type UpdateCommunityRequest = z.infer<typeof UpdateCommunityRequest>;

export const JoinCommunityRequest = z.strictObject({
  product: text(LIMITS.product, 'product').optional(),
});

export const SetRolesRequest = z.strictObject({
  roles: z.array(RoleSchema).max(ROLES.length),
  etag: z.string().min(1).optional(),
});

export const ContextKindSchema = z.enum(['meeting', 'channel', 'chat'], {
  error: 'kind must be meeting, channel or chat',
});
export const BindContextRequest = z.strictObject({
  kind: ContextKindSchema,
  communityId: IdSchema,
});

export const OpenLiveMeetingRequest = z.strictObject({
  replaceStale: IdSchema.optional(),
});

export const FluidTokenRequest = z.strictObject({
  documentId: IdSchema,
});

/** Every 4xx/5xx answer has this body. */
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** Where the browser finds the live service, returned with a meeting's container. */
export interface LiveConnectionInfo {
  readonly type: 'local' | 'remote';
  readonly endpoint: string;
  /** Azure Fluid Relay tenant id (remote only). */
  readonly tenantId?: string;
}

export interface LiveMeetingResponse {
  readonly containerId: string;
  readonly generation: number;
  readonly connection: LiveConnectionInfo;
}

export interface MeResponse {
  readonly tenantId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly source: 'teams-sso' | 'dev-local';
}

/** Turns zod issues into the API's flat `issues` list and a one-line message. */
export function describeIssues(error: z.ZodError): { message: string; issues: { path: string; message: string }[] } {
  const issues = error.issues.map((i) => ({
    path: i.path.length ? i.path.join('.') : '(body)',
    message:
      i.code === 'unrecognized_keys' ? `unknown field(s): ${(i as { keys: string[] }).keys.join(', ')}` : i.message,
  }));
  return { message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues };
}

export const ProposeTopicRequest = z.strictObject({
  title: text(TOPIC_LIMITS.title, 'title'),
  description: textSchema('description', TOPIC_LIMITS.description, { lines: 'multi', required: false }).optional(),
  force: z.boolean({ error: 'force must be true or false' }).optional(),
  requestId: RequestIdSchema.optional(),
});
export type ProposeTopicRequest = z.infer<typeof ProposeTopicRequest>;
