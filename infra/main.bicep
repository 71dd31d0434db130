// Guildhall on Azure: Cosmos DB (record), Azure Fluid Relay (live state), Bot Service,
// App Service (server + tab), Key Vault (secrets). Deployed by teamsapp.yml (arm/deploy) or
// `az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.json`.

@description('Short suffix that makes resource names unique, e.g. dev or prod.')
param resourceSuffix string

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Entra app (client) id of the bot.')
param botAadAppClientId string

@description('Tenant id of the bot app registration (single-tenant bot).')
param botTenantId string = subscription().tenantId

@secure()
@description('Client secret of the bot app registration; stored in Key Vault.')
param botAadAppClientSecret string

@description('Entra app (client) id that Teams SSO tokens are issued for.')
param aadAppClientId string

@description('App Service plan SKU.')
param webAppSku string = 'B1'

var name = 'guildhall-${resourceSuffix}'

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: { name: name, location: location }
}

module fluid 'modules/fluid-relay.bicep' = {
  name: 'fluid'
  params: { name: name, location: location }
}

module vault 'modules/key-vault.bicep' = {
  name: 'vault'
  params: {
    name: name
    location: location
    botPassword: botAadAppClientSecret
    fluidRelayName: fluid.outputs.name
  }
}

module web 'modules/web-app.bicep' = {
  name: 'web'
  params: {
    name: name
    location: location
    sku: webAppSku
  }
}

module access 'modules/access.bicep' = {
  name: 'access'
  params: {
    cosmosAccountName: cosmos.outputs.accountName
    keyVaultName: vault.outputs.name
    principalId: web.outputs.principalId
  }
}

module settings 'modules/app-settings.bicep' = {
  name: 'settings'
  dependsOn: [ access ]
  params: {
    webAppName: web.outputs.name
    cosmosEndpoint: cosmos.outputs.endpoint
    fluidEndpoint: fluid.outputs.endpoint
    fluidTenantId: fluid.outputs.tenantId
    keyVaultUri: vault.outputs.uri
    botId: botAadAppClientId
    botTenantId: botTenantId
    aadAppClientId: aadAppClientId
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: name
    botAadAppClientId: botAadAppClientId
    botTenantId: botTenantId
    endpoint: 'https://${web.outputs.hostName}/api/messages'
  }
}

output TAB_DOMAIN string = web.outputs.hostName
output TAB_ENDPOINT string = 'https://${web.outputs.hostName}'
output AZURE_WEB_APP_RESOURCE_ID string = web.outputs.resourceId
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output FLUID_ENDPOINT string = fluid.outputs.endpoint
