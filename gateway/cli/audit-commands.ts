// `phigate audit verify|export`. With the embedded database and a gateway running on it, the
// work is done by that gateway through its admin API (PGlite allows one process per data dir).
import { dayRange } from '../admin/http.ts';
import { exportAudit } from '../audit/export.ts';
import { verifyChain, type VerifyResult } from '../audit/verify.ts';
import type { Config } from '../config.ts';
import { loadKeyRing } from '../spool/crypto.ts';
import { adminFetch, runningGateway, withDatabase, type Io } from './gateway-client.ts';

export async function runAuditVerify(config: Config, io: Io): Promise<number> {
  const running = runningGateway(config);
  let result: VerifyResult;
  if (running) result = (await (await adminFetch(running, '/audit/verify')).json()) as VerifyResult;
  else {
    const ring = loadKeyRing({ masterKey: config.masterKey, dataDir: config.dataDir });
    result = await withDatabase(config, (database) => verifyChain(database.db, ring.auditKey));
  }
  if (result.ok) {
    io.stdout(`audit chain intact: ${result.count} events\n`);
    return 0;
  }
  io.stdout(`audit chain broken at event ${result.seq}: ${result.message} (${result.count} events verified before it)\n`);
  return 1;
}

export async function runAuditExport(config: Config, opts: { from?: string; to?: string; format?: string }, io: Io): Promise<number> {
  if (!opts.from || !opts.to) {
    io.stderr('phigate audit export: --from YYYY-MM-DD and --to YYYY-MM-DD are required\n');
    return 2;
  }
  const format = opts.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') {
    io.stderr(`phigate audit export: --format must be csv or json, got ${JSON.stringify(format)}\n`);
    return 2;
  }
  const range = dayRange(opts.from, opts.to);
  if ('error' in range) {
    io.stderr(`phigate audit export: ${range.error}\n`);
    return 2;
  }
  const running = runningGateway(config);
  if (running) {
    const res = await adminFetch(running, `/audit/export?from=${opts.from}&to=${opts.to}&format=${format}`);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      io.stdout(decoder.decode(value, { stream: true }));
    }
    return 0;
  }
  return withDatabase(config, async (database) => {
    for await (const part of exportAudit(database.db, range, format)) io.stdout(part);
    return 0;
  });
}
