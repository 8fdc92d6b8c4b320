// DomainStatusStore in the database (PGlite or Postgres), so replicas share what they know
// about each recipient domain and it survives restarts. Semantics follow
// MemoryDomainStatusStore: same key normalisation, history newest first (insertion order),
// bounded per domain, TLS first/last seen kept as the earliest/latest report whatever the
// order reports arrive in.
import { and, asc, desc, eq, notInArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { domainProbes, domainStatus } from '../../db/schema.ts';
import { domainKey, probeShowsTls, type DomainStatus, type DomainStatusStore } from '../deliver/probe/status-store.ts';
import type { DomainProbe } from '../deliver/probe/types.ts';

type Row = typeof domainStatus.$inferSelect;

const ms = (d: Date | null): number | null => (d === null ? null : d.getTime());

function toStatus(row: Row): DomainStatus {
  return {
    domain: row.domain,
    firstSeenAt: row.firstSeenAt.getTime(),
    lastProbedAt: ms(row.lastProbedAt),
    lastProbe: (row.lastProbe as DomainProbe | null) ?? null,
    tlsFirstSeenAt: ms(row.tlsFirstSeenAt),
    tlsLastSeenAt: ms(row.tlsLastSeenAt),
  };
}

/** A JSON copy: drops `undefined` members the way jsonb would, so what is returned is what is stored. */
const asJson = (probe: DomainProbe): Record<string, unknown> => JSON.parse(JSON.stringify(probe)) as Record<string, unknown>;

export class DbDomainStatusStore implements DomainStatusStore {
  readonly #db: Db;
  readonly #maxHistory: number;

  /** `maxHistory` probes are kept per domain (400 daily probes is over a year). */
  constructor(db: Db, maxHistory = 400) {
    if (!Number.isInteger(maxHistory) || maxHistory < 1) throw new RangeError('maxHistory must be a positive integer');
    this.#db = db;
    this.#maxHistory = maxHistory;
  }

  async get(domain: string): Promise<DomainStatus | undefined> {
    const [row] = await this.#db.select().from(domainStatus).where(eq(domainStatus.domain, domainKey(domain)));
    return row ? toStatus(row) : undefined;
  }

  async markSeen(domain: string, at: number): Promise<boolean> {
    const inserted = await this.#db
      .insert(domainStatus)
      .values({ domain: domainKey(domain), firstSeenAt: new Date(at) })
      .onConflictDoNothing({ target: domainStatus.domain })
      .returning({ domain: domainStatus.domain });
    return inserted.length === 1;
  }

  async record(domain: string, probe: DomainProbe): Promise<DomainStatus> {
    const key = domainKey(domain);
    const at = new Date(Date.parse(probe.checkedAt));
    if (Number.isNaN(at.getTime())) throw new Error(`probe for ${key} has no valid checkedAt`);
    const tlsAt = probeShowsTls(probe) ? at : null;
    const json = asJson(probe);
    return this.#db.transaction(async (tx) => {
      // LEAST/GREATEST ignore NULLs: a probe without TLS leaves the TLS columns as they were.
      const [row] = await tx
        .insert(domainStatus)
        .values({ domain: key, firstSeenAt: at, lastProbedAt: at, lastProbe: json, tlsFirstSeenAt: tlsAt, tlsLastSeenAt: tlsAt })
        .onConflictDoUpdate({
          target: domainStatus.domain,
          set: {
            lastProbedAt: sql`excluded.last_probed_at`,
            lastProbe: sql`excluded.last_probe`,
            tlsFirstSeenAt: sql`least(${domainStatus.tlsFirstSeenAt}, excluded.tls_first_seen_at)`,
            tlsLastSeenAt: sql`greatest(${domainStatus.tlsLastSeenAt}, excluded.tls_last_seen_at)`,
          },
        })
        .returning();
      await tx.insert(domainProbes).values({ domain: key, checkedAt: at, probe: json });
      await this.#trim(tx, key);
      return toStatus(row!);
    });
  }

  async noteTls(domain: string, at: number): Promise<void> {
    const when = new Date(at);
    await this.#db
      .insert(domainStatus)
      .values({ domain: domainKey(domain), firstSeenAt: when, tlsFirstSeenAt: when, tlsLastSeenAt: when })
      .onConflictDoUpdate({
        target: domainStatus.domain,
        set: {
          tlsFirstSeenAt: sql`least(${domainStatus.tlsFirstSeenAt}, excluded.tls_first_seen_at)`,
          tlsLastSeenAt: sql`greatest(${domainStatus.tlsLastSeenAt}, excluded.tls_last_seen_at)`,
        },
      });
  }

  async history(domain: string, limit = Infinity): Promise<DomainProbe[]> {
    const n = Math.min(limit, this.#maxHistory);
    if (!(n > 0)) return [];
    const rows = await this.#db
      .select({ probe: domainProbes.probe })
      .from(domainProbes)
      .where(eq(domainProbes.domain, domainKey(domain)))
      .orderBy(desc(domainProbes.id))
      .limit(Math.floor(n));
    return rows.map((r) => r.probe as unknown as DomainProbe);
  }

  async list(): Promise<DomainStatus[]> {
    const rows = await this.#db.select().from(domainStatus).orderBy(asc(domainStatus.domain));
    return rows.map(toStatus);
  }

  /** Deletes the domain's probes beyond the newest `maxHistory`. */
  async #trim(tx: Tx, key: string): Promise<void> {
    const keep = tx
      .select({ id: domainProbes.id })
      .from(domainProbes)
      .where(eq(domainProbes.domain, key))
      .orderBy(desc(domainProbes.id))
      .limit(this.#maxHistory);
    await tx.delete(domainProbes).where(and(eq(domainProbes.domain, key), notInArray(domainProbes.id, keep)));
  }
}
