// The spool's raw multi-row statements (db/raw.ts): every value must arrive exactly on both
// drivers, including quotes, backslashes, braces, NULL-looking text and binary data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows, rawRows, type RawParam } from '../../db/raw.ts';
import { backends, openTestDb, type TestDb } from './backends.ts';

const texts = ['a"b', 'c\\d', 'e,f', '{g}', 'ünï ✓', '', null, 'NULL', ' sp ', 'x\r\ny'];
const bytes = [Buffer.from([0, 1, 92, 34, 123, 255]), Buffer.alloc(0), null, Buffer.from('\\x41')];

describe.each(backends)('raw multi-row SQL on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(backend);
    await rawRows(t.database.db, 'create table raw_probe (n integer, t text, b bytea, big bigint, f boolean, ts timestamptz, j jsonb)', []);
  });
  afterAll(async () => t?.close());

  it('inserts every value unchanged', async () => {
    const rows: RawParam[][] = texts.map((text, i) => [
      i,
      text,
      bytes[i] ?? null,
      i === 3 ? 9007199254740991 : i,
      i % 3 === 2 ? null : i % 2 === 0,
      i === 1 ? null : '2026-01-02T03:04:05.678Z',
      JSON.stringify({ text, i }),
    ]);
    const cols = { n: 'integer', t: 'text', b: 'bytea', big: 'bigint', f: 'boolean', ts: 'timestamptz', j: 'jsonb' };
    const returned = await insertRows<{ n: number }>(t.database.db, 'raw_probe', cols, rows, 'n');
    expect(returned.map((r) => Number(r.n)).sort((a, b) => a - b)).toEqual(texts.map((_, i) => i));
    const back = await rawRows<{ n: number; t: string | null; b: Uint8Array | null; big: string | number; f: boolean | null; ts: Date | string | null; j: unknown }>(
      t.database.db,
      'select * from raw_probe order by n',
      [],
    );
    back.forEach((r, i) => {
      expect(r.t).toBe(texts[i]);
      expect(r.b === null ? null : Buffer.from(r.b)).toEqual(bytes[i] ?? null);
      expect(String(r.big)).toBe(String(i === 3 ? 9007199254740991 : i));
      expect(r.f).toBe(i % 3 === 2 ? null : i % 2 === 0);
      expect(r.ts === null ? null : new Date(r.ts).toISOString()).toBe(i === 1 ? null : '2026-01-02T03:04:05.678Z');
      expect(typeof r.j === 'string' ? JSON.parse(r.j) : r.j).toEqual({ text: texts[i], i });
    });
  });
});
