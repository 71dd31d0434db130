/**
 * The embedded store: one SQLite file in WAL mode (crash-safe, synchronous=FULL), one table of JSON
 * documents keyed by (pk, id), an ETag per document. Every value is a bound parameter.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DocumentDriver, DocumentQuery, ReadDocument, StoredDocument } from '../document-driver';
import { assertField } from '../query-fields';

interface Row {
  body: string;
  etag: string;
}

export class SqliteDocumentDriver implements DocumentDriver {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS documents (
        pk   TEXT NOT NULL,
        id   TEXT NOT NULL,
        type TEXT NOT NULL,
        etag TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (pk, id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS documents_by_type ON documents (type, pk);
    `);
  }

  async read(pk: string, id: string): Promise<ReadDocument | undefined> {
    const row = this.db.prepare('SELECT body, etag FROM documents WHERE pk = ? AND id = ?').get(pk, id) as
      | Row
      | undefined;
    return row ? { doc: JSON.parse(row.body) as StoredDocument, etag: row.etag } : undefined;
  }

  async create(doc: StoredDocument): Promise<{ etag: string } | 'exists'> {
    const etag = randomUUID();
    const info = this.db
      .prepare(
        'INSERT INTO documents (pk, id, type, etag, body) VALUES (?, ?, ?, ?, ?) ON CONFLICT (pk, id) DO NOTHING',
      )
      .run(doc.pk, doc.id, doc.type, etag, JSON.stringify(doc));
    return info.changes === 1 ? { etag } : 'exists';
  }

  async replace(doc: StoredDocument, ifMatch: string): Promise<{ etag: string } | 'conflict' | 'missing'> {
    const etag = randomUUID();
    const run = this.db.transaction(() => {
      const info = this.db
        .prepare('UPDATE documents SET etag = ?, type = ?, body = ? WHERE pk = ? AND id = ? AND etag = ?')
        .run(etag, doc.type, JSON.stringify(doc), doc.pk, doc.id, ifMatch);
      if (info.changes === 1) return { etag };
      const exists = this.db.prepare('SELECT 1 FROM documents WHERE pk = ? AND id = ?').get(doc.pk, doc.id);
      return exists ? ('conflict' as const) : ('missing' as const);
    });
    return run();
  }

  async delete(pk: string, id: string, ifMatch?: string): Promise<'deleted' | 'conflict' | 'missing'> {
    const run = this.db.transaction(() => {
      const info =
        ifMatch === undefined
          ? this.db.prepare('DELETE FROM documents WHERE pk = ? AND id = ?').run(pk, id)
          : this.db.prepare('DELETE FROM documents WHERE pk = ? AND id = ? AND etag = ?').run(pk, id, ifMatch);
      if (info.changes === 1) return 'deleted' as const;
      const exists = this.db.prepare('SELECT 1 FROM documents WHERE pk = ? AND id = ?').get(pk, id);
      return exists ? ('conflict' as const) : ('missing' as const);
    });
    return run();
  }

  async query(q: DocumentQuery): Promise<ReadDocument[]> {
    const clauses = ['type = ?'];
    const params: (string | number)[] = [q.type];
    if (q.pk !== undefined) {
      clauses.push('pk = ?');
      params.push(q.pk);
    }
    for (const [field, value] of Object.entries(q.where ?? {})) {
      clauses.push(`json_extract(body, '$.${assertField(field)}') = ?`);
      params.push(typeof value === 'boolean' ? (value ? 1 : 0) : value);
    }
    let sql = `SELECT body, etag FROM documents WHERE ${clauses.join(' AND ')}`;
    if (q.orderBy)
      sql += ` ORDER BY json_extract(body, '$.${assertField(q.orderBy.field)}') ${q.orderBy.direction === 'desc' ? 'DESC' : 'ASC'}, id`;
    if (q.limit !== undefined) {
      sql += ' LIMIT ?';
      params.push(Math.max(0, Math.floor(q.limit)));
    }
    const rows = this.db.prepare(sql).all(...params) as Row[];
    return rows.map((r) => ({ doc: JSON.parse(r.body) as StoredDocument, etag: r.etag }));
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
