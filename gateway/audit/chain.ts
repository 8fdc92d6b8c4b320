// The audit chain: every event carries the hash of the one before it, computed over a
// canonical encoding, so altering, removing or reordering any event breaks the chain.
// The hash is an HMAC keyed from the master key: someone who can write to the database
// but does not hold the key cannot re-forge a consistent chain after editing a row.
import crypto from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields an event is made of. Types and outcomes only: never a subject, body or PHI value. */
export interface AuditFields {
  event: AuditEventName;
  messageId?: string | null;
  sender?: string | null;
  recipient?: string | null;
  method?: string | null;
  tlsVersion?: string | null;
  tlsCipher?: string | null;
  mxHost?: string | null;
  outcome?: string | null;
  detail?: Record<string, unknown>;
}

export type AuditEventName =
  | 'received'
  | 'queued'
  | 'attempt'
  | 'delivered'
  | 'deferred'
  | 'bounced'
  | 'dropped'
  | 'relay_refused'
  | 'tenant_refused'
  | 'message_rejected'
  | 'consent_recorded'
  | 'consent_revoked'
  | 'policy_loaded';

export interface ChainedEvent extends Required<Omit<AuditFields, 'detail' | 'event'>> {
  /** A string, not AuditEventName: verification reads back whatever the row holds. */
  event: string;
  seq: number;
  time: Date;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** Key order sorted at every level, so Postgres jsonb (which reorders keys) hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/**
 * An event's values in the chain's fixed order: the hash's canonical encoding, and (with the
 * hash appended) the audit_events columns, so the two can never drift apart.
 */
export function eventValues(e: Omit<ChainedEvent, 'hash'>): [number, string, string, ...(string | null)[], Record<string, unknown>, string] {
  return [e.seq, e.time.toISOString(), e.event, e.messageId, e.sender, e.recipient, e.method, e.tlsVersion, e.tlsCipher, e.mxHost, e.outcome, e.detail, e.prevHash];
}

export function eventHash(key: Buffer, e: Omit<ChainedEvent, 'hash'>): string {
  return crypto.createHmac('sha256', key).update(canonicalJson(eventValues(e))).digest('hex');
}

export function chainEvents(key: Buffer, after: { seq: number; hash: string }, events: AuditFields[], time = new Date()): ChainedEvent[] {
  let seq = after.seq;
  let prevHash = after.hash;
  return events.map((f) => {
    seq += 1;
    const base = {
      seq,
      time,
      event: f.event,
      messageId: f.messageId ?? null,
      sender: f.sender ?? null,
      recipient: f.recipient ?? null,
      method: f.method ?? null,
      tlsVersion: f.tlsVersion ?? null,
      tlsCipher: f.tlsCipher ?? null,
      mxHost: f.mxHost ?? null,
      outcome: f.outcome ?? null,
      detail: f.detail ?? {},
      prevHash,
    };
    const hash = eventHash(key, base);
    prevHash = hash;
    return { ...base, hash };
  });
}
