// The main thread's handle on the PGlite thread (db/pglite-thread.ts): the subset of PGlite's
// client API that drizzle-orm/pglite and db/raw.ts use (query, exec, transaction, close), each
// call a message to the thread and a promise for its reply.
import { Worker } from 'node:worker_threads';

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
  fields: Array<{ name: string; dataTypeID: number }>;
  affectedRows?: number;
}

type RequestBody = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class RemotePglite {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private broken: Error | null = null;
  private closing = false;
  private readonly ready: Promise<void>;

  private constructor(dataDir: string, postgresqlconf: string[], onFailure?: (err: Error) => void) {
    this.worker = new Worker(new URL('./pglite-thread.ts', import.meta.url), { workerData: { dataDir, postgresqlconf } });
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
    this.worker.on('error', (err: unknown) => fail(new Error(`embedded database thread failed: ${(err as Error).message}`)));
    this.worker.on('exit', (code) => fail(new Error(`embedded database thread exited (${code})`)));
  }

  /** `onFailure`: the thread died outside close(); the database is gone for this process. */
  static async create(dataDir: string, opts: { postgresqlconf: string[]; onFailure?: (err: Error) => void }): Promise<RemotePglite> {
    const db = new RemotePglite(dataDir, opts.postgresqlconf, opts.onFailure);
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
  private readonly db: RemotePglite;
  private readonly txn: number;

  constructor(db: RemotePglite, txn: number) {
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
