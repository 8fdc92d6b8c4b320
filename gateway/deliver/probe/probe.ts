// Probes a recipient domain: its mail routes, what each MX host offers (STARTTLS, protocol,
// cipher, certificate) and its MTA-STS policy, then sums it up as the method phigate would
// use. Used on demand by `phigate domain check`, and by the scheduler when a domain is first
// seen and daily after that.
import type { Config } from '../../config.ts';
import { NextHopResolver, type Route } from '../next-hop.ts';
import { createResolver, lookupVia } from '../mta-sts/dns.ts';
import { MemoryPolicyStore, type PolicyStore } from '../mta-sts/cache.ts';
import { createMtaStsResolver, type MtaStsResult } from '../mta-sts/resolver.ts';
import { probeHost } from './host.ts';
import { summarize, type MethodFn } from './method.ts';
import type { DomainStatus } from './status-store.ts';
import type { DomainProbe, MtaStsInfo } from './types.ts';

export const DEFAULT_PROBE_TIMEOUT_MS = 20_000;

export interface ProbeDeps {
  /** Mail routes (honours PHIGATE_TRANSPORT and PHIGATE_DNS_SERVERS when built from config). */
  resolver: Pick<NextHopResolver, 'resolve'>;
  mtaSts: (domain: string) => Promise<MtaStsResult>;
  ehloName: string;
  /** Per connection to an MX host (default 20 s). */
  timeoutMs?: number;
  /** Extra trust anchors (PEM) for certificate validation, besides Node's defaults. */
  ca?: string | string[];
  /**
   * Where to connect for a route. MX routes always say port 25; tests run their receivers on
   * other loopback ports and map each MX host to its receiver's port here.
   */
  portFor?: (route: Route) => number;
  now?: () => number;
  /** Replaces the method derivation (method.ts), e.g. with the policy engine's. */
  method?: MethodFn;
}

export interface ProbeOptions {
  /** The domain's stored status before this probe, for the downgrade rule in the method. */
  prior?: Pick<DomainStatus, 'tlsLastSeenAt'>;
}

export async function probeDomain(domain: string, deps: ProbeDeps, opts: ProbeOptions = {}): Promise<DomainProbe> {
  const now = deps.now ?? Date.now;
  const checkedAt = new Date(now()).toISOString();
  const [resolution, sts] = await Promise.all([deps.resolver.resolve(domain), deps.mtaSts(domain).then(stsInfo, stsFailure)]);

  const mx = resolution.ok
    ? await Promise.all(
        firstAddressPerHost(resolution.routes).map((route) =>
          probeHost(deps.portFor ? { ...route, port: deps.portFor(route) } : route, {
            ehloName: deps.ehloName,
            timeoutMs: deps.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS,
            ca: deps.ca,
          }),
        ),
      )
    : [];
  const summary = summarize({ domain, mx, mtaSts: sts, prior: opts.prior, now: now() }, deps.method);
  return {
    domain,
    checkedAt,
    ...(resolution.ok ? {} : { resolveError: { permanent: resolution.permanent, status: resolution.status, reason: resolution.reply } }),
    mx,
    mtaSts: sts,
    summary,
  };
}

/** One address per MX host, in delivery order: the probe is about hosts, not every address. */
export function firstAddressPerHost(routes: Route[]): Route[] {
  const seen = new Set<string>();
  return routes.filter((r) => {
    const key = r.mxHost.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function stsInfo(r: MtaStsResult): MtaStsInfo {
  return {
    mode: r.mode,
    mx: r.mx,
    maxAge: r.maxAge,
    id: r.id,
    source: r.source,
    ...(r.policyText !== undefined ? { policy: r.policyText } : {}),
    ...(r.error ? { error: { code: r.error.code, message: r.error.message } } : {}),
  };
}

// resolveMtaSts reports failures in its result; this is only for a replacement that throws.
function stsFailure(err: unknown): MtaStsInfo {
  return { mode: 'none', mx: [], maxAge: 0, id: null, source: 'none', error: { code: 'error', message: String((err as Error)?.message ?? err) } };
}

/**
 * Dependencies from the gateway's configuration: routes and every look-up through
 * PHIGATE_TRANSPORT / PHIGATE_DNS_SERVERS, the EHLO name from PHIGATE_HOSTNAME. Pass the
 * gateway's MTA-STS policy store to share its cache; by default a fresh one (a live fetch).
 */
export function probeDepsFromConfig(config: Config, extra: Partial<ProbeDeps> & { policyStore?: PolicyStore } = {}): ProbeDeps {
  const { policyStore, ...rest } = extra;
  const dns = createResolver(config.dnsServers.join(','));
  return {
    resolver: new NextHopResolver(config.transport, config.dnsServers, config.mxPort),
    mtaSts: createMtaStsResolver({ dns, store: policyStore ?? new MemoryPolicyStore(), fetchOptions: { lookup: lookupVia(dns) } }),
    ehloName: config.hostname,
    ...rest,
  };
}
