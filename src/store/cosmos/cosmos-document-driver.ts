/**
 * Cosmos DB (NoSQL API) driver: one container, partition key path `/pk`, parameterised queries only,
 * optimistic concurrency with the document's `_etag` (IfMatch → 412 is a conflict, never an overwrite),
 * and the SDK's own retries on 429. No transactional batch and no TTL are used (see ADR 0002).
 *
 * Cosmos DB refuses `/`, `\` and `#` in an item id and stores an id with `?` that can then never be read, while
 * SQLite takes any string. So this driver escapes those characters (and its escape characters `~`
 * and `%`) as `~XX` in the ids it stores and unescapes them on the way back: both drivers accept the
 * same ids, and ids without those characters are stored unchanged.
 */
import { CosmosClient, type Container, type SqlParameter } from '@azure/cosmos';
import type { TokenCredential } from '@azure/identity';
import type { DocumentDriver, DocumentQuery, ReadDocument, StoredDocument } from '../document-driver';
import { assertField } from '../query-fields';

export interface CosmosDriverOptions {
  readonly endpoint: string;
  /** Account key; without one, `credential` (managed identity) is used. */
  readonly key?: string;
  readonly credential?: TokenCredential;
  readonly database: string;
  readonly container?: string;
}

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts'] as const;

function strip(resource: Record<string, unknown>): StoredDocument {
  const doc = { ...resource };
  for (const f of SYSTEM_FIELDS) delete doc[f];
  return doc as StoredDocument;
}

const ESCAPED = /[/\\?#%~]/g;
const ESCAPE = /~([0-9A-F]{2})/g;
/** The item id Cosmos DB stores for a driver id (see the header). */
export const toCosmosId = (id: string): string =>
  id.replace(ESCAPED, (c) => `~${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
export const fromCosmosId = (id: string): string =>
  id.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function fromCosmos(resource: Record<string, unknown>): ReadDocument {
  const doc = strip(resource);
  return { doc: { ...doc, id: fromCosmosId(doc.id) }, etag: String(resource._etag) };
}

const toCosmos = (doc: StoredDocument): Record<string, unknown> => ({ ...doc, id: toCosmosId(doc.id) });

/** `c["field"]`: a checked plain name, quoted so that keywords (`value`, `order`) work as field names. */
const prop = (field: string) => `c["${assertField(field)}"]`;

const statusOf = (e: unknown): number | undefined => {
  const code = (e as { code?: unknown; statusCode?: unknown }).code ?? (e as { statusCode?: unknown }).statusCode;
  return typeof code === 'number' ? code : undefined;
};

export class CosmosDocumentDriver implements DocumentDriver {
  private constructor(
    private readonly client: CosmosClient,
    private readonly container: Container,
  ) {}

  static async connect(opts: CosmosDriverOptions): Promise<CosmosDocumentDriver> {
    const auth = opts.key ? { key: opts.key } : { aadCredentials: opts.credential ?? (await defaultCredential()) };
    const client = new CosmosClient({
      endpoint: opts.endpoint,
      ...auth,
      connectionPolicy: {
        enableEndpointDiscovery: !isLoopback(opts.endpoint),
        retryOptions: { maxRetryAttemptCount: 9, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 30 },
      },
    });
    const { database } = await client.databases.createIfNotExists({ id: opts.database });
    const { container } = await database.containers.createIfNotExists({
      id: opts.container ?? 'records',
      partitionKey: { paths: ['/pk'] },
    });
    return new CosmosDocumentDriver(client, container);
  }

  async read(pk: string, id: string): Promise<ReadDocument | undefined> {
    try {
      const res = await this.container.item(toCosmosId(id), pk).read<Record<string, unknown>>();
      if (!res.resource || res.statusCode === 404) return undefined;
      return fromCosmos(res.resource);
    } catch (e) {
      if (statusOf(e) === 404) return undefined;
      throw e;
    }
  }

  async create(doc: StoredDocument): Promise<{ etag: string } | 'exists'> {
    try {
      const res = await this.container.items.create<Record<string, unknown>>(toCosmos(doc), {
        disableAutomaticIdGeneration: true,
      });
      return { etag: String(res.resource?._etag ?? res.etag) };
    } catch (e) {
      if (statusOf(e) === 409) return 'exists';
      throw e;
    }
  }

  async replace(doc: StoredDocument, ifMatch: string): Promise<{ etag: string } | 'conflict' | 'missing'> {
    try {
      const res = await this.container
        .item(toCosmosId(doc.id), doc.pk)
        .replace<Record<string, unknown>>(toCosmos(doc), { accessCondition: { type: 'IfMatch', condition: ifMatch } });
      return { etag: String(res.resource?._etag ?? res.etag) };
    } catch (e) {
      const status = statusOf(e);
      if (status === 412) return 'conflict';
      if (status === 404) return 'missing';
      throw e;
    }
  }

  async delete(pk: string, id: string, ifMatch?: string): Promise<'deleted' | 'conflict' | 'missing'> {
    try {
      await this.container
        .item(toCosmosId(id), pk)
        .delete(ifMatch ? { accessCondition: { type: 'IfMatch', condition: ifMatch } } : {});
      return 'deleted';
    } catch (e) {
      const status = statusOf(e);
      if (status === 412) return 'conflict';
      if (status === 404) return 'missing';
      throw e;
    }
  }

  async query(q: DocumentQuery): Promise<ReadDocument[]> {
    const clauses = ['c.type = @type'];
    const parameters: SqlParameter[] = [{ name: '@type', value: q.type }];
    if (q.pk !== undefined) {
      clauses.push('c.pk = @pk');
      parameters.push({ name: '@pk', value: q.pk });
    }
    Object.entries(q.where ?? {}).forEach(([field, value], i) => {
      clauses.push(`${prop(field)} = @w${i}`);
      parameters.push({
        name: `@w${i}`,
        value: field === 'id' && typeof value === 'string' ? toCosmosId(value) : value,
      });
    });
    let top = '';
    if (q.limit !== undefined) {
      top = 'TOP @limit ';
      parameters.push({ name: '@limit', value: Math.max(0, Math.floor(q.limit)) });
    }
    let query = `SELECT ${top}* FROM c WHERE ${clauses.join(' AND ')}`;
    if (q.orderBy) query += ` ORDER BY ${prop(q.orderBy.field)} ${q.orderBy.direction === 'desc' ? 'DESC' : 'ASC'}`;
    const { resources } = await this.container.items
      .query<Record<string, unknown>>({ query, parameters }, q.pk !== undefined ? { partitionKey: q.pk } : {})
      .fetchAll();
    return resources.map(fromCosmos);
  }

  async ping(): Promise<void> {
    await this.container.read();
  }

  async close(): Promise<void> {
    this.client.dispose();
  }
}

function isLoopback(endpoint: string): boolean {
  const host = new URL(endpoint).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

async function defaultCredential(): Promise<TokenCredential> {
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new DefaultAzureCredential();
}
