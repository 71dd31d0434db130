import type { ConversationRef, ConversationRefRepository, Versioned } from '../../application/ports';
import { retryWhileStale, STALE } from '../../application/update-versioned';
import type { Result } from '../../domain/result';
import type { DocumentDriver, ReadDocument, Scalar } from '../document-driver';
import { readRecord, withoutEnvelope, writeRecord } from '../stored-records';
import { keyPart } from './document-key';
import { written } from './outcomes';

const pkOf = (tenantId: string) => `tenant:${tenantId}`;
const idOf = (conversationId: string) => `conversation-ref:${keyPart(conversationId)}`;

/**
 * Conversation references are tenant-level (a team or chat is not inside one community):
 * partition `tenant:<tenantId>`, id `conversation-ref:<conversationId>`. A tenant has one per
 * team, group chat and personal chat the app is installed in.
 */
export class DocumentConversationRefRepository implements ConversationRefRepository {
  constructor(private readonly driver: DocumentDriver) {}

  private toValue(found: ReadDocument): Versioned<ConversationRef> {
    return { value: withoutEnvelope(readRecord('conversation-ref', found.doc)), etag: found.etag };
  }

  async get(tenantId: string, conversationId: string): Promise<Versioned<ConversationRef> | undefined> {
    const found = await this.driver.read(pkOf(tenantId), idOf(conversationId));
    return found ? this.toValue(found) : undefined;
  }

  async put(ref: ConversationRef): Promise<Result<Versioned<ConversationRef>>> {
    const doc = writeRecord('conversation-ref', { ...ref, pk: pkOf(ref.tenantId), id: idOf(ref.conversationId) });
    // Create or replace: a concurrent writer (installationUpdate and conversationUpdate arrive together)
    // makes one attempt fail; the next one sees the fresh document. Same reference either way.
    return retryWhileStale(async () => {
      const current = await this.driver.read(doc.pk, doc.id);
      const outcome = current ? await this.driver.replace(doc, current.etag) : await this.driver.create(doc);
      if (outcome === 'exists' || outcome === 'conflict' || outcome === 'missing') return STALE;
      return written(outcome, ref, 'The conversation reference');
    }, 'The conversation reference kept changing while it was saved; try again.');
  }

  async delete(tenantId: string, conversationId: string): Promise<boolean> {
    return (await this.driver.delete(pkOf(tenantId), idOf(conversationId))) === 'deleted';
  }

  async list(
    tenantId: string,
    filter: { conversationType?: ConversationRef['conversationType']; communityId?: string } = {},
  ): Promise<ConversationRef[]> {
    const where: Record<string, Scalar> = {};
    if (filter.conversationType) where.conversationType = filter.conversationType;
    if (filter.communityId) where.communityId = filter.communityId;
    const rows = await this.driver.query({
      type: 'conversation-ref',
      pk: pkOf(tenantId),
      where,
      orderBy: { field: 'savedAt', direction: 'desc' },
    });
    return rows.map((r) => this.toValue(r).value);
  }
}
