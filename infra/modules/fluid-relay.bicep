// Azure Fluid Relay: the live meeting state (SharedTree containers).
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
output endpoint string = relay.properties.fluidRelayEndpoints.ordererEndpoints[0]
