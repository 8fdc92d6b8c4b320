// Runs the real gateway as a child process (`node bin/phigate.js serve`), as operators do, so
// tests can SIGTERM or kill -9 it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const bin = path.join(repoRoot, 'bin/phigate.js');

export interface GatewayProcess {
  child: ChildProcess;
  smtpPort: number;
  httpPort: number;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/**
 * A free port below Linux's ephemeral range (32768-60999): a port the kernel hands out for `listen(0)` is
 * also one it hands out as the source port of outgoing connections (the gateway's own deliveries, other
 * test files' clients), which can take it between this check and the gateway's bind.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    if (await canListen(port, host)) return port;
  }
}

function canListen(port: number, host: string): Promise<boolean> {
  const s = net.createServer();
  return new Promise((resolve) => {
    s.once('error', () => resolve(false));
    s.listen(port, host, () => s.close(() => resolve(true)));
  });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `phigate-${prefix}-`));
}

export async function startGateway(env: Record<string, string | undefined>, opts: { timeoutMs?: number } = {}): Promise<GatewayProcess> {
  const dataDir = env.PHIGATE_DATA_DIR ?? tempDir('data');
  // Ports the test chose itself are used as given; ours are picked again if another process took one first.
  const ownPorts = !env.PHIGATE_SMTP_PORT && !env.PHIGATE_HTTP_PORT;
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchGateway(env, dataDir, opts);
    } catch (e) {
      if (!ownPorts || attempt === 3 || !/EADDRINUSE/.test(String(e))) throw e;
    }
  }
}

async function launchGateway(env: Record<string, string | undefined>, dataDir: string, opts: { timeoutMs?: number }): Promise<GatewayProcess> {
  const smtpPort = env.PHIGATE_SMTP_PORT ? Number(env.PHIGATE_SMTP_PORT) : await freePort();
  const httpPort = env.PHIGATE_HTTP_PORT ? Number(env.PHIGATE_HTTP_PORT) : await freePort();
  const fullEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PHIGATE_LOG_LEVEL: 'warn',
    PHIGATE_HOSTNAME: 'gw.phigate.test',
    // Scheduled domain probes would open extra connections to the tests' receivers; the
    // monitoring test turns them on explicitly.
    PHIGATE_PROBE_SECONDS: '0',
    ...env,
    PHIGATE_DATA_DIR: dataDir,
    PHIGATE_SMTP_PORT: String(smtpPort),
    PHIGATE_HTTP_PORT: String(httpPort),
  };
  // Through the bin's launch line (its memory settings), as `phigate serve` runs in production;
  // the Node found first on PATH must be the one running the tests.
  const child = spawn(bin, ['serve'], { env: { ...fullEnv, PATH: `${path.dirname(process.execPath)}:${fullEnv.PATH ?? ''}` }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway not ready in time: ${out.slice(-1500)}`)), opts.timeoutMs ?? 30_000);
    const check = () => {
      if (/phigate ready smtp=\S+ http=\S+/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with ${code} before ready: ${out.slice(-1500)}`));
    });
  });
  return {
    child,
    smtpPort,
    httpPort,
    dataDir,
    env: fullEnv,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

/** Runs `phigate <args>` with the gateway's environment; returns exit code and output. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(input ?? '');
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  return { code, stdout, stderr };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(fn: () => T | Promise<T>, { timeoutMs = 20_000, intervalMs = 50, what = 'condition' } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(intervalMs);
  }
}
