// The MTA-STS policy cache (RFC 8461 §3.3) in the database: replicas share fetched policies
// and they survive restarts. A row is external input once it is read back (anyone with
// database access can edit it), so it is validated with the cache's own schema; a row that
// does not validate reads as "no cached policy", which makes the resolver fetch afresh.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { mtaStsPolicies } from '../../db/schema.ts';
import { cachedPolicySchema, type CachedPolicy, type PolicyStore } from '../deliver/mta-sts/cache.ts';

/** The key a policy domain is stored under: trimmed, lower-case, no trailing dot. */
const policyKey = (domain: string) => domain.trim().toLowerCase().replace(/\.$/, '');

export class DbMtaStsPolicyStore implements PolicyStore {
  readonly #db: Db;
  readonly #now: () => number;

  constructor(db: Db, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  async get(domain: string): Promise<CachedPolicy | undefined> {
    const [row] = await this.#db.select({ entry: mtaStsPolicies.entry }).from(mtaStsPolicies).where(eq(mtaStsPolicies.domain, policyKey(domain)));
    if (!row) return undefined;
    const parsed = cachedPolicySchema.safeParse(row.entry);
    return parsed.success ? parsed.data : undefined;
  }

  /** Replaces the domain's entry. The entry is validated first: a bad one throws and nothing is written. */
  async put(domain: string, entry: CachedPolicy): Promise<void> {
    const valid = cachedPolicySchema.parse(entry);
    const updatedAt = new Date(this.#now());
    await this.#db
      .insert(mtaStsPolicies)
      .values({ domain: policyKey(domain), entry: valid, updatedAt })
      .onConflictDoUpdate({ target: mtaStsPolicies.domain, set: { entry: valid, updatedAt } });
  }
}
