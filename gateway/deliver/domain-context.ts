// What delivery needs to know about a recipient domain besides its MX hosts: its MTA-STS
// policy and its TLS history. Both are stored (shared by replicas); this keeps a short-lived
// copy per process so the per-message path costs a map look-up, not a query.
import type { MtaStsResult } from './mta-sts/resolver.ts';
import type { DomainStatus, DomainStatusStore } from './probe/status-store.ts';

interface Cached<T> {
  value: T;
  until: number;
}

export interface DomainContextDeps {
  resolveMtaSts: (domain: string) => Promise<MtaStsResult>;
  statusStore: DomainStatusStore;
  /** How long a looked-up MTA-STS result or domain status is reused in this process. */
  ttlMs?: number;
  now?: () => number;
}

/** A delivery over TLS is recorded at most this often per domain and process. */
const NOTE_TLS_EVERY_MS = 10 * 60_000;

export class DomainContext {
  private readonly deps: DomainContextDeps;
  private readonly sts = new Map<string, Cached<Promise<MtaStsResult>>>();
  private readonly status = new Map<string, Cached<Promise<DomainStatus | undefined>>>();
  private readonly notedTls = new Map<string, number>();
  private readonly seen = new Set<string>();

  constructor(deps: DomainContextDeps) {
    this.deps = deps;
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private cached<T>(map: Map<string, Cached<Promise<T>>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = map.get(key);
    const now = this.now();
    if (hit && hit.until > now) return hit.value;
    const value = load();
    map.set(key, { value, until: now + (this.deps.ttlMs ?? 60_000) });
    // A failed look-up is not cached: the next message asks again.
    value.catch(() => map.delete(key));
    return value;
  }

  mtaSts(domain: string): Promise<MtaStsResult> {
    return this.cached(this.sts, domain, () => this.deps.resolveMtaSts(domain));
  }

  async tlsStatus(domain: string): Promise<DomainStatus | undefined> {
    if (!this.seen.has(domain)) {
      this.seen.add(domain);
      // First sight of a domain in this process: make sure the scheduler will probe it.
      await this.deps.statusStore.markSeen(domain, this.now()).catch(() => false);
    }
    return this.cached(this.status, domain, () => this.deps.statusStore.get(domain));
  }

  /** A delivery negotiated usable TLS: evidence for the no-downgrade rule. */
  async noteTls(domain: string): Promise<void> {
    const now = this.now();
    if ((this.notedTls.get(domain) ?? 0) + NOTE_TLS_EVERY_MS > now) return;
    this.notedTls.set(domain, now);
    await this.deps.statusStore.noteTls(domain, now);
    // After the write: a look-up in between would otherwise re-cache the old status.
    this.status.delete(domain);
  }
}
