// `DATA_DIR/gateway.json` marks a running gateway on the embedded database: PGlite allows one
// process per data dir, so a second `serve` refuses to start and the CLI asks the running
// gateway (admin API, token from the same 0600 file) instead of opening the files itself.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface InstanceInfo {
  pid: number;
  http: string;
  adminToken: string;
  startedAt: string;
}

const fileOf = (dataDir: string) => path.join(dataDir, 'gateway.json');

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readRunningInstance(dataDir: string): InstanceInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(fileOf(dataDir), 'utf8')) as InstanceInfo;
    return info.pid !== process.pid && pidAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

export const newAdminToken = () => crypto.randomBytes(24).toString('base64url');

export function writeInstanceFile(dataDir: string, http: string, adminToken: string): InstanceInfo {
  const info: InstanceInfo = { pid: process.pid, http, adminToken, startedAt: new Date().toISOString() };
  const file = fileOf(dataDir);
  fs.writeFileSync(file + '.tmp', JSON.stringify(info), { mode: 0o600 });
  fs.renameSync(file + '.tmp', file);
  return info;
}

export function removeInstanceFile(dataDir: string): void {
  try {
    const info = JSON.parse(fs.readFileSync(fileOf(dataDir), 'utf8')) as InstanceInfo;
    if (info.pid === process.pid) fs.unlinkSync(fileOf(dataDir));
  } catch {
    // already gone
  }
}
