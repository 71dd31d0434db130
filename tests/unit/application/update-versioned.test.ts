import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppDeps } from '../../../src/application/deps';
import type { RecordStore, Versioned } from '../../../src/application/ports';
import { topicSlot } from '../../../src/application/topic-writes';
import { MAX_WRITE_ATTEMPTS, updateVersioned, type VersionedSlot } from '../../../src/application/update-versioned';
import type { Topic } from '../../../src/domain/backlog';
import { fail, ok, type Result } from '../../../src/domain/result';
import { createRecordStore } from '../../../src/store/create-record-store';

const code = (r: Result<unknown>) => (r.ok ? 'OK' : r.error.code);

/** A record in memory with a counter as its etag; `conflictsLeft` stale answers before writes land. */
function memorySlot(start: number | undefined, conflictsLeft = 0) {
  let stored: Versioned<number> | undefined = start === undefined ? undefined : { value: start, etag: 'e0' };
  const calls = { reads: 0, writes: 0 };
  const slot: VersionedSlot<number> = {
    read: async () => {
      calls.reads++;
      return stored;
    },
    write: async (value, ifMatch) => {
      calls.writes++;
      if (conflictsLeft > 0 || ifMatch !== stored?.etag) {
        conflictsLeft--;
        return fail('CONFLICT', 'stale');
      }
      stored = { value, etag: `e${calls.writes}` };
      return ok(stored);
    },
  };
  return { slot, calls, stored: () => stored };
}

describe('updateVersioned, the one compare-and-swap loop', () => {
  it('gives up with CONFLICT after the one limit of attempts, and says why', async () => {
    const { slot, calls } = memorySlot(1, Number.POSITIVE_INFINITY);
    const r = await updateVersioned(slot, (c) => ok((c?.value ?? 0) + 1), { busy: 'Many people are voting.' });
    expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Many people are voting.' } });
    expect(calls.writes).toBe(MAX_WRITE_ATTEMPTS);
    expect(calls.reads).toBe(MAX_WRITE_ATTEMPTS);
  });

  it('re-reads and re-applies the change after a stale write, so the other change is kept', async () => {
    const { slot, calls, stored } = memorySlot(1, 2);
    const r = await updateVersioned(slot, (c) => ok((c?.value ?? 0) + 1));
    expect(r.ok && r.value).toMatchObject({ value: 2, written: true });
    expect(calls.writes).toBe(3);
    expect(stored()?.value).toBe(2);
  });

  it('returns a refusal from the change as it is and writes nothing', async () => {
    const { slot, calls } = memorySlot(1);
    const r = await updateVersioned(slot, () => fail('ALREADY_VOTED', 'once'));
    expect(code(r)).toBe('ALREADY_VOTED');
    expect(calls.writes).toBe(0);
  });

  it('writes nothing for "unchanged" and says so', async () => {
    const { slot, calls } = memorySlot(7);
    const r = await updateVersioned(slot, () => ok('unchanged'));
    expect(r.ok && r.value).toEqual({ value: 7, etag: 'e0', written: false });
    expect(calls.writes).toBe(0);
  });

  it('creates a missing record (no etag) and starts from a record the caller already read', async () => {
    const missing = memorySlot(undefined);
    const created = await updateVersioned(missing.slot, (c) => ok(c ? c.value + 1 : 1));
    expect(created.ok && created.value.value).toBe(1);
    const known = memorySlot(4);
    const r = await updateVersioned(known.slot, (c) => ok(c!.value * 10), { first: { value: 4, etag: 'e0' } });
    expect(r.ok && r.value.value).toBe(40);
    expect(known.calls.reads).toBe(0);
  });

  it('returns another write failure as it is, without retrying', async () => {
    let writes = 0;
    const slot: VersionedSlot<number> = {
      read: async () => ({ value: 1, etag: 'e' }),
      write: async () => {
        writes++;
        return fail('STORED_RECORD_INVALID', 'broken');
      },
    };
    expect(code(await updateVersioned(slot, (c) => ok(c!.value + 1)))).toBe('STORED_RECORD_INVALID');
    expect(writes).toBe(1);
  });
});

describe('two writers racing on the embedded store', () => {
  let dir: string;
  let stores: RecordStore[];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'guildhall-cas-'));
    const path = join(dir, 'store.sqlite');
    // Two store instances on one file: two server instances writing the same record.
    stores = [await createRecordStore({ kind: 'embedded', path }), await createRecordStore({ kind: 'embedded', path })];
  });
  afterEach(() => {
    for (const s of stores) s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps both changes when both read the same version before either writes', async () => {
    const topic: Topic = {
      id: 't1',
      communityId: 'c1',
      tenantId: 'tn',
      title: 'Flow',
      description: '',
      state: 'proposed',
      rank: null,
      score: null,
      ownerId: null,
      proposedBy: 'alex',
      proposedAt: '2026-12-01T10:00:00.000Z',
      supporters: [],
      sessionIds: [],
    };
    expect(code(await stores[0]!.topics.create(topic))).toBe('OK');
    // A barrier: neither writer writes before both have read, so one of them must meet a stale etag.
    let arrived = 0;
    let release!: () => void;
    const bothRead = new Promise<void>((resolve) => (release = resolve));
    const writes: string[] = [];
    const racer = (store: RecordStore, userId: string) => {
      const deps = { store } as AppDeps;
      const slot = topicSlot(deps, 'c1', 't1');
      let first = true;
      const raced: VersionedSlot<Topic> = {
        read: async () => {
          const read = await slot.read();
          if (first) {
            first = false;
            if (++arrived === 2) release();
            await bothRead;
          }
          return read;
        },
        write: async (t, etag) => {
          const r = await slot.write(t, etag);
          writes.push(`${userId}:${code(r)}`);
          return r;
        },
      };
      return updateVersioned(raced, (c) => ok({ ...c!.value, supporters: [...c!.value.supporters, userId] }));
    };
    const [a, b] = await Promise.all([racer(stores[0]!, 'bea'), racer(stores[1]!, 'chen')]);
    expect(code(a)).toBe('OK');
    expect(code(b)).toBe('OK');
    expect(writes.filter((w) => w.endsWith(':CONFLICT'))).toHaveLength(1);
    const stored = await stores[1]!.topics.get('c1', 't1');
    expect([...stored!.value.supporters].sort()).toEqual(['bea', 'chen']);
  });
});
