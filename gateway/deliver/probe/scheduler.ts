// Which domains are due for a probe: a domain seen for the first time right away, every other
// one a day after its last probe. The gateway calls `runDue` from a timer (and `seen` as
// messages arrive); with a shared store several replicas may probe the same domain twice in a
// race, which is harmless (two history entries).
import type { DomainProbe } from './types.ts';
import type { DomainStatus, DomainStatusStore } from './status-store.ts';

export const DAY_MS = 86_400_000;

export interface SchedulerOptions {
  now?: () => number;
  /** Re-probe interval (default a day). */
  intervalMs?: number;
  /** After a probe function throws, wait this long before trying that domain again (default 1 h). */
  retryMs?: number;
  /** Probes run at once (default 4): a probe may wait 20 s per MX host. */
  concurrency?: number;
}

export interface RunResult {
  probed: string[];
  failed: { domain: string; error: string }[];
}

export class ProbeScheduler {
  private readonly store: DomainStatusStore;
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly retryMs: number;
  private readonly concurrency: number;
  /** Failed attempts (domain → when): only a back-off, so it may live in memory. */
  private readonly failedAt = new Map<string, number>();

  constructor(store: DomainStatusStore, opts: SchedulerOptions = {}) {
    this.store = store;
    this.now = opts.now ?? Date.now;
    this.intervalMs = opts.intervalMs ?? DAY_MS;
    this.retryMs = opts.retryMs ?? 3_600_000;
    this.concurrency = Math.max(1, opts.concurrency ?? 4);
  }

  /** A message for `domain` was seen; true when it is new (and so due now). */
  seen(domain: string): Promise<boolean> {
    return this.store.markSeen(domain, this.now());
  }

  /** Domains due now: never probed first (oldest first seen), then the longest unprobed. */
  async due(): Promise<string[]> {
    const now = this.now();
    const statuses = await this.store.list();
    return statuses
      .filter((s) => (s.lastProbedAt === null || now - s.lastProbedAt >= this.intervalMs) && !this.backingOff(s.domain, now))
      .sort((a, b) => (a.lastProbedAt ?? -Infinity) - (b.lastProbedAt ?? -Infinity) || a.firstSeenAt - b.firstSeenAt)
      .map((s) => s.domain);
  }

  /** Probes every due domain (at most `concurrency` at once) and records each result. */
  async runDue(probe: (domain: string, prior: DomainStatus | undefined) => Promise<DomainProbe>): Promise<RunResult> {
    const queue = await this.due();
    const result: RunResult = { probed: [], failed: [] };
    const worker = async () => {
      for (let domain = queue.shift(); domain !== undefined; domain = queue.shift()) {
        try {
          const prior = await this.store.get(domain);
          await this.store.record(domain, await probe(domain, prior));
          this.failedAt.delete(domain);
          result.probed.push(domain);
        } catch (err) {
          this.failedAt.set(domain, this.now());
          result.failed.push({ domain, error: String((err as Error)?.message ?? err) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));
    return result;
  }

  private backingOff(domain: string, now: number): boolean {
    const at = this.failedAt.get(domain);
    return at !== undefined && now - at < this.retryMs;
  }
}
