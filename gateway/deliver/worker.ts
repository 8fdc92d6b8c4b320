// The delivery loop: claim due jobs (with a lease), deliver each (deliver-job.ts), and commit
// the outcomes — job state, audit events, bounces, TLS-RPT counts — in one transaction per batch.
import { Readable } from 'node:stream';
import type { Logger } from 'pino';
import type { Database, Tx } from '../../db/client.ts';
import { appendAudit } from '../audit/append.ts';
import type { Config } from '../config.ts';
import type { Metrics } from '../observe/metrics.ts';
import type { Policy } from '../policy/schema.ts';
import type { MessageFacts } from '../receive/message-facts.ts';
import type { DkimKeyring } from '../secure/dkim/keyring.ts';
import { newDataKey, type KeyRing } from '../spool/crypto.ts';
import { GroupCommitter } from '../spool/group-commit.ts';
import { claimJobs, finishJobs, releaseLeases, type ClaimedJob } from '../spool/jobs.ts';
import { insertMessages, loadMessage, newMessageId, purgeFinished, readBody, storedFromNew, type NewMessage, type StoredMessage } from '../spool/messages.ts';
import { deliverJob, type DeliveryEnv, type JobOutcome } from './deliver-job.ts';
import type { DomainContext } from './domain-context.ts';
import { buildDsn } from './dsn.ts';
import type { TlsSession } from '../stores/tls-report-store.ts';
import { NextHopResolver } from './next-hop.ts';
import { nextAttemptAt } from './retry.ts';
import { ConnectionCache } from './smtp-attempt.ts';

interface Outcome {
  job: ClaimedJob;
  result: JobOutcome;
  dsn: NewMessage | null;
}

export interface WorkerDeps {
  config: Config;
  database: Database;
  ring: KeyRing;
  log: Logger;
  metrics: Metrics;
  owner: string;
  policy: () => { policy: Policy; version: string };
  domains: DomainContext;
  dkim: DkimKeyring;
  hasConsent?: (recipient: string) => Promise<boolean>;
  /** Stores TLS-RPT session results inside the completion transaction. */
  recordTlsSessions?: (tx: Tx, sessions: TlsSession[]) => Promise<void>;
}

export class DeliveryWorker {
  private readonly deps: WorkerDeps;
  private readonly env: DeliveryEnv;
  private readonly cache = new ConnectionCache();
  private readonly committer: GroupCommitter<Outcome>;
  private inFlight = 0;
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  /** Whether the queue may hold due jobs nobody leased; a claim query runs only then. */
  private queueMayHaveWork = true;
  private loopDone: Promise<void> | null = null;
  private idleWaiters: Array<() => void> = [];
  /** Jobs leased to us at acceptance, with their message still in memory. */
  private handedOver: Array<{ job: ClaimedJob; msg: StoredMessage }> = [];
  private handedOverBytes = 0;
  /** Beyond this much waiting in memory, new mail takes the ordinary path through the queue. */
  private readonly maxHandedOverBytes = 16 * 1024 * 1024;

  constructor(deps: WorkerDeps) {
    this.deps = deps;
    this.env = {
      config: deps.config,
      metrics: deps.metrics,
      policy: deps.policy,
      resolver: new NextHopResolver(deps.config.transport, deps.config.dnsServers, deps.config.mxPort),
      domains: deps.domains,
      cache: this.cache,
      content: (msg) => this.outgoing(msg),
      hasConsent: deps.hasConsent,
    };
    this.committer = new GroupCommitter((batch) => this.commit(batch), { maxBatch: 200, lingerMs: deps.config.commitLingerMs * 2 });
  }

  start(): void {
    this.loopDone = this.loop();
  }

  /** Whether new mail should be leased to this worker at acceptance (see handOver). */
  acceptsHandOver(size: number): boolean {
    return !this.stopping && this.handedOverBytes + size <= this.maxHandedOverBytes;
  }

  /** Mail just accepted with its jobs leased to us: deliver it from memory. */
  handOver(msg: NewMessage): void {
    const stored = storedFromNew(msg);
    this.handedOverBytes += msg.size;
    for (const j of msg.leasedJobs ?? []) {
      this.handedOver.push({ job: { id: j.id, messageId: msg.id, domain: j.domain, recipients: j.recipients, attempts: 1, createdAt: j.createdAt }, msg: stored });
    }
    this.nudge();
  }

  /** New jobs were queued (not handed over): look for them without waiting for the poll. */
  wake(): void {
    this.queueMayHaveWork = true;
    this.nudge();
  }

  /** Let the loop run (a slot freed up, or work was handed over); it claims only if the queue may have work. */
  private nudge(): void {
    const w = this.wakeUp;
    this.wakeUp = null;
    w?.();
  }

  /** Stop claiming; give in-flight deliveries `graceMs` to finish, then hand back their leases. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loopDone;
    this.handedOver = []; // still leased to us: released below, then claimable by anyone
    this.handedOverBytes = 0;
    const deadline = Date.now() + graceMs;
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise<void>((r) => (this.idleWaiters.push(r), setTimeout(r, 100)));
    await this.committer.drained();
    this.cache.closeAll();
    await releaseLeases(this.deps.database.db, this.deps.owner).catch(() => 0);
  }

  private async loop(): Promise<void> {
    const { config, database, log } = this.deps;
    while (!this.stopping) {
      let free = config.deliveryConcurrency - this.inFlight;
      while (free > 0 && this.handedOver.length > 0) {
        const { job, msg } = this.handedOver.shift()!;
        if (!this.handedOver.some((h) => h.msg === msg)) this.handedOverBytes -= msg.size;
        this.start1(job, msg);
        free -= 1;
      }
      let claimed: ClaimedJob[] = [];
      if (free > 0 && this.queueMayHaveWork) {
        try {
          claimed = await claimJobs(database.db, this.deps.owner, free, config.leaseSeconds);
          this.queueMayHaveWork = claimed.length === free;
        } catch (err) {
          log.warn({ error: (err as Error).message }, 'could not claim delivery jobs; retrying');
        }
      }
      for (const job of claimed) this.start1(job, null);
      if (this.stopping) break;
      // Full batch claimed and slots left: look again at once. Otherwise wait for a wake-up
      // (new mail, a finished delivery) or the poll interval (retries, other replicas' mail).
      if ((claimed.length > 0 && claimed.length === free) || (this.handedOver.length > 0 && this.inFlight < config.deliveryConcurrency)) continue;
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.queueMayHaveWork = true; // retries come due, other replicas queue mail
          resolve();
        }, config.pollSeconds * 1000 * (0.8 + Math.random() * 0.4));
        this.wakeUp = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  }

  private start1(job: ClaimedJob, inMemory: StoredMessage | null): void {
    this.inFlight += 1;
    void this.process(job, inMemory).finally(() => {
      this.inFlight -= 1;
      for (const w of this.idleWaiters.splice(0)) w();
      this.nudge();
    });
  }

  private async process(job: ClaimedJob, inMemory: StoredMessage | null): Promise<void> {
    let outcome: Outcome;
    try {
      const msg = inMemory ?? (await loadMessage(this.deps.database.db, this.deps.ring, job.messageId));
      if (!msg) outcome = { job, result: contentMissing(job), dsn: null };
      else {
        const result = await deliverJob(job, msg, this.env);
        outcome = { job, result, dsn: result.bounce.length ? this.makeDsn(msg, result) : null };
      }
    } catch (err) {
      // Our own trouble (database read failed, …): try again later, never lose the job.
      this.deps.log.error({ error: (err as Error).message, job: job.id }, 'delivery failed internally; deferring');
      outcome = { job, result: this.deferAll(job, `4.3.0 internal error: ${(err as Error).message}`.slice(0, 300)), dsn: null };
    }
    // The outcome (often a remote 250) must be recorded, or the job would be sent again when
    // its lease expires: keep trying while the database is away, with back-off.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.committer.submit(outcome);
        return;
      } catch (err) {
        this.deps.log.error({ error: (err as Error).message, job: job.id, attempt }, 'could not record a delivery outcome; retrying');
        if (this.stopping && attempt >= 2) return; // the lease expires; the job is retried (and may be seen twice)
        await new Promise((r) => setTimeout(r, Math.min(30_000, 500 * 2 ** attempt)));
      }
    }
  }

  private deferAll(job: ClaimedJob, reply: string): JobOutcome {
    return {
      update: { id: job.id, state: 'queued', recipients: job.recipients, nextAttemptAt: nextAttemptAt(this.deps.config.retry, job.attempts), lastReply: reply },
      events: job.recipients.map((r) => ({ event: 'deferred' as const, messageId: job.messageId, recipient: r, outcome: 'deferred', detail: { reply, attempts: job.attempts } })),
      bounce: [],
      tlsSessions: [],
    };
  }

  /** The message as it leaves: header + body, DKIM-signed when phigate changed signed content. */
  private async outgoing(msg: StoredMessage): Promise<() => Readable> {
    const db = this.deps.database.db;
    const plain = () => Readable.from((async function* () {
      yield msg.header;
      yield* readBody(db, msg);
    })());
    const facts = msg.facts as Partial<MessageFacts>;
    const { policy } = this.deps.policy();
    const wanted = policy.dkim.sign === 'always' || (policy.dkim.sign === 'modified' && facts.modified === true);
    if (!wanted || !facts.fromDomain || facts.fromDomain === undefined) return plain;
    const parts: Buffer[] = [];
    for await (const part of plain()) parts.push(part as Buffer);
    try {
      const signed = await this.deps.dkim.sign(Buffer.concat(parts), facts.fromDomain);
      return () => Readable.from([signed]);
    } catch (err) {
      this.deps.log.warn({ error: (err as Error).message, domain: facts.fromDomain }, 'DKIM signing failed; sending unsigned');
      const whole = Buffer.concat(parts);
      return () => Readable.from([whole]);
    }
  }

  private makeDsn(msg: StoredMessage, result: JobOutcome): NewMessage | null {
    // Never bounce a bounce (RFC 5321 §6.1): the null sender gets no notification.
    if (!msg.mailFrom) return null;
    const body = buildDsn({ reportingMta: this.deps.config.hostname, sender: msg.mailFrom, originalHeader: msg.header, arrivalDate: msg.receivedAt, recipients: result.bounce, explanation: result.bounceExplanation });
    const split = body.indexOf('\r\n\r\n') + 4;
    return {
      id: newMessageId(),
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
      facts: { generated: 'dsn', phi: { containsPhi: false, types: [], score: 0 } },
      policyVersion: msg.policyVersion,
      receivedDetail: { dsnFor: msg.id },
    };
  }

  private async commit(batch: Outcome[]): Promise<void> {
    const { database, ring, owner, log } = this.deps;
    let lost: number[] = [];
    await database.db.transaction(async (tx) => {
      // Issued together and run in this order on the transaction's connection (pipelined on
      // Postgres): the purge sees the outcomes, and the audit append comes last so the chain's
      // lock is held only until the commit.
      const events = batch.flatMap((o) => o.result.events);
      const dsns = batch.flatMap((o) => (o.dsn ? [o.dsn] : []));
      const sessions = batch.flatMap((o) => o.result.tlsSessions);
      const finished = finishJobs(tx, owner, batch.map((o) => o.result.update));
      const dsnEvents = dsns.length ? insertMessages(tx, ring, dsns) : Promise.resolve([]);
      const recorded = sessions.length && this.deps.recordTlsSessions ? this.deps.recordTlsSessions(tx, sessions) : Promise.resolve();
      const purged = purgeFinished(tx, [...new Set(batch.map((o) => o.job.messageId))]);
      const settled = await Promise.all([finished, dsnEvents, recorded, purged]);
      lost = settled[0];
      await appendAudit(tx, ring.auditKey, [...events, ...settled[1]]);
    });
    if (lost.length) log.warn({ jobs: lost }, 'lease lost before the outcome was recorded (another worker took over)');
    if (batch.some((o) => o.dsn)) this.wake();
  }
}

function contentMissing(job: ClaimedJob): JobOutcome {
  return {
    update: { id: job.id, state: 'dropped', recipients: job.recipients, lastReply: 'message content missing' },
    events: job.recipients.map((r) => ({ event: 'dropped' as const, messageId: job.messageId, recipient: r, outcome: 'dropped', detail: { reason: 'content-missing' } })),
    bounce: [],
    tlsSessions: [],
  };
}
