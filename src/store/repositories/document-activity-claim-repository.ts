import type { ActivityClaim, ActivityClaimRepository, Versioned } from '../../application/ports';
import type { DocumentDriver } from '../document-driver';
import { readRecord, withoutEnvelope, writeRecord } from '../stored-records';
import { keyPart } from './document-key';

const pkOf = (conversationId: string) => `conversation:${keyPart(conversationId)}`;
const idOf = (conversationId: string, activityId: string) =>
  `activity:${keyPart(conversationId)}:${keyPart(activityId)}`;
const docOf = (claim: ActivityClaim) =>
  writeRecord('activity-claim', {
    ...claim,
    pk: pkOf(claim.conversationId),
    id: idOf(claim.conversationId, claim.activityId),
  });

/**
 * One document per handled activity, created only if absent (the driver's create is atomic on
 * (pk, id) in SQLite and in Cosmos DB: 409 for the second writer) and then changed only by
 * compare-and-swap on its etag. Partition: the conversation, so claims spread over partitions and a
 * conversation's claims can be swept together.
 */
export class DocumentActivityClaimRepository implements ActivityClaimRepository {
  constructor(private readonly driver: DocumentDriver) {}

  async claim(claim: ActivityClaim): Promise<{ etag: string } | 'already-claimed'> {
    const outcome = await this.driver.create(docOf(claim));
    return outcome === 'exists' ? 'already-claimed' : { etag: outcome.etag };
  }

  async get(conversationId: string, activityId: string): Promise<Versioned<ActivityClaim> | undefined> {
    const found = await this.driver.read(pkOf(conversationId), idOf(conversationId, activityId));
    return found ? { value: withoutEnvelope(readRecord('activity-claim', found.doc)), etag: found.etag } : undefined;
  }

  async replace(claim: ActivityClaim, etag: string): Promise<{ etag: string } | 'conflict'> {
    const outcome = await this.driver.replace(docOf(claim), etag);
    return typeof outcome === 'string' ? 'conflict' : { etag: outcome.etag };
  }

  async release(conversationId: string, activityId: string, etag?: string): Promise<void> {
    await this.driver.delete(pkOf(conversationId), idOf(conversationId, activityId), etag);
  }
}
