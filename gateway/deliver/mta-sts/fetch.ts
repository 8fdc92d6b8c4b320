// Fetches the MTA-STS policy file (RFC 8461 §3.3):
// https://mta-sts.<domain>/.well-known/mta-sts.txt over HTTPS with a certificate that
// validates for that host against the WebPKI roots (Node's defaults plus
// NODE_EXTRA_CA_CERTS). Only a 200 counts; redirects are not followed; the media type
// must be text/plain; the body is capped at 64 KiB and the exchange at one minute.
import https from 'node:https';
import tls from 'node:tls';
import type { LookupFunction } from 'node:net';
import { normalizeHost } from './match.ts';

export const POLICY_PATH = '/.well-known/mta-sts.txt';
export const MAX_POLICY_BYTES = 64 * 1024;
export const FETCH_TIMEOUT_MS = 60_000;

export type FetchOptions = {
  /** Resolves the policy host; pass `lookupVia(createResolver())` to honour PHIGATE_DNS_SERVERS. */
  lookup?: LookupFunction;
  /** Extra trust anchors (PEM), added to the default ones rather than replacing them. */
  ca?: string | string[];
  /** For tests: the port of the policy host (443 in the RFC). */
  port?: number;
  timeoutMs?: number;
  maxBytes?: number;
};

export type FetchErrorCode = 'bad-domain' | 'tls' | 'network' | 'timeout' | 'redirect' | 'http-status' | 'content-type' | 'too-large' | 'encoding';

/** Why no policy text was obtained; `resultType` is the RFC 8460 TLS-RPT result type. */
export class PolicyFetchError extends Error {
  readonly code: FetchErrorCode;
  readonly resultType: 'sts-webpki-invalid' | 'sts-policy-fetch-error';
  constructor(code: FetchErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PolicyFetchError';
    this.code = code;
    this.resultType = code === 'tls' ? 'sts-webpki-invalid' : 'sts-policy-fetch-error';
  }
}

// OpenSSL/Node verification failures: the certificate, not the network, is at fault.
const CERT_ERROR = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME|ISSUER|CHAIN/;

export function policyHost(domain: string): string {
  return `mta-sts.${normalizeHost(domain)}`;
}

export function fetchPolicyText(domain: string, options: FetchOptions = {}): Promise<string> {
  const ascii = normalizeHost(domain);
  if (!ascii) return Promise.reject(new PolicyFetchError('bad-domain', `"${domain}" is not a valid domain`));
  const host = `mta-sts.${ascii}`;
  const maxBytes = options.maxBytes ?? MAX_POLICY_BYTES;
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const extra = options.ca === undefined ? [] : ([] as string[]).concat(options.ca);

  return new Promise<string>((resolve, reject) => {
    let settled = false;
    const finish = (err: PolicyFetchError | null, text?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(text!);
    };

    const req = https.request({
      host,
      servername: host,
      port: options.port ?? 443,
      path: POLICY_PATH,
      method: 'GET',
      headers: { accept: 'text/plain', connection: 'close' },
      agent: false,
      lookup: options.lookup,
      minVersion: 'TLSv1.2',
      // rejectUnauthorized defaults to true; `ca` replaces the defaults, so keep them.
      ...(extra.length ? { ca: [...tls.getCACertificates('default'), ...extra] } : {}),
    });

    const timer = setTimeout(
      () => finish(new PolicyFetchError('timeout', `no complete answer from ${host} within ${timeoutMs} ms`)),
      timeoutMs,
    );

    req.on('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? '';
      if (CERT_ERROR.test(code)) finish(new PolicyFetchError('tls', `certificate of ${host} not valid: ${code}`, { cause: err }));
      else finish(new PolicyFetchError('network', `cannot fetch policy from ${host}: ${code || err.message}`, { cause: err }));
    });

    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        return finish(new PolicyFetchError('redirect', `${host} answered ${status} (redirects are not followed)`));
      }
      if (status !== 200) return finish(new PolicyFetchError('http-status', `${host} answered ${status}, expected 200`));
      const mediaType = (res.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (mediaType !== 'text/plain') {
        return finish(new PolicyFetchError('content-type', `policy served as "${mediaType || 'no content type'}", expected text/plain`));
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        return finish(new PolicyFetchError('too-large', `policy is ${declared} bytes, limit ${maxBytes}`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) finish(new PolicyFetchError('too-large', `policy exceeds ${maxBytes} bytes`));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        try {
          finish(null, new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
        } catch {
          finish(new PolicyFetchError('encoding', 'policy is not valid UTF-8'));
        }
      });
      res.on('error', (err) => finish(new PolicyFetchError('network', `policy download from ${host} failed`, { cause: err })));
      res.on('close', () => {
        if (!res.complete) finish(new PolicyFetchError('network', `policy download from ${host} was cut short`));
      });
    });
    req.end();
  });
}
