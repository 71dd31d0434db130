import type { Topic } from '../domain/backlog';
import { fail, ok, type Result } from '../domain/result';
import type { AppDeps } from './deps';

const MAX_ATTEMPTS = 10;

/**
 * Applies a pure backlog operation to a community's topics: reads them all (one query), computes the
 * topics that change, writes each with the etag it was read with. When someone else wrote a topic
 * meanwhile, the whole operation is recomputed on fresh topics, so ranks stay contiguous and no
 * concurrent change is overwritten. Round trips: (1 query + k replaces) per attempt.
 *
 * Several topics are several documents: a crash between two writes can leave the order half-applied;
 * the next backlog operation renumbers the ranks (withContiguousRanks), and the operation can be repeated.
 */
export async function applyToTopics(
  deps: AppDeps,
  communityId: string,
  operation: (topics: readonly Topic[]) => Result<Topic[]>,
): Promise<Result<Topic[]>> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const read = await deps.store.topics.listByCommunity(communityId);
    const etags = new Map(read.map((t) => [t.value.id, t.etag]));
    const changes = operation(read.map((t) => t.value));
    if (!changes.ok) return changes;
    let conflicted = false;
    for (const topic of changes.value) {
      const written = await deps.store.topics.update(topic, etags.get(topic.id)!);
      if (written.ok) continue;
      if (written.error.code !== 'CONFLICT') return written;
      conflicted = true;
      break;
    }
    if (!conflicted) return ok(changes.value);
  }
  return fail('CONFLICT', 'The backlog is being changed by several people right now; try again.');
}
