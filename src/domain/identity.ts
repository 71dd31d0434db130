/**
 * Who is asking. Built by the server from a validated Teams SSO token (production)
 * or from an explicit local identity (dev mode only).
 */
export interface Principal {
  readonly tenantId: string;
  readonly userId: string;
  readonly displayName: string;
  /** How the identity was established; `dev-local` is never accepted outside dev mode. */
  readonly source: 'teams-sso' | 'dev-local';
}
