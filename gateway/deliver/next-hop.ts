// Where a recipient domain's mail goes: the PHIGATE_TRANSPORT override, else its MX hosts in
// RFC 5321 §5.1 order (preference ascending, random among equals), else the domain's own
// address records (implicit MX). A null MX (RFC 7505) and a non-existent domain are permanent.
import dns from 'node:dns';
import { isIP } from 'node:net';
import type { NextHop } from '../config.ts';

export interface Route {
  /** The MX host name (or the transport host), which a certificate must match. */
  mxHost: string;
  ip: string;
  port: number;
  source: 'mx' | 'implicit-mx' | 'transport';
}

export type Resolution = { ok: true; routes: Route[] } | { ok: false; permanent: boolean; status: string; reply: string };

/** Postfix's smtp_mx_address_limit: enough to get past a dead host, few enough to bound the wait. */
const MAX_ROUTES = 5;

export class NextHopResolver {
  private readonly resolver: dns.promises.Resolver;
  private readonly transport: Map<string, NextHop>;

  private readonly mxPort: number;

  constructor(transport: Map<string, NextHop>, dnsServers: string[], mxPort = 25) {
    this.transport = transport;
    this.mxPort = mxPort;
    this.resolver = new dns.promises.Resolver({ timeout: 5000, tries: 2 });
    if (dnsServers.length) this.resolver.setServers(dnsServers);
  }

  get dns(): dns.promises.Resolver {
    return this.resolver;
  }

  /** Operator-routed domains: their MX policy (MTA-STS) does not apply to the override host. */
  hasOverride(domain: string): boolean {
    return this.transport.has(domain) || this.transport.has('*');
  }

  async resolve(domain: string): Promise<Resolution> {
    const override = this.transport.get(domain) ?? this.transport.get('*');
    if (override) return this.resolveTransport(override);
    const literal = /^\[(?:ipv6:)?([0-9a-f:.]+)\]$/i.exec(domain);
    if (literal && isIP(literal[1])) return { ok: true, routes: [{ mxHost: literal[1], ip: literal[1], port: this.mxPort, source: 'mx' }] };

    let mx: dns.MxRecord[];
    try {
      mx = await this.resolver.resolveMx(domain);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTFOUND') return { ok: false, permanent: true, status: '5.1.2', reply: `domain ${domain} does not exist` };
      if (code === 'ENODATA') return this.implicitMx(domain);
      return { ok: false, permanent: false, status: '4.4.3', reply: `MX look-up for ${domain} failed (${code ?? 'error'})` };
    }
    if (mx.length === 1 && (mx[0].exchange === '' || mx[0].exchange === '.')) {
      return { ok: false, permanent: true, status: '5.1.10', reply: `domain ${domain} accepts no mail (null MX)` };
    }
    if (mx.length === 0) return this.implicitMx(domain);
    const ordered = orderMx(mx);
    const routes: Route[] = [];
    for (const host of ordered) {
      if (routes.length >= MAX_ROUTES) break;
      const ips = await this.addresses(host.exchange);
      for (const ip of ips) if (routes.length < MAX_ROUTES) routes.push({ mxHost: host.exchange.replace(/\.$/, ''), ip, port: this.mxPort, source: 'mx' });
    }
    if (routes.length === 0) return { ok: false, permanent: false, status: '4.4.3', reply: `no address found for the MX hosts of ${domain}` };
    return { ok: true, routes };
  }

  private async implicitMx(domain: string): Promise<Resolution> {
    const ips = await this.addresses(domain);
    if (ips.length === 0) return { ok: false, permanent: true, status: '5.1.2', reply: `domain ${domain} has no MX and no address records` };
    return { ok: true, routes: ips.slice(0, MAX_ROUTES).map((ip) => ({ mxHost: domain, ip, port: this.mxPort, source: 'implicit-mx' as const })) };
  }

  /** IPv4 first: many networks still lack IPv6 routes, and a failed v6 connect costs a timeout. */
  private async addresses(host: string): Promise<string[]> {
    const [v4, v6] = await Promise.allSettled([this.resolver.resolve4(host), this.resolver.resolve6(host)]);
    return [...(v4.status === 'fulfilled' ? v4.value : []), ...(v6.status === 'fulfilled' ? v6.value : [])];
  }

  /** Transport hosts are the operator's own: resolved with the system resolver (honours /etc/hosts). */
  private async resolveTransport(hop: NextHop): Promise<Resolution> {
    if (isIP(hop.host)) return { ok: true, routes: [{ mxHost: hop.host, ip: hop.host, port: hop.port, source: 'transport' }] };
    try {
      const found = await dns.promises.lookup(hop.host, { all: true, order: 'ipv4first' });
      return { ok: true, routes: found.slice(0, MAX_ROUTES).map((a) => ({ mxHost: hop.host, ip: a.address, port: hop.port, source: 'transport' as const })) };
    } catch (err) {
      return { ok: false, permanent: false, status: '4.4.3', reply: `transport host ${hop.host} not found (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
    }
  }
}

export function orderMx(mx: dns.MxRecord[]): dns.MxRecord[] {
  const shuffled = mx.map((m) => ({ m, r: Math.random() }));
  shuffled.sort((a, b) => a.m.priority - b.m.priority || a.r - b.r);
  return shuffled.map((s) => s.m);
}
