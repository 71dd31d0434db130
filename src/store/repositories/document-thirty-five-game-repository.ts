import type {
  StoredSplitChoice,
  ThirtyFiveChoiceRepository,
  ThirtyFiveGameRepository,
  Versioned,
} from '../../application/ports';
import { fail, type Result } from '../../domain/result';
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
    const rows = (await this.driver.query({ type: 'thirty-five-game', pk: communityId, where: { meetingId } })).map(
      (r) => this.toValue(r),
    );
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

const choiceId = (gameId: string, round: number, userId: string) => `thirty-five-choice:${gameId}:${round}:${userId}`;

/**
 * Splits: id `thirty-five-choice:<gameId>:<round>:<userId>` in the community's partition. A person
 * writes only their own document, so 30 people choosing at once never contend; re-choosing replaces
 * the document with its ETag (a double click races only with itself and is retried).
 */
export class DocumentThirtyFiveChoiceRepository implements ThirtyFiveChoiceRepository {
  constructor(private readonly driver: DocumentDriver) {}

  private toDoc(c: StoredSplitChoice) {
    const fields = {
      pk: c.communityId,
      id: choiceId(c.gameId, c.round, c.userId),
      communityId: c.communityId,
      gameId: c.gameId,
      round: c.round,
      userId: c.userId,
      points: [c.points[0], c.points[1]] as [number, number],
      at: c.at,
    };
    return writeRecord('thirty-five-choice', fields);
  }

  private toValue(found: ReadDocument): StoredSplitChoice {
    const { communityId, gameId, round, userId, points, at } = readRecord('thirty-five-choice', found.doc);
    return { communityId, gameId, round, userId, points, at };
  }

  async put(choice: StoredSplitChoice): Promise<Result<Versioned<StoredSplitChoice>>> {
    const doc = this.toDoc(choice);
    for (let attempt = 0; attempt < 5; attempt++) {
      const created = await this.driver.create(doc);
      if (created !== 'exists') return written(created, choice, 'This split');
      const found = await this.driver.read(doc.pk, doc.id);
      if (!found) continue; // deleted meanwhile: create again
      const replaced = await this.driver.replace(doc, found.etag);
      if (replaced === 'conflict' || replaced === 'missing') continue; // the same person twice at once: last one wins
      return written(replaced, choice, 'This split');
    }
    return fail('CONFLICT', 'Your split is being saved twice at once; try again.');
  }

  async listForRound(communityId: string, gameId: string, round: number): Promise<StoredSplitChoice[]> {
    const rows = await this.driver.query({ type: 'thirty-five-choice', pk: communityId, where: { gameId, round } });
    return rows.map((r) => this.toValue(r)).sort((a, b) => byText(a.userId, b.userId));
  }
}
