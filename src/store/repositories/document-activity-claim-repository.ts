import type { ActivityClaim, ActivityClaimRepository } from '../../application/ports';
import type { DocumentDriver } from '../document-driver';
import { writeRecord } from '../stored-records';
import { keyPart } from './document-key';

const pkOf = (conversationId: string) => `conversation:${keyPart(conversationId)}`;
const idOf = (conversationId: string, activityId: string) => `activity:${keyPart(conversationId)}:${keyPart(activityId)}`;

/**
 * One document per handled activity, created only if absent (the driver's create is atomic on
 * (pk, id) in SQLite and in Cosmos DB: 409 for the second writer). Partition: the conversation,
 * so claims spread over partitions and a conversation's claims can be swept together.
 */
export class DocumentActivityClaimRepository implements ActivityClaimRepository {
  constructor(private readonly driver: DocumentDriver) {}

  async claim(claim: ActivityClaim): Promise<'claimed' | 'already-claimed'> {
    const doc = writeRecord('activity-claim', { ...claim, pk: pkOf(claim.conversationId), id: idOf(claim.conversationId, claim.activityId) });
    const outcome = await this.driver.create(doc);
    return outcome === 'exists' ? 'already-claimed' : 'claimed';
  }

  async release(conversationId: string, activityId: string): Promise<void> {
    await this.driver.delete(pkOf(conversationId), idOf(conversationId, activityId));
  }
}
