// smtp-server-patches.ts §4: session ids for connections without a PROXY header come from the
// pooled CSPRNG draws, in the library's format (80 bits, base 32, 16 characters).
import { describe, expect, it } from 'vitest';
import '../../gateway/receive/smtp-server-patches.ts';
import { SMTPServer } from 'smtp-server';

type HandleProxy = (socket: { remoteAddress?: string }, cb: (err: Error | null, opts: { id: string; ignore?: boolean }) => void) => void;

function sessionOptions(server: SMTPServer, remoteAddress: string): Promise<{ id: string; ignore?: boolean }> {
  const handle = (server as unknown as { _handleProxy: HandleProxy })._handleProxy.bind(server);
  return new Promise((resolve, reject) => handle({ remoteAddress }, (err, opts) => (err ? reject(err) : resolve(opts))));
}

describe('smtp-server session ids', () => {
  it('are 16 base-32 characters, distinct, and keep ignoredHosts', async () => {
    const server = new SMTPServer({ logger: false, disabledCommands: ['STARTTLS', 'AUTH'], ignoredHosts: ['10.0.0.9'] } as never);
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const { id, ignore } = await sessionOptions(server, '127.0.0.1');
      expect(id).toMatch(/^[0-9a-v]{16}$/);
      expect(ignore).toBe(false);
      ids.add(id);
    }
    expect(ids.size).toBe(200);
    expect((await sessionOptions(server, '10.0.0.9')).ignore).toBe(true);
  });
});
