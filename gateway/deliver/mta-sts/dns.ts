// DNS plumbing shared by MTA-STS discovery and fetch: a resolver that honours
// PHIGATE_DNS_SERVERS, and a net/tls-compatible `lookup` built on it so the
// policy host is resolved by the same servers as every other look-up.
import { Resolver } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';

/** What discovery needs from DNS; Node's `dns.promises.Resolver` satisfies it. */
export type TxtResolver = { resolveTxt(name: string): Promise<string[][]> };
export type AddressResolver = { resolve4(name: string): Promise<string[]>; resolve6(name: string): Promise<string[]> };

/**
 * A resolver using the comma-separated `host:port` list (PHIGATE_DNS_SERVERS form),
 * or the system's servers when the list is empty or unset.
 */
export function createResolver(servers: string | undefined = process.env.PHIGATE_DNS_SERVERS): Resolver {
  const resolver = new Resolver({ timeout: 5000, tries: 2 });
  const list = (servers ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length) resolver.setServers(list);
  return resolver;
}

const NOT_FOUND = new Set(['ENOTFOUND', 'ENODATA']);

/** A `lookup` for net/tls/https options that asks `resolver` for A and AAAA records. */
export function lookupVia(resolver: AddressResolver): LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family ?? 0);
    const ask = (fam: 4 | 6) =>
      (fam === 4 ? resolver.resolve4(hostname) : resolver.resolve6(hostname)).then(
        (addrs) => addrs.map((address) => ({ address, family: fam })),
        (err: NodeJS.ErrnoException) => {
          if (NOT_FOUND.has(err.code ?? '')) return [];
          throw err;
        },
      );
    const wanted: (4 | 6)[] = family === 4 ? [4] : family === 6 ? [6] : [4, 6];
    Promise.all(wanted.map(ask)).then(
      (lists) => {
        const all = lists.flat();
        if (all.length === 0) {
          const err: NodeJS.ErrnoException = new Error(`no address for ${hostname}`);
          err.code = 'ENOTFOUND';
          callback(err, '', 0);
        } else if (options.all) {
          (callback as unknown as (e: null, a: typeof all) => void)(null, all);
        } else {
          callback(null, all[0]!.address, all[0]!.family);
        }
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}
