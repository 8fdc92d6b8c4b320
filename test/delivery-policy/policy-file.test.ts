// The policy file at the gateway's start and through `phigate policy explain`: a bad file stops
// `phigate serve` before it listens, with a message naming the key; explain names the rule and
// method each recipient gets.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bin, freePort, runCli, tempDir } from '../support/gateway-process.ts';
import { writePolicy } from './lab.ts';

/** Runs `phigate serve` and waits for it to exit (killing it after `timeoutMs` if it does not). */
async function serveUntilExit(env: Record<string, string>, timeoutMs = 20_000): Promise<{ code: number | null; output: string; killed: boolean }> {
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: { ...process.env, PHIGATE_LOG_LEVEL: 'warn', PHIGATE_DATA_DIR: tempDir('badpolicy'), PHIGATE_SMTP_PORT: String(await freePort()), PHIGATE_HTTP_PORT: String(await freePort()), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  clearTimeout(timer);
  return { code, output, killed };
}

const GOOD_POLICY = `defaults:
  method: tls-opportunistic
  minTls: "1.2"
rules:
  - name: partners must get TLS
    match: { recipientDomain: [partner.example, "*.partner.example"] }
    method: tls-required
  - name: PHI goes out by the best secure method
    match: { phi: true }
    method: best
`;

describe('policy file', () => {
  it.each([
    {
      what: 'a misspelt method',
      yaml: 'rules:\n  - name: partners\n    match: { recipientDomain: [partner.example] }\n    method: tls-requird\n',
      key: 'rules[0].method',
      detail: /rules\[0\]\.method: expected one of tls-opportunistic, tls-required, tls-exclusive, portal, pgp, smime, best; got "tls-requird" \(did you mean "tls-required"\?\) \(line 4, column 13\)/,
    },
    {
      what: 'a TLS floor below 1.0',
      yaml: 'rules:\n  - name: old partner\n    match: { recipientDomain: [old.example] }\n    method: tls-required\n    options: { minTls: "0.9" }\n',
      key: 'rules[0].options.minTls',
      detail: /rules\[0\]\.options\.minTls: expected one of 1\.0, 1\.1, 1\.2, 1\.3 \(TLS below 1\.0 is never allowed\); got "0\.9"/,
    },
    {
      what: 'an unknown key in a rule',
      yaml: 'rules:\n  - name: partners\n    match: { recipientDomain: [partner.example] }\n    methd: tls-required\n',
      key: 'rules[0].methd',
      detail: /rules\[0\]\.methd: unknown key \(did you mean "method"\?\); allowed here: name, match, method, options \(line 4, column 12\)/,
    },
  ])('a bad policy file ($what) stops the start with a message naming $key', async ({ yaml, key, detail }) => {
    const file = writePolicy(yaml);
    const r = await serveUntilExit({ PHIGATE_CONFIG: file });
    expect(r.killed, r.output).toBe(false);
    expect(r.code).not.toBe(0);
    expect(r.code).toBe(2);
    expect(r.output).toContain(file);
    expect(r.output).toContain(key);
    expect(r.output).toMatch(detail);
    expect(r.output).not.toMatch(/phigate ready/);
  });

  it('a good policy file starts (the bad-file tests are not failing for some other reason)', async () => {
    const file = writePolicy(GOOD_POLICY);
    const child = spawn(process.execPath, [bin, 'serve'], {
      env: { ...process.env, PHIGATE_LOG_LEVEL: 'warn', PHIGATE_CONFIG: file, PHIGATE_DATA_DIR: tempDir('goodpolicy'), PHIGATE_SMTP_PORT: String(await freePort()), PHIGATE_HTTP_PORT: String(await freePort()) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    const deadline = Date.now() + 30_000;
    while (!/phigate ready smtp=/.test(out) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(out).toMatch(/phigate ready smtp=/);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('policy explain names the rule and the method for each recipient (first match wins)', async () => {
    const env = { ...process.env, PHIGATE_CONFIG: writePolicy(GOOD_POLICY) };
    const phi = await runCli(['policy', 'explain', '--from', 'dr@clinic.example', '--to', 'a@partner.example,b@other.example', '--phi'], env);
    expect(phi.code).toBe(0);
    expect(phi.stdout).toContain('from dr@clinic.example; PHI: yes; escalated: no');
    expect(phi.stdout).toContain('to a@partner.example: tls-required (rule "partners must get TLS", rules[0])');
    expect(phi.stdout).toContain('to b@other.example: best (rule "PHI goes out by the best secure method", rules[1])');
    expect(phi.stdout).toContain('why: message contains PHI');

    const plain = await runCli(['policy', 'explain', '--from', 'dr@clinic.example', '--to', 'b@other.example'], env);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('to b@other.example: tls-opportunistic (defaults)');
    expect(plain.stdout).toContain('why: no rule matched, so the defaults apply');

    const escalated = await runCli(['policy', 'explain', '--from', 'dr@clinic.example', '--to', 'b@other.example', '--escalated'], env);
    expect(escalated.code).toBe(0);
    expect(escalated.stdout).toMatch(/to b@other\.example: best \(defaults\)/);
    expect(escalated.stdout).toContain('escalated by the sender: tls-opportunistic raised to best');
  });

  it('policy explain with a bad policy file fails naming the key', async () => {
    const file = writePolicy('defaults:\n  method: tls-sometimes\n');
    const r = await runCli(['policy', 'explain', '--from', 'a@b.example', '--to', 'c@d.example'], { ...process.env, PHIGATE_CONFIG: file });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('defaults.method');
  });
});
