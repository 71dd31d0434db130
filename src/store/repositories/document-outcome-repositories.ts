/**
 * What sessions leave behind, in the community's partition. Ids: `notes:<sessionId>` (one notes
 * document per session), `annotation:<id>`, `takeaway:<id>`, `action:<id>`, `feedback:<sessionId>`,
 * and `rotation` (one per community).
 */
import { createHash } from 'node:crypto';
import type {
  ActionRepository,
  AnnotationRepository,
  FeedbackRepository,
  RotationRepository,
  SessionNotesRepository,
  TakeawayRepository,
  Versioned,
} from '../../application/ports';
import type { FacilitatorRotation } from '../../domain/facilitator-rotation';
import type { ActionItem, Annotation, FeedbackTally, SessionNotes, Takeaway } from '../../domain/outcomes';
import type { Result } from '../../domain/result';
import type { DocumentDriver, ReadDocument } from '../document-driver';
import { readRecord, withoutEnvelope, writeRecord } from '../stored-records';
import { written } from './outcomes';

const after = (prefix: string, id: string) => id.slice(prefix.length);
/** Oldest first, ties by id: Cosmos DB does not break ties of ORDER BY, so both drivers sort the same way here. */
const byCreation = <T extends { createdAt: string; id: string }>(a: T, b: T) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

export class DocumentSessionNotesRepository implements SessionNotesRepository {
  constructor(private readonly driver: DocumentDriver) {}

  async get(communityId: string, sessionId: string): Promise<Versioned<SessionNotes> | undefined> {
    const found = await this.driver.read(communityId, `notes:${sessionId}`);
    return found ? { value: withoutEnvelope(readRecord('session-notes', found.doc)), etag: found.etag } : undefined;
  }

  async listByCommunity(communityId: string): Promise<SessionNotes[]> {
    const rows = await this.driver.query({ type: 'session-notes', pk: communityId });
    return rows.map((r) => withoutEnvelope(readRecord('session-notes', r.doc)));
  }

  async put(notes: SessionNotes, etag: string | undefined): Promise<Result<Versioned<SessionNotes>>> {
    const doc = writeRecord('session-notes', { ...notes, pk: notes.communityId, id: `notes:${notes.sessionId}` });
    return written(
      etag === undefined ? await this.driver.create(doc) : await this.driver.replace(doc, etag),
      notes,
      'The notes of this session',
    );
  }
}

export class DocumentAnnotationRepository implements AnnotationRepository {
  constructor(private readonly driver: DocumentDriver) {}

  async listBySession(communityId: string, sessionId: string): Promise<Annotation[]> {
    const rows = await this.driver.query({
      type: 'annotation',
      pk: communityId,
      where: { sessionId },
      orderBy: { field: 'createdAt', direction: 'asc' },
    });
    return rows
      .map((r) => {
        const stored = readRecord('annotation', r.doc);
        return { ...withoutEnvelope(stored), id: after('annotation:', stored.id) };
      })
      .sort(byCreation);
  }

  async create(a: Annotation): Promise<Result<Versioned<Annotation>>> {
    const doc = writeRecord('annotation', {
      ...a,
      anchor: { ...a.anchor },
      pk: a.communityId,
      id: `annotation:${a.id}`,
    });
    return written(await this.driver.create(doc), a, 'The annotation');
  }
}

export class DocumentTakeawayRepository implements TakeawayRepository {
  constructor(private readonly driver: DocumentDriver) {}

  private toValue(found: ReadDocument): Versioned<Takeaway> {
    const stored = readRecord('takeaway', found.doc);
    return { value: { ...withoutEnvelope(stored), id: after('takeaway:', stored.id) }, etag: found.etag };
  }

  async get(communityId: string, takeawayId: string): Promise<Versioned<Takeaway> | undefined> {
    const found = await this.driver.read(communityId, `takeaway:${takeawayId}`);
    return found ? this.toValue(found) : undefined;
  }

  async listBySession(communityId: string, sessionId: string): Promise<Takeaway[]> {
    const rows = await this.driver.query({
      type: 'takeaway',
      pk: communityId,
      where: { sessionId },
      orderBy: { field: 'createdAt', direction: 'asc' },
    });
    return rows.map((r) => this.toValue(r).value).sort(byCreation);
  }

  async listByCommunity(communityId: string): Promise<Takeaway[]> {
    const rows = await this.driver.query({
      type: 'takeaway',
      pk: communityId,
      orderBy: { field: 'createdAt', direction: 'asc' },
    });
    return rows.map((r) => this.toValue(r).value).sort(byCreation);
  }

  async create(t: Takeaway): Promise<Result<Versioned<Takeaway>>> {
    return written(
      await this.driver.create(writeRecord('takeaway', { ...t, pk: t.communityId, id: `takeaway:${t.id}` })),
      t,
      'The takeaway',
    );
  }
}

export class DocumentActionRepository implements ActionRepository {
  constructor(private readonly driver: DocumentDriver) {}

  private toDoc(a: ActionItem) {
    return writeRecord('action', { ...a, pk: a.communityId, id: `action:${a.id}` });
  }

  private toValue(found: ReadDocument): Versioned<ActionItem> {
    const stored = readRecord('action', found.doc);
    return { value: { ...withoutEnvelope(stored), id: after('action:', stored.id) }, etag: found.etag };
  }

  async get(communityId: string, actionId: string): Promise<Versioned<ActionItem> | undefined> {
    const found = await this.driver.read(communityId, `action:${actionId}`);
    return found ? this.toValue(found) : undefined;
  }

  async listBySession(communityId: string, sessionId: string): Promise<ActionItem[]> {
    const rows = await this.driver.query({
      type: 'action',
      pk: communityId,
      where: { sessionId },
      orderBy: { field: 'createdAt', direction: 'asc' },
    });
    return rows.map((r) => this.toValue(r).value).sort(byCreation);
  }

  async listByCommunity(communityId: string): Promise<ActionItem[]> {
    const rows = await this.driver.query({
      type: 'action',
      pk: communityId,
      orderBy: { field: 'dueDate', direction: 'asc' },
    });
    return rows
      .map((r) => this.toValue(r).value)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || byCreation(a, b));
  }

  async create(a: ActionItem): Promise<Result<Versioned<ActionItem>>> {
    return written(await this.driver.create(this.toDoc(a)), a, 'The action');
  }

  async update(a: ActionItem, etag: string): Promise<Result<Versioned<ActionItem>>> {
    return written(await this.driver.replace(this.toDoc(a), etag), a, 'The action');
  }
}

/** See docs/adr/0009-anonymous-feedback-tally.md: values and markers are stored apart and sorted. */
export class DocumentFeedbackRepository implements FeedbackRepository {
  constructor(private readonly driver: DocumentDriver) {}

  markerFor(communityId: string, sessionId: string, userId: string): string {
    return createHash('sha256')
      .update(`guildhall-feedback\u0000${communityId}\u0000${sessionId}\u0000${userId}`)
      .digest('hex');
  }

  async get(communityId: string, sessionId: string): Promise<Versioned<FeedbackTally> | undefined> {
    const found = await this.driver.read(communityId, `feedback:${sessionId}`);
    return found ? { value: withoutEnvelope(readRecord('feedback', found.doc)), etag: found.etag } : undefined;
  }

  async put(tally: FeedbackTally, etag: string | undefined): Promise<Result<Versioned<FeedbackTally>>> {
    const doc = writeRecord('feedback', {
      communityId: tally.communityId,
      sessionId: tally.sessionId,
      values: [...tally.values].sort((a, b) => a - b),
      markers: [...tally.markers].sort(),
      pk: tally.communityId,
      id: `feedback:${tally.sessionId}`,
    });
    return written(
      etag === undefined ? await this.driver.create(doc) : await this.driver.replace(doc, etag),
      tally,
      'The feedback of this session',
    );
  }
}

export class DocumentRotationRepository implements RotationRepository {
  constructor(private readonly driver: DocumentDriver) {}

  async get(communityId: string): Promise<Versioned<FacilitatorRotation> | undefined> {
    const found = await this.driver.read(communityId, 'rotation');
    return found ? { value: withoutEnvelope(readRecord('rotation', found.doc)), etag: found.etag } : undefined;
  }

  async put(r: FacilitatorRotation, etag: string | undefined): Promise<Result<Versioned<FacilitatorRotation>>> {
    const doc = writeRecord('rotation', {
      ...r,
      volunteers: [...r.volunteers],
      skips: r.skips.map((s) => ({ ...s })),
      swaps: r.swaps.map((s) => ({ ...s })),
      pk: r.communityId,
      id: 'rotation',
    });
    return written(
      etag === undefined ? await this.driver.create(doc) : await this.driver.replace(doc, etag),
      r,
      'The facilitator rotation',
    );
  }
}
