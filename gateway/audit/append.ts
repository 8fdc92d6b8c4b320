// Appends events inside the caller's transaction, so an event exists exactly when the state
// change it records was committed. A transaction-scoped advisory lock serialises appenders
// across replicas: the chain has one order, and `seq` has no gaps.
import { desc } from 'drizzle-orm';
import { sql, type Tx } from '../../db/client.ts';
import { auditEvents } from '../../db/schema.ts';
import { chainEvents, GENESIS_HASH, type AuditFields } from './chain.ts';

const AUDIT_LOCK = 0x61756474; // 'audt'
const ROWS_PER_INSERT = 1000;

export async function appendAudit(tx: Tx, key: Buffer, events: AuditFields[]): Promise<void> {
  if (events.length === 0) return;
  // Sent together (pipelined on the one connection): the SELECT runs only once the lock is held.
  const [, [last]] = await Promise.all([
    tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`),
    tx.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1),
  ]);
  const chained = chainEvents(key, last ?? { seq: 0, hash: GENESIS_HASH }, events);
  for (let i = 0; i < chained.length; i += ROWS_PER_INSERT) {
    await tx.insert(auditEvents).values(chained.slice(i, i + ROWS_PER_INSERT));
  }
}
