import type { NextFunction, Request, Response } from 'express';
import { decodeDevIdentity, DEV_IDENTITY_SCHEME } from '../../api/dev-identity';
import type { Principal } from '../../domain/identity';
import { sendError } from '../http/respond';
import type { SsoVerifier } from './sso-verifier';

export type AuthMode = { kind: 'dev' } | { kind: 'sso'; verify: SsoVerifier };

/**
 * Every /api request (but health and the bot, which has its own auth) is authenticated here.
 * Dev identities are accepted ONLY in dev mode; in SSO mode they are refused like any bad token.
 */
export function authenticate(mode: AuthMode) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get('authorization') ?? '';
    const [scheme, credentials = ''] = header.split(/\s+/, 2);
    if (!scheme) {
      sendError(res, {
        code: 'UNAUTHENTICATED',
        message: 'Sign in first: the request has no Authorization header.',
      });
      return;
    }
    if (scheme === DEV_IDENTITY_SCHEME) {
      if (mode.kind !== 'dev') {
        sendError(res, {
          code: 'UNAUTHENTICATED',
          message: 'Local dev identities are not accepted by this server.',
        });
        return;
      }
      const id = decodeDevIdentity(credentials);
      if (!id) {
        sendError(res, { code: 'UNAUTHENTICATED', message: 'The local dev identity is malformed.' });
        return;
      }
      setPrincipal(res, { ...id, source: 'dev-local' });
      next();
      return;
    }
    if (scheme.toLowerCase() === 'bearer' && mode.kind === 'sso') {
      mode
        .verify(credentials)
        .then((p) => {
          setPrincipal(res, p);
          next();
        })
        .catch((e: Error) => sendError(res, { code: 'UNAUTHENTICATED', message: e.message }));
      return;
    }
    sendError(res, {
      code: 'UNAUTHENTICATED',
      message:
        mode.kind === 'dev'
          ? 'Dev mode expects a DevIdentity header (use the /dev page).'
          : 'Expected a Teams SSO Bearer token.',
    });
  };
}

export function setPrincipal(res: Response, p: Principal): void {
  res.locals.principal = p;
}

export function principalOf(res: Response): Principal {
  const p = res.locals.principal as Principal | undefined;
  if (!p) throw new Error('BUG: route reached without authentication');
  return p;
}
