import type { ThirtyFiveGameRepository, Versioned } from '../../application/ports';
import type { Result } from '../../domain/result';
import type { ThirtyFiveGameRecord } from '../../domain/thirty-five';
import type { DocumentDriver, ReadDocument } from '../document-driver';
import { readRecord, withoutEnvelope, writeRecord } from '../stored-records';
import { written } from './outcomes';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const docId = (gameId: string) => `thirty-five:${gameId}`;

/** Games live in their community's partition: id `thirty-five:<gameId>`, one document per game. */
export class DocumentThirtyFiveGameRepository implements ThirtyFiveGameRepository {
  constructor(private readonly driver: DocumentDriver) {}

  private toDoc(g: ThirtyFiveGameRecord) {
    return writeRecord('thirty-five-game', { ...structuredClone(g), pk: g.communityId, id: docId(g.gameId) } as never);
  }

  private toValue(found: ReadDocument): Versioned<ThirtyFiveGameRecord> {
    const stored = readRecord('thirty-five-game', found.doc);
    return { value: withoutEnvelope(stored) as ThirtyFiveGameRecord, etag: found.etag };
  }

  async get(communityId: string, gameId: string): Promise<Versioned<ThirtyFiveGameRecord> | undefined> {
    const found = await this.driver.read(communityId, docId(gameId));
    return found ? this.toValue(found) : undefined;
  }

  async latestForMeeting(communityId: string, meetingId: string): Promise<Versioned<ThirtyFiveGameRecord> | undefined> {
    // A meeting has a handful of games at most: sorted here, newest start first (ties by id), the same on both drivers.
    const rows = (await this.driver.query({ type: 'thirty-five-game', pk: communityId, where: { meetingId } })).map((r) => this.toValue(r));
    rows.sort((a, b) => byText(b.value.startedAt, a.value.startedAt) || byText(b.value.gameId, a.value.gameId));
    return rows[0];
  }

  async create(game: ThirtyFiveGameRecord): Promise<Result<Versioned<ThirtyFiveGameRecord>>> {
    return written(await this.driver.create(this.toDoc(game)), game, 'This Thirty Five game');
  }

  async update(game: ThirtyFiveGameRecord, etag: string): Promise<Result<Versioned<ThirtyFiveGameRecord>>> {
    return written(await this.driver.replace(this.toDoc(game), etag), game, 'This Thirty Five game');
  }
}
