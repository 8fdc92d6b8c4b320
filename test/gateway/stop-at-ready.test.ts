import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bin, freePort, tempDir } from '../support/gateway-process.ts';

// A supervisor may stop the gateway the moment it reads the ready line. The signal must find a
// listener by then: with none, Node's default action kills the process (exit by signal, no clean
// shutdown). Several at once, so the machine is busy and the window, if any, shows.
async function stopAtReady(): Promise<{ code: number | null; signal: string | null }> {
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: { ...process.env, PHIGATE_LOG_LEVEL: 'warn', PHIGATE_DATA_DIR: tempDir('stop-at-ready'), PHIGATE_SMTP_PORT: String(await freePort()), PHIGATE_HTTP_PORT: String(await freePort()) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
    if (/phigate ready smtp=/.test(out) && !child.killed) child.kill('SIGTERM');
  });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

describe('SIGTERM right at the ready line', () => {
  it('shuts down cleanly (exit 0), never dies of the signal', async () => {
    const results = await Promise.all(Array.from({ length: 4 }, stopAtReady));
    expect(results).toEqual(results.map(() => ({ code: 0, signal: null })));
  }, 90_000);
});
