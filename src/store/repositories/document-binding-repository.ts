import type { BindingRepository, Versioned } from '../../application/ports';
import type { ContextBinding } from '../../domain/community';
import type { Result } from '../../domain/result';
import type { DocumentDriver } from '../document-driver';
import { readRecord, withoutEnvelope, writeRecord } from '../stored-records';
import { written } from './outcomes';

/** Bindings are tenant-level lookups: partition `tenant:<tenantId>`, id `binding:<contextId>` (a point read). */
export class DocumentBindingRepository implements BindingRepository {
  constructor(private readonly driver: DocumentDriver) {}

  async get(tenantId: string, contextId: string): Promise<Versioned<ContextBinding> | undefined> {
    const found = await this.driver.read(`tenant:${tenantId}`, `binding:${contextId}`);
    if (!found) return undefined;
    return { value: withoutEnvelope(readRecord('binding', found.doc)), etag: found.etag };
  }

  async put(binding: ContextBinding, etag: string | undefined): Promise<Result<Versioned<ContextBinding>>> {
    const doc = writeRecord('binding', {
      ...binding,
      pk: `tenant:${binding.tenantId}`,
      id: `binding:${binding.contextId}`,
    });
    const outcome = etag === undefined ? await this.driver.create(doc) : await this.driver.replace(doc, etag);
    return written(outcome, binding, 'The binding of this meeting or channel');
  }
}
