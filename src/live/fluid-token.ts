/**
 * Fluid access tokens, minted by the server only (the key never reaches a browser): signed with the
 * Azure Fluid Relay tenant key in production, with a local dev key for the local service.
 */
import { generateToken, ScopeType } from '@fluidframework/azure-service-utils/legacy';

export interface MintFluidTokenInput {
  readonly tenantId: string;
  readonly tenantKey: string;
  /** Omitted only by the server itself when it creates a container. */
  readonly documentId?: string;
  readonly user: { readonly id: string; readonly name: string };
  readonly lifetimeSeconds?: number;
}

export function mintFluidToken(input: MintFluidTokenInput): string {
  return generateToken(
    input.tenantId,
    input.tenantKey,
    [ScopeType.DocRead, ScopeType.DocWrite, ScopeType.SummaryWrite],
    input.documentId,
    { id: input.user.id, name: input.user.name } as Parameters<typeof generateToken>[4],
    input.lifetimeSeconds ?? 60 * 60,
  );
}
