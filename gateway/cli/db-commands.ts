import { migrate, openDatabase } from '../../db/client.ts';
import type { Config } from '../config.ts';
import { readRunningInstance } from '../instance-file.ts';

export async function runMigrate(config: Config, io: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  if (!config.databaseUrl && readRunningInstance(config.dataDir)) {
    io.stdout('a running gateway holds the embedded database and applied migrations when it started\n');
    return 0;
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 1 });
  try {
    await migrate(database, config.databaseUrl);
    io.stdout(`migrations applied (${database.describe})\n`);
    return 0;
  } finally {
    await database.close();
  }
}
