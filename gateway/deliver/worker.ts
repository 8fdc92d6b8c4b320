// The delivery loop: claim due jobs (with a lease), deliver each over its next hops, and
// commit the outcome — job state, audit events, bounces — in one transaction per batch.
import { Readable } from 'node:stream';
import type { Logger } from 'pino';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../audit/append.ts';
import type { AuditFields } from '../audit/chain.ts';
import type { Config } from '../config.ts';
import type { Metrics } from '../observe/metrics.ts';
import type { KeyRing } from '../spool/crypto.ts';
import { GroupCommitter } from '../spool/group-commit.ts';
import { claimJobs, finishJobs, releaseLeases, type ClaimedJob, type JobUpdate } from '../spool/jobs.ts';
import { insertMessages, loadMessage, newMessageId, purgeFinished, readBody, type NewMessage, type StoredMessage } from '../spool/messages.ts';
import { newDataKey } from '../spool/crypto.ts';
import { buildDsn, type FailedRecipient } from './dsn.ts';
import { NextHopResolver, type Route } from './next-hop.ts';
import { isExpired, nextAttemptAt } from './retry.ts';
import { attemptDelivery, ConnectionCache, statusOf, type AttemptReport } from './smtp-attempt.ts';
import { chooseTransportSecurity } from './transport-security.ts';

interface Outcome {
  job: ClaimedJob;
  update: JobUpdate;
  events: AuditFields[];
  dsn: NewMessage | null;
}

export interface WorkerDeps {
  config: Config;
  database: Database;
  ring: KeyRing;
  log: Logger;
  metrics: Metrics;
  owner: string;
}

export class DeliveryWorker {
  private readonly deps: WorkerDeps;
  private readonly resolver: NextHopResolver;
  private readonly cache = new ConnectionCache();
  private readonly committer: GroupCommitter<Outcome>;
  private inFlight = 0;
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  private loopDone: Promise<void> | null = null;
  private idleWaiters: Array<() => void> = [];

  constructor(deps: WorkerDeps) {
    this.deps = deps;
    this.resolver = new NextHopResolver(deps.config.transport, deps.config.dnsServers);
    this.committer = new GroupCommitter((batch) => this.commit(batch), { maxBatch: 200 });
  }

  start(): void {
    this.loopDone = this.loop();
  }

  /** Called when new jobs were committed, so they go out without waiting for the poll. */
  wake(): void {
    const w = this.wakeUp;
    this.wakeUp = null;
    w?.();
  }

  /** Stop claiming; give in-flight deliveries `graceMs` to finish, then hand back their leases. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loopDone;
    const deadline = Date.now() + graceMs;
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise<void>((r) => (this.idleWaiters.push(r), setTimeout(r, 100)));
    await this.committer.drained();
    this.cache.closeAll();
    await releaseLeases(this.deps.database.db, this.deps.owner).catch(() => 0);
  }

  private async loop(): Promise<void> {
    const { config, database, log } = this.deps;
    while (!this.stopping) {
      const free = config.deliveryConcurrency - this.inFlight;
      let claimed: ClaimedJob[] = [];
      if (free > 0) {
        try {
          claimed = await claimJobs(database.db, this.deps.owner, free, config.leaseSeconds);
        } catch (err) {
          log.warn({ err: { message: (err as Error).message } }, 'could not claim delivery jobs; retrying');
        }
      }
      for (const job of claimed) {
        this.inFlight += 1;
        void this.process(job).finally(() => {
          this.inFlight -= 1;
          for (const w of this.idleWaiters.splice(0)) w();
          this.wake();
        });
      }
      if (this.stopping) break;
      // Full batch claimed and slots left: look again at once. Otherwise wait for a wake-up
      // (new mail, a finished delivery) or the poll interval (retries, other replicas' mail).
      if (claimed.length > 0 && claimed.length === free) continue;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, config.pollSeconds * 1000 * (0.8 + Math.random() * 0.4));
        this.wakeUp = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  }

  private async process(job: ClaimedJob): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = await this.deliver(job);
    } catch (err) {
      // Our own trouble (database read failed, …): try again later, never lose the job.
      this.deps.log.error({ err: { message: (err as Error).message }, job: job.id }, 'delivery failed internally; deferring');
      outcome = this.deferAll(job, `4.3.0 internal error: ${(err as Error).message}`.slice(0, 300));
    }
    try {
      await this.committer.submit(outcome);
    } catch (err) {
      // The lease expires and the job is retried; the remote may then see it twice, which
      // is the unavoidable window between its 250 and our commit.
      this.deps.log.error({ err: { message: (err as Error).message }, job: job.id }, 'could not record a delivery outcome');
    }
  }

  private deferAll(job: ClaimedJob, reply: string): Outcome {
    return {
      job,
      update: { id: job.id, state: 'queued', recipients: job.recipients, nextAttemptAt: nextAttemptAt(this.deps.config.retry, job.attempts), lastReply: reply },
      events: job.recipients.map((r) => ({ event: 'deferred' as const, messageId: job.messageId, recipient: r, outcome: 'deferred', detail: { reply, attempts: job.attempts } })),
      dsn: null,
    };
  }

  private async deliver(job: ClaimedJob): Promise<Outcome> {
    const { config, database, ring } = this.deps;
    const msg = await loadMessage(database.db, ring, job.messageId);
    if (!msg) {
      return {
        job,
        update: { id: job.id, state: 'dropped', recipients: job.recipients, lastReply: 'message content missing' },
        events: job.recipients.map((r) => ({ event: 'dropped' as const, messageId: job.messageId, recipient: r, outcome: 'dropped', detail: { reason: 'content-missing' } })),
        dsn: null,
      };
    }
    const security = chooseTransportSecurity(msg);
    const base = { messageId: msg.id, sender: msg.mailFrom, method: security.method };
    const events: AuditFields[] = [];
    const delivered: Array<{ recipient: string; report: AttemptReport }> = [];
    const failedPermanently: FailedRecipient[] = [];
    let pending = [...job.recipients];
    let lastTemp = '';

    const resolution = await this.resolver.resolve(job.domain);
    if (!resolution.ok) {
      events.push({ ...base, event: 'attempt', recipient: pending.join(','), outcome: resolution.permanent ? 'failed' : 'deferred', detail: { stage: 'resolve', status: resolution.status, reply: resolution.reply } });
      if (resolution.permanent) {
        for (const r of pending) failedPermanently.push({ recipient: r, status: resolution.status, diagnostic: resolution.reply, action: 'failed' });
        pending = [];
      } else lastTemp = `${resolution.status} ${resolution.reply}`;
    } else {
      const needsSmtpUtf8 = msg.smtpUtf8 || /[^\x00-\x7f]/.test(msg.mailFrom + pending.join(''));
      for (const route of resolution.routes) {
        if (pending.length === 0) break;
        const report = await attemptDelivery(
          route,
          { from: msg.mailFrom, to: pending, size: msg.size, needsSmtpUtf8 },
          security,
          () => contentStream(database, msg),
          { ehloName: config.hostname, timeoutMs: config.smtpTimeoutSeconds * 1000, cache: this.cache },
        );
        events.push(attemptEvent(base, report, pending));
        this.deps.metrics.attempts.inc({ result: report.failure ? (report.failure.permanent ? 'failed' : 'deferred') : 'ok', tls: report.tls ? 'yes' : 'no' });
        for (const a of report.accepted) delivered.push({ recipient: a, report });
        for (const rj of report.rejected) {
          if (rj.permanent) failedPermanently.push({ recipient: rj.recipient, status: statusOf(rj.reply, rj.code), diagnostic: rj.reply, remoteMta: route.mxHost, action: 'failed' });
          else lastTemp = rj.reply;
        }
        const settled = new Set([...report.accepted, ...report.rejected.filter((r) => r.permanent).map((r) => r.recipient)]);
        if (report.failure?.permanent) {
          for (const r of pending.filter((p) => !settled.has(p))) failedPermanently.push({ recipient: r, status: report.failure.status, diagnostic: report.failure.reply, remoteMta: route.mxHost, action: 'failed' });
          pending = [];
          break;
        }
        pending = pending.filter((p) => !settled.has(p));
        if (report.failure) lastTemp = report.failure.reply;
        // Only trouble reaching or talking to this host sends us to the next one; a server
        // that answered the transaction has spoken for the domain.
        if (!report.failure || report.failure.stage === 'transaction' || report.failure.stage === 'policy') break;
      }
    }

    for (const d of delivered) {
      events.push({ ...base, event: 'delivered', recipient: d.recipient, outcome: 'delivered', tlsVersion: d.report.tls?.version ?? null, tlsCipher: d.report.tls?.cipher ?? null, mxHost: d.report.route.mxHost, detail: { ip: d.report.route.ip, reply: d.report.reply, certificateVerified: d.report.tls?.nameVerified ?? false } });
      this.deps.metrics.delivered.inc({ method: security.method });
      this.deps.metrics.deliveryLatency.observe((Date.now() - msg.receivedAt.getTime()) / 1000);
    }
    const expired = pending.length > 0 && isExpired(config.retry, job.createdAt);
    if (expired) {
      for (const r of pending) failedPermanently.push({ recipient: r, status: '4.4.7', diagnostic: `delivery time expired; last error: ${lastTemp}`, action: 'failed' });
      pending = [];
    }
    for (const f of failedPermanently) {
      events.push({ ...base, event: 'bounced', recipient: f.recipient, outcome: 'bounced', mxHost: f.remoteMta ?? null, detail: { status: f.status, reply: f.diagnostic } });
      this.deps.metrics.bounced.inc();
    }
    const dsn = failedPermanently.length > 0 ? this.makeDsn(msg, failedPermanently) : null;

    if (pending.length > 0) {
      this.deps.metrics.deferred.inc();
      const when = nextAttemptAt(config.retry, job.attempts);
      for (const r of pending) events.push({ ...base, event: 'deferred', recipient: r, outcome: 'deferred', detail: { reply: lastTemp, attempts: job.attempts, nextAttemptAt: when.toISOString() } });
      return { job, update: { id: job.id, state: 'queued', recipients: pending, nextAttemptAt: when, lastReply: lastTemp }, events, dsn };
    }
    const state = delivered.length > 0 ? 'delivered' : 'bounced';
    const lastReply = delivered.length > 0 ? delivered[delivered.length - 1].report.reply : (failedPermanently[0]?.diagnostic ?? '');
    return { job, update: { id: job.id, state, recipients: job.recipients, lastReply }, events, dsn };
  }

  private makeDsn(msg: StoredMessage, failed: FailedRecipient[]): NewMessage | null {
    // Never bounce a bounce (RFC 5321 §6.1): the null sender gets no notification.
    if (!msg.mailFrom) return null;
    const body = buildDsn({ reportingMta: this.deps.config.hostname, sender: msg.mailFrom, originalHeader: msg.header, arrivalDate: msg.receivedAt, recipients: failed });
    const split = body.indexOf('\r\n\r\n') + 4;
    const id = newMessageId();
    return {
      id,
      dataKey: newDataKey(),
      tenant: msg.tenant,
      mailFrom: '',
      recipients: [msg.mailFrom],
      size: body.length,
      receivedAt: new Date(),
      clientIp: 'local',
      inboundTls: null,
      smtpUtf8: false,
      requireTls: false,
      messageIdHeader: null,
      header: body.subarray(0, split),
      pendingChunks: [body.subarray(split)],
      storedChunks: 0,
      receivedDetail: { dsnFor: msg.id },
    };
  }

  private async commit(batch: Outcome[]): Promise<void> {
    const { database, ring, owner, log } = this.deps;
    let lost: number[] = [];
    await database.db.transaction(async (tx) => {
      lost = await finishJobs(tx, owner, batch.map((o) => o.update));
      const dsns = batch.flatMap((o) => (o.dsn ? [o.dsn] : []));
      await appendAudit(tx, ring.auditKey, batch.flatMap((o) => o.events));
      if (dsns.length) await insertMessages(tx, ring, dsns);
      await purgeFinished(tx, [...new Set(batch.map((o) => o.job.messageId))]);
    });
    if (lost.length) log.warn({ jobs: lost }, 'lease lost before the outcome was recorded (another worker took over)');
    if (batch.some((o) => o.dsn)) this.wake();
  }
}

function contentStream(database: Database, msg: StoredMessage): Readable {
  async function* all() {
    yield msg.header;
    yield* readBody(database.db, msg);
  }
  return Readable.from(all(), { objectMode: false });
}

function attemptEvent(base: { messageId: string; sender: string; method: string }, r: AttemptReport, recipients: string[]): AuditFields {
  return {
    ...base,
    event: 'attempt',
    recipient: recipients.join(','),
    mxHost: r.route.mxHost,
    tlsVersion: r.tls?.version ?? null,
    tlsCipher: r.tls?.cipher ?? null,
    outcome: r.failure ? (r.failure.permanent ? 'failed' : 'deferred') : r.rejected.length ? 'partial' : 'accepted',
    detail: {
      ip: r.route.ip,
      port: r.route.port,
      tls: r.tls !== null,
      certificateVerified: r.tls?.nameVerified ?? false,
      certificateAuthorized: r.tls?.authorized ?? false,
      tlsFallbackToClear: r.tlsFallback,
      reusedConnection: r.reusedConnection,
      stage: r.failure?.stage ?? 'done',
      reply: r.failure?.reply ?? r.reply,
      rejected: r.rejected.map((x) => ({ recipient: x.recipient, code: x.code })),
    },
  };
}

export type { Route };
