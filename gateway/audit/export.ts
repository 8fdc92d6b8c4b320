// Evidence export for auditors: CSV (contract columns first) or JSON, one row per event.
import { and, asc, gte, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditEvents } from '../../db/schema.ts';

export const EXPORT_COLUMNS = ['time', 'message_id', 'sender', 'recipient', 'event', 'method', 'tls_version', 'tls_cipher', 'mx_host', 'outcome', 'detail', 'seq', 'hash', 'prev_hash'] as const;

export interface ExportRange {
  from: Date;
  /** Exclusive. */
  to: Date;
}

type Row = typeof auditEvents.$inferSelect;

function toRecord(r: Row): Record<(typeof EXPORT_COLUMNS)[number], string | number | null> {
  return {
    time: r.time.toISOString(),
    message_id: r.messageId,
    sender: r.sender,
    recipient: r.recipient,
    event: r.event,
    method: r.method,
    tls_version: r.tlsVersion,
    tls_cipher: r.tlsCipher,
    mx_host: r.mxHost,
    outcome: r.outcome,
    detail: JSON.stringify(r.detail ?? {}),
    seq: r.seq,
    hash: r.hash,
    prev_hash: r.prevHash,
  };
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // Quote when needed; a leading =,+,-,@ is prefixed so spreadsheets never evaluate it.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function* exportAudit(db: Db, range: ExportRange, format: 'csv' | 'json'): AsyncGenerator<string> {
  if (format === 'csv') yield EXPORT_COLUMNS.join(',') + '\n';
  else yield '[';
  let first = true;
  let afterSeq = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(and(gte(auditEvents.time, range.from), lt(auditEvents.time, range.to), gte(auditEvents.seq, afterSeq + 1)))
      .orderBy(asc(auditEvents.seq))
      .limit(5000);
    if (page.length === 0) break;
    for (const row of page) {
      const rec = toRecord(row);
      if (format === 'csv') yield EXPORT_COLUMNS.map((c) => csvCell(rec[c])).join(',') + '\n';
      else {
        yield (first ? '\n' : ',\n') + JSON.stringify({ ...rec, detail: row.detail ?? {} });
        first = false;
      }
      afterSeq = row.seq;
    }
  }
  if (format === 'json') yield first ? ']\n' : '\n]\n';
}
