// CLI commands that read or change gateway state either ask a running gateway (when it holds
// the embedded database, which allows one process) or open the database themselves.
import { migrate, openDatabase, type Database } from '../../db/client.ts';
import type { Config } from '../config.ts';
import { readRunningInstance, type InstanceInfo } from '../instance-file.ts';

export type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

export function runningGateway(config: Config): InstanceInfo | null {
  return config.databaseUrl ? null : readRunningInstance(config.dataDir);
}

export async function adminFetch(info: InstanceInfo, path: string): Promise<Response> {
  const res = await fetch(`http://${info.http}/api/admin${path}`, { headers: { authorization: `Bearer ${info.adminToken}` } });
  if (!res.ok) throw new Error(`running gateway answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res;
}

export async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 1 });
  try {
    // A fresh data dir or database gets its schema first (the same migrations serve applies).
    await migrate(database, config.databaseUrl);
    return await work(database);
  } finally {
    await database.close();
  }
}
