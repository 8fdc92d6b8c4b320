// What the main thread and the database thread (db/pglite-thread.ts) say
// to each other, and the thread side's request loop. A thread holds each open transaction
// until the main thread ends it, so a transaction spans many messages.
import { parentPort } from 'node:worker_threads';

export interface WireQueryOptions {
  rowMode?: 'array' | 'object';
  /** Type oids to return as text (drizzle parses timestamps itself). */
  rawTypes?: number[];
}

export type Request =
  | { id: number; kind: 'query'; txn?: number; text: string; params?: unknown[]; options?: WireQueryOptions }
  | { id: number; kind: 'exec'; txn?: number; text: string }
  | { id: number; kind: 'begin' }
  | { id: number; kind: 'end'; txn: number; commit: boolean }
  | { id: number; kind: 'close' };

export type Reply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { name: string; message: string; fields: Record<string, unknown> } };

export interface QueryResult {
  rows: unknown[];
  fields?: Array<{ name: string; dataTypeID: number }>;
  affectedRows?: number;
}

/** A connection or transaction of the engine a thread runs. */
export interface Session {
  query(text: string, params: unknown[] | undefined, options: WireQueryOptions | undefined): Promise<QueryResult>;
  exec(text: string): Promise<QueryResult[]>;
}

export interface Engine extends Session {
  /** Runs `body` inside a transaction: committed when it resolves, rolled back when it rejects. */
  transaction(body: (tx: Session) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

class RollbackSignal extends Error {}

const failure = (id: number, err: unknown): Reply => {
  const e = err as Error & Record<string, unknown>;
  // The fields of a driver error that callers look at; never the query's parameters.
  const fields: Record<string, unknown> = {};
  for (const k of ['code', 'detail', 'constraint', 'table', 'column', 'severity', 'errno']) if (typeof e?.[k] === 'string') fields[k] = e[k];
  return { id, ok: false, error: { name: e?.name ?? 'Error', message: e?.message ?? String(err), fields } };
};

/** Serves the main thread's requests on `engine` (called once by the thread's module). */
export function serveRequests(start: () => Promise<Engine>): void {
  const port = parentPort!;
  const send = (reply: Reply) => port.postMessage(reply);
  const open = new Map<number, { tx: Session; end: (commit: boolean) => void; done: Promise<{ committed: boolean } | { error: unknown }> }>();

  const run = async (engine: Engine, req: Request): Promise<unknown> => {
    switch (req.kind) {
      case 'query':
      case 'exec': {
        const target = req.txn ? open.get(req.txn)?.tx : engine;
        if (!target) throw new Error(`transaction ${req.txn} is not open`);
        return req.kind === 'query' ? target.query(req.text, req.params, req.options) : target.exec(req.text);
      }
      case 'begin': {
        let started!: (tx: Session) => void;
        const ready = new Promise<Session>((r) => (started = r));
        let end!: (commit: boolean) => void;
        const done = engine
          .transaction(async (tx) => {
            const ended = new Promise<void>((resolve, reject) => (end = (commit) => (commit ? resolve() : reject(new RollbackSignal()))));
            started(tx);
            await ended;
          })
          .then(
            () => ({ committed: true }),
            (err: unknown) => (err instanceof RollbackSignal ? { committed: false } : { error: err }),
          );
        // A transaction that cannot start (database down) answers the begin itself.
        const first = await Promise.race([ready, done]);
        if (!('query' in first)) throw 'error' in first ? first.error : new Error('transaction ended before it started');
        open.set(req.id, { tx: first, end, done });
        return null;
      }
      case 'end': {
        const entry = open.get(req.txn);
        if (!entry) throw new Error(`transaction ${req.txn} is not open`);
        open.delete(req.txn);
        entry.end(req.commit);
        const outcome = await entry.done;
        if ('error' in outcome) throw outcome.error;
        return outcome.committed;
      }
      case 'close':
        await engine.close();
        return null;
    }
  };

  start().then(
    (engine) => {
      port.on('message', (req: Request) => {
        run(engine, req).then(
          (result) => send({ id: req.id, ok: true, result }),
          (err: unknown) => send(failure(req.id, err)),
        );
      });
      send({ id: 0, ok: true, result: 'ready' });
    },
    (err: unknown) => send(failure(0, err)),
  );
}
