// TLS-RPT (RFC 8460) session results, aggregated per UTC day in the database so every
// replica's deliveries land in one daily report and nothing is lost on restart.
//
// One row per (day, policy domain, policy type, MX host, result type, receiving IP) with
// success and failure counters; recordSessions() upserts with increments and takes the
// caller's transaction, so counts are committed exactly when the delivery outcome is.
// sessionsForDay() turns the rows back into the SessionResult list that
// buildDailyReports() (gateway/deliver/mta-sts/tls-rpt.ts) consumes.
//
// Not kept per row (not in the unique key): the policy string and sending IP are the latest
// recorded for the row; the RFC's optional receiving-mx-helo, additional-information and
// failure-reason-code are not stored.
import { asc, eq, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { tlsReportResults } from '../../db/schema.ts';
import { buildDailyReports, dayRange, type ReportOptions } from '../deliver/mta-sts/tls-rpt.ts';
import type { FailureDetail, ReportPolicy, ResultType, SessionResult, TlsRptReport } from '../deliver/mta-sts/tls-rpt-types.ts';

export type PolicyType = ReportPolicy['policy-type'];
const POLICY_TYPES: readonly PolicyType[] = ['sts', 'no-policy-found', 'tlsa'];

/** One delivery session's TLS outcome, as the delivery code records it. */
export interface TlsSession {
  at: Date;
  policyDomain: string;
  policyType: PolicyType;
  /** The policy as reported (RFC 8460 §4.3 policy-string): the MTA-STS policy's lines, or []. */
  policyString: string[];
  /** The MX host the session was with. */
  mxHost: string;
  receivingIp?: string;
  /** Our address for the session, when known. */
  sendingIp?: string;
  /** null for a successful session, else an RFC 8460 result type. */
  resultType: ResultType | (string & {}) | null;
}

const ROWS_PER_INSERT = 500;
const utcDay = (at: Date) => at.toISOString().slice(0, 10);
const normHost = (h: string) => h.trim().toLowerCase().replace(/\.$/, '');

/**
 * Converts the SessionResult that applyPolicy() (mta-sts/apply.ts) yields into a TlsSession.
 * `mxHost` and the IPs come from the connection, since a successful SessionResult names none.
 */
export function tlsSessionFrom(result: SessionResult, connection: { mxHost: string; receivingIp?: string; sendingIp?: string }): TlsSession {
  const failure = result.failure;
  return {
    at: new Date(result.at),
    policyDomain: result.policy['policy-domain'],
    policyType: result.policy['policy-type'],
    policyString: [...result.policy['policy-string']],
    mxHost: connection.mxHost || failure?.['receiving-mx-hostname'] || '',
    receivingIp: connection.receivingIp ?? failure?.['receiving-ip'],
    sendingIp: connection.sendingIp ?? failure?.['sending-mta-ip'],
    resultType: result.success ? null : (failure?.['result-type'] ?? 'validation-failure'),
  };
}

/** The policy's mx patterns, read back from the policy-string (RFC 8460 §4.3 "mx-host"). */
function policyMx(policyString: string[]): string[] {
  return policyString.flatMap((line) => {
    const m = /^mx:[ \t]*(.*?)[ \t]*$/.exec(line);
    return m && m[1] ? [m[1]] : [];
  });
}

type RowValues = typeof tlsReportResults.$inferInsert;

export class TlsReportStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Adds the sessions' counts, inside the caller's transaction. */
  async recordSessions(tx: Tx, sessions: readonly TlsSession[]): Promise<void> {
    const rows = new Map<string, RowValues & { at: number }>();
    for (const s of sessions) {
      if (!(s.at instanceof Date) || Number.isNaN(s.at.getTime())) throw new Error('TLS session without a valid time');
      if (!POLICY_TYPES.includes(s.policyType)) throw new Error(`unknown TLS-RPT policy type "${s.policyType}"`);
      const policyDomain = normHost(s.policyDomain);
      if (!policyDomain) throw new Error('TLS session without a policy domain');
      const values = {
        day: utcDay(s.at),
        policyDomain,
        policyType: s.policyType,
        mxHost: normHost(s.mxHost ?? ''),
        resultType: s.resultType ?? '',
        receivingIp: s.receivingIp ?? '',
      };
      const key = JSON.stringify([values.day, values.policyDomain, values.policyType, values.mxHost, values.resultType, values.receivingIp]);
      const ok = s.resultType === null || s.resultType === '' ? 1 : 0;
      const prev = rows.get(key);
      const at = s.at.getTime();
      if (!prev) {
        rows.set(key, { ...values, policyString: [...s.policyString], sendingIp: s.sendingIp ?? '', successCount: ok, failureCount: 1 - ok, at });
        continue;
      }
      prev.successCount! += ok;
      prev.failureCount! += 1 - ok;
      if (at >= prev.at) {
        prev.at = at;
        prev.policyString = [...s.policyString];
      }
      if (s.sendingIp) prev.sendingIp = s.sendingIp;
    }
    // A fixed row order, so concurrent transactions take row locks in the same order (no deadlock).
    const ordered = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, { at: _at, ...row }]) => row);
    for (let i = 0; i < ordered.length; i += ROWS_PER_INSERT) {
      await tx
        .insert(tlsReportResults)
        .values(ordered.slice(i, i + ROWS_PER_INSERT))
        .onConflictDoUpdate({
          target: [tlsReportResults.day, tlsReportResults.policyDomain, tlsReportResults.policyType, tlsReportResults.mxHost, tlsReportResults.resultType, tlsReportResults.receivingIp],
          set: {
            successCount: sql`${tlsReportResults.successCount} + excluded.success_count`,
            failureCount: sql`${tlsReportResults.failureCount} + excluded.failure_count`,
            policyString: sql`excluded.policy_string`,
            sendingIp: sql`case when excluded.sending_ip <> '' then excluded.sending_ip else ${tlsReportResults.sendingIp} end`,
          },
        });
    }
  }

  /** The stored rows for a UTC day (YYYY-MM-DD), in key order. */
  async rowsForDay(day: string): Promise<(typeof tlsReportResults.$inferSelect)[]> {
    dayRange(day); // throws on a malformed day
    return this.#db
      .select()
      .from(tlsReportResults)
      .where(eq(tlsReportResults.day, day))
      .orderBy(
        asc(tlsReportResults.policyDomain),
        asc(tlsReportResults.policyType),
        asc(tlsReportResults.mxHost),
        asc(tlsReportResults.resultType),
        asc(tlsReportResults.receivingIp),
      );
  }

  /**
   * The day's sessions in the form buildDailyReports() takes: one SessionResult per counted
   * session (it counts list entries), all stamped at the start of the day. Entries of one row
   * share their policy object. Each failure carries failed-session-count 1, so identical
   * failures merge back to the row's count.
   */
  async sessionsForDay(day: string): Promise<SessionResult[]> {
    const { start } = dayRange(day);
    const out: SessionResult[] = [];
    for (const row of await this.rowsForDay(day)) {
      const policy: ReportPolicy = {
        'policy-type': row.policyType,
        'policy-string': row.policyString,
        'policy-domain': row.policyDomain,
        ...(row.policyType === 'sts' && row.policyString.length > 0 ? { 'mx-host': policyMx(row.policyString) } : {}),
      };
      for (let i = 0; i < row.successCount; i++) out.push({ at: start, policy, success: true });
      if (row.failureCount > 0) {
        const failure: FailureDetail = {
          'result-type': row.resultType as ResultType,
          ...(row.sendingIp ? { 'sending-mta-ip': row.sendingIp } : {}),
          ...(row.mxHost ? { 'receiving-mx-hostname': row.mxHost } : {}),
          ...(row.receivingIp ? { 'receiving-ip': row.receivingIp } : {}),
          'failed-session-count': 1,
        };
        for (let i = 0; i < row.failureCount; i++) out.push({ at: start, policy, success: false, failure });
      }
    }
    return out;
  }

  /** The RFC 8460 reports for `options.day`, one per policy domain. */
  async reportsForDay(options: ReportOptions): Promise<TlsRptReport[]> {
    return buildDailyReports(options, await this.sessionsForDay(options.day));
  }

  /** Days (YYYY-MM-DD) that have results, oldest first. */
  async days(): Promise<string[]> {
    const rows = await this.#db.selectDistinct({ day: tlsReportResults.day }).from(tlsReportResults).orderBy(asc(tlsReportResults.day));
    return rows.map((r) => r.day);
  }

  /** Retention: deletes the results of days before `day`. Returns the number of rows deleted. */
  async deleteBefore(day: string): Promise<number> {
    dayRange(day);
    const deleted = await this.#db.delete(tlsReportResults).where(lt(tlsReportResults.day, day)).returning({ day: tlsReportResults.day });
    return deleted.length;
  }
}
