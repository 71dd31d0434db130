import type { Topic } from '../domain/backlog';
import { ok, type Result } from '../domain/result';
import type { AppDeps } from './deps';
import { retryWhileStale, STALE, type VersionedSlot } from './update-versioned';

/**
 * Applies a pure backlog operation to a community's topics: reads them all (one query), computes the
 * topics that change, writes each with the etag it was read with (a topic the operation adds is
 * created). When someone else wrote a topic meanwhile, the whole operation is recomputed on fresh
 * topics (retryWhileStale), so ranks stay contiguous and no concurrent change is overwritten.
 * Round trips: (1 query + k writes) per attempt.
 *
 * Several topics are several documents: a crash between two writes can leave the order half-applied;
 * the next backlog operation renumbers the ranks (withContiguousRanks), and the operation can be repeated.
 */
export async function applyToTopics(
  deps: AppDeps,
  communityId: string,
  operation: (topics: readonly Topic[]) => Result<Topic[]>,
): Promise<Result<Topic[]>> {
  return retryWhileStale(async () => {
    const read = await deps.store.topics.listByCommunity(communityId);
    const etags = new Map(read.map((t) => [t.value.id, t.etag]));
    const changes = operation(read.map((t) => t.value));
    if (!changes.ok) return changes;
    for (const topic of changes.value) {
      const etag = etags.get(topic.id);
      const written =
        etag === undefined ? await deps.store.topics.create(topic) : await deps.store.topics.update(topic, etag);
      if (written.ok) continue;
      return written.error.code === 'CONFLICT' ? STALE : written;
    }
    return ok(changes.value);
  }, 'The backlog is being changed by several people right now; try again.');
}

/** One topic as a compare-and-swap slot for updateVersioned (no etag: it is created). */
export const topicSlot = (deps: AppDeps, communityId: string, topicId: string): VersionedSlot<Topic> => ({
  read: () => deps.store.topics.get(communityId, topicId),
  write: (topic, ifMatch) =>
    ifMatch === undefined ? deps.store.topics.create(topic) : deps.store.topics.update(topic, ifMatch),
});
