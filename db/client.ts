// Opens the database: embedded PGlite under the data dir by default, a real Postgres
// when DATABASE_URL is set. Both get the same drizzle schema and the same migrations.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';
import { RemoteDb } from './remote.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** What a transaction callback receives; queries look the same as on Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Only for log lines: never includes credentials. */
  describe: string;
  ping(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_LOCK = 0x70686967; // 'phig'

export interface OpenOptions {
  databaseUrl?: string;
  dataDir: string;
  /** Pool size for Postgres. */
  maxConnections?: number;
  /** The embedded database's thread died: nothing more can be stored in this process. */
  onFailure?: (err: Error) => void;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const client = postgres(opts.databaseUrl, {
      max: opts.maxConnections ?? 10,
      onnotice: () => {},
      connect_timeout: 5,
      idle_timeout: 60,
      // Fail fast while the server is down so the SMTP side answers 451 instead of hanging.
      connection: { application_name: 'phigate' },
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    const url = new URL(opts.databaseUrl);
    return {
      db,
      kind: 'postgres',
      describe: `postgres ${url.hostname}:${url.port || 5432}${url.pathname}`,
      ping: async () => {
        await client`select 1`;
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dir = path.join(opts.dataDir, 'pgdata');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // PGlite runs on a thread of its own (db/pglite-thread.ts), beside the SMTP side rather than on it.
  // Shared buffers live in a WebAssembly heap that never shrinks: kept small so a 50 MB
  // message or a long queue does not pin hundreds of megabytes.
  const client = await RemoteDb.create({ dataDir: dir, postgresqlconf: ['shared_buffers=16MB'] }, opts.onFailure);
  const db = drizzlePglite(client as never, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    describe: `pglite ${dir}`,
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
  };
}

/** Applies db/migrations; replicas starting together serialise on an advisory lock. */
export async function migrate(database: Database, databaseUrl?: string): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  const client = postgres(databaseUrl!, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(client), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Raw SQL rows, whichever driver answered (PGlite returns {rows}, postgres-js an array). */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export { sql };
