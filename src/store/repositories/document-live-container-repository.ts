import type { LiveContainerRecord, LiveContainerRepository, Versioned } from '../../application/ports';
import type { Result } from '../../domain/result';
import type { DocumentDriver } from '../document-driver';
import { readRecord, withoutEnvelope, writeRecord } from '../stored-records';
import { written } from './outcomes';

/** The live container of a meeting, in the community's partition: id `live:<meetingId>`. */
export class DocumentLiveContainerRepository implements LiveContainerRepository {
  constructor(private readonly driver: DocumentDriver) {}

  async get(communityId: string, meetingId: string): Promise<Versioned<LiveContainerRecord> | undefined> {
    const found = await this.driver.read(communityId, `live:${meetingId}`);
    if (!found) return undefined;
    return { value: withoutEnvelope(readRecord('live-container', found.doc)), etag: found.etag };
  }

  async findByContainerId(tenantId: string, containerId: string): Promise<LiveContainerRecord | undefined> {
    const [found] = await this.driver.query({ type: 'live-container', where: { tenantId, containerId }, limit: 1 });
    return found ? withoutEnvelope(readRecord('live-container', found.doc)) : undefined;
  }

  async put(record: LiveContainerRecord, etag: string | undefined): Promise<Result<Versioned<LiveContainerRecord>>> {
    const doc = writeRecord('live-container', { ...record, pk: record.communityId, id: `live:${record.meetingId}` });
    const outcome = etag === undefined ? await this.driver.create(doc) : await this.driver.replace(doc, etag);
    return written(outcome, record, 'The live meeting');
  }
}
