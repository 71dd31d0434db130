import type { CommunityRepository, Versioned } from '../../application/ports';
import type { Community } from '../../domain/community';
import type { Result } from '../../domain/result';
import type { DocumentDriver } from '../document-driver';
import { readRecord, withoutEnvelope, writeRecord } from '../stored-records';
import { written } from './outcomes';

/** A community is the root of its own partition: pk = id = community id. */
export class DocumentCommunityRepository implements CommunityRepository {
  constructor(private readonly driver: DocumentDriver) {}

  private toDoc(c: Community) {
    return writeRecord('community', { ...c, pk: c.id });
  }

  async create(community: Community): Promise<Result<Versioned<Community>>> {
    return written(await this.driver.create(this.toDoc(community)), community, `Community '${community.name}'`);
  }

  async get(tenantId: string, communityId: string): Promise<Versioned<Community> | undefined> {
    const found = await this.driver.read(communityId, communityId);
    if (!found) return undefined;
    const stored = readRecord('community', found.doc);
    if (stored.tenantId !== tenantId) return undefined;
    return { value: { id: stored.id, ...withoutEnvelope(stored) }, etag: found.etag };
  }

  async update(community: Community, etag: string): Promise<Result<Versioned<Community>>> {
    return written(await this.driver.replace(this.toDoc(community), etag), community, `Community '${community.name}'`);
  }
}
