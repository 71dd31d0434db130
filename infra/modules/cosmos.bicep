// Cosmos DB for NoSQL, serverless: the record. Local (key) auth is disabled; the server uses its
// managed identity (see access.bicep). One container `records`, partition key /pk (ADR 0002).
param name string
param location string

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: '${name}-cosmos'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [ { locationName: location, failoverPriority: 0 } ]
    capabilities: [ { name: 'EnableServerless' } ]
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: 'guildhall'
  properties: { resource: { id: 'guildhall' } }
}

resource records 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = {
  parent: database
  name: 'records'
  properties: {
    resource: {
      id: 'records'
      partitionKey: { paths: [ '/pk' ], kind: 'Hash' }
    }
  }
}

output accountName string = account.name
output endpoint string = account.properties.documentEndpoint
