// The one schema both drivers run (PGlite embedded, Postgres via `postgres`).
// Message content never lives here in clear: header and body chunks are AES-256-GCM
// ciphertext under a per-message data key, itself wrapped by PHIGATE_MASTER_KEY.
import { bigint, bigserial, boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => v,
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
});

export const messages = pgTable('messages', {
  id: text('id').primaryKey(),
  tenant: text('tenant').notNull(),
  mailFrom: text('mail_from').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
  clientIp: text('client_ip').notNull(),
  /** Inbound TLS protocol (e.g. TLSv1.3) or null when the session was plaintext. */
  inboundTls: text('inbound_tls'),
  smtpUtf8: boolean('smtp_utf8').notNull().default(false),
  requireTls: boolean('require_tls').notNull().default(false),
  /** The Message-ID header value: an identifier, not content; lets compliance correlate. */
  messageIdHeader: text('message_id_header'),
  wrappedKey: bytea('wrapped_key').notNull(),
  header: bytea('header').notNull(),
  chunkCount: integer('chunk_count').notNull(),
  /** Set when every delivery job is final and the content has been purged. */
  purgedAt: timestamp('purged_at', { withTimezone: true, mode: 'date' }),
});

export const messageChunks = pgTable(
  'message_chunks',
  {
    messageId: text('message_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.seq] })],
);

/** One job per (message, recipient domain); `recipients` holds the ones still pending. */
export const deliveryJobs = pgTable(
  'delivery_jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    messageId: text('message_id').notNull(),
    domain: text('domain').notNull(),
    recipients: jsonb('recipients').$type<string[]>().notNull(),
    state: text('state').$type<JobState>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull(),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true, mode: 'date' }),
    lastReply: text('last_reply'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('delivery_jobs_due').on(t.state, t.nextAttemptAt),
    index('delivery_jobs_message').on(t.messageId),
  ],
);
export type JobState = 'queued' | 'delivered' | 'bounced' | 'dropped';

/** Append-only, hash-chained. `seq` is assigned under an advisory lock so it has no gaps. */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    time: timestamp('time', { withTimezone: true, mode: 'date' }).notNull(),
    event: text('event').notNull(),
    messageId: text('message_id'),
    sender: text('sender'),
    recipient: text('recipient'),
    method: text('method'),
    tlsVersion: text('tls_version'),
    tlsCipher: text('tls_cipher'),
    mxHost: text('mx_host'),
    outcome: text('outcome'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_events_time').on(t.time), index('audit_events_message').on(t.messageId)],
);

/** Small facts about the installation, e.g. the master key's check value. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
