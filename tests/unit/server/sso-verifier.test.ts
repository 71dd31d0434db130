import { exportJWK, generateKeyPair, SignJWT, createLocalJWKSet, type JWK } from 'jose';
import { createSsoVerifier } from '../../../src/server/auth/sso-verifier';

// Entra ID's keys are replaced by a locally generated key set; the checks are the real ones.
describe('Teams SSO token verification', () => {
  const clientId = '11111111-2222-3333-4444-555555555555';
  const tid = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
  let sign: (claims: Record<string, unknown>, opts?: { key?: 'good' | 'other'; exp?: string }) => Promise<string>;
  let verify: ReturnType<typeof createSsoVerifier>;

  beforeAll(async () => {
    const good = await generateKeyPair('RS256');
    const other = await generateKeyPair('RS256');
    const jwk: JWK = { ...(await exportJWK(good.publicKey)), kid: 'k1', alg: 'RS256' };
    verify = createSsoVerifier({ clientId, tabDomain: 'guildhall.example' }, createLocalJWKSet({ keys: [jwk] }));
    sign = (claims, opts = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuedAt()
        .setExpirationTime(opts.exp ?? '1h')
        .sign(opts.key === 'other' ? other.privateKey : good.privateKey);
  });

  const claims = (over: Record<string, unknown> = {}) => ({
    aud: `api://guildhall.example/${clientId}`,
    iss: `https://login.microsoftonline.com/${tid}/v2.0`,
    tid,
    oid: 'user-oid-1',
    name: 'Alex Morgan',
    ...over,
  });

  it('accepts a valid token and scopes the caller to its tenant', async () => {
    await expect(verify(await sign(claims()))).resolves.toEqual({
      tenantId: tid,
      userId: 'user-oid-1',
      displayName: 'Alex Morgan',
      source: 'teams-sso',
    });
  });
  it('accepts the v1 issuer form and the bare client id audience', async () => {
    await expect(
      verify(await sign(claims({ aud: clientId, iss: `https://sts.windows.net/${tid}/` }))),
    ).resolves.toMatchObject({ tenantId: tid });
  });
  it("refuses another app's audience", async () => {
    await expect(verify(await sign(claims({ aud: 'api://evil/123' })))).rejects.toThrow(/refused/);
  });
  it('refuses an issuer of another tenant', async () => {
    await expect(
      verify(await sign(claims({ iss: 'https://login.microsoftonline.com/other-tenant/v2.0' }))),
    ).rejects.toThrow(/issuer/);
  });
  it('refuses a token signed with a key Entra ID did not publish', async () => {
    await expect(verify(await sign(claims(), { key: 'other' }))).rejects.toThrow(/refused/);
  });
  it('refuses an expired token', async () => {
    await expect(verify(await sign(claims(), { exp: '-10m' }))).rejects.toThrow(/refused/);
  });
  it('refuses a token without tenant or user', async () => {
    await expect(verify(await sign(claims({ oid: undefined })))).rejects.toThrow(/oid/);
  });
  it('refuses garbage', async () => {
    await expect(verify('not-a-jwt')).rejects.toThrow(/refused/);
  });
});
