// The MTA-STS policy cache (RFC 8461 §3.3, §5.1): one entry per policy domain, kept
// until max_age seconds after it was fetched. Storage is behind `PolicyStore` so the
// gateway can keep it in the database (replicas share it, it survives restarts);
// `MemoryPolicyStore` is the in-process implementation.
import { z } from 'zod';
import { MAX_AGE_LIMIT, MODES } from './policy.ts';

export const cachedPolicySchema = z.object({
  /** The TXT record id the policy was fetched under. */
  id: z.string().regex(/^[A-Za-z0-9]{1,32}$/),
  mode: z.enum(MODES),
  mx: z.array(z.string().min(1)),
  maxAge: z.number().int().min(0).max(MAX_AGE_LIMIT),
  /** Milliseconds since the epoch. */
  fetchedAt: z.number().int().nonnegative(),
  /** The policy body as served, for TLS-RPT's policy-string. */
  policyText: z.string(),
});
export type CachedPolicy = z.infer<typeof cachedPolicySchema>;

export interface PolicyStore {
  get(domain: string): Promise<CachedPolicy | undefined>;
  put(domain: string, entry: CachedPolicy): Promise<void>;
}

export class MemoryPolicyStore implements PolicyStore {
  #entries = new Map<string, CachedPolicy>();
  async get(domain: string) {
    const entry = this.#entries.get(domain);
    return entry && structuredClone(entry);
  }
  async put(domain: string, entry: CachedPolicy) {
    this.#entries.set(domain, structuredClone(entry));
  }
}

export function expiresAt(entry: CachedPolicy): number {
  return entry.fetchedAt + entry.maxAge * 1000;
}

export function isFresh(entry: CachedPolicy, now: number): boolean {
  return now < expiresAt(entry);
}

/** Read through the store, treating a malformed row (external input) as no entry. */
export async function readCached(store: PolicyStore, domain: string): Promise<CachedPolicy | undefined> {
  const parsed = cachedPolicySchema.safeParse(await store.get(domain));
  return parsed.success ? parsed.data : undefined;
}
