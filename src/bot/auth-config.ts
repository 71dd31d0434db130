/**
 * Bot Framework authentication settings from our options (pure). With no bot id the adapter
 * accepts unauthenticated requests and sends replies without a token: local development and
 * tests only; the server's config refuses that outside dev mode.
 */
export interface BotCredentials {
  readonly botId?: string;
  readonly botPassword?: string;
  readonly botTenantId?: string;
}

/** Shaped like botbuilder's ConfigurationBotFrameworkAuthenticationOptions. */
export interface BotAuthSettings {
  MicrosoftAppId?: string;
  MicrosoftAppPassword?: string;
  MicrosoftAppTenantId?: string;
  MicrosoftAppType?: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  [key: string]: string | undefined;
}

export function botAuthSettings(c: BotCredentials): BotAuthSettings {
  const botId = c.botId?.trim();
  const password = c.botPassword?.trim();
  const tenantId = c.botTenantId?.trim();
  if (!botId) {
    if (password) throw new Error('Bot password given without a bot id (BOT_ID).');
    return {};
  }
  if (password && tenantId) {
    return {
      MicrosoftAppId: botId,
      MicrosoftAppPassword: password,
      MicrosoftAppTenantId: tenantId,
      MicrosoftAppType: 'SingleTenant',
    };
  }
  if (password) return { MicrosoftAppId: botId, MicrosoftAppPassword: password, MicrosoftAppType: 'MultiTenant' };
  if (tenantId) return { MicrosoftAppId: botId, MicrosoftAppTenantId: tenantId, MicrosoftAppType: 'UserAssignedMSI' };
  throw new Error('A bot id needs either a bot password or a tenant id (for a user-assigned managed identity).');
}
