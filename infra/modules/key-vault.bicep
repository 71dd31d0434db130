// Key Vault (RBAC): the bot's client secret and the Fluid Relay tenant key. The web app reads them
// through Key Vault references; nothing secret is in app settings or in the repository.
param name string
param location string
@secure()
param botPassword string
param fluidRelayName string
// Signs the calendar (.ics) links of invitation cards (ADR 0014). A new value on each deployment only
// expires the links already posted; a card's refresh mints fresh ones.
@secure()
param icsLinkSecret string = newGuid()

resource relay 'Microsoft.FluidRelay/fluidRelayServers@2022-06-01' existing = {
  name: fluidRelayName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  // Vault names are global and at most 24 characters: a short prefix plus a resource-group hash.
  name: '${take(replace(name, '-', ''), 11)}${uniqueString(resourceGroup().id)}'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-password'
  properties: { value: botPassword }
}

resource fluidKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'fluid-tenant-key'
  properties: { value: relay.listKeys().key1 }
}

resource icsSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'ics-link-secret'
  properties: { value: icsLinkSecret }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
