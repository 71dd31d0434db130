// App Service (Linux, Node 20): the server, the tab and the bot endpoint. System-assigned identity
// for Cosmos DB (data plane RBAC) and Key Vault references.
param name string
param location string
param sku string
param cosmosEndpoint string
param fluidEndpoint string
param fluidTenantId string
param keyVaultUri string
param botId string
param botTenantId string
param aadAppClientId string

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: sku }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: '${name}-web'
  location: location
  kind: 'app,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npm run serve'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      webSocketsEnabled: true
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    NODE_ENV: 'production'
    AUTH_MODE: 'sso'
    HOST: '0.0.0.0'
    PORT: '8080'
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
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  }
}

output hostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
output resourceId string = site.id
