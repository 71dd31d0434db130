/**
 * An ITokenProvider that asks our server (`/api/fluid/token`, or the server's own minting) for every
 * token. Nothing is cached here: the server mints a short-lived token per call, and the Fluid driver
 * asks again when it reconnects.
 */
import type { ITokenProvider, ITokenResponse } from '@fluidframework/azure-client';
import type { FetchFluidToken } from './live-meeting';

export class ServerTokenProvider implements ITokenProvider {
  /**
   * What the last failed fetch threw (cleared by the next success). openLiveMeeting reports it as
   * itself, so a refused token is not mistaken for a lost container.
   */
  lastError: unknown = undefined;

  constructor(private readonly fetchToken: FetchFluidToken) {}

  fetchOrdererToken(_tenantId: string, documentId?: string, _refresh?: boolean): Promise<ITokenResponse> {
    return this.fetch(documentId);
  }

  fetchStorageToken(_tenantId: string, documentId: string, _refresh?: boolean): Promise<ITokenResponse> {
    return this.fetch(documentId);
  }

  private async fetch(documentId: string | undefined): Promise<ITokenResponse> {
    try {
      const jwt = await this.fetchToken(documentId);
      if (typeof jwt !== 'string' || jwt.length === 0) throw new Error('The Fluid token endpoint returned no token.');
      this.lastError = undefined;
      return { jwt, fromCache: false };
    } catch (e) {
      this.lastError = e;
      throw e;
    }
  }
}
