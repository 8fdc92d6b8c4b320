// Statements inside a transaction run on the embedded database as named prepared statements.
// PGlite's own query() parses, describes and plans every statement again and crosses into
// WebAssembly six times for it; a statement prepared once runs as Bind, Describe, Execute and
// Sync in one crossing, with the plan Postgres keeps for it (bench/README.md: 2.6-4x less time
// per spool statement). Only PGlite's public protocol API is used: its serializer, its result
// parser and runExclusive, which orders the call with the transaction's other statements.
import { parse, protocol, type PGlite, type Results } from '@electric-sql/pglite';

/**
 * What stays prepared. Postgres keeps each prepared statement's plans in the WebAssembly heap, which never shrinks,
 * at roughly 35 bytes per byte of a multi-row insert's text (a 100-row insert's 10 KB: ~0.35 MiB, measured with
 * pg_backend_memory_contexts). So the cache is bounded by the texts' total length as well as their number, and a
 * statement longer than MAX_TEXT (a large batch, rare) runs unprepared, parsed and planned for that once as PGlite's
 * query() does.
 */
const MAX_STATEMENTS = 256;
const MAX_TEXT = 16 * 1024;
const MAX_TOTAL_TEXT = 256 * 1024;
/** Postgres drops a prepared statement's plan after DDL changes its result ("cached plan must not change result type"), or forgets the statement. */
const STALE_STATEMENT_CODES = new Set(['0A000', '26000']);

interface Prepared {
  name: string;
  paramTypes: number[];
}

export interface PreparedQueryOptions {
  rowMode?: 'array' | 'object';
  parsers?: Record<number, (value: string, typeId?: number) => unknown>;
}

const { serialize } = protocol;

function joined(parts: Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.byteLength;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

export class PreparedStatements {
  /** In least recently used order: a hit is moved to the end. */
  private readonly byText = new Map<string, Prepared>();
  private totalText = 0;
  private serial = 0;
  private readonly db: PGlite;

  constructor(db: PGlite) {
    this.db = db;
  }

  /**
   * Runs one statement inside the transaction the caller has open (PGlite holds its transaction
   * lock for it; runExclusive keeps this statement from interleaving with another of the same
   * transaction). Errors are PGlite's DatabaseError, as from query().
   */
  query<T>(text: string, params: readonly unknown[] = [], options?: PreparedQueryOptions): Promise<Results<T>> {
    if (text.length > MAX_TEXT) return this.db.runExclusive(() => this.unprepared<T>(text, params, options));
    return this.db.runExclusive(async () => {
      const statement = this.byText.get(text) ?? (await this.prepare(text));
      this.byText.delete(text);
      this.byText.set(text, statement);
      try {
        const { messages } = await this.db.execProtocol(
          joined([serialize.bind({ statement: statement.name, values: this.values(params, statement.paramTypes) }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]),
          { syncToFs: false },
        );
        return parse.parseResults(messages, this.db.parsers, options as never)[0] as Results<T>;
      } catch (err) {
        if (STALE_STATEMENT_CODES.has((err as { code?: string }).code ?? '') && this.byText.delete(text)) this.totalText -= text.length;
        throw err;
      }
    });
  }

  private async prepare(text: string): Promise<Prepared> {
    const name = `phigate_${++this.serial}`;
    const { messages } = await this.db.execProtocol(joined([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]), { syncToFs: false });
    const prepared = { name, paramTypes: parse.parseDescribeStatementResults(messages) };
    this.totalText += text.length;
    while (this.byText.size >= MAX_STATEMENTS || (this.byText.size > 0 && this.totalText > MAX_TOTAL_TEXT)) {
      const [oldestText, oldest] = this.byText.entries().next().value as [string, Prepared];
      this.byText.delete(oldestText);
      this.totalText -= oldestText.length;
      await this.db.execProtocol(joined([serialize.close({ type: 'S', name: oldest.name }), serialize.sync()]), { syncToFs: false });
    }
    return prepared;
  }

  /** A statement too long to keep prepared: the unnamed statement, as PGlite's query() runs every statement. */
  private async unprepared<T>(text: string, params: readonly unknown[], options?: PreparedQueryOptions): Promise<Results<T>> {
    const { messages } = await this.db.execProtocol(joined([serialize.parse({ text }), serialize.describe({ type: 'S' }), serialize.sync()]), { syncToFs: false });
    const paramTypes = parse.parseDescribeStatementResults(messages);
    const { messages: out } = await this.db.execProtocol(
      joined([serialize.bind({ values: this.values(params, paramTypes) }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]),
      { syncToFs: false },
    );
    return parse.parseResults(out, this.db.parsers, options as never)[0] as Results<T>;
  }

  /** Parameters as PGlite's query() sends them: its serializer for the parameter's type, else text. */
  private values(params: readonly unknown[], paramTypes: number[]): Array<string | Uint8Array | null> {
    return params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const toText = this.db.serializers[paramTypes[i]];
      return toText ? (toText(param) as string | Uint8Array) : String(param);
    });
  }
}
