import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStoreFromDriver } from '../../src/store/create-record-store';
import { SqliteDocumentDriver } from '../../src/store/embedded/sqlite-document-driver';
import { aCommunity, aMember, describeRecordStoreContract } from './record-store.contract';

describeRecordStoreContract('embedded (SQLite, in memory)', async () => {
  const driver = new SqliteDocumentDriver(':memory:');
  return { store: createStoreFromDriver(driver), driver, cleanup: () => driver.close() };
});

describeRecordStoreContract('embedded (SQLite, file in WAL mode)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'guildhall-contract-'));
  const driver = new SqliteDocumentDriver(path.join(dir, 'nested', 'store.sqlite'));
  return {
    store: createStoreFromDriver(driver),
    driver,
    cleanup: async () => {
      await driver.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('embedded store durability', () => {
  it('keeps the record across a restart (close and reopen the file)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guildhall-durable-'));
    const file = path.join(dir, 'guildhall.sqlite');
    try {
      const first = createStoreFromDriver(new SqliteDocumentDriver(file));
      const c = aCommunity();
      await first.communities.create(c);
      await first.memberships.create(aMember(c.id, 'alex', { roles: ['member', 'facilitator'] }));
      await first.close();

      const second = createStoreFromDriver(new SqliteDocumentDriver(file));
      expect((await second.communities.get('tenant-a', c.id))?.value).toEqual(c);
      expect((await second.memberships.get(c.id, 'alex'))?.value.roles).toEqual(['member', 'facilitator']);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
