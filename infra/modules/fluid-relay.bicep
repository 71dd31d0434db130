// Azure Fluid Relay: the live meeting state (SharedTree containers). The endpoint output is the
// service (discovery) endpoint that AzureClient expects, e.g. https://us.fluidrelay.azure.com.
param name string
param location string

resource relay 'Microsoft.FluidRelay/fluidRelayServers@2022-06-01' = {
  name: '${name}-fluid'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {}
}

output name string = relay.name
output tenantId string = relay.properties.frsTenantId
output endpoint string = relay.properties.fluidRelayEndpoints.serviceEndpoints[0]
