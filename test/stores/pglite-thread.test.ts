// The embedded database on its own thread: transactions commit or roll back as a whole,
// concurrent callers do not see each other's uncommitted rows, bytes and timestamps survive
// the hop between threads, and Postgres errors arrive with their SQLSTATE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { settings } from '../../db/schema.ts';
import fs from 'node:fs';
import path from 'node:path';
import { RemoteDb } from '../../db/remote.ts';
import { tempDir } from '../support/gateway-process.ts';
import { openTestDb, pgliteTemplate, type TestDb } from './backends.ts';

describe('PGlite on its own thread', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('pglite');
  });
  afterAll(async () => t?.close());

  it('commits a transaction whole and rolls a failed one back whole', async () => {
    const db = t.database.db;
    await db.transaction(async (tx) => {
      await tx.insert(settings).values({ key: 'a', value: '1' });
      await tx.insert(settings).values({ key: 'b', value: '2' });
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(settings).values({ key: 'c', value: '3' });
        await tx.insert(settings).values({ key: 'a', value: 'duplicate' });
      }),
    ).rejects.toMatchObject({ cause: { code: '23505' } }); // drizzle wraps the driver's error
    const keys = (await db.select().from(settings)).map((r) => r.key).filter((k) => ['a', 'b', 'c'].includes(k));
    expect(keys.sort()).toEqual(['a', 'b']);
  });

  it('rolls back when the caller throws, and serves other callers meanwhile', async () => {
    const db = t.database.db;
    const failing = db.transaction(async (tx) => {
      await tx.insert(settings).values({ key: 'pending', value: 'x' });
      await new Promise((r) => setTimeout(r, 50));
      throw new Error('caller gave up');
    });
    // Outside the transaction: waits its turn, then does not see the rolled-back row.
    const outside = queryRows<{ n: number }>(db, sql`select count(*)::int as n from settings where key = 'pending'`);
    await expect(failing).rejects.toThrow('caller gave up');
    expect((await outside)[0].n).toBe(0);
  });

  it('carries bytes, timestamps and JSON across the thread boundary', async () => {
    const bytes = Buffer.from([0, 1, 2, 253, 254, 255]);
    const [row] = await rawRows<{ b: Uint8Array; t: Date; j: { x: number[] } }>(
      t.database.db,
      `select $1::bytea as b, $2::timestamptz as t, ($3::text)::jsonb as j`,
      [bytes, '2026-01-02T03:04:05.678Z', JSON.stringify({ x: [1, 2] })],
    );
    expect(Buffer.from(row.b)).toEqual(bytes);
    expect(new Date(row.t).toISOString()).toBe('2026-01-02T03:04:05.678Z');
    expect(row.j).toEqual({ x: [1, 2] });
  });

  it('reports a syntax error with its SQLSTATE and keeps working', async () => {
    await expect(rawRows(t.database.db, 'selec 1', [])).rejects.toMatchObject({ code: '42601' });
    await expect(t.database.ping()).resolves.toBeUndefined();
  });

  it('reports a dead thread once, and every later call fails instead of hanging', async () => {
    const dir = tempDir('pglite-thread');
    fs.cpSync(path.join(await pgliteTemplate(), 'pgdata'), path.join(dir, 'pgdata'), { recursive: true });
    const failures: Error[] = [];
    const db = await RemoteDb.create({ dataDir: path.join(dir, 'pgdata'), postgresqlconf: [] }, (e) => failures.push(e));
    expect((await db.query<{ n: number }>('select 1 as n')).rows[0].n).toBe(1);
    // What a WebAssembly abort looks like from the main thread: the thread is gone.
    await (db as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await expect(db.query('select 1')).rejects.toThrow(/database thread/);
    expect(failures).toHaveLength(1);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
