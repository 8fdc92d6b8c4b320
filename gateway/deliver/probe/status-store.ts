// Domain status: every recipient domain seen, its probe results over time, and when it last
// showed working TLS (the evidence the no-silent-downgrade rule rests on). Behind an interface
// so the gateway can keep it in Postgres (replicas share it, it survives restarts);
// MemoryDomainStatusStore is the in-process implementation.
import { normalizeHost } from '../mta-sts/match.ts';
import type { DomainProbe } from './types.ts';

export interface DomainStatus {
  domain: string;
  /** When a message for this domain was first seen (epoch ms). */
  firstSeenAt: number;
  /** When the domain was last probed; null until its first probe. */
  lastProbedAt: number | null;
  lastProbe: DomainProbe | null;
  /** First and most recent time usable TLS (≥ 1.2) was seen at any MX, by a probe or a delivery. */
  tlsFirstSeenAt: number | null;
  tlsLastSeenAt: number | null;
}

export interface DomainStatusStore {
  get(domain: string): Promise<DomainStatus | undefined>;
  /** A message for `domain` was seen; creates its status if new. True when it was new. */
  markSeen(domain: string, at: number): Promise<boolean>;
  /** Stores a probe result (creating the status if the domain was never seen). */
  record(domain: string, probe: DomainProbe): Promise<DomainStatus>;
  /** A delivery negotiated usable TLS with the domain: evidence as good as a probe's. */
  noteTls(domain: string, at: number): Promise<void>;
  /** Stored probes, newest first. */
  history(domain: string, limit?: number): Promise<DomainProbe[]>;
  list(): Promise<DomainStatus[]>;
}

/** The key a domain is stored under: lower-case A-labels, no trailing dot. */
export function domainKey(domain: string): string {
  return normalizeHost(domain) || domain.trim().toLowerCase().replace(/\.$/, '');
}

/** Usable TLS at one or more MX hosts. A domain-wide fact on purpose (see downgrade.ts). */
export function probeShowsTls(probe: DomainProbe): boolean {
  return probe.mx.some((m) => m.tls !== null);
}

export class MemoryDomainStatusStore implements DomainStatusStore {
  private readonly statuses = new Map<string, DomainStatus>();
  private readonly probes = new Map<string, DomainProbe[]>();
  private readonly maxHistory: number;

  /** `maxHistory` bounds memory: 400 daily probes is over a year. */
  constructor(maxHistory = 400) {
    this.maxHistory = maxHistory;
  }

  async get(domain: string): Promise<DomainStatus | undefined> {
    const s = this.statuses.get(domainKey(domain));
    return s ? structuredClone(s) : undefined;
  }

  async markSeen(domain: string, at: number): Promise<boolean> {
    const key = domainKey(domain);
    if (this.statuses.has(key)) return false;
    this.statuses.set(key, { domain: key, firstSeenAt: at, lastProbedAt: null, lastProbe: null, tlsFirstSeenAt: null, tlsLastSeenAt: null });
    return true;
  }

  async record(domain: string, probe: DomainProbe): Promise<DomainStatus> {
    const key = domainKey(domain);
    const at = Date.parse(probe.checkedAt);
    await this.markSeen(key, at);
    const s = this.statuses.get(key)!;
    s.lastProbedAt = at;
    s.lastProbe = structuredClone(probe);
    if (probeShowsTls(probe)) this.tls(s, at);
    const list = this.probes.get(key) ?? [];
    list.unshift(structuredClone(probe));
    list.length = Math.min(list.length, this.maxHistory);
    this.probes.set(key, list);
    return structuredClone(s);
  }

  async noteTls(domain: string, at: number): Promise<void> {
    const key = domainKey(domain);
    await this.markSeen(key, at);
    this.tls(this.statuses.get(key)!, at);
  }

  async history(domain: string, limit = Infinity): Promise<DomainProbe[]> {
    return structuredClone((this.probes.get(domainKey(domain)) ?? []).slice(0, limit));
  }

  async list(): Promise<DomainStatus[]> {
    return structuredClone([...this.statuses.values()]);
  }

  private tls(s: DomainStatus, at: number): void {
    // Probes and deliveries may report out of order: keep the earliest and the latest.
    s.tlsFirstSeenAt = s.tlsFirstSeenAt === null ? at : Math.min(s.tlsFirstSeenAt, at);
    s.tlsLastSeenAt = s.tlsLastSeenAt === null ? at : Math.max(s.tlsLastSeenAt, at);
  }
}
