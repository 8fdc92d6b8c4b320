// Shared pieces of the benchmarks: Postfix's smtp-sink / smtp-source, a throwaway stock
// Postfix relay, RSS sampling from /proc, and cleanup that runs even on Ctrl-C.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, sleep, tempDir } from '../test/support/gateway-process.ts';

export { freePort, sleep, tempDir };

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

// ---------------------------------------------------------------------------------------
// cleanup

const cleanups: Array<() => Promise<void> | void> = [];

/** Registers an undo step; they run last-in first-out from `runCleanups` or on SIGINT/SIGTERM. */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

/** Runs a bench's main, reports a crash, always cleans up, and exits with main's code. */
export async function runBench(name: string, main: () => Promise<number>): Promise<never> {
  let code = 1;
  try {
    code = await main();
  } catch (err) {
    process.stderr.write(`${name} failed: ${(err as Error).stack ?? err}\n`);
  } finally {
    await runCleanups();
  }
  process.exit(code);
}

export async function runCleanups(): Promise<void> {
  while (cleanups.length) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (err) {
      process.stderr.write(`cleanup: ${(err as Error).message}\n`);
    }
  }
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    process.stderr.write(`\n${sig}: cleaning up\n`);
    void runCleanups().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------
// arguments

export function parseArgs<T extends Record<string, string | number | boolean>>(argv: string[], defaults: T, usage: string): T {
  const out: Record<string, string | number | boolean> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      process.stdout.write(usage);
      process.exit(0);
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unexpected argument ${a}\n${usage}`);
    const key = m[1].replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (!(key in defaults)) throw new Error(`unknown option --${m[1]}\n${usage}`);
    const def = defaults[key];
    if (typeof def === 'boolean') {
      out[key] = m[2] === undefined ? true : m[2] !== 'false';
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    if (typeof def === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`--${m[1]}: expected a positive number, got ${value}`);
      out[key] = n;
    } else out[key] = value;
  }
  return out as T;
}

// ---------------------------------------------------------------------------------------
// Postfix tools

/** Finds a Postfix program on PATH, in /usr/sbin, or in the daemon directory. */
export function postfixTool(name: string): string {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/lib/postfix/sbin', '/usr/libexec/postfix'];
  for (const d of dirs) {
    const p = path.join(d, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      // keep looking
    }
  }
  throw new Error(`${name} not found; install Postfix (Debian: apt-get install postfix)`);
}

async function waitForListen(port: number, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${what} did not listen on 127.0.0.1:${port}`);
    await sleep(50);
  }
}

export interface SmtpSink {
  port: number;
  /** Messages the sink has received (its "." count). */
  count(): number;
  /** performance.now() at which the count first reached `n` (rejects on timeout or exit). */
  reached(n: number, timeoutMs: number): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts Postfix's smtp-sink (discards everything, answers 250) with `-c` running counters,
 * and follows its "mesg=N" counter. The counter moves when "." arrives, so the time the
 * sink reaches N is when the last message was handed over in full.
 */
export async function startSmtpSink(opts: { port?: number; extraArgs?: string[] } = {}): Promise<SmtpSink> {
  const port = opts.port ?? (await freePort());
  const args = [...(isRoot ? ['-u', 'nobody'] : []), '-c', '-4', ...(opts.extraArgs ?? []), `127.0.0.1:${port}`, '1024'];
  const child = spawn(postfixTool('smtp-sink'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let count = 0;
  let tail = '';
  let stderr = '';
  let exited = false;
  const waiters: Array<{ n: number; resolve: (t: number) => void }> = [];
  const reachedAt = new Map<number, number>();
  child.stdout!.setEncoding('latin1');
  child.stdout!.on('data', (d: string) => {
    const now = performance.now();
    tail = (tail + d).slice(-200);
    const all = [...tail.matchAll(/mesg=(\d+)/g)];
    if (all.length === 0) return;
    const n = Number(all[all.length - 1][1]);
    if (n <= count) return;
    count = n;
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (count >= waiters[i].n) {
        reachedAt.set(waiters[i].n, now);
        waiters[i].resolve(now);
        waiters.splice(i, 1);
      }
    }
  });
  child.stderr!.on('data', (d) => (stderr += d));
  const exit = new Promise<void>((r) => child.once('exit', () => ((exited = true), r())));
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      await Promise.race([exit, sleep(3000)]);
      if (!exited) child.kill('SIGKILL');
    }
  };
  onCleanup(stop);
  await Promise.race([
    waitForListen(port, 'smtp-sink'),
    exit.then(() => {
      throw new Error(`smtp-sink exited at start: ${stderr.trim()}`);
    }),
  ]);
  return {
    port,
    count: () => count,
    reached: (n, timeoutMs) =>
      count >= n
        ? Promise.resolve(reachedAt.get(n) ?? performance.now())
        : new Promise<number>((resolve, reject) => {
            const t = setTimeout(() => reject(new Error(`smtp-sink on ${port} counted ${count} of ${n} messages after ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
            waiters.push({ n, resolve: (v) => (clearTimeout(t), resolve(v)) });
            void exit.then(() => reject(new Error(`smtp-sink exited after ${count} messages: ${stderr.trim()}`)));
          }),
    stop,
  };
}

export interface SourceResult {
  code: number | null;
  startedAt: number;
  endedAt: number;
  stderr: string;
}

/** Runs smtp-source to completion; `startedAt`/`endedAt` are performance.now() values. */
export async function runSmtpSource(opts: { port: number; messages: number; sessions: number; size?: number; file?: string; from?: string; to?: string }): Promise<SourceResult> {
  const args = [
    '-4',
    '-s', String(opts.sessions),
    '-m', String(opts.messages),
    ...(opts.file ? ['-F', opts.file] : ['-l', String(opts.size ?? 20480)]),
    '-M', 'source.clinic.test',
    '-f', opts.from ?? 'sender@clinic.test',
    '-t', opts.to ?? 'recipient@example.org',
    `127.0.0.1:${opts.port}`,
  ];
  const startedAt = performance.now();
  const child = spawn(postfixTool('smtp-source'), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  return { code, startedAt, endedAt: performance.now(), stderr: stderr.trim() };
}

// ---------------------------------------------------------------------------------------
// a stock Postfix configured as a plain relay

export interface PostfixRelay {
  port: number;
  dir: string;
  /** Lines of its mail log with status=sent. */
  sentCount(): number;
  maillog(): string;
  stop(): Promise<void>;
}

/**
 * A private Postfix instance: own config, queue and data directories under a temp dir,
 * smtpd on 127.0.0.1:PORT, relaying everything from 127.0.0.0/8 to [127.0.0.1]:relayPort.
 * Everything else is Postfix's defaults (durable queue files fsynced before 250, connection
 * caching, default concurrency). No chroot, no local delivery, no TLS (phigate's bench
 * sink has none either). Needs root (the master runs as root, daemons as `postfix`).
 */
export async function startPostfixRelay(opts: { relayPort: number }): Promise<PostfixRelay> {
  if (!isRoot) throw new Error('the Postfix comparison must run as root (postfix start needs it)');
  const postfix = postfixTool('postfix');
  const port = await freePort();
  const dir = tempDir('postfix');
  fs.chmodSync(dir, 0o755);
  const etc = path.join(dir, 'etc');
  const queue = path.join(dir, 'queue');
  const data = path.join(dir, 'data');
  const maillog = path.join(dir, 'maillog');
  fs.mkdirSync(etc);
  fs.mkdirSync(queue, { mode: 0o755 });
  fs.mkdirSync(data, { mode: 0o700 });
  const pf = spawnSync('id', ['-u', 'postfix'], { encoding: 'utf8' });
  if (pf.status !== 0) throw new Error('no "postfix" user: install the Debian postfix package');
  fs.chownSync(data, Number(pf.stdout.trim()), -1);
  fs.writeFileSync(
    path.join(etc, 'main.cf'),
    [
      'compatibility_level = 3.6',
      `queue_directory = ${queue}`,
      `data_directory = ${data}`,
      'mail_owner = postfix',
      'setgid_group = postdrop',
      'myhostname = relay.postfix.test',
      'mydomain = postfix.test',
      'inet_interfaces = 127.0.0.1',
      'inet_protocols = ipv4',
      'mydestination =',
      'local_recipient_maps =',
      'local_transport = error:local delivery is disabled',
      'alias_maps =',
      'alias_database =',
      `relayhost = [127.0.0.1]:${opts.relayPort}`,
      'mynetworks = 127.0.0.0/8',
      'smtpd_relay_restrictions = permit_mynetworks, reject',
      'smtp_tls_security_level = none',
      'smtpd_tls_security_level = none',
      `maillog_file = ${maillog}`,
      `maillog_file_prefixes = ${dir}`,
      'biff = no',
      '',
    ].join('\n'),
  );
  const svc = (name: string, type: string, priv: string, wakeup: string, limit: string, cmd: string) =>
    `${name.padEnd(16)} ${type.padEnd(10)} ${priv} - n ${wakeup.padEnd(5)} ${limit.padEnd(3)} ${cmd}`;
  fs.writeFileSync(
    path.join(etc, 'master.cf'),
    [
      svc(`127.0.0.1:${port}`, 'inet', 'n', '-', '-', 'smtpd'),
      svc('pickup', 'unix', 'n', '60', '1', 'pickup'),
      svc('cleanup', 'unix', 'n', '-', '0', 'cleanup'),
      svc('qmgr', 'unix', 'n', '300', '1', 'qmgr'),
      svc('rewrite', 'unix', '-', '-', '-', 'trivial-rewrite'),
      svc('bounce', 'unix', '-', '-', '0', 'bounce'),
      svc('defer', 'unix', '-', '-', '0', 'bounce'),
      svc('trace', 'unix', '-', '-', '0', 'bounce'),
      svc('verify', 'unix', '-', '-', '1', 'verify'),
      svc('flush', 'unix', 'n', '1000?', '0', 'flush'),
      svc('proxymap', 'unix', '-', '-', '-', 'proxymap'),
      svc('proxywrite', 'unix', '-', '-', '1', 'proxymap'),
      svc('smtp', 'unix', '-', '-', '-', 'smtp'),
      svc('relay', 'unix', '-', '-', '-', 'smtp'),
      svc('showq', 'unix', 'n', '-', '-', 'showq'),
      svc('error', 'unix', '-', '-', '-', 'error'),
      svc('retry', 'unix', '-', '-', '-', 'error'),
      svc('discard', 'unix', '-', '-', '-', 'discard'),
      svc('local', 'unix', '-', '-', '-', 'local'),
      svc('anvil', 'unix', '-', '-', '1', 'anvil'),
      svc('scache', 'unix', '-', '-', '1', 'scache'),
      svc('postlog', 'unix-dgram', 'n', '-', '1', 'postlogd'),
      '',
    ].join('\n'),
  );
  const readLog = () => (fs.existsSync(maillog) ? fs.readFileSync(maillog, 'utf8') : '');
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const pidFile = path.join(queue, 'pid', 'master.pid');
    const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').trim()) : 0;
    spawnSync(postfix, ['-c', etc, 'stop'], { stdio: 'ignore' });
    // `postfix stop` returns before the master is gone; wait so the queue can be removed.
    const deadline = Date.now() + 10_000;
    while (pid > 0 && Date.now() < deadline) {
      try {
        process.kill(pid, 0);
      } catch {
        break;
      }
      await sleep(100);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  onCleanup(stop);
  const started = spawnSync(postfix, ['-c', etc, 'start'], { encoding: 'utf8' });
  if (started.status !== 0) throw new Error(`postfix start failed: ${started.stderr}${readLog().slice(-2000)}`);
  await waitForListen(port, 'postfix smtpd');
  return { port, dir, maillog: readLog, sentCount: () => (readLog().match(/ status=sent /g) ?? []).length, stop };
}

// ---------------------------------------------------------------------------------------
// memory

export interface RssSampler {
  /** Peak VmRSS seen by sampling, in bytes. */
  sampledPeak(): number;
  /** The kernel's high-water mark for the process (VmHWM), in bytes. */
  hwm(): number;
  current(): number;
  stop(): void;
}

function statusField(pid: number, field: string): number {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples /proc/PID/status every `intervalMs`: VmRSS now and then, VmHWM for the true peak. */
export function sampleRss(pid: number, intervalMs = 50): RssSampler {
  let peak = 0;
  let lastHwm = 0;
  const tick = () => {
    peak = Math.max(peak, statusField(pid, 'VmRSS'));
    lastHwm = Math.max(lastHwm, statusField(pid, 'VmHWM'));
  };
  tick();
  const t = setInterval(tick, intervalMs);
  return {
    sampledPeak: () => (tick(), peak),
    hwm: () => (tick(), lastHwm),
    current: () => statusField(pid, 'VmRSS'),
    stop: () => clearInterval(t),
  };
}

/** Resets the kernel's VmHWM peak for a process (writes 5 to /proc/PID/clear_refs). */
export function resetHwm(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

// ---------------------------------------------------------------------------------------
// metrics

/** Sums a Prometheus metric family over its labels from phigate's /metrics. */
export async function metricSum(httpPort: number, name: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${httpPort}/metrics`);
  const text = await res.text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (m && m[1] === name) sum += Number(m[3]);
  }
  return sum;
}

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n') + '\n';
}

/** The machine's load averages: other work on a 2-core machine skews every figure here. */
export function loadLine(): string {
  const [a, b, c] = os.loadavg();
  return `load average ${a.toFixed(2)} ${b.toFixed(2)} ${c.toFixed(2)} on ${os.availableParallelism()} CPUs`;
}

export type { ChildProcess };
