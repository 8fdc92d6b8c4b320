import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql, type Db } from '../../db/client.ts';
import { readCached, type CachedPolicy } from '../../gateway/deliver/mta-sts/cache.ts';
import { DbMtaStsPolicyStore } from '../../gateway/stores/mta-sts-store.ts';
import { backends, openTestDb, type TestDb } from './backends.ts';

const NOW = Date.parse('2026-04-02T08:00:00.000Z');

const entry = (over: Partial<CachedPolicy> = {}): CachedPolicy => ({
  id: '20260401T000000',
  mode: 'enforce',
  mx: ['mx1.example.net', '*.mail.example.net'],
  maxAge: 604800,
  fetchedAt: NOW - 60_000,
  policyText: 'version: STSv1\nmode: enforce\nmx: mx1.example.net\nmx: *.mail.example.net\nmax_age: 604800\n',
  ...over,
});

describe.each(backends)('DbMtaStsPolicyStore on %s', (backend) => {
  let t: TestDb;
  let db: Db;
  let store: DbMtaStsPolicyStore;

  beforeAll(async () => {
    t = await openTestDb(backend);
    db = t.database.db;
    store = new DbMtaStsPolicyStore(db, () => NOW);
  });
  afterAll(async () => t?.close());

  it('round-trips an entry and replaces it on put', async () => {
    expect(await store.get('example.net')).toBeUndefined();
    await store.put('example.net', entry());
    expect(await store.get('example.net')).toEqual(entry());
    expect(await readCached(store, 'Example.NET.')).toEqual(entry());
    await store.put('EXAMPLE.net', entry({ id: 'v2', mode: 'testing', mx: ['mx2.example.net'] }));
    expect(await store.get('example.net')).toEqual(entry({ id: 'v2', mode: 'testing', mx: ['mx2.example.net'] }));
    const rows = await queryRows<{ domain: string; mode: string; updated_at: Date | string }>(
      db,
      sql`select domain, entry->>'mode' as mode, updated_at from mta_sts_policies where domain like '%example.net'`,
    );
    expect(rows.map((r) => [r.domain, r.mode, new Date(r.updated_at).getTime()])).toEqual([['example.net', 'testing', NOW]]);
  });

  it('reads a row that no longer validates as no entry', async () => {
    await store.put('tampered.example', entry());
    await db.execute(sql`update mta_sts_policies set entry = jsonb_set(entry, '{maxAge}', '-5') where domain = 'tampered.example'`);
    expect(await store.get('tampered.example')).toBeUndefined();
    await db.execute(sql`update mta_sts_policies set entry = '"just a string"'::jsonb where domain = 'tampered.example'`);
    expect(await store.get('tampered.example')).toBeUndefined();
  });

  it('refuses to store an invalid entry', async () => {
    await expect(store.put('bad.example', entry({ id: 'not valid!' }))).rejects.toThrow();
    const rows = await queryRows(db, sql`select 1 from mta_sts_policies where domain = 'bad.example'`);
    expect(rows).toEqual([]);
  });
});
