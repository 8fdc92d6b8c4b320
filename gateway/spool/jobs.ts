// Delivery jobs and their leases. A worker claims due jobs with FOR UPDATE SKIP LOCKED, so
// replicas sharing one Postgres never claim the same job; a lease that expires (its worker
// crashed) makes the job claimable again.
import { and, eq, isNotNull, like } from 'drizzle-orm';
import { queryRows, sql, type Db, type Tx } from '../../db/client.ts';
import { deliveryJobs, type JobState } from '../../db/schema.ts';
import { isoTime, rawRows, valuesList } from '../../db/raw.ts';

export interface ClaimedJob {
  id: number;
  messageId: string;
  domain: string;
  recipients: string[];
  attempts: number;
  createdAt: Date;
}

export async function claimJobs(db: Db, owner: string, limit: number, leaseSeconds: number): Promise<ClaimedJob[]> {
  const rows = await queryRows<{ id: string | number; message_id: string; domain: string; recipients: string[] | string; attempts: number; created_at: Date | string }>(
    db,
    sql`update delivery_jobs set lease_owner = ${owner},
          lease_expires_at = now() + make_interval(secs => ${leaseSeconds}),
          attempts = attempts + 1
        where id in (
          select id from delivery_jobs
          where state = 'queued' and next_attempt_at <= now()
            and (lease_expires_at is null or lease_expires_at < now())
          order by next_attempt_at
          limit ${limit}
          for update skip locked)
        returning id, message_id, domain, recipients, attempts, created_at`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    messageId: r.message_id,
    domain: r.domain,
    recipients: typeof r.recipients === 'string' ? JSON.parse(r.recipients) : r.recipients,
    attempts: r.attempts,
    createdAt: new Date(r.created_at),
  }));
}

export interface JobUpdate {
  id: number;
  state: JobState;
  /** Recipients still pending (for a deferral); final states keep the list for the record. */
  recipients: string[];
  nextAttemptAt?: Date;
  lastReply: string;
}

/** Applies the outcomes (one statement) where this worker still holds the lease; returns the ids it could not update. */
export async function finishJobs(tx: Tx, owner: string, updates: JobUpdate[]): Promise<number[]> {
  if (updates.length === 0) return [];
  const values = valuesList(
    ['bigint', 'text', 'jsonb', 'timestamptz', 'text'],
    updates.map((u) => [u.id, u.state, JSON.stringify(u.recipients), isoTime(u.nextAttemptAt), u.lastReply.slice(0, 1000)]),
    2,
  );
  const done = await rawRows<{ id: string | number }>(
    tx,
    `update delivery_jobs j set
       state = v.state, recipients = v.recipients,
       next_attempt_at = coalesce(v.next_at, j.next_attempt_at),
       last_reply = v.reply, lease_owner = null, lease_expires_at = null,
       finished_at = case when v.state = 'queued' then null else now() end
     from (values ${values.text}) as v(id, state, recipients, next_at, reply)
     where j.id = v.id and j.lease_owner = $1::text
     returning j.id`,
    [owner, ...values.params],
  );
  const updated = new Set(done.map((r) => Number(r.id)));
  return updates.filter((u) => !updated.has(u.id)).map((u) => u.id);
}

/** Hands back unfinished work (graceful shutdown): the jobs become claimable at once. */
export async function releaseLeases(db: Db, owner: string): Promise<number> {
  const res = await db
    .update(deliveryJobs)
    .set({ leaseOwner: null, leaseExpiresAt: null })
    .where(and(eq(deliveryJobs.leaseOwner, owner), eq(deliveryJobs.state, 'queued')))
    .returning({ id: deliveryJobs.id });
  return res.length;
}

/** Embedded database only (one process by construction): every lease found at start is stale. */
export async function releaseAllLeases(db: Db): Promise<number> {
  const res = await db
    .update(deliveryJobs)
    .set({ leaseOwner: null, leaseExpiresAt: null })
    .where(and(isNotNull(deliveryJobs.leaseOwner), eq(deliveryJobs.state, 'queued')))
    .returning({ id: deliveryJobs.id });
  return res.length;
}

/**
 * Releases leases left by earlier processes of this instance that no longer run (a crash or
 * kill -9), so a restart resumes their jobs at once instead of waiting for lease expiry.
 * Owners are `instance:pid`; only dead pids of our own instance are touched.
 */
export async function reclaimDeadLeases(db: Db, instanceId: string, isAlive: (pid: number) => boolean): Promise<number> {
  const owners = await db
    .selectDistinct({ owner: deliveryJobs.leaseOwner })
    .from(deliveryJobs)
    .where(and(eq(deliveryJobs.state, 'queued'), like(deliveryJobs.leaseOwner, `${instanceId}:%`)));
  let released = 0;
  for (const { owner } of owners) {
    const pid = Number(owner?.slice(instanceId.length + 1));
    if (!owner || !Number.isInteger(pid) || isAlive(pid)) continue;
    released += await releaseLeases(db, owner);
  }
  return released;
}

export async function queueDepth(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(db, sql`select count(*) as n from delivery_jobs where state = 'queued'`);
  return Number(row?.n ?? 0);
}
