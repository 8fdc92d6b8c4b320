// A byte-exact SMTP client for protocol-abuse tests (smuggling, pipelining, bare LF): it
// writes exactly what the test gives it and returns each complete server reply.
import net from 'node:net';
import tls from 'node:tls';

export class RawSmtp {
  private socket: net.Socket | tls.TLSSocket;
  private buffer = '';
  private replies: string[] = [];
  private waiters: Array<(r: string) => void> = [];
  closed = false;

  private constructor(socket: net.Socket) {
    this.socket = socket;
    this.attach(socket);
  }

  private attach(socket: net.Socket | tls.TLSSocket) {
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => this.onData(d));
    socket.on('close', () => {
      this.closed = true;
      for (const w of this.waiters.splice(0)) w('(closed)');
    });
    socket.on('error', () => undefined);
  }

  static connect(port: number, opts: { localAddress?: string } = {}): Promise<RawSmtp> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ host: '127.0.0.1', port, localAddress: opts.localAddress }, () => resolve(new RawSmtp(s)));
      s.once('error', reject);
    });
  }

  private onData(d: string) {
    this.buffer += d;
    // A reply is complete at a line "NNN " (the last line of a multi-line reply).
    for (;;) {
      const m = /(^|\r\n)(\d{3}) [^\r\n]*\r\n/.exec(this.buffer);
      if (!m) break;
      const end = m.index + m[0].length;
      const reply = this.buffer.slice(0, end).replace(/^\r\n/, '');
      this.buffer = this.buffer.slice(end);
      const w = this.waiters.shift();
      if (w) w(reply);
      else this.replies.push(reply);
    }
  }

  read(timeoutMs = 10_000): Promise<string> {
    const queued = this.replies.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.closed) return Promise.resolve('(closed)');
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve('(timeout)'), timeoutMs);
      this.waiters.push((r) => {
        clearTimeout(t);
        resolve(r);
      });
    });
  }

  write(raw: string | Buffer): void {
    this.socket.write(raw);
  }

  async cmd(line: string): Promise<string> {
    this.write(line + '\r\n');
    return this.read();
  }

  /** Upgrades after a 220 to STARTTLS (any certificate). */
  async starttls(): Promise<void> {
    const plain = this.socket as net.Socket;
    plain.removeAllListeners('data');
    plain.removeAllListeners('close');
    const secure = tls.connect({ socket: plain, rejectUnauthorized: false });
    await new Promise<void>((r, j) => {
      secure.once('secureConnect', () => r());
      secure.once('error', j);
    });
    this.buffer = '';
    this.socket = secure;
    this.attach(secure);
  }

  close(): void {
    this.socket.destroy();
  }
}

/** A minimal message with a known Message-ID. */
export function testMessage(id: string, opts: { from?: string; to?: string; subject?: string; body?: string; extraHeaders?: string } = {}): string {
  return [
    `From: <${opts.from ?? 'clinician@clinic.test'}>`,
    `To: <${opts.to ?? 'patient@example.org'}>`,
    `Subject: ${opts.subject ?? 'test ' + id}`,
    `Message-ID: ${id}`,
    `Date: ${new Date().toUTCString()}`,
    ...(opts.extraHeaders ? [opts.extraHeaders] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    opts.body ?? 'Hello.',
    '',
  ].join('\r\n');
}

/** Sends `count` messages on one session; records the Message-ID of each one answered 250. */
export async function sendOnSession(port: number, tag: string, count: number, accepted: Set<string>, stop: () => boolean): Promise<void> {
  let c: RawSmtp;
  try {
    c = await RawSmtp.connect(port);
  } catch {
    return;
  }
  try {
    if (!(await c.read()).startsWith('220')) return;
    if (!(await c.cmd('EHLO burst.test')).startsWith('250')) return;
    for (let i = 0; i < count && !stop(); i++) {
      const id = `<burst-${tag}-${i}@clinic.test>`;
      if (!(await c.cmd('MAIL FROM:<clinician@clinic.test>')).startsWith('250')) return;
      if (!(await c.cmd('RCPT TO:<patient@example.org>')).startsWith('250')) return;
      if (!(await c.cmd('DATA')).startsWith('354')) return;
      c.write(testMessage(id, { body: 'x'.repeat(2000) }) + '\r\n.\r\n');
      const reply = await c.read();
      if (reply.startsWith('250')) accepted.add(id);
      else return;
    }
  } finally {
    c.close();
  }
}
