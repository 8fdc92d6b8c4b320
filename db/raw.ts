// SQL text with $n parameters run straight on the driver under drizzle. Only the spool's hot
// path uses it (message, chunk, job and audit rows, job outcomes, purge): drizzle's query
// builder spends a few microseconds on every parameter, which made it the gateway's largest
// CPU cost per relayed message (bench/README.md). Everything else stays on drizzle.
//
// Parameters are passed as strings, numbers, booleans, Buffers or null, and every placeholder
// carries an explicit cast (`$1::text`, `$2::bytea`, `($3::text)::jsonb`), so PGlite and
// postgres-js serialise them the same way whatever the column type.
//
// On postgres-js a Buffer bound for a `bytea` column of a multi-row insert goes as base64 text
// decoded by the server (`decode($n::text, 'base64')`): the driver's own bytea encoding is a copy
// of the buffer and then hex text twice its size, a string on V8's heap for every message
// chunk. Base64 is a third smaller, and one native encoding step. PGlite takes the Buffer as is.
import type { Db, Tx } from './client.ts';

export type RawParam = string | number | boolean | Buffer | null;

interface PostgresJsClient {
  unsafe(query: string, params: RawParam[], options: { prepare: boolean }): Promise<unknown[]>;
}
interface PgliteClient {
  query(query: string, params: RawParam[]): Promise<{ rows: unknown[] }>;
}

/** The driver connection under a drizzle database or transaction (PGlite or postgres-js). */
function driverOf(db: Db | Tx): PostgresJsClient | PgliteClient {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client) throw new Error('raw SQL: no driver client under this drizzle handle');
  return client as PostgresJsClient | PgliteClient;
}

export async function rawRows<T>(db: Db | Tx, text: string, params: RawParam[]): Promise<T[]> {
  const client = driverOf(db);
  if ('unsafe' in client) return (await client.unsafe(text, params, { prepare: true })) as T[];
  return (await client.query(text, params)).rows as T[];
}

/**
 * `($1::text, $2::bigint), ($3::text, $4::bigint)` for `rows` rows of the given casts, and
 * the flattened parameter list. A cast of `jsonb` is written `($n::text)::jsonb`, so the
 * parameter is always the JSON text.
 */
export function valuesList(casts: readonly string[], rows: readonly RawParam[][], firstParam = 1, byteaAsBase64 = false): { text: string; params: RawParam[] } {
  const params: RawParam[] = [];
  const tuples: string[] = [];
  let n = firstParam;
  for (const row of rows) {
    if (row.length !== casts.length) throw new Error(`raw SQL: row has ${row.length} values, expected ${casts.length}`);
    const cells: string[] = [];
    for (let i = 0; i < casts.length; i++) {
      const value = row[i];
      if (byteaAsBase64 && casts[i] === 'bytea' && Buffer.isBuffer(value)) {
        cells.push(`decode($${n}::text,'base64')`);
        params.push(value.toString('base64'));
      } else {
        cells.push(casts[i] === 'jsonb' ? `($${n}::text)::jsonb` : `$${n}::${casts[i]}`);
        params.push(value);
      }
      n++;
    }
    tuples.push(`(${cells.join(',')})`);
  }
  return { text: tuples.join(','), params };
}

/** Multi-row INSERT of `columns` (name → cast) with optional RETURNING. */
export async function insertRows<T = never>(
  db: Db | Tx,
  table: string,
  columns: Readonly<Record<string, string>>,
  rows: readonly RawParam[][],
  returning?: string,
): Promise<T[]> {
  if (rows.length === 0) return [];
  const { text, params } = valuesList(Object.values(columns), rows, 1, 'unsafe' in driverOf(db));
  const sqlText = `insert into ${table} (${Object.keys(columns).join(',')}) values ${text}${returning ? ` returning ${returning}` : ''}`;
  return rawRows<T>(db, sqlText, params);
}

/** A timestamp parameter: ISO text, which both drivers pass through for a timestamptz cast. */
export const isoTime = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
