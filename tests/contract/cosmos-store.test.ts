/**
 * The same contract against the real @azure/cosmos SDK talking to @vercel/cosmosdb-server, a
 * Cosmos-protocol server started here on loopback (plain http; its bundled TLS certificate expired).
 */
import { createHttpServer } from '@vercel/cosmosdb-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CosmosDocumentDriver } from '../../src/store/cosmos/cosmos-document-driver';
import { createStoreFromDriver } from '../../src/store/create-record-store';
import { describeRecordStoreContract } from './record-store.contract';

// The well-known public emulator key: not a secret.
const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

describeRecordStoreContract('Cosmos DB (@azure/cosmos against cosmosdb-server)', async () => {
  const server: Server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const driver = await CosmosDocumentDriver.connect({
    endpoint: `http://127.0.0.1:${port}`,
    key: EMULATOR_KEY,
    database: 'guildhall-test',
  });
  return {
    store: createStoreFromDriver(driver),
    driver,
    cleanup: async () => {
      await driver.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
    },
  };
});
