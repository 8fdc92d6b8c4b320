// `phigate serve`: opens the spool, starts the SMTP listener, the delivery worker and the HTTP
// side, prints the ready line, and shuts down cleanly on SIGTERM.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve as serveHttp } from '@hono/node-server';
import { migrate, openDatabase } from '../db/client.ts';
import { createHttpApp } from './admin/http.ts';
import { appendAudit } from './audit/append.ts';
import type { Config } from './config.ts';
import { DeliveryWorker } from './deliver/worker.ts';
import { DomainContext } from './deliver/domain-context.ts';
import { createMtaStsResolver, createResolver, lookupVia } from './deliver/mta-sts/index.ts';
import { DkimKeyring } from './secure/dkim/index.ts';
import { consentApi } from './admin/consent-api.ts';
import { dkimApi } from './admin/dkim-api.ts';
import { domainApi, tlsReportApi } from './admin/domain-api.ts';
import { startDomainMonitor } from './deliver/probe/monitor.ts';
import { policyApi, type ReloadOutcome } from './admin/policy-api.ts';
import { ConsentStore } from './stores/consent-store.ts';
import { DbDkimKeyStore } from './stores/dkim-key-store.ts';
import { DbDomainStatusStore } from './stores/domain-status-store.ts';
import { DbMtaStsPolicyStore } from './stores/mta-sts-store.ts';
import { PolicyVersionStore } from './stores/policy-version-store.ts';
import { TlsReportStore } from './stores/tls-report-store.ts';
import { newAdminToken, pidAlive, readRunningInstance, removeInstanceFile, writeInstanceFile } from './instance-file.ts';
import { createLogger } from './observe/log.ts';
import { installCrashGuard } from './observe/crash-guard.ts';
import { createMetrics } from './observe/metrics.ts';
import { createSmtpListener, errInfo } from './receive/smtp-listener.ts';
import { TenantIdentifier } from './receive/tenant.ts';
import { scanForPolicy } from './receive/phi-scan.ts';
import type { PolicyHolder } from './policy/load.ts';
import { EMBEDDED_POLICY_YAML } from './policy/embedded.ts';
import { loadTlsIdentity } from './receive/tls-identity.ts';
import { loadKeyRing } from './spool/crypto.ts';
import { checkMasterKey } from './spool/key-check.ts';
import { GroupCommitter } from './spool/group-commit.ts';
import { insertMessages, storeChunk, type NewMessage } from './spool/messages.ts';
import { queueDepth, reclaimDeadLeases, releaseAllLeases, releaseLeases } from './spool/jobs.ts';

export interface RunningGateway {
  smtpAddress: AddressInfo;
  httpAddress: AddressInfo;
  shutdown(): Promise<void>;
  /** Re-reads the policy file; a bad file keeps the last good policy in force. */
  reloadPolicy(): void;
}

export async function serve(config: Config, policy: PolicyHolder): Promise<RunningGateway> {
  const log = createLogger(config.logLevel);
  installCrashGuard(log);
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  if (!config.databaseUrl) {
    const other = readRunningInstance(config.dataDir);
    if (other) throw new Error(`another gateway (pid ${other.pid}) is running on ${config.dataDir}; the embedded database allows one process (use DATABASE_URL to run several)`);
  }
  const ring = loadKeyRing({ masterKey: config.masterKey, dataDir: config.dataDir });
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    maxConnections: 16,
    // Without its database thread the process can only answer 4xx: exit so the supervisor
    // restarts it (nothing unacknowledged is lost; everything acknowledged is on disk).
    onFailure: (err) => {
      log.fatal({ error: err.message }, 'embedded database thread failed; exiting');
      log.flush();
      process.exit(70);
    },
  });
  await migrate(database, config.databaseUrl);
  await checkMasterKey(database.db, ring);
  const identity = await loadTlsIdentity({ certFile: config.tlsCertFile, keyFile: config.tlsKeyFile, dataDir: config.dataDir, hostname: config.hostname });
  const metrics = createMetrics(() => queueDepth(database.db));
  const owner = `${config.instanceId}:${process.pid}`;

  // PGlite has exactly one process, so any lease in it is a dead process's.
  const reclaimed = database.kind === 'pglite' ? await releaseAllLeases(database.db) : await reclaimDeadLeases(database.db, config.instanceId, pidAlive);
  if (reclaimed) log.info({ reclaimed }, 'released delivery leases of a previous process');

  const dnsResolver = createResolver(config.dnsServers.join(','));
  const stores = {
    domainStatus: new DbDomainStatusStore(database.db),
    mtaSts: new DbMtaStsPolicyStore(database.db),
    dkim: new DbDkimKeyStore(database.db, ring),
    consents: new ConsentStore(database.db, ring.auditKey),
    policyVersions: new PolicyVersionStore(database.db, ring),
    tlsReports: new TlsReportStore(database.db),
  };
  await recordPolicyLoad(stores.policyVersions, policy, `serve ${owner}`);
  const domains = new DomainContext({
    resolveMtaSts: createMtaStsResolver({ dns: dnsResolver, store: stores.mtaSts, fetchOptions: { lookup: lookupVia(dnsResolver), port: config.mtaStsPort } }),
    statusStore: stores.domainStatus,
  });
  const dkim = new DkimKeyring(stores.dkim, { selector: policy.policy.dkim.selector });
  const currentPolicy = () => ({ policy: policy.policy, version: policy.version });
  const worker = new DeliveryWorker({
    config,
    database,
    ring,
    log,
    metrics,
    owner,
    policy: currentPolicy,
    domains,
    dkim,
    hasConsent: (recipient) => stores.consents.hasConsent(recipient, 'unencrypted'),
    recordTlsSessions: (tx, sessions) => stores.tlsReports.recordSessions(tx, sessions),
  });
  const acceptor = new GroupCommitter<NewMessage>((batch) => database.db.transaction(async (tx) => appendAudit(tx, ring.auditKey, await insertMessages(tx, ring, batch))), {
    maxBatch: 200,
    maxConcurrent: 1,
    lingerMs: config.commitLingerMs,
  });

  let tenants = new TenantIdentifier(policy.policy.tenants);
  const smtp = createSmtpListener({
    config,
    identity,
    tenants: () => tenants,
    ring,
    log,
    metrics,
    accept: async (msg) => {
      // Mail that fits in memory is leased to this worker as it is accepted and delivered
      // from memory; the rest (and any backlog) goes through the queue as usual.
      const handOver = msg.storedChunks === 0 && worker.acceptsHandOver(msg.size);
      if (handOver) msg.leaseTo = { owner, seconds: config.leaseSeconds };
      await acceptor.submit(msg);
      if (handOver) worker.handOver(msg);
      else worker.wake();
    },
    policy: currentPolicy,
    scanPhi: scanForPolicy,
    storeChunk: (id, key, seq, plain) => storeChunk(database.db, ring, id, key, seq, plain),
    audit: (events) => database.db.transaction((tx) => appendAudit(tx, ring.auditKey, events)),
  });

  const adminToken = config.adminToken ?? newAdminToken();
  let reloadPolicy: (by: string) => Promise<ReloadOutcome> = async () => ({ ok: false, errors: ['not started'], hash: policy.version });
  const app = createHttpApp({
    database,
    ring,
    metrics,
    adminToken,
    adminRoutes: [
      ['/consents', consentApi(stores.consents)],
      ['/policy', policyApi({ reload: () => reloadPolicy('admin-api'), current: () => ({ hash: policy.version, source: policy.current.source }), versions: stores.policyVersions })],
      ['/dkim', dkimApi(dkim)],
      ['/domains', domainApi(stores.domainStatus)],
      ['/tls-reports', tlsReportApi(stores.tlsReports, config.hostname)],
    ],
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(config.smtp.port, config.smtp.host, () => {
      smtp.removeListener('error', reject);
      resolve();
    });
  });
  const http = await new Promise<ReturnType<typeof serveHttp>>((resolve, reject) => {
    const s = serveHttp({ fetch: (req, env) => app.fetch(req, env), hostname: config.http.host, port: config.http.port }, () => resolve(s));
    s.once('error', reject);
  });
  const smtpAddress = smtp.server.address() as AddressInfo;
  const httpAddress = http.address() as AddressInfo;
  const fmt = (a: AddressInfo) => (a.family === 'IPv6' ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`);
  writeInstanceFile(config.dataDir, fmt(httpAddress), adminToken);

  worker.start();
  const monitor = startDomainMonitor({ config, log, store: stores.domainStatus, policyStore: stores.mtaSts });
  log.info({ database: database.describe, smtp: fmt(smtpAddress), http: fmt(httpAddress), tls: identity.generated ? 'self-signed' : 'configured' }, 'phigate started');
  process.stdout.write(`phigate ready smtp=${fmt(smtpAddress)} http=${fmt(httpAddress)}\n`);

  let stopping: Promise<void> | null = null;
  const shutdown = () =>
    (stopping ??= (async () => {
      log.info('shutting down: no new connections, finishing in-flight work');
      monitor.stop();
      await new Promise<void>((r) => smtp.close(() => r()));
      await acceptor.drained();
      await worker.stop(6000);
      await releaseLeases(database.db, owner).catch(() => 0);
      await new Promise<void>((r) => http.close(() => r()));
      removeInstanceFile(config.dataDir);
      await database.close().catch((err) => log.warn({ err: errInfo(err) }, 'database close failed'));
      log.info('stopped');
      log.flush();
    })());
  reloadPolicy = async (by: string): Promise<ReloadOutcome> => {
    const result = policy.reload();
    if (!result.ok) {
      const errors = result.error.message.split('\n');
      log.error({ problems: errors, version: result.hash }, 'policy reload failed; the last good policy stays in force');
      return { ok: false, errors, hash: result.hash };
    }
    tenants = new TenantIdentifier(policy.policy.tenants);
    await recordPolicyLoad(stores.policyVersions, policy, by);
    log.info({ version: result.hash, previous: result.previousHash, changed: result.changed }, 'policy reloaded');
    return { ok: true, hash: result.hash, changed: result.changed };
  };
  return { smtpAddress, httpAddress, shutdown, reloadPolicy: () => void reloadPolicy('SIGHUP').catch((err) => log.error({ error: (err as Error).message }, 'policy reload failed')) };
}

/** Stores the policy text (sealed) under its version and audits the load. */
async function recordPolicyLoad(versions: PolicyVersionStore, holder: PolicyHolder, loadedBy: string): Promise<void> {
  const text = holder.path ? fs.readFileSync(holder.path, 'utf8') : EMBEDDED_POLICY_YAML;
  await versions.recordLoad({ hash: holder.version, source: holder.current.source, text, loadedBy });
}
