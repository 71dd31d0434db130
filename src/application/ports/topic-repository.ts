import type { Topic } from '../../domain/backlog';
import type { Result } from '../../domain/result';
import type { Versioned } from './versioned';

/** The backlog's topics, in their community's partition. */
export interface TopicRepository {
  get(communityId: string, topicId: string): Promise<Versioned<Topic> | undefined>;
  listByCommunity(communityId: string): Promise<Versioned<Topic>[]>;
  /** CONFLICT when the id exists (so a retried proposal with the same id is not stored twice). */
  create(topic: Topic): Promise<Result<Versioned<Topic>>>;
  /** CONFLICT on a stale etag. */
  update(topic: Topic, etag: string): Promise<Result<Versioned<Topic>>>;
}
