// Statements inside transactions run as named prepared statements on PGlite
// (db/pglite-prepared.ts). The same statement text run again must give the same values, errors
// must come back as the database's own (and leave the statement usable), a plan made stale by DDL
// must be prepared again, and more distinct statements than the cache holds must still run.
// Run on PostgreSQL too, where postgres-js prepares statements itself: both must agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows, type RawParam } from '../../db/raw.ts';
import type { Db, Tx } from '../../db/client.ts';
import { backends, openTestDb, type TestDb } from './backends.ts';

const inTx = <T>(db: Db, body: (tx: Tx) => Promise<T>): Promise<T> => db.transaction(body);

describe.each(backends)('statements inside transactions on %s', (backend) => {
  let t: TestDb;
  let db: Db;
  beforeAll(async () => {
    t = await openTestDb(backend);
    db = t.database.db;
    await rawRows(db, 'create table prep_probe (n integer primary key, t text, b bytea, ts timestamptz, j jsonb)', []);
  });
  afterAll(async () => t?.close());

  const insert = 'insert into prep_probe (n,t,b,ts,j) values ($1::integer,$2::text,$3::bytea,$4::timestamptz,($5::text)::jsonb) returning n';
  const select = 'select n, t, b, ts, j from prep_probe where n = $1::integer';

  it('gives the same values every time a statement runs again', async () => {
    const bytes = Buffer.from([0, 1, 92, 34, 123, 255, 0]);
    for (let n = 1; n <= 5; n++) {
      const params: RawParam[] = [n, n % 2 ? `row ${n} 'q' \\ ✓` : null, n === 3 ? null : bytes, n === 4 ? null : '2026-01-02T03:04:05.678Z', JSON.stringify({ n })];
      const back = await inTx(db, async (tx) => {
        await rawRows(tx, insert, params);
        return rawRows<{ n: number; t: string | null; b: Uint8Array | null; ts: Date | string | null; j: unknown }>(tx, select, [n]);
      });
      expect(back).toHaveLength(1);
      const r = back[0];
      expect(Number(r.n)).toBe(n);
      expect(r.t).toBe(params[1]);
      expect(r.b === null ? null : Buffer.from(r.b)).toEqual(n === 3 ? null : bytes);
      expect(r.ts === null ? null : new Date(r.ts).toISOString()).toBe(n === 4 ? null : '2026-01-02T03:04:05.678Z');
      expect(typeof r.j === 'string' ? JSON.parse(r.j) : r.j).toEqual({ n });
    }
  });

  it("returns the database's error, rolls back, and runs the statement again afterwards", async () => {
    const params = (n: number): RawParam[] => [n, 'dup', null, null, '{}'];
    const failed = inTx(db, async (tx) => {
      await rawRows(tx, insert, params(100));
      await rawRows(tx, insert, params(100));
    });
    await expect(failed).rejects.toMatchObject({ code: '23505' });
    expect(await rawRows(db, 'select n from prep_probe where n = 100', [])).toEqual([]);
    await inTx(db, (tx) => rawRows(tx, insert, params(100)));
    expect((await rawRows<{ n: number }>(db, 'select n from prep_probe where n = 100', [])).map((r) => Number(r.n))).toEqual([100]);
  });

  it('rejects a statement that does not parse with its syntax error, and carries on', async () => {
    await expect(inTx(db, (tx) => rawRows(tx, 'selec 1', []))).rejects.toMatchObject({ code: '42601' });
    const rows = await inTx(db, (tx) => rawRows<{ one: number }>(tx, 'select 1::integer as one', []));
    expect(rows.map((r) => Number(r.one))).toEqual([1]);
  });

  it('prepares a statement again once DDL has changed what it returns', async () => {
    const star = 'select * from prep_probe where n = $1::integer';
    const first = await inTx(db, (tx) => rawRows<Record<string, unknown>>(tx, star, [1]));
    expect(Object.keys(first[0])).not.toContain('extra');
    await rawRows(db, "alter table prep_probe add column extra text default 'x'", []);
    let rows: Record<string, unknown>[] | undefined;
    try {
      rows = await inTx(db, (tx) => rawRows<Record<string, unknown>>(tx, star, [1]));
    } catch (err) {
      // Postgres refuses a kept plan whose result type changed; the next run prepares it again.
      expect((err as { code?: string }).code).toBe('0A000');
      rows = await inTx(db, (tx) => rawRows<Record<string, unknown>>(tx, star, [1]));
    }
    expect(rows[0].extra).toBe('x');
  });

  it('runs more distinct statements than are kept prepared, and the first ones again', async () => {
    const texts = Array.from({ length: 300 }, (_, k) => `select $1::integer + ${k} as v`);
    const sums = await inTx(db, async (tx) => {
      const out: number[] = [];
      for (const text of [...texts, ...texts.slice(0, 5)]) out.push(Number((await rawRows<{ v: number }>(tx, text, [1]))[0].v));
      return out;
    });
    expect(sums).toEqual([...texts.map((_, k) => 1 + k), 1, 2, 3, 4, 5]);
  });

  it('runs long statements, kept or not, with the values they were given', async () => {
    // Multi-row selects of n rows: 40 of ~8 KB (more text than is kept prepared) and one of ~20 KB (never kept).
    const rowsOf = (n: number, pad: number) =>
      `select v from (values ${Array.from({ length: n }, (_, i) => `($${i + 1}::integer)`).join(',')}) as t(v)${' '.repeat(pad)} order by v`;
    const results = await inTx(db, async (tx) => {
      const out: number[][] = [];
      for (let k = 0; k < 40; k++) out.push((await rawRows<{ v: number }>(tx, rowsOf(500, k), Array.from({ length: 500 }, (_, i) => i + k))).map((r) => Number(r.v)));
      out.push((await rawRows<{ v: number }>(tx, rowsOf(1200, 0), Array.from({ length: 1200 }, (_, i) => 2 * i))).map((r) => Number(r.v)));
      out.push((await rawRows<{ v: number }>(tx, rowsOf(500, 0), Array.from({ length: 500 }, (_, i) => i + 7))).map((r) => Number(r.v)));
      return out;
    });
    results.slice(0, 40).forEach((vs, k) => expect(vs).toEqual(Array.from({ length: 500 }, (_, i) => i + k)));
    expect(rowsOf(1200, 0).length).toBeGreaterThan(16 * 1024);
    expect(results[40]).toEqual(Array.from({ length: 1200 }, (_, i) => 2 * i));
    expect(results[41]).toEqual(Array.from({ length: 500 }, (_, i) => i + 7));
  });
});
