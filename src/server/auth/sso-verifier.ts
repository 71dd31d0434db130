/**
 * Teams SSO: the tab gets an Entra ID token with `authentication.getAuthToken()` and sends it as
 * `Authorization: Bearer <token>`. We check the signature against Entra ID's published keys, the
 * audience (our app), the issuer (v1 or v2 form for the token's own tenant) and, for single-tenant
 * apps, the tenant.
 */
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Principal } from '../../domain/identity';

export interface SsoSettings {
  readonly clientId: string;
  readonly tabDomain: string;
  /** When set, only this tenant's tokens are accepted. */
  readonly tenantId?: string;
}

export type SsoVerifier = (token: string) => Promise<Principal>;

export class AuthError extends Error {
  readonly code = 'UNAUTHENTICATED' as const;
}

const ENTRA_KEYS = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

export function createSsoVerifier(settings: SsoSettings, keys?: JWTVerifyGetKey): SsoVerifier {
  const getKey = keys ?? createRemoteJWKSet(new URL(ENTRA_KEYS));
  const audience = [settings.clientId, `api://${settings.tabDomain}/${settings.clientId}`];
  return async (token) => {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, getKey, { audience, algorithms: ['RS256'], clockTolerance: 60 }));
    } catch (e) {
      throw new AuthError(`The Teams sign-in token was refused: ${(e as Error).message}`);
    }
    const tid = typeof payload.tid === 'string' ? payload.tid : undefined;
    const oid = typeof payload.oid === 'string' ? payload.oid : undefined;
    if (!tid || !oid) throw new AuthError('The Teams sign-in token has no tenant (tid) or user (oid).');
    const issuers = [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];
    if (!issuers.includes(String(payload.iss)))
      throw new AuthError('The Teams sign-in token has an unexpected issuer.');
    if (settings.tenantId && tid !== settings.tenantId)
      throw new AuthError('This Guildhall serves another organisation.');
    const name =
      typeof payload.name === 'string' && payload.name ? payload.name : String(payload.preferred_username ?? oid);
    return { tenantId: tid, userId: oid, displayName: name, source: 'teams-sso' };
  };
}
