// Real Postgres for tests: the machine's server on 127.0.0.1:5432 (a fresh database per test
// file, dropped afterwards), and throwaway clusters (initdb/pg_ctl in a temp dir) for tests
// that must stop the server. With CI=true a missing server fails instead of skipping.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { freePort, tempDir } from './gateway-process.ts';

export const SHARED_PG = process.env.PHIGATE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function sharedPostgresAvailable(): Promise<boolean> {
  const sql = postgres(SHARED_PG, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch (err) {
    if (process.env.CI === 'true') throw new Error(`CI=true but Postgres at ${SHARED_PG} does not answer: ${(err as Error).message}`);
    return false;
  } finally {
    await sql.end({ timeout: 2 });
  }
}

export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `phigate_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = postgres(SHARED_PG, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = SHARED_PG.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const a = postgres(SHARED_PG, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

function pgBin(name: string): string {
  const onPath = spawnSync('which', [name], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const versions = fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql').sort().reverse() : [];
  for (const v of versions) {
    const p = path.join('/usr/lib/postgresql', v, 'bin', name);
    if (fs.existsSync(p)) return p;
  }
  throw new Error(`${name} not found (install Debian's postgresql package)`);
}

export interface ThrowawayCluster {
  url: string;
  start: () => void;
  stop: () => void;
  destroy: () => void;
}

/** A private Postgres cluster on a free port; runs as the current user, or as `postgres` when root. */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const dir = tempDir('pgcluster');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' });
    else execFileSync(cmd, args, { stdio: 'pipe' });
  };
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  run(pgBin('initdb'), ['-D', path.join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const logFile = path.join(dir, 'pg.log');
  const start = () => run(pgBin('pg_ctl'), ['-D', path.join(dir, 'data'), '-l', logFile, '-w', '-t', '30', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  const stop = () => run(pgBin('pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
