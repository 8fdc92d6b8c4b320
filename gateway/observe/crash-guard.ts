// The process keeps running through database outages. postgres@3.4 has a race where a write
// scheduled with setImmediate runs after the socket closed (connection.js nextWrite on a null
// socket), throwing outside any promise. The query it belonged to fails through the normal
// path anyway, so that one error is logged and absorbed; anything else still ends the process.
import type { Logger } from 'pino';

export function isPostgresClosedSocketRace(err: unknown): boolean {
  const e = err as Error;
  return e instanceof TypeError && /reading 'write'/.test(e.message) && /postgres[\\/]src[\\/]connection\.js/.test(e.stack ?? '');
}

export function installCrashGuard(log: Logger): void {
  process.on('uncaughtException', (err) => {
    if (isPostgresClosedSocketRace(err)) {
      log.warn({ error: err.message }, 'database connection closed during a write (postgres driver race); the query fails and is retried');
      return;
    }
    log.fatal({ error: err.message, stack: err.stack }, 'uncaught exception');
    log.flush();
    process.exit(70);
  });
}
