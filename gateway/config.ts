// Run-time configuration from the environment (names fixed by shared/contract.md).
// Validated with zod so a bad value stops the process at start with a message naming it.
import os from 'node:os';
import path from 'node:path';
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const seconds = z.coerce.number().positive();

const envSchema = z.object({
  PHIGATE_SMTP_HOST: z.string().default('127.0.0.1'),
  PHIGATE_SMTP_PORT: port.default(2525),
  PHIGATE_HTTP_HOST: z.string().default('127.0.0.1'),
  PHIGATE_HTTP_PORT: port.default(8080),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL').optional(),
  PHIGATE_DATA_DIR: z.string().default('./data'),
  PHIGATE_CONFIG: z.string().optional(),
  PHIGATE_TENANT_NETWORKS: z.string().default('127.0.0.0/8,::1/128'),
  PHIGATE_TRANSPORT: z.string().optional(),
  PHIGATE_TLS_CERT: z.string().optional(),
  PHIGATE_TLS_KEY: z.string().optional(),
  PHIGATE_MASTER_KEY: z.string().optional(),
  PHIGATE_HOSTNAME: z.string().regex(/^[A-Za-z0-9.-]+$/, 'expected a host name').optional(),
  PHIGATE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PHIGATE_DNS_SERVERS: z.string().optional(),
  // DANE (RFC 7672) needs a DNSSEC-validating resolver whose AD bit we can trust (loopback).
  PHIGATE_DNSSEC_RESOLVERS: z.string().optional(),
  // Not in the contract; documented in README.md.
  PHIGATE_MAX_MESSAGE_SIZE: z.coerce.number().int().positive().default(50 * 1024 * 1024),
  PHIGATE_RETRY_MIN_SECONDS: seconds.default(300),
  PHIGATE_RETRY_MAX_SECONDS: seconds.default(3600),
  PHIGATE_QUEUE_LIFETIME_SECONDS: seconds.default(5 * 24 * 3600),
  PHIGATE_DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(20),
  PHIGATE_LEASE_SECONDS: seconds.default(600),
  PHIGATE_POLL_SECONDS: seconds.default(2),
  PHIGATE_SMTP_TIMEOUT_SECONDS: seconds.default(120),
  // Domain monitoring: how often due domains are probed (0 turns the scheduled probes off).
  PHIGATE_PROBE_SECONDS: z.coerce.number().min(0).default(60),
  PHIGATE_COMMIT_LINGER_MS: z.coerce.number().min(0).max(100).default(2),
  PHIGATE_INSTANCE_ID: z.string().regex(/^[A-Za-z0-9._-]+$/).optional(),
  // Test labs only: the port of every MX host and of MTA-STS policy hosts (25 and 443 on the internet).
  PHIGATE_MX_PORT: port.default(25),
  PHIGATE_MTA_STS_PORT: port.default(443),
  PHIGATE_ADMIN_TOKEN: z.string().min(24, 'expected at least 24 characters').optional(),
});

export interface NextHop {
  host: string;
  port: number;
}

export interface Config {
  smtp: { host: string; port: number };
  http: { host: string; port: number };
  databaseUrl: string | undefined;
  dataDir: string;
  configFile: string | undefined;
  tenantNetworks: BlockList;
  tenantNetworksText: string;
  transport: Map<string, NextHop>;
  tlsCertFile: string | undefined;
  tlsKeyFile: string | undefined;
  masterKey: string | undefined;
  hostname: string;
  logLevel: string;
  dnsServers: string[];
  dnssecResolvers: string[];
  maxMessageSize: number;
  retry: { minSeconds: number; maxSeconds: number; lifetimeSeconds: number };
  deliveryConcurrency: number;
  leaseSeconds: number;
  pollSeconds: number;
  smtpTimeoutSeconds: number;
  instanceId: string;
  adminToken: string | undefined;
  mxPort: number;
  /** Group commit: how long an idle committer waits for more messages before its transaction. */
  commitLingerMs: number;
  probeSeconds: number;
  mtaStsPort: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid environment: ${issues.join('; ')}`);
  }
  const e = parsed.data;
  const hostname = e.PHIGATE_HOSTNAME ?? os.hostname();
  return {
    smtp: { host: e.PHIGATE_SMTP_HOST, port: e.PHIGATE_SMTP_PORT },
    http: { host: e.PHIGATE_HTTP_HOST, port: e.PHIGATE_HTTP_PORT },
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.PHIGATE_DATA_DIR),
    configFile: e.PHIGATE_CONFIG,
    tenantNetworks: parseNetworks(e.PHIGATE_TENANT_NETWORKS),
    tenantNetworksText: e.PHIGATE_TENANT_NETWORKS,
    transport: parseTransport(e.PHIGATE_TRANSPORT),
    tlsCertFile: e.PHIGATE_TLS_CERT,
    tlsKeyFile: e.PHIGATE_TLS_KEY,
    masterKey: e.PHIGATE_MASTER_KEY,
    hostname,
    logLevel: e.PHIGATE_LOG_LEVEL,
    dnsServers: e.PHIGATE_DNS_SERVERS ? splitList(e.PHIGATE_DNS_SERVERS) : [],
    dnssecResolvers: e.PHIGATE_DNSSEC_RESOLVERS ? splitList(e.PHIGATE_DNSSEC_RESOLVERS) : [],
    maxMessageSize: e.PHIGATE_MAX_MESSAGE_SIZE,
    retry: {
      minSeconds: e.PHIGATE_RETRY_MIN_SECONDS,
      maxSeconds: e.PHIGATE_RETRY_MAX_SECONDS,
      lifetimeSeconds: e.PHIGATE_QUEUE_LIFETIME_SECONDS,
    },
    deliveryConcurrency: e.PHIGATE_DELIVERY_CONCURRENCY,
    leaseSeconds: e.PHIGATE_LEASE_SECONDS,
    pollSeconds: e.PHIGATE_POLL_SECONDS,
    smtpTimeoutSeconds: e.PHIGATE_SMTP_TIMEOUT_SECONDS,
    instanceId: e.PHIGATE_INSTANCE_ID ?? hostname,
    adminToken: e.PHIGATE_ADMIN_TOKEN,
    mxPort: e.PHIGATE_MX_PORT,
    commitLingerMs: e.PHIGATE_COMMIT_LINGER_MS,
    probeSeconds: e.PHIGATE_PROBE_SECONDS,
    mtaStsPort: e.PHIGATE_MTA_STS_PORT,
  };
}

function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

export function parseNetworks(text: string): BlockList {
  const list = new BlockList();
  for (const cidr of splitList(text)) {
    const [addr, bitsText] = cidr.split('/');
    const family = isIP(addr);
    if (!family) throw new ConfigError(`PHIGATE_TENANT_NETWORKS: "${cidr}" is not an IP address or CIDR`);
    const max = family === 4 ? 32 : 128;
    const bits = bitsText === undefined ? max : Number(bitsText);
    if (!Number.isInteger(bits) || bits < 0 || bits > max) {
      throw new ConfigError(`PHIGATE_TENANT_NETWORKS: "${cidr}" has a prefix length outside 0..${max}`);
    }
    list.addSubnet(addr, bits, family === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}

/** `domain=host:port,*=host:port`; `[::1]:25` for IPv6 hosts. */
export function parseTransport(text: string | undefined): Map<string, NextHop> {
  const map = new Map<string, NextHop>();
  if (!text) return map;
  for (const entry of splitList(text)) {
    const m = /^([^=\s]+)=(?:\[([0-9a-fA-F:.]+)\]|([^:\s[\]]+))(?::(\d{1,5}))?$/.exec(entry);
    if (!m) throw new ConfigError(`PHIGATE_TRANSPORT: "${entry}" is not domain=host:port`);
    const hopPort = m[4] ? Number(m[4]) : 25;
    if (hopPort < 1 || hopPort > 65535) throw new ConfigError(`PHIGATE_TRANSPORT: "${entry}" has an invalid port`);
    map.set(m[1].toLowerCase(), { host: m[2] ?? m[3], port: hopPort });
  }
  return map;
}

/** Accepts IPv4-mapped IPv6 (`::ffff:1.2.3.4`) as its IPv4 form. */
export function isTenantAddress(networks: BlockList, address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1] : address;
  const family = isIP(ip);
  if (!family) return false;
  return networks.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}
