/**
 * Invitations and attendance, in the community's partition: `rsvp:<sessionId>:<userId>` (one per
 * person per session) and `notify:<key>` (one claim per notification, ADR 0013).
 */
import type {
  NotificationClaim,
  NotificationClaimRepository,
  RsvpRepository,
  Versioned,
} from '../../application/ports';
import type { Rsvp } from '../../domain/attendance';
import type { Result } from '../../domain/result';
import type { DocumentDriver, ReadDocument } from '../document-driver';
import { readRecord, withoutEnvelope, writeRecord } from '../stored-records';
import { keyPart } from './document-key';
import { written } from './outcomes';

const rsvpId = (sessionId: string, userId: string) => `rsvp:${keyPart(sessionId)}:${keyPart(userId)}`;

export class DocumentRsvpRepository implements RsvpRepository {
  constructor(private readonly driver: DocumentDriver) {}

  private toValue(found: ReadDocument): Versioned<Rsvp> {
    return { value: withoutEnvelope(readRecord('rsvp', found.doc)) as Rsvp, etag: found.etag };
  }

  async get(communityId: string, sessionId: string, userId: string): Promise<Versioned<Rsvp> | undefined> {
    const found = await this.driver.read(communityId, rsvpId(sessionId, userId));
    return found ? this.toValue(found) : undefined;
  }

  async listBySession(communityId: string, sessionId: string): Promise<Rsvp[]> {
    const rows = await this.driver.query({ type: 'rsvp', pk: communityId, where: { sessionId } });
    return rows.map((r) => this.toValue(r).value).sort((a, b) => a.userId.localeCompare(b.userId));
  }

  async listByCommunity(communityId: string): Promise<Rsvp[]> {
    const rows = await this.driver.query({ type: 'rsvp', pk: communityId });
    return rows
      .map((r) => this.toValue(r).value)
      .sort((a, b) => a.sessionId.localeCompare(b.sessionId) || a.userId.localeCompare(b.userId));
  }

  async put(rsvp: Rsvp, etag: string | undefined): Promise<Result<Versioned<Rsvp>>> {
    const doc = writeRecord('rsvp', { ...rsvp, pk: rsvp.communityId, id: rsvpId(rsvp.sessionId, rsvp.userId) });
    return written(
      etag === undefined ? await this.driver.create(doc) : await this.driver.replace(doc, etag),
      rsvp,
      'Your answer',
    );
  }
}

const claimId = (key: string) => `notify:${keyPart(key)}`;
const claimDoc = (claim: NotificationClaim) =>
  writeRecord('notification-claim', {
    ...claim,
    retries: [...(claim.retries ?? [])],
    gaveUp: [...(claim.gaveUp ?? [])],
    leaseUntil: claim.leaseUntil ?? null,
    pk: claim.communityId,
    id: claimId(claim.key),
  });

export class DocumentNotificationClaimRepository implements NotificationClaimRepository {
  constructor(private readonly driver: DocumentDriver) {}

  async claim(claim: NotificationClaim): Promise<'claimed' | 'already-claimed'> {
    const outcome = await this.driver.create(claimDoc(claim));
    return outcome === 'exists' ? 'already-claimed' : 'claimed';
  }

  async get(communityId: string, key: string): Promise<NotificationClaim | undefined> {
    return (await this.getVersioned(communityId, key))?.value;
  }

  async getVersioned(communityId: string, key: string): Promise<Versioned<NotificationClaim> | undefined> {
    const found = await this.driver.read(communityId, claimId(key));
    return found
      ? { value: withoutEnvelope(readRecord('notification-claim', found.doc)), etag: found.etag }
      : undefined;
  }

  async replace(claim: NotificationClaim, etag: string): Promise<{ etag: string } | 'conflict'> {
    const outcome = await this.driver.replace(claimDoc(claim), etag);
    return typeof outcome === 'string' ? 'conflict' : { etag: outcome.etag };
  }
}
