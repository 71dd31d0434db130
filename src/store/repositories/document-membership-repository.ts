import type { MembershipRepository, Versioned } from '../../application/ports';
import type { Membership } from '../../domain/community';
import { ok, type Result } from '../../domain/result';
import type { DocumentDriver, ReadDocument } from '../document-driver';
import { readRecord, withoutEnvelope, writeRecord } from '../stored-records';
import { written } from './outcomes';

const idOf = (userId: string) => `member:${userId}`;

/** Memberships live in their community's partition; a person's memberships are a cross-partition query. */
export class DocumentMembershipRepository implements MembershipRepository {
  constructor(private readonly driver: DocumentDriver) {}

  private toDoc(m: Membership) {
    return writeRecord('membership', { ...m, roles: [...m.roles], pk: m.communityId, id: idOf(m.userId) });
  }

  private toValue(found: ReadDocument): Versioned<Membership> {
    return { value: withoutEnvelope(readRecord('membership', found.doc)), etag: found.etag };
  }

  async get(communityId: string, userId: string): Promise<Versioned<Membership> | undefined> {
    const found = await this.driver.read(communityId, idOf(userId));
    return found ? this.toValue(found) : undefined;
  }

  async listByCommunity(communityId: string): Promise<Versioned<Membership>[]> {
    const rows = await this.driver.query({
      type: 'membership',
      pk: communityId,
      orderBy: { field: 'joinedAt', direction: 'asc' },
    });
    return rows.map((r) => this.toValue(r));
  }

  async listByUser(tenantId: string, userId: string): Promise<Membership[]> {
    const rows = await this.driver.query({ type: 'membership', where: { tenantId, userId } });
    return rows.map((r) => this.toValue(r).value);
  }

  async create(membership: Membership): Promise<Result<Versioned<Membership>>> {
    return written(
      await this.driver.create(this.toDoc(membership)),
      membership,
      `The membership of '${membership.displayName}'`,
    );
  }

  async update(membership: Membership, etag: string): Promise<Result<Versioned<Membership>>> {
    return written(
      await this.driver.replace(this.toDoc(membership), etag),
      membership,
      `The membership of '${membership.displayName}'`,
    );
  }

  async delete(communityId: string, userId: string, etag: string): Promise<Result<void>> {
    const outcome = await this.driver.delete(communityId, idOf(userId), etag);
    if (outcome === 'deleted') return ok(undefined);
    const r = written(outcome, undefined, 'The membership');
    return r.ok ? ok(undefined) : r;
  }
}
