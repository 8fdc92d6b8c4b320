// The embedded database's own thread: PGlite (Postgres compiled to WebAssembly) runs every
// statement synchronously on the thread that owns it, and on the gateway's main thread it took
// half the CPU of each relayed message. Here it runs beside the SMTP side instead. The main
// thread talks to it through db/pglite-remote.ts; messages are plain, cloneable objects.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import type { Request, Reply, WireQueryOptions } from './pglite-remote.ts';

const BYTEA_OID = 17;
const byteaToText = (x: unknown): string => {
  if (!(x instanceof Uint8Array)) throw new TypeError('bytea value must be a Buffer or Uint8Array');
  return '\\x' + Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex');
};
// Bytes cross back to the main thread as a Uint8Array of their own (cloned, not shared).
const textToBytea = (x: string): Uint8Array => Buffer.from(x.slice(2), 'hex');

const { dataDir, postgresqlconf } = workerData as { dataDir: string; postgresqlconf: string[] };
const port = parentPort!;

function queryOptions(o: WireQueryOptions | undefined) {
  if (!o) return undefined;
  // Parsers are functions and cannot cross threads: the caller names the types to leave as text.
  const parsers = o.rawTypes ? Object.fromEntries(o.rawTypes.map((oid) => [oid, (v: string) => v])) : undefined;
  return { rowMode: o.rowMode, ...(parsers ? { parsers } : {}) };
}

const send = (reply: Reply) => port.postMessage(reply);
const failure = (id: number, err: unknown): Reply => {
  const e = err as Error & Record<string, unknown>;
  // The fields of PGlite's DatabaseError that callers look at; never the query's parameters.
  const fields: Record<string, unknown> = {};
  for (const k of ['code', 'detail', 'constraint', 'table', 'column', 'severity']) if (typeof e?.[k] === 'string') fields[k] = e[k];
  return { id, ok: false, error: { name: e?.name ?? 'Error', message: e?.message ?? String(err), fields } };
};

async function main() {
  const db = await PGlite.create(dataDir, {
    serializers: { [BYTEA_OID]: byteaToText },
    parsers: { [BYTEA_OID]: textToBytea },
    postgresqlconf,
  } as PGliteOptions);
  // Open transactions by id: each holds PGlite's transaction until the main thread ends it.
  const open = new Map<number, { tx: Transaction; end: (commit: boolean) => void }>();

  port.on('message', async (req: Request) => {
    try {
      switch (req.kind) {
        case 'query': {
          const target = req.txn ? open.get(req.txn)?.tx : db;
          if (!target) throw new Error(`transaction ${req.txn} is not open`);
          const res = await target.query(req.text, req.params, queryOptions(req.options));
          send({ id: req.id, ok: true, result: { rows: res.rows, fields: res.fields, affectedRows: res.affectedRows } });
          return;
        }
        case 'exec': {
          const target = req.txn ? open.get(req.txn)?.tx : db;
          if (!target) throw new Error(`transaction ${req.txn} is not open`);
          const res = await target.exec(req.text);
          send({ id: req.id, ok: true, result: res.map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows })) });
          return;
        }
        case 'begin': {
          let started!: () => void;
          const ready = new Promise<void>((r) => (started = r));
          const done = db
            .transaction(
              (tx) =>
                new Promise<void>((resolve, reject) => {
                  open.set(req.id, { tx, end: (commit) => (commit ? resolve() : reject(new RollbackSignal())) });
                  started();
                }),
            )
            .then(
              () => ({ committed: true as const }),
              (err: unknown) => (err instanceof RollbackSignal ? { committed: false as const } : { error: err }),
            );
          // A transaction that fails to start (database closed) answers the begin itself.
          const first = await Promise.race([ready.then(() => 'started' as const), done]);
          if (first !== 'started') throw 'error' in first ? first.error : new Error('transaction ended before it started');
          transactions.set(req.id, done);
          send({ id: req.id, ok: true, result: null });
          return;
        }
        case 'end': {
          const entry = open.get(req.txn);
          if (!entry) throw new Error(`transaction ${req.txn} is not open`);
          open.delete(req.txn);
          entry.end(req.commit);
          const outcome = await transactions.get(req.txn)!;
          transactions.delete(req.txn);
          if ('error' in outcome) throw outcome.error;
          send({ id: req.id, ok: true, result: outcome.committed });
          return;
        }
        case 'close': {
          await db.close();
          send({ id: req.id, ok: true, result: null });
          return;
        }
      }
    } catch (err) {
      send(failure(req.id, err));
    }
  });
  send({ id: 0, ok: true, result: 'ready' });
}

class RollbackSignal extends Error {}
const transactions = new Map<number, Promise<{ committed: boolean } | { error: unknown }>>();

main().catch((err) => send(failure(0, err)));
