// The web app's settings (the server's environment, see README "Configuration"). Applied after
// access.bicep so the Key Vault references below resolve with the web app's managed identity.
param webAppName string
param cosmosEndpoint string
param fluidEndpoint string
param fluidTenantId string
param keyVaultUri string
param botId string
param botTenantId string
param aadAppClientId string

resource site 'Microsoft.Web/sites@2023-12-01' existing = {
  name: webAppName
}

resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    NODE_ENV: 'production'
    AUTH_MODE: 'sso'
    HOST: '0.0.0.0'
    PORT: '8080'
    // App Service's front end is one proxy hop: rate limits key on the client address it forwards.
    TRUST_PROXY: '1'
    PUBLIC_URL: 'https://${site.properties.defaultHostName}'
    TAB_DOMAIN: site.properties.defaultHostName
    STORE_KIND: 'cosmos'
    COSMOS_ENDPOINT: cosmosEndpoint
    COSMOS_DATABASE: 'guildhall'
    FLUID_MODE: 'azure'
    FLUID_ENDPOINT: fluidEndpoint
    FLUID_TENANT_ID: fluidTenantId
    FLUID_TENANT_KEY: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/fluid-tenant-key/)'
    BOT_ID: botId
    BOT_TENANT_ID: botTenantId
    BOT_PASSWORD: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/bot-password/)'
    AAD_APP_CLIENT_ID: aadAppClientId
    ICS_LINK_SECRET: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/ics-link-secret/)'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  }
}
