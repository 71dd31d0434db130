/**
 * Fluid access tokens, minted by the server only (the key never reaches a browser): signed with the
 * Azure Fluid Relay tenant key in production, with a local dev key for the local service (which
 * does not check the signature). Scopes: read, write, and summary write.
 */
import { generateToken, ScopeType } from '@fluidframework/azure-service-utils/legacy';

export interface MintFluidTokenInput {
  readonly tenantId: string;
  readonly tenantKey: string;
  /** The container id; omitted only by the server itself when it creates a container. */
  readonly documentId?: string;
  /** Shown to the other participants (Fluid audience). */
  readonly user: { readonly id: string; readonly name: string };
  /** Default one hour. */
  readonly lifetimeSeconds?: number;
}

export const FLUID_TOKEN_SCOPES = [ScopeType.DocRead, ScopeType.DocWrite, ScopeType.SummaryWrite] as const;

export function mintFluidToken(input: MintFluidTokenInput): string {
  if (!input.tenantId) throw new Error('mintFluidToken: tenantId is required');
  if (!input.tenantKey) throw new Error('mintFluidToken: tenantKey is required');
  if (!input.user?.id) throw new Error('mintFluidToken: user.id is required');
  const lifetime = input.lifetimeSeconds ?? 60 * 60;
  if (!Number.isInteger(lifetime) || lifetime <= 0)
    throw new Error('mintFluidToken: lifetimeSeconds must be a positive whole number');
  return generateToken(
    input.tenantId,
    input.tenantKey,
    [...FLUID_TOKEN_SCOPES],
    input.documentId,
    { id: input.user.id, name: input.user.name } as Parameters<typeof generateToken>[4],
    lifetime,
  );
}
