import type { SessionRunRepository, Versioned } from '../../application/ports';
import type { Result } from '../../domain/result';
import type { SavedSessionRun } from '../../domain/session-run';
import type { DocumentDriver, ReadDocument } from '../document-driver';
import { readRecord, withoutEnvelope, writeRecord } from '../stored-records';
import { written } from './outcomes';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const docId = (sessionId: string) => `session-run:${sessionId}`;

/** Saved runs live in their community's partition: id `session-run:<sessionId>`, one document per session. */
export class DocumentSessionRunRepository implements SessionRunRepository {
  constructor(private readonly driver: DocumentDriver) {}

  private toValue(found: ReadDocument): Versioned<SavedSessionRun> {
    const stored = readRecord('session-run', found.doc);
    return { value: withoutEnvelope(stored) as SavedSessionRun, etag: found.etag };
  }

  async get(communityId: string, sessionId: string): Promise<Versioned<SavedSessionRun> | undefined> {
    const found = await this.driver.read(communityId, docId(sessionId));
    return found ? this.toValue(found) : undefined;
  }

  async latestForMeeting(communityId: string, meetingId: string): Promise<Versioned<SavedSessionRun> | undefined> {
    // A meeting runs a handful of sessions at most: sorted here (newest save first, ties by session id).
    const rows = (await this.driver.query({ type: 'session-run', pk: communityId, where: { meetingId } })).map((r) =>
      this.toValue(r),
    );
    rows.sort((a, b) => byText(b.value.savedAt, a.value.savedAt) || byText(b.value.sessionId, a.value.sessionId));
    return rows[0];
  }

  async put(run: SavedSessionRun, etag: string | undefined): Promise<Result<Versioned<SavedSessionRun>>> {
    const doc = writeRecord('session-run', {
      ...structuredClone(run),
      pk: run.communityId,
      id: docId(run.sessionId),
    } as never);
    const outcome = etag === undefined ? await this.driver.create(doc) : await this.driver.replace(doc, etag);
    return written(outcome, run, 'The saved run of this session');
  }
}
