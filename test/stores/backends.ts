// Opens a migrated database for a store test: PGlite in a temp dir, or a fresh database on
// the shared Postgres (dropped on close). Postgres is skipped when it does not answer
// (with CI=true sharedPostgresAvailable() fails instead).
//
// PGlite's first start in an empty directory (its initdb) takes seconds; the first test file
// to need it builds a migrated template under the OS temp dir, keyed by the migrations and
// the PGlite version, and every test copies it into its own temp dir before opening it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, migrate, type Database } from '../../db/client.ts';
import { loadKeyRing, type KeyRing } from '../../gateway/spool/crypto.ts';
import { tempDir } from '../support/gateway-process.ts';
import { createTestDatabase, sharedPostgresAvailable } from '../support/postgres.ts';

export type Backend = 'pglite' | 'postgres';

export const backends: Backend[] = (await sharedPostgresAvailable()) ? ['pglite', 'postgres'] : ['pglite'];

const migrationsDir = fileURLToPath(new URL('../../db/migrations/', import.meta.url));

function templateTag(): string {
  const h = crypto.createHash('sha256');
  h.update(fs.readFileSync(fileURLToPath(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url))));
  const files = fs.readdirSync(migrationsDir, { recursive: true, encoding: 'utf8' }).sort();
  for (const f of files) {
    const full = path.join(migrationsDir, f);
    if (fs.statSync(full).isFile()) h.update(f).update(fs.readFileSync(full));
  }
  return h.digest('hex').slice(0, 16);
}

/** A migrated, cleanly closed PGlite data dir to copy from. */
export async function pgliteTemplate(): Promise<string> {
  const dir = path.join(os.tmpdir(), `phigate-stores-template-${templateTag()}`);
  if (fs.existsSync(path.join(dir, 'ready'))) return dir;
  const build = fs.mkdtempSync(`${dir}-build-`);
  const database = await openDatabase({ dataDir: build });
  await migrate(database);
  await database.close();
  fs.writeFileSync(path.join(build, 'ready'), '');
  try {
    fs.renameSync(build, dir);
  } catch {
    // Another test file finished its template first; use that one.
    fs.rmSync(build, { recursive: true, force: true });
  }
  return dir;
}

export interface TestDb {
  database: Database;
  close(): Promise<void>;
}

export async function openTestDb(backend: Backend): Promise<TestDb> {
  const dataDir = tempDir('stores');
  if (backend === 'pglite') {
    fs.cpSync(path.join(await pgliteTemplate(), 'pgdata'), path.join(dataDir, 'pgdata'), { recursive: true });
    const database = await openDatabase({ dataDir });
    await migrate(database);
    return {
      database,
      close: async () => {
        await database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const pg = await createTestDatabase();
  const database = await openDatabase({ databaseUrl: pg.url, dataDir, maxConnections: 8 });
  await migrate(database, pg.url);
  return {
    database,
    close: async () => {
      await database.close();
      await pg.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A key ring from a fixed master key (byte `fill` repeated), derived like the gateway's. */
export function testRing(fill = 7): KeyRing {
  return loadKeyRing({ masterKey: Buffer.alloc(32, fill).toString('base64'), dataDir: '/nonexistent' });
}
