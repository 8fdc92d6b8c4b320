// Durable storage of accepted messages: envelope, sealed header, sealed body chunks, and one
// delivery job per recipient domain, all written in the transaction that accepts them.
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { insertRows, isoTime, rawRows, type RawParam } from '../../db/raw.ts';
import { messageChunks, messages } from '../../db/schema.ts';
import type { AuditFields } from '../audit/chain.ts';
import { chunkAad, headerAad, open, randomBytes, seal, unwrapDataKey, wrapDataKey, type KeyRing } from './crypto.ts';

/** Body chunk size: large messages stream through the database in pieces of this size. */
export const CHUNK_SIZE = 1024 * 1024;

export interface NewMessage {
  id: string;
  dataKey: Buffer;
  tenant: string;
  mailFrom: string;
  recipients: string[];
  size: number;
  receivedAt: Date;
  clientIp: string;
  inboundTls: { protocol: string; cipher: string } | null;
  smtpUtf8: boolean;
  requireTls: boolean;
  messageIdHeader: string | null;
  /** The rewritten header block (without the blank line), plaintext; sealed on insert. */
  header: Buffer;
  /** Body chunks not yet stored (numbered after `storedChunks`). */
  pendingChunks: Buffer[];
  storedChunks: number;
  facts: Record<string, unknown>;
  policyVersion: string | null;
  /** Extra audit events to commit with this message (e.g. the bounce that created it). */
  audit?: AuditFields[];
  /** Detail for the `received` event: types and counts, never content. */
  receivedDetail?: Record<string, unknown>;
  /**
   * Lease the new jobs to this worker in the accepting transaction, so it can deliver from
   * memory at once (no claim, no re-read). A crash leaves ordinary leased jobs behind.
   */
  leaseTo?: { owner: string; seconds: number };
  /** Set by insertMessages when `leaseTo` was given: the jobs now leased to that owner. */
  leasedJobs?: Array<{ id: number; domain: string; recipients: string[]; createdAt: Date }>;
}

// Column → cast, for the raw multi-row inserts of the hot path (db/raw.ts); the names are db/schema.ts's.
const MESSAGE_COLUMNS = {
  id: 'text',
  tenant: 'text',
  mail_from: 'text',
  size: 'bigint',
  received_at: 'timestamptz',
  client_ip: 'text',
  inbound_tls: 'text',
  smtp_utf8: 'boolean',
  require_tls: 'boolean',
  message_id_header: 'text',
  wrapped_key: 'bytea',
  header: 'bytea',
  chunk_count: 'integer',
  facts: 'jsonb',
  policy_version: 'text',
} as const;
const CHUNK_COLUMNS = { message_id: 'text', seq: 'integer', data: 'bytea' } as const;
const JOB_COLUMNS = {
  message_id: 'text',
  domain: 'text',
  recipients: 'jsonb',
  state: 'text',
  next_attempt_at: 'timestamptz',
  created_at: 'timestamptz',
  lease_owner: 'text',
  lease_expires_at: 'timestamptz',
  attempts: 'integer',
} as const;

export function newMessageId(): string {
  // Time-ordered so ids sort by arrival; 80 random bits make collisions irrelevant.
  return Date.now().toString(36).padStart(9, '0') + randomBytes(10).toString('hex');
}

export function recipientDomain(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

export function groupByDomain(recipients: string[]): Map<string, string[]> {
  const byDomain = new Map<string, string[]>();
  for (const r of recipients) {
    const d = recipientDomain(r);
    byDomain.set(d, [...(byDomain.get(d) ?? []), r]);
  }
  return byDomain;
}

/** Stores one body chunk ahead of acceptance (large messages); invisible until the message row commits. */
export async function storeChunk(db: Db, ring: KeyRing, id: string, dataKey: Buffer, seq: number, plain: Buffer): Promise<void> {
  await insertRows(db, 'message_chunks', CHUNK_COLUMNS, [[id, seq, seal(dataKey, chunkAad(id, seq), plain)]]);
}

/**
 * Inserts accepted messages and their jobs; returns the audit events to append. The caller
 * appends them as the transaction's last statement, so the chain's lock is held briefly.
 */
export async function insertMessages(tx: Tx, ring: KeyRing, batch: NewMessage[]): Promise<AuditFields[]> {
  const now = new Date();
  const chunkRows = batch.flatMap((m) =>
    m.pendingChunks.map((plain, i): RawParam[] => [m.id, m.storedChunks + i, seal(m.dataKey, chunkAad(m.id, m.storedChunks + i), plain)]),
  );
  const messageRows = batch.map((m): RawParam[] => [
    m.id,
    m.tenant,
    m.mailFrom,
    m.size,
    isoTime(m.receivedAt),
    m.clientIp,
    m.inboundTls?.protocol ?? null,
    m.smtpUtf8,
    m.requireTls,
    m.messageIdHeader,
    wrapDataKey(ring, m.id, m.dataKey),
    seal(m.dataKey, headerAad(m.id), m.header),
    m.storedChunks + m.pendingChunks.length,
    JSON.stringify(m.facts),
    m.policyVersion,
  ]);
  const jobRows = batch.flatMap((m) =>
    [...groupByDomain(m.recipients)].map(([domain, recipients]) => ({ messageId: m.id, domain, recipients, leaseTo: m.leaseTo })),
  );
  const nowIso = isoTime(now);
  const jobParams = jobRows.map((j): RawParam[] => [
    j.messageId,
    j.domain,
    JSON.stringify(j.recipients),
    'queued',
    nowIso,
    nowIso,
    j.leaseTo?.owner ?? null,
    j.leaseTo ? isoTime(new Date(now.getTime() + j.leaseTo.seconds * 1000)) : null,
    j.leaseTo ? 1 : 0,
  ]);
  // Sent together: on Postgres the statements are pipelined on the transaction's connection.
  const chunkInserts = [];
  for (let i = 0; i < chunkRows.length; i += 100) chunkInserts.push(insertRows(tx, 'message_chunks', CHUNK_COLUMNS, chunkRows.slice(i, i + 100)));
  const [, , inserted] = await Promise.all([
    insertRows(tx, 'messages', MESSAGE_COLUMNS, messageRows),
    Promise.all(chunkInserts),
    insertRows<{ id: string | number; message_id: string; domain: string }>(tx, 'delivery_jobs', JOB_COLUMNS, jobParams, 'id, message_id, domain'),
  ]);
  const byMessage = new Map(batch.map((m) => [m.id, m]));
  for (const [i, row] of inserted.entries()) {
    const m = byMessage.get(row.message_id);
    if (m?.leaseTo) (m.leasedJobs ??= []).push({ id: Number(row.id), domain: row.domain, recipients: jobRows[i].recipients, createdAt: now });
  }
  const events: AuditFields[] = [];
  for (const m of batch) {
    events.push(...(m.audit ?? []));
    events.push({
      event: 'received',
      messageId: m.id,
      sender: m.mailFrom,
      recipient: m.recipients.join(','),
      outcome: 'accepted',
      tlsVersion: m.inboundTls?.protocol ?? null,
      tlsCipher: m.inboundTls?.cipher ?? null,
      detail: {
        size: m.size,
        tenant: m.tenant,
        clientIp: m.clientIp,
        recipients: m.recipients.length,
        smtpUtf8: m.smtpUtf8,
        requireTls: m.requireTls,
        messageIdHeader: m.messageIdHeader,
        ...m.receivedDetail,
      },
    });
    for (const r of m.recipients) events.push({ event: 'queued', messageId: m.id, sender: m.mailFrom, recipient: r, outcome: 'queued' });
  }
  return events;
}

export interface StoredMessage {
  id: string;
  tenant: string;
  mailFrom: string;
  size: number;
  receivedAt: Date;
  smtpUtf8: boolean;
  requireTls: boolean;
  messageIdHeader: string | null;
  header: Buffer;
  chunkCount: number;
  dataKey: Buffer;
  facts: Record<string, unknown>;
  policyVersion: string | null;
  /** Sealed body chunk 0, fetched with the row. */
  firstChunk: Buffer | null;
  /** The plain body when the message is still in memory (handed over at acceptance). */
  plainBody?: Buffer[];
}

/** The accepted message as delivery sees it, without a round trip to the database. */
export function storedFromNew(m: NewMessage): StoredMessage {
  return {
    id: m.id,
    tenant: m.tenant,
    mailFrom: m.mailFrom,
    size: m.size,
    receivedAt: m.receivedAt,
    smtpUtf8: m.smtpUtf8,
    requireTls: m.requireTls,
    messageIdHeader: m.messageIdHeader,
    header: m.header,
    chunkCount: m.storedChunks + m.pendingChunks.length,
    dataKey: m.dataKey,
    facts: m.facts,
    policyVersion: m.policyVersion,
    firstChunk: null,
    plainBody: m.storedChunks === 0 ? m.pendingChunks : undefined,
  };
}

export async function loadMessage(db: Db, ring: KeyRing, id: string): Promise<StoredMessage | null> {
  // The first body chunk comes with the row: for the usual small message, one query in all.
  const [row] = await db
    .select({ m: messages, first: messageChunks.data })
    .from(messages)
    .leftJoin(messageChunks, and(eq(messageChunks.messageId, messages.id), eq(messageChunks.seq, 0)))
    .where(eq(messages.id, id))
    .limit(1);
  if (!row || row.m.purgedAt) return null;
  const m = row.m;
  const dataKey = unwrapDataKey(ring, id, m.wrappedKey);
  return {
    id,
    tenant: m.tenant,
    mailFrom: m.mailFrom,
    size: m.size,
    receivedAt: m.receivedAt,
    smtpUtf8: m.smtpUtf8,
    requireTls: m.requireTls,
    messageIdHeader: m.messageIdHeader,
    header: open(dataKey, headerAad(id), m.header),
    chunkCount: m.chunkCount,
    dataKey,
    facts: m.facts ?? {},
    policyVersion: m.policyVersion,
    firstChunk: row.first ?? null,
  };
}

/** Body chunks in order, one at a time, so a 50 MB message never sits in memory whole. */
export async function* readBody(db: Db, msg: StoredMessage): AsyncGenerator<Buffer> {
  if (msg.plainBody) {
    yield* msg.plainBody;
    return;
  }
  for (let seq = 0; seq < msg.chunkCount; seq++) {
    let sealed = seq === 0 ? msg.firstChunk : null;
    if (!sealed) {
      const [row] = await db
        .select({ data: messageChunks.data })
        .from(messageChunks)
        .where(and(eq(messageChunks.messageId, msg.id), eq(messageChunks.seq, seq)));
      sealed = row?.data ?? null;
    }
    if (!sealed) throw new Error(`message ${msg.id}: body chunk ${seq} is missing`);
    yield open(msg.dataKey, chunkAad(msg.id, seq), sealed);
  }
}

/** Deletes the content of messages whose every job is final (one statement); the envelope row stays. */
export async function purgeFinished(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const list = ids.map((_, i) => `$${i + 1}::text`).join(',');
  await rawRows(
    tx,
    `with done as (
       select m.id from messages m
       where m.id in (${list})
         and not exists (select 1 from delivery_jobs j where j.message_id = m.id and j.state = 'queued')
     ), chunks as (
       delete from message_chunks c using done where c.message_id = done.id
     )
     update messages m set purged_at = now(), header = ''::bytea, wrapped_key = ''::bytea
     from done where m.id = done.id`,
    ids,
  );
}
