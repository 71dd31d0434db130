import type { ITokenProvider, ITokenResponse } from '@fluidframework/azure-client';
import type { FetchFluidToken } from './live-meeting';

/** An ITokenProvider that asks our server (`/api/fluid/token`) for every token. */
export class ServerTokenProvider implements ITokenProvider {
  constructor(private readonly fetchToken: FetchFluidToken) {}

  async fetchOrdererToken(_tenantId: string, documentId?: string, refresh?: boolean): Promise<ITokenResponse> {
    return { jwt: await this.fetchToken(documentId), fromCache: refresh === false };
  }

  async fetchStorageToken(_tenantId: string, documentId: string, refresh?: boolean): Promise<ITokenResponse> {
    return { jwt: await this.fetchToken(documentId), fromCache: refresh === false };
  }
}
