/**
 * DEV MODE ONLY. A local identity travels as `Authorization: DevIdentity <base64url(JSON)>`.
 * The server refuses this scheme unless AUTH_MODE=dev; production uses Teams SSO tokens.
 */
import { z } from 'zod/v4';
import { IdSchema, textSchema } from './schemas';

export const DEV_IDENTITY_SCHEME = 'DevIdentity';

export const DevIdentity = z.strictObject({
  tenantId: IdSchema,
  userId: IdSchema,
  displayName: textSchema('displayName', 120),
});
export type DevIdentity = z.infer<typeof DevIdentity>;

const toBase64Url = (s: string): string => {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64Url = (s: string): string => {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
};

export const encodeDevIdentity = (id: DevIdentity): string =>
  `${DEV_IDENTITY_SCHEME} ${toBase64Url(JSON.stringify(id))}`;

/** Parses the credentials part (after the scheme). Undefined when malformed. */
export function decodeDevIdentity(credentials: string): DevIdentity | undefined {
  try {
    const parsed = DevIdentity.safeParse(JSON.parse(fromBase64Url(credentials)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** What `GET /api/dev/setup?participants=N` returns in dev mode: the demo community and its people. */
export interface DevSetupResponse {
  readonly tenantId: string;
  readonly communityId: string;
  readonly communityName: string;
  readonly meetingId: string;
  readonly channelId: string;
  readonly users: readonly { userId: string; displayName: string; roles: readonly string[] }[];
}

/** The local meeting shows at most this many simulated participants. */
export const MAX_DEV_PARTICIPANTS = 30;

/** `GET /api/dev/setup?participants=N` (dev mode only). */
export const DevSetupQuery = z.object({
  participants: z.coerce
    .number({ error: 'participants must be a number' })
    .int({ error: 'participants must be a whole number' })
    .min(1, { error: 'participants must be at least 1' })
    .max(MAX_DEV_PARTICIPANTS, { error: `participants must be at most ${MAX_DEV_PARTICIPANTS}` })
    .default(3),
});
