// `phigate domain check DOMAIN [--json]` (runDomainCheck) end to end. Routes come from the
// environment as operators give them: PHIGATE_TRANSPORT points a domain at a loopback
// receiver (MX routes would say port 25), PHIGATE_DNS_SERVERS at the test DNS server.
// Trust anchors from NODE_EXTRA_CA_CERTS are read when Node starts, so the verified case runs
// the command in a child process; the rest call the function in process.
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDomainCheck } from '../../gateway/cli/domain-command.ts';
import { startDnsServer, type TestDnsServer } from '../support/dns-server.ts';
import { createTestCa, type IssuedCert, type TestCa } from '../support/test-ca.ts';
import { startSink, type Sink } from '../support/sink.ts';

const commandModule = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../gateway/cli/domain-command.ts');

let dns: TestDnsServer;
let ca: TestCa;
let cert: IssuedCert;
let plain: Sink;
let secure: Sink;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  ca = await createTestCa();
  // A transport route's host is the address itself, so the certificate names the IP.
  cert = await ca.issue(['mx.secure.test'], { ips: ['127.0.0.1'] });
  plain = await startSink();
  secure = await startSink({ tls: { key: cert.keyPem, cert: cert.certPem, minVersion: 'TLSv1.3' } });
  dns = await startDnsServer({ 'plain.test': { MX: [{ exchange: 'mx.plain.test', priority: 10 }] } });
  env = {
    PATH: process.env.PATH,
    PHIGATE_HOSTNAME: 'probe.phigate.test',
    PHIGATE_DNS_SERVERS: dns.address,
    PHIGATE_TRANSPORT: `plain.test=127.0.0.1:${plain.port},secure.test=127.0.0.1:${secure.port}`,
  };
});

afterAll(async () => {
  await Promise.all([plain?.close(), secure?.close(), dns?.close()]);
  await ca?.cleanup();
});

async function check(args: string[], e: NodeJS.ProcessEnv = env) {
  let stdout = '';
  let stderr = '';
  const code = await runDomainCheck(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) }, e);
  return { code, stdout, stderr };
}

/** Runs runDomainCheck in a fresh Node process (so NODE_EXTRA_CA_CERTS takes effect). */
function checkInChild(args: string[], e: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = `
    const { runDomainCheck } = await import(${JSON.stringify(commandModule)});
    process.exitCode = await runDomainCheck(process.argv.slice(1), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, ...args], { env: e, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((r) => child.once('exit', (code) => r({ code, stdout, stderr })));
}

describe('phigate domain check', () => {
  it('--json: one JSON object; verified TLS when the CA is trusted via NODE_EXTRA_CA_CERTS', async () => {
    const r = await checkInChild(['secure.test', '--json'], { ...env, NODE_EXTRA_CA_CERTS: ca.caFile });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual({
      domain: 'secure.test',
      checkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      mx: [
        {
          host: '127.0.0.1',
          ip: '127.0.0.1',
          port: secure.port,
          source: 'transport',
          reachable: true,
          starttls: true,
          tls: {
            version: 'TLSv1.3',
            cipher: 'TLS_AES_256_GCM_SHA384',
            authorized: true,
            nameMatches: true,
            notAfter: new Date(new X509Certificate(cert.certPem).validTo).toISOString(),
          },
          weakTlsOnly: false,
        },
      ],
      mtaSts: { mode: 'none', mx: [], maxAge: 0, id: null, source: 'none' },
      summary: { tlsCapable: true, verified: true, method: 'tls-opportunistic (TLS 1.3, verified)' },
    });
    expect(Math.abs(Date.parse(out.checkedAt) - Date.now())).toBeLessThan(60_000);
  });

  it('without the CA the same server is TLS but unverified', async () => {
    const r = await checkInChild(['secure.test', '--json'], env);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.mx[0].tls).toMatchObject({ version: 'TLSv1.3', authorized: false, nameMatches: true, error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(out.summary).toEqual({ tlsCapable: true, verified: false, method: 'tls-opportunistic (TLS 1.3, unverified: UNABLE_TO_VERIFY_LEAF_SIGNATURE)' });
  });

  it('readable report; exit 0 for a domain without TLS', async () => {
    const r = await check(['PLAIN.test.']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^domain plain\.test, checked \d{4}-\d\d-\d\dT[\d:.]+Z$/);
    expect(lines.slice(1)).toEqual([
      'MX hosts, in delivery order:',
      `  127.0.0.1 [127.0.0.1]:${plain.port} (transport)`,
      '    STARTTLS offered: no',
      'MTA-STS: no policy',
      'TLS-capable: no, verified: no',
      'method: clear (tls-opportunistic: no STARTTLS offered)',
      '',
    ]);
  });

  it('--json for a domain without TLS', async () => {
    const r = await check(['--json', 'plain.test']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.mx).toEqual([
      { host: '127.0.0.1', ip: '127.0.0.1', port: plain.port, source: 'transport', reachable: true, starttls: false, tls: null, weakTlsOnly: false },
    ]);
    expect(out.summary).toEqual({ tlsCapable: false, verified: false, method: 'clear (tls-opportunistic: no STARTTLS offered)' });
  });

  it('exit 1 and the reason when the domain cannot be resolved', async () => {
    const r = await check(['nowhere.test']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('phigate domain check: cannot resolve nowhere.test: domain nowhere.test does not exist (5.1.2)\n');
    expect(r.stdout).toContain('routes: none (domain nowhere.test does not exist)');

    const j = await check(['nowhere.test', '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({ domain: 'nowhere.test', resolveError: { permanent: true, status: '5.1.2', reason: 'domain nowhere.test does not exist' }, mx: [] });
  });

  it('exit 2 on bad usage, with the usage line', async () => {
    const usage = 'usage: phigate domain check DOMAIN [--json] [--timeout SECONDS]\n';
    expect(await check([])).toEqual({ code: 2, stdout: '', stderr: `phigate domain check: expected one DOMAIN, got 0\n${usage}` });
    expect(await check(['a.test', 'b.test'])).toEqual({ code: 2, stdout: '', stderr: `phigate domain check: expected one DOMAIN, got 2\n${usage}` });
    expect(await check(['not a domain'])).toEqual({ code: 2, stdout: '', stderr: `phigate domain check: "not a domain" is not a domain name\n${usage}` });
    expect(await check(['a.test', '--timeout', 'soon'])).toEqual({ code: 2, stdout: '', stderr: `phigate domain check: --timeout expects a positive number of seconds\n${usage}` });
    const unknown = await check(['a.test', '--verbose']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^phigate domain check: Unknown option '--verbose'/);
  });

  it('exit 2 on a bad environment, naming the variable', async () => {
    const r = await check(['plain.test'], { ...env, PHIGATE_TRANSPORT: 'nonsense' });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'phigate domain check: PHIGATE_TRANSPORT: "nonsense" is not domain=host:port\n' });
  });
});
