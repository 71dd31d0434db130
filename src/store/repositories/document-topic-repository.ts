import type { TopicRepository, Versioned } from '../../application/ports';
import type { Topic } from '../../domain/backlog';
import type { Result } from '../../domain/result';
import type { DocumentDriver, ReadDocument } from '../document-driver';
import { readRecord, withoutEnvelope, writeRecord } from '../stored-records';
import { written } from './outcomes';

const docId = (topicId: string) => `topic:${topicId}`;

/** Topics live in their community's partition: id `topic:<topicId>`. */
export class DocumentTopicRepository implements TopicRepository {
  constructor(private readonly driver: DocumentDriver) {}

  private toDoc(t: Topic) {
    return writeRecord('topic', {
      ...t,
      supporters: [...t.supporters],
      sessionIds: [...t.sessionIds],
      mergedInto: t.mergedInto ?? null,
      pk: t.communityId,
      id: docId(t.id),
    });
  }

  private toValue(found: ReadDocument): Versioned<Topic> {
    const { mergedInto, ...stored } = readRecord('topic', found.doc);
    // `mergedInto` is absent on a topic that was never merged, as in the domain type.
    const value: Topic = {
      ...withoutEnvelope(stored),
      id: stored.id.slice('topic:'.length),
      ...(mergedInto ? { mergedInto } : {}),
    };
    return { value, etag: found.etag };
  }

  async get(communityId: string, topicId: string): Promise<Versioned<Topic> | undefined> {
    const found = await this.driver.read(communityId, docId(topicId));
    return found ? this.toValue(found) : undefined;
  }

  async listByCommunity(communityId: string): Promise<Versioned<Topic>[]> {
    const rows = await this.driver.query({
      type: 'topic',
      pk: communityId,
      orderBy: { field: 'proposedAt', direction: 'asc' },
    });
    return rows.map((r) => this.toValue(r));
  }

  async create(topic: Topic): Promise<Result<Versioned<Topic>>> {
    return written(await this.driver.create(this.toDoc(topic)), topic, `Topic '${topic.title}'`);
  }

  async update(topic: Topic, etag: string): Promise<Result<Versioned<Topic>>> {
    return written(await this.driver.replace(this.toDoc(topic), etag), topic, `Topic '${topic.title}'`);
  }
}
