import type { SessionRepository, Versioned } from '../../application/ports';
import type { Result } from '../../domain/result';
import type { Session } from '../../domain/session';
import type { DocumentDriver, ReadDocument } from '../document-driver';
import { readRecord, withoutEnvelope, writeRecord } from '../stored-records';
import { written } from './outcomes';

const docId = (sessionId: string) => `session:${sessionId}`;

/** Sessions live in their community's partition: id `session:<sessionId>`. */
export class DocumentSessionRepository implements SessionRepository {
  constructor(private readonly driver: DocumentDriver) {}

  private toDoc(session: Session) {
    const { breakouts, ...s } = session;
    return writeRecord('session', {
      ...s,
      topicIds: [...s.topicIds],
      agenda: s.agenda.map((i) => ({ ...i })),
      attendees: [...s.attendees],
      ...(breakouts
        ? {
            breakouts: breakouts.map((b) => ({ ...b, members: [...b.members], notes: b.notes.map((n) => ({ ...n })) })),
          }
        : {}),
      pk: s.communityId,
      id: docId(s.id),
    });
  }

  private toValue(found: ReadDocument): Versioned<Session> {
    const stored = readRecord('session', found.doc);
    return { value: { ...withoutEnvelope(stored), id: stored.id.slice('session:'.length) }, etag: found.etag };
  }

  async get(communityId: string, sessionId: string): Promise<Versioned<Session> | undefined> {
    const found = await this.driver.read(communityId, docId(sessionId));
    return found ? this.toValue(found) : undefined;
  }

  async listByCommunity(communityId: string): Promise<Versioned<Session>[]> {
    const rows = await this.driver.query({
      type: 'session',
      pk: communityId,
      orderBy: { field: 'startsAt', direction: 'desc' },
    });
    return rows.map((r) => this.toValue(r));
  }

  async listScheduled(): Promise<Session[]> {
    // Cross-partition, equality only (both drivers); the caller filters by time.
    const rows = await this.driver.query({ type: 'session', where: { state: 'scheduled' } });
    return rows
      .map((r) => this.toValue(r).value)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  }

  async create(session: Session): Promise<Result<Versioned<Session>>> {
    return written(await this.driver.create(this.toDoc(session)), session, 'The session');
  }

  async update(session: Session, etag: string): Promise<Result<Versioned<Session>>> {
    return written(await this.driver.replace(this.toDoc(session), etag), session, 'The session');
  }
}
