// The embedded database's own thread: PGlite (Postgres compiled to WebAssembly) runs every
// statement synchronously on the thread that owns it, and on the gateway's main thread it took
// half the CPU of each relayed message. Here it runs beside the SMTP side instead.
import { workerData } from 'node:worker_threads';
import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { PreparedStatements } from './pglite-prepared.ts';
import type { PgliteThreadData } from './remote.ts';
import { serveRequests, type Session, type WireQueryOptions } from './thread-protocol.ts';

const BYTEA_OID = 17;
// A bytea parameter goes to Postgres as it is, in the protocol's binary format (PGlite's Bind writes a
// byte array as binary): no hex text twice its size, no JavaScript loop measuring that text's UTF-8
// length, no hex decoding inside the WebAssembly Postgres. The spool's 20 KB chunk per message made
// those the database thread's largest costs outside Postgres itself (bench/README.md).
const byteaParam = (x: unknown): Uint8Array => {
  if (!(x instanceof Uint8Array)) throw new TypeError('bytea value must be a Buffer or Uint8Array');
  return x;
};
const textToBytea = (x: string): Uint8Array => Buffer.from(x.slice(2), 'hex');

// Parsers are functions and cannot cross threads: the caller names the types to leave as text.
function queryOptions(o: WireQueryOptions | undefined) {
  if (!o) return undefined;
  const parsers = o.rawTypes ? Object.fromEntries(o.rawTypes.map((oid) => [oid, (v: string) => v])) : undefined;
  return { rowMode: o.rowMode, ...(parsers ? { parsers } : {}) };
}

const session = (db: PGlite | Transaction): Session => ({
  query: async (text, params, options) => {
    const r = await db.query(text, params, queryOptions(options));
    return { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows };
  },
  exec: async (text) => (await db.exec(text)).map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows })),
});

serveRequests(async () => {
  const { dataDir, postgresqlconf } = workerData as PgliteThreadData;
  const db = await PGlite.create(dataDir, {
    serializers: { [BYTEA_OID]: byteaParam as unknown as (x: unknown) => string },
    parsers: { [BYTEA_OID]: textToBytea },
    postgresqlconf,
  } as PGliteOptions);
  const prepared = new PreparedStatements(db);
  return {
    ...session(db),
    transaction: async (body) => {
      await db.transaction((tx) =>
        body({
          ...session(tx),
          // The spool's statements, each run thousands of times: prepared once (db/pglite-prepared.ts).
          query: async (text, params, options) => {
            const r = await prepared.query(text, params, queryOptions(options));
            return { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows };
          },
        }),
      );
    },
    close: () => db.close(),
  };
});
