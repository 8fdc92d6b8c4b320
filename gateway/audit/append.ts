// Appends events inside the caller's transaction, so an event exists exactly when the state
// change it records was committed. A transaction-scoped advisory lock serialises appenders
// across replicas: the chain has one order, and `seq` has no gaps. Raw SQL (db/raw.ts): this
// runs for every message several times, and drizzle's builder cost more than the insert.
import type { Tx } from '../../db/client.ts';
import { insertRows, rawRows, type RawParam } from '../../db/raw.ts';
import { chainEvents, eventValues, GENESIS_HASH, type AuditFields, type ChainedEvent } from './chain.ts';

const AUDIT_LOCK = 0x61756474; // 'audt'
const ROWS_PER_INSERT = 1000;
const COLUMNS = {
  seq: 'bigint',
  time: 'timestamptz',
  event: 'text',
  message_id: 'text',
  sender: 'text',
  recipient: 'text',
  method: 'text',
  tls_version: 'text',
  tls_cipher: 'text',
  mx_host: 'text',
  outcome: 'text',
  detail: 'jsonb',
  prev_hash: 'text',
  hash: 'text',
} as const;

// Columns in eventValues' order; detail goes in as JSON text.
const row = (e: ChainedEvent): RawParam[] => eventValues(e).map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v)).concat(e.hash);

export async function appendAudit(tx: Tx, key: Buffer, events: AuditFields[]): Promise<void> {
  if (events.length === 0) return;
  // Sent together (pipelined on the one connection): the SELECT runs only once the lock is held.
  const [, [last]] = await Promise.all([
    rawRows(tx, `select pg_advisory_xact_lock(${AUDIT_LOCK})`, []),
    rawRows<{ seq: string | number; hash: string }>(tx, 'select seq, hash from audit_events order by seq desc limit 1', []),
  ]);
  const chained = chainEvents(key, last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS_HASH }, events);
  for (let i = 0; i < chained.length; i += ROWS_PER_INSERT) {
    await insertRows(tx, 'audit_events', COLUMNS, chained.slice(i, i + ROWS_PER_INSERT).map(row));
  }
}
