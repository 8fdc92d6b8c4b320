// A DKIM verifier written for the tests from RFC 6376 (relaxed/relaxed only) and
// RFC 8463, sharing no code with mailauth: it checks our signatures a second way.
import { createHash, createPublicKey, verify } from 'node:crypto';
import type { Resolver } from 'node:dns/promises';

const tags = (value: string) =>
  Object.fromEntries(
    value
      .split(';')
      .map((t) => t.trim())
      .filter(Boolean)
      .map((t) => {
        const i = t.indexOf('=');
        return [t.slice(0, i).trim(), t.slice(i + 1).replace(/[ \t\r\n]+/g, '')];
      }),
  ) as Record<string, string>;

/** RFC 6376 §3.4.4: relaxed body canonicalisation. */
export function relaxedBody(body: string): string {
  const lines = body.split('\r\n').map((l) => l.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
  while (lines.length && lines.at(-1) === '') lines.pop();
  return lines.length ? lines.join('\r\n') + '\r\n' : '';
}

/** RFC 6376 §3.4.2: relaxed header canonicalisation of one raw (possibly folded) field. */
export function relaxedHeader(field: string): string {
  const i = field.indexOf(':');
  const name = field.slice(0, i).trim().toLowerCase();
  const value = field.slice(i + 1).replace(/\r\n(?=[ \t])/g, '').replace(/[ \t]+/g, ' ').trim();
  return `${name}:${value}`;
}

export function splitMessage(raw: Buffer): { fields: string[]; body: string } {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end);
  const body = end < 0 ? '' : text.slice(end + 4);
  const fields: string[] = [];
  for (const line of head.split('\r\n')) {
    if (/^[ \t]/.test(line) && fields.length) fields[fields.length - 1] += '\r\n' + line;
    else fields.push(line);
  }
  return { fields, body };
}

export function bodyHash(raw: Buffer): string {
  return createHash('sha256').update(relaxedBody(splitMessage(raw).body), 'latin1').digest('base64');
}

export async function independentVerify(raw: Buffer, dns: Resolver): Promise<{ bodyOk: boolean; signatureOk: boolean; tags: Record<string, string> }> {
  const { fields, body } = splitMessage(raw);
  const sigField = fields.find((f) => /^dkim-signature:/i.test(f));
  if (!sigField) throw new Error('no DKIM-Signature');
  const sig = tags(sigField.slice(sigField.indexOf(':') + 1));
  if (sig.c !== 'relaxed/relaxed') throw new Error(`only relaxed/relaxed is implemented, got ${sig.c}`);

  const bodyOk = createHash('sha256').update(relaxedBody(body), 'latin1').digest('base64') === sig.bh;

  // Signed fields: for each name in h=, the bottom-most instance not yet used.
  const used = new Set<number>();
  let data = '';
  for (const name of sig.h!.split(':').map((n) => n.trim().toLowerCase())) {
    for (let i = fields.length - 1; i >= 0; i--) {
      const f = fields[i]!;
      if (!used.has(i) && f.slice(0, f.indexOf(':')).trim().toLowerCase() === name) {
        used.add(i);
        data += relaxedHeader(f) + '\r\n';
        break;
      }
    }
  }
  // The signature field itself, with the b= value emptied and no trailing CRLF.
  data += relaxedHeader(sigField.replace(/(\bb=)[^;]*/, '$1'));

  const key = tags((await dns.resolveTxt(`${sig.s}._domainkey.${sig.d}`)).map((c) => c.join(''))[0]!);
  const signature = Buffer.from(sig.b!, 'base64');
  let signatureOk: boolean;
  if (sig.a === 'rsa-sha256') {
    const pub = createPublicKey({ key: Buffer.from(key.p!, 'base64'), format: 'der', type: 'spki' });
    signatureOk = verify('sha256', Buffer.from(data, 'latin1'), pub, signature);
  } else if (sig.a === 'ed25519-sha256') {
    // RFC 8463: Ed25519 over the SHA-256 digest of the canonicalised header data.
    const pub = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key.p!, 'base64').toString('base64url') }, format: 'jwk' });
    signatureOk = verify(null, createHash('sha256').update(data, 'latin1').digest(), pub, signature);
  } else throw new Error(`unsupported a=${sig.a}`);
  return { bodyOk, signatureOk, tags: sig };
}
