// How fast can any relay built on smtp-server accept mail from smtp-source? A bare smtp-server
// that stores nothing and answers 250 at once, under the same load as bench/relay, next to
// Postfix's smtpd (relaying to smtp-sink). It separates phigate's own cost from the listener's.
//   node bench/listener-ceiling.ts [--messages 3000] [--sessions 20] [--size 20480]
import { SMTPServer } from 'smtp-server';
// phigate's patches: the greeting pause becomes the option greetingDelayMs (library default 100 ms).
import '../gateway/receive/smtp-server-patches.ts';
import type { AddressInfo } from 'node:net';
import { loadLine, onCleanup, parseArgs, runCleanups, runSmtpSource, startPostfixRelay, startSmtpSink, table } from './support.ts';

const usage = 'node bench/listener-ceiling.ts [--messages N] [--sessions N] [--size BYTES]';
const opts = parseArgs(process.argv.slice(2), { messages: 3000, sessions: 20, size: 20480 }, usage);

async function bareSmtpServer(greetingDelayMs: number): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    ...({ greetingDelayMs } as object),
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, cb) {
      stream.on('data', () => undefined);
      stream.on('end', () => cb(null, 'ok'));
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { port: (server.server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

try {
  const rows = [['listener', 'messages', 'seconds', 'msg/s']];
  const secs = (r: { startedAt: number; endedAt: number }) => (r.endedAt - r.startedAt) / 1000;
  for (const delay of [100, 0]) {
    const bare = await bareSmtpServer(delay);
    onCleanup(bare.close);
    const a = await runSmtpSource({ port: bare.port, messages: opts.messages, sessions: opts.sessions, size: opts.size });
    rows.push([`bare smtp-server, greeting pause ${delay} ms`, String(opts.messages), secs(a).toFixed(2), (opts.messages / secs(a)).toFixed(1)]);
  }
  const sink = await startSmtpSink();
  onCleanup(() => sink.stop());
  const postfix = await startPostfixRelay({ relayPort: sink.port });
  onCleanup(() => postfix.stop());
  const b = await runSmtpSource({ port: postfix.port, messages: opts.messages, sessions: opts.sessions, size: opts.size });
  rows.push(['postfix smtpd (relaying)', String(opts.messages), secs(b).toFixed(2), (opts.messages / secs(b)).toFixed(1)]);
  console.log(table(rows));
  console.log(loadLine());
} finally {
  await runCleanups();
}
