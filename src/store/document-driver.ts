/**
 * The one low-level shape both store adapters implement: JSON documents in partitions, with an
 * ETag per document. Repositories are written once over this (see docs/adr/0002-one-document-model.md),
 * so the embedded (SQLite) and Cosmos DB adapters differ only here.
 *
 * Partition key (`pk`): the community id for everything a community owns; `tenant:<tenantId>` for
 * tenant-level lookups (context bindings).
 */
export interface StoredDocument {
  readonly pk: string;
  readonly id: string;
  /** Record kind: 'community', 'membership', 'binding', 'live-container', … */
  readonly type: string;
  readonly schemaVersion: number;
  readonly [field: string]: unknown;
}

export interface ReadDocument {
  readonly doc: StoredDocument;
  readonly etag: string;
}

export type Scalar = string | number | boolean;

export interface DocumentQuery {
  readonly type: string;
  /** Restrict to one partition; omit for a cross-partition query. */
  readonly pk?: string;
  /** Top-level field equality, ANDed. Values are always passed as parameters, never spliced. */
  readonly where?: Readonly<Record<string, Scalar>>;
  readonly orderBy?: { readonly field: string; readonly direction: 'asc' | 'desc' };
  readonly limit?: number;
}

export interface DocumentDriver {
  read(pk: string, id: string): Promise<ReadDocument | undefined>;
  /** 'exists' when (pk, id) is taken. */
  create(doc: StoredDocument): Promise<{ etag: string } | 'exists'>;
  /** Replace only if the current etag matches: 'conflict' on a stale etag, 'missing' when absent. */
  replace(doc: StoredDocument, ifMatch: string): Promise<{ etag: string } | 'conflict' | 'missing'>;
  /** Delete only if the current etag matches (when given). */
  delete(pk: string, id: string, ifMatch?: string): Promise<'deleted' | 'conflict' | 'missing'>;
  query(q: DocumentQuery): Promise<ReadDocument[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
