// MTA-STS discovery (RFC 8461 §3.3, §5.1): TXT record → cache or HTTPS fetch → policy.
//
// - A fresh cached policy whose id equals the TXT id is used as is (no fetch), except
//   that it is re-fetched once it is older than `refreshAfterMs` (a day, as §3.3 suggests)
//   so that a policy in use does not silently expire; a failed refresh keeps the cache.
// - A new id, no cache or an expired cache → fetch; success replaces the cache entry.
// - No usable TXT record, a DNS failure, or a failed fetch → the fresh cached policy if
//   there is one (the RFC's protection against an attacker blocking discovery), else none.
import { selectStsRecord, MTA_STS_TXT_PREFIX } from './record.ts';
import { parsePolicy, type Mode } from './policy.ts';
import { fetchPolicyText, PolicyFetchError, type FetchOptions } from './fetch.ts';
import { isFresh, readCached, type CachedPolicy, type PolicyStore } from './cache.ts';
import { normalizeHost } from './match.ts';
import type { TxtResolver } from './dns.ts';

export type PolicyErrorType = 'sts-policy-fetch-error' | 'sts-policy-invalid' | 'sts-webpki-invalid';

export type MtaStsResult = {
  domain: string;
  mode: Mode;
  mx: string[];
  maxAge: number;
  id: string | null;
  fetchedAt: number | null;
  source: 'cache' | 'fetched' | 'none';
  /** The policy body as served (TLS-RPT policy-string), when there is a policy. */
  policyText?: string;
  /** Why discovery did not yield a fresh policy; `resultType` is the TLS-RPT result type. */
  error?: { resultType: PolicyErrorType; code: string; message: string };
};

export type MtaStsDeps = {
  dns: TxtResolver;
  store: PolicyStore;
  fetchOptions?: FetchOptions;
  /** Replace the HTTPS fetch (e.g. to share a pool); must reject with PolicyFetchError. */
  fetchText?: (domain: string) => Promise<string>;
  now?: () => number;
  refreshAfterMs?: number;
};

const DAY_MS = 86_400_000;
const NOT_FOUND = new Set(['ENOTFOUND', 'ENODATA']);

const fromCache = (domain: string, c: CachedPolicy, error?: MtaStsResult['error']): MtaStsResult => ({
  domain, mode: c.mode, mx: c.mx, maxAge: c.maxAge, id: c.id, fetchedAt: c.fetchedAt, source: 'cache', policyText: c.policyText,
  ...(error ? { error } : {}),
});

const noPolicy = (domain: string, error?: MtaStsResult['error']): MtaStsResult => ({
  domain, mode: 'none', mx: [], maxAge: 0, id: null, fetchedAt: null, source: 'none', ...(error ? { error } : {}),
});

export async function resolveMtaSts(domain: string, deps: MtaStsDeps, opts: { forceRefresh?: boolean } = {}): Promise<MtaStsResult> {
  const now = (deps.now ?? Date.now)();
  const name = normalizeHost(domain);
  if (!name) return noPolicy(domain, { resultType: 'sts-policy-fetch-error', code: 'bad-domain', message: `"${domain}" is not a valid domain` });

  const cachedEntry = await readCached(deps.store, name);
  const cached = cachedEntry && isFresh(cachedEntry, now) ? cachedEntry : undefined;
  const fallback = (error: MtaStsResult['error']) => (cached ? fromCache(name, cached, error) : noPolicy(name, error));

  let txt: string[][];
  try {
    txt = await deps.dns.resolveTxt(MTA_STS_TXT_PREFIX + name);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'dns';
    if (NOT_FOUND.has(code)) txt = [];
    else return fallback({ resultType: 'sts-policy-fetch-error', code: 'dns', message: `TXT look-up of ${MTA_STS_TXT_PREFIX}${name} failed: ${code}` });
  }
  const record = selectStsRecord(txt);
  if (!record.ok) {
    // A missing record is not an error; a broken one is worth reporting to the domain.
    return fallback(record.reason === 'no-record' ? undefined : { resultType: 'sts-policy-invalid', code: `txt-${record.reason}`, message: record.detail });
  }

  const id = record.record.id;
  const refreshDue = cached && now - cached.fetchedAt >= (deps.refreshAfterMs ?? DAY_MS);
  if (cached && cached.id === id && !refreshDue && !opts.forceRefresh) return fromCache(name, cached);

  let text: string;
  try {
    text = await (deps.fetchText ?? ((d: string) => fetchPolicyText(d, deps.fetchOptions)))(name);
  } catch (err) {
    const e = err instanceof PolicyFetchError ? err : new PolicyFetchError('network', String((err as Error)?.message ?? err));
    return fallback({ resultType: e.resultType, code: e.code, message: e.message });
  }
  const parsed = parsePolicy(text);
  if (!parsed.ok) return fallback({ resultType: 'sts-policy-invalid', code: 'policy-invalid', message: parsed.errors.join('; ') });

  const entry: CachedPolicy = { id, mode: parsed.policy.mode, mx: parsed.policy.mx, maxAge: parsed.policy.maxAge, fetchedAt: now, policyText: text };
  await deps.store.put(name, entry);
  return { ...fromCache(name, entry), source: 'fetched' };
}

/** A resolver bound to its dependencies that shares one discovery among concurrent callers per domain. */
export function createMtaStsResolver(deps: MtaStsDeps) {
  const inFlight = new Map<string, Promise<MtaStsResult>>();
  return (domain: string, opts: { forceRefresh?: boolean } = {}): Promise<MtaStsResult> => {
    const key = `${normalizeHost(domain) || domain}\0${opts.forceRefresh ? 1 : 0}`;
    let p = inFlight.get(key);
    if (!p) {
      p = resolveMtaSts(domain, deps, opts).finally(() => inFlight.delete(key));
      inFlight.set(key, p);
    }
    return p;
  };
}
