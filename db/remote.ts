// The main thread's handle on the embedded database's thread (db/pglite-thread.ts): the subset
// of PGlite's client API that drizzle-orm/pglite and db/raw.ts use (query, exec, transaction,
// close), each call a message to the thread and a promise for its reply. (The same split for
// postgres-js was measured slower: its work per query is smaller than the cost of the hop.)
import { Worker } from 'node:worker_threads';
import type { QueryResult, Reply, Request, WireQueryOptions } from './thread-protocol.ts';

/** What the thread needs to open PGlite. */
export interface PgliteThreadData {
  dataDir: string;
  postgresqlconf: string[];
}

type RequestBody = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class RemoteDb {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private broken: Error | null = null;
  private closing = false;
  private readonly ready: Promise<void>;

  private constructor(workerData: PgliteThreadData, onFailure?: (err: Error) => void) {
    this.worker = new Worker(new URL('./pglite-thread.ts', import.meta.url), { workerData });
    this.ready = new Promise<void>((resolve, reject) => this.pending.set(0, { resolve: () => resolve(), reject }));
    this.worker.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }, reply.error.fields));
    });
    // The thread died (e.g. WebAssembly aborted): every caller gets an error, so SMTP answers 4xx.
    const fail = (err: Error) => {
      if (this.broken) return;
      this.broken = err;
      for (const w of this.pending.values()) w.reject(err);
      this.pending.clear();
      if (!this.closing) onFailure?.(err);
    };
    this.worker.on('error', (err: unknown) => fail(new Error(`database thread failed: ${(err as Error).message}`)));
    this.worker.on('exit', (code) => fail(new Error(`database thread exited (${code})`)));
  }

  /** `onFailure`: the thread died outside close(); the database is gone for this process. */
  static async create(workerData: PgliteThreadData, onFailure?: (err: Error) => void): Promise<RemoteDb> {
    const db = new RemoteDb(workerData, onFailure);
    await db.ready;
    return db;
  }

  private call<T>(body: RequestBody, id = this.nextId++): Promise<T> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...body, id });
    });
  }

  query<T = unknown>(text: string, params?: unknown[], options?: { rowMode?: 'array' | 'object'; parsers?: Record<number, unknown> }, txn?: number): Promise<QueryResult & { rows: T[] }> {
    const wire: WireQueryOptions | undefined = options
      ? { rowMode: options.rowMode, ...(options.parsers ? { rawTypes: Object.keys(options.parsers).map(Number) } : {}) }
      : undefined;
    return this.call({ kind: 'query', text, params, options: wire, txn });
  }

  exec(text: string, txn?: number): Promise<QueryResult[]> {
    return this.call({ kind: 'exec', text, txn });
  }

  /** Runs `fn` inside one transaction on the thread: committed when it resolves, rolled back when it throws. */
  async transaction<T>(fn: (tx: RemoteTransaction) => Promise<T>): Promise<T> {
    // The begin request's id names the transaction on the thread.
    const txn = this.nextId++;
    await this.call<null>({ kind: 'begin' }, txn);
    const tx = new RemoteTransaction(this, txn);
    let result: T;
    try {
      result = await fn(tx);
    } catch (err) {
      await this.call({ kind: 'end', txn, commit: false }).catch(() => undefined);
      throw err;
    }
    await this.call({ kind: 'end', txn, commit: true });
    return result;
  }

  async close(): Promise<void> {
    if (this.broken) return;
    this.closing = true;
    await this.call({ kind: 'close' });
    await this.worker.terminate();
  }
}

export class RemoteTransaction {
  private readonly db: RemoteDb;
  private readonly txn: number;

  constructor(db: RemoteDb, txn: number) {
    this.db = db;
    this.txn = txn;
  }

  query<T = unknown>(text: string, params?: unknown[], options?: { rowMode?: 'array' | 'object'; parsers?: Record<number, unknown> }) {
    return this.db.query<T>(text, params, options, this.txn);
  }

  exec(text: string) {
    return this.db.exec(text, this.txn);
  }
}
