// `phigate domain check DOMAIN [--json] [--timeout SECONDS]`: probes a recipient domain on
// demand (MX hosts, STARTTLS, TLS version and cipher, certificate, MTA-STS) and says which
// method phigate would use there. Routes and look-ups follow PHIGATE_TRANSPORT and
// PHIGATE_DNS_SERVERS like delivery does; trust anchors are Node's plus NODE_EXTRA_CA_CERTS.
// Exit 0 when probed (even a domain without TLS), 1 when its mail routes cannot be found,
// 2 on bad usage or configuration.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { normalizeHost } from '../deliver/mta-sts/match.ts';
import { probeDepsFromConfig, probeDomain, DEFAULT_PROBE_TIMEOUT_MS } from '../deliver/probe/probe.ts';
import type { DomainProbe, MxProbe } from '../deliver/probe/types.ts';

const USAGE = 'usage: phigate domain check DOMAIN [--json] [--timeout SECONDS]';

export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
}

export async function runDomainCheck(args: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values: { json?: boolean; timeout?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, timeout: { type: 'string' } } }));
  } catch (err) {
    io.stderr(`phigate domain check: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (positionals.length !== 1) {
    io.stderr(`phigate domain check: expected one DOMAIN, got ${positionals.length}\n${USAGE}\n`);
    return 2;
  }
  const domain = normalizeHost(positionals[0]!);
  if (!domain) {
    io.stderr(`phigate domain check: ${JSON.stringify(positionals[0])} is not a domain name\n${USAGE}\n`);
    return 2;
  }
  const timeoutSeconds = values.timeout === undefined ? DEFAULT_PROBE_TIMEOUT_MS / 1000 : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    io.stderr(`phigate domain check: --timeout expects a positive number of seconds\n${USAGE}\n`);
    return 2;
  }

  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`phigate domain check: ${err.message}\n`);
      return 2;
    }
    throw err;
  }

  const probe = await probeDomain(domain, probeDepsFromConfig(config, { timeoutMs: timeoutSeconds * 1000 }));
  io.stdout(values.json ? JSON.stringify(probe) + '\n' : formatReport(probe));
  if (probe.resolveError) {
    io.stderr(`phigate domain check: cannot resolve ${domain}: ${probe.resolveError.reason} (${probe.resolveError.status})\n`);
    return 1;
  }
  return 0;
}

export function formatReport(p: DomainProbe): string {
  const lines = [`domain ${p.domain}, checked ${p.checkedAt}`];
  if (p.resolveError) lines.push(`routes: none (${p.resolveError.reason})`);
  else {
    lines.push('MX hosts, in delivery order:');
    for (const m of p.mx) lines.push(...formatMx(m));
  }
  const s = p.mtaSts;
  const sts = s.source === 'none' ? 'MTA-STS: no policy' : `MTA-STS: mode ${s.mode}, mx ${s.mx.join(' ') || '-'}, max_age ${s.maxAge} s, id ${s.id} (${s.source})`;
  lines.push(s.error ? `${sts}; error ${s.error.code}: ${s.error.message}` : sts);
  lines.push(`TLS-capable: ${yes(p.summary.tlsCapable)}, verified: ${yes(p.summary.verified)}`);
  lines.push(`method: ${p.summary.method}`);
  return lines.join('\n') + '\n';
}

function formatMx(m: MxProbe): string[] {
  const head = `  ${m.host} [${m.ip}]:${m.port}${m.source === 'mx' ? '' : ` (${m.source})`}`;
  if (!m.reachable) return [head, `    unreachable: ${m.error ?? 'unknown error'}`];
  const out = [head, `    STARTTLS offered: ${yes(m.starttls)}`];
  if (m.tls) {
    const t = m.tls;
    out.push(`    TLS: ${t.version}, ${t.cipher}`);
    out.push(
      `    certificate: chain ${t.authorized ? 'valid' : 'not valid'}, ${t.nameMatches ? 'names' : 'does not name'} ${m.host}, expires ${t.notAfter ?? '?'}` +
        (t.error ? ` (${t.error})` : ''),
    );
  } else if (m.starttls) {
    out.push(`    TLS: none usable${m.weakTlsOnly ? ' (weak TLS only)' : ''}: ${m.error ?? 'handshake failed'}`);
  }
  return out;
}

const yes = (b: boolean) => (b ? 'yes' : 'no');
