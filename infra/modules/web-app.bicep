// App Service (Linux, Node 20): the server, the tab and the bot endpoint. System-assigned identity
// for Cosmos DB (data plane RBAC) and Key Vault references. App settings are applied by
// app-settings.bicep once the identity has its roles, so Key Vault references resolve on first start.
param name string
param location string
param sku string

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

output hostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
output resourceId string = site.id
output name string = site.name
