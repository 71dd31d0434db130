/**
 * Request and response shapes of the HTTP API: one schema per shape, shared by the server
 * (validation at the boundary) and the tab (typed client). No IO here.
 */
import { z } from 'zod/v4';
import { TOPIC_LIMITS } from '../domain/backlog';
import { LIMITS, PURPOSES, ROLES } from '../domain/community';

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} is required` })
    .max(max, { error: `${what} must be at most ${max} characters` });

export const IdSchema = z
  .string({ error: 'id must be text' })
  .min(1, { error: 'id is required' })
  .max(LIMITS.id, { error: `id must be at most ${LIMITS.id} characters` })
  // Teams meeting ids are base64 (`MCMxOTpt…jMA==`): `=`, `+` and `/` occur. Both store drivers accept them.
  .regex(/^[A-Za-z0-9._:@=+/\-]+$/, { error: 'id may only contain letters, digits and . _ : @ = + / -' });

export const RoleSchema = z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` });
export const PurposeSchema = z.enum(PURPOSES, { error: `purpose must be one of ${PURPOSES.join(', ')}` });
export const CadenceSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: 'cadencePerMonth must be 1, 2, 3 or 4 sessions a month',
});

export const CreateCommunityRequest = z.strictObject({
  name: text(LIMITS.communityName, 'name'),
  purpose: PurposeSchema,
  description: z.string().trim().max(LIMITS.communityDescription, { error: `description must be at most ${LIMITS.communityDescription} characters` }).optional(),
  cadencePerMonth: CadenceSchema,
});
export type CreateCommunityRequest = z.infer<typeof CreateCommunityRequest>;

export const UpdateCommunityRequest = z.strictObject({
  etag: z.string().min(1, { error: 'etag is required (read the community first)' }),
  name: text(LIMITS.communityName, 'name').optional(),
  purpose: PurposeSchema.optional(),
  description: z.string().trim().max(LIMITS.communityDescription).optional(),
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

export const ContextKindSchema = z.enum(['meeting', 'channel', 'chat'], { error: 'kind must be meeting, channel or chat' });
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
    message: i.code === 'unrecognized_keys' ? `unknown field(s): ${(i as { keys: string[] }).keys.join(', ')}` : i.message,
  }));
  return { message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues };
}

export const ProposeTopicRequest = z.strictObject({
  title: text(TOPIC_LIMITS.title, 'title'),
  description: z
    .string({ error: 'description must be text' })
    .trim()
    .max(TOPIC_LIMITS.description, { error: `description must be at most ${TOPIC_LIMITS.description} characters` })
    .optional(),
  force: z.boolean({ error: 'force must be true or false' }).optional(),
  requestId: IdSchema.optional(),
});
export type ProposeTopicRequest = z.infer<typeof ProposeTopicRequest>;
