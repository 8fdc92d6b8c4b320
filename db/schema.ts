// The one schema both drivers run (PGlite embedded, Postgres via `postgres`).
// Message content never lives here in clear: header and body chunks are AES-256-GCM
// ciphertext under a per-message data key, itself wrapped by PHIGATE_MASTER_KEY.
import { bigint, bigserial, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';

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
  /** What the policy needs from the content (PHI types and score, escalation, auto-forward); never values. */
  facts: jsonb('facts').$type<Record<string, unknown>>().notNull().default({}),
  /** Version (hash) of the policy in force when the message was accepted. */
  policyVersion: text('policy_version'),
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

/** Every recipient domain seen, its latest probe and when usable TLS was first/last seen there. */
export const domainStatus = pgTable('domain_status', {
  domain: text('domain').primaryKey(),
  firstSeenAt: timestamp('first_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
  lastProbedAt: timestamp('last_probed_at', { withTimezone: true, mode: 'date' }),
  /** A DomainProbe (gateway/deliver/probe/types.ts): hosts, IPs, TLS facts; no message data. */
  lastProbe: jsonb('last_probe').$type<Record<string, unknown>>(),
  tlsFirstSeenAt: timestamp('tls_first_seen_at', { withTimezone: true, mode: 'date' }),
  tlsLastSeenAt: timestamp('tls_last_seen_at', { withTimezone: true, mode: 'date' }),
});

/** Probe history per domain, bounded by the store (oldest rows deleted on insert). */
export const domainProbes = pgTable(
  'domain_probes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    domain: text('domain').notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true, mode: 'date' }).notNull(),
    probe: jsonb('probe').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('domain_probes_domain').on(t.domain, t.id)],
);

/** The MTA-STS policy cache (RFC 8461 §3.3), one entry per policy domain. */
export const mtaStsPolicies = pgTable('mta_sts_policies', {
  domain: text('domain').primaryKey(),
  entry: jsonb('entry').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Per-domain DKIM signing keys; the private key is sealed with the master key (AAD `dkim:<domain>`). */
export const dkimKeys = pgTable('dkim_keys', {
  domain: text('domain').primaryKey(),
  selector: text('selector').notNull(),
  algorithm: text('algorithm').notNull(),
  privateKey: bytea('private_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Patient consent to receive unencrypted e-mail, recorded after the patient was warned. */
export const consents = pgTable(
  'consents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Lower-cased e-mail address. */
    recipient: text('recipient').notNull(),
    scope: text('scope').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    evidenceRef: text('evidence_ref').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    revokedBy: text('revoked_by'),
    revokeReason: text('revoke_reason'),
  },
  (t) => [index('consents_recipient').on(t.recipient, t.scope)],
);

/** Every policy version ever loaded; the file text is sealed with the master key (it holds tenant secrets). */
export const policyVersions = pgTable('policy_versions', {
  /** SHA-256 of the validated policy in canonical JSON (gateway/policy/load.ts). */
  hash: text('hash').primaryKey(),
  source: text('source').notNull(),
  /** AES-256-GCM under the master key, AAD `policy:<hash>`. */
  sealedText: bytea('sealed_text').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'date' }).notNull(),
  loadedBy: text('loaded_by').notNull(),
});

/** TLS-RPT (RFC 8460) session counts per UTC day, aggregated by policy, MX and result. */
export const tlsReportResults = pgTable(
  'tls_report_results',
  {
    day: date('day', { mode: 'string' }).notNull(),
    policyDomain: text('policy_domain').notNull(),
    policyType: text('policy_type').$type<'sts' | 'no-policy-found' | 'tlsa'>().notNull(),
    policyString: jsonb('policy_string').$type<string[]>().notNull(),
    mxHost: text('mx_host').notNull(),
    /** '' for successful sessions, else an RFC 8460 result type. */
    resultType: text('result_type').notNull(),
    receivingIp: text('receiving_ip').notNull(),
    sendingIp: text('sending_ip').notNull(),
    successCount: bigint('success_count', { mode: 'number' }).notNull(),
    failureCount: bigint('failure_count', { mode: 'number' }).notNull(),
  },
  (t) => [unique('tls_report_results_key').on(t.day, t.policyDomain, t.policyType, t.mxHost, t.resultType, t.receivingIp)],
);
