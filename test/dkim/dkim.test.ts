// DKIM signing checked by mailauth's verifier and by an independent one, with the key
// published in a real DNS server on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Resolver } from 'node:dns/promises';
import { createPublicKey } from 'node:crypto';
import { inspect } from 'node:util';
import { dkimVerify } from 'mailauth';
import { DkimKeyring, MemoryDkimKeyStore, DkimSignError, dnsRecord, generateDkimKey, signMessage, type DkimKey } from '../../gateway/secure/dkim/index.ts';
import { startDnsServer, type TestDnsServer } from '../support/dns-server.ts';
import { bodyHash, independentVerify } from './independent-verify.ts';

const MESSAGE = Buffer.from(
  [
    'From: Dr. Alice <alice@clinic.test>',
    'To: bob@partner.test',
    'Subject: Lab results   for\r\n  review',
    'Date: Sat, 14 Mar 2026 12:00:00 +0000',
    'Message-ID: <1@clinic.test>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hello Bob,  ',
    '',
    'Please\tsee   the attached  results. ',
    '',
    '',
    '',
  ].join('\r\n'),
);

let dns: TestDnsServer;
let resolver: Resolver;
let rsa: DkimKey;
let ed: DkimKey;

const mailauthResolver = (name: string, type: string) => resolver.resolve(name, type as 'TXT') as Promise<string[][]>;
const mailauthVerify = async (raw: Buffer) => (await dkimVerify(raw, { resolver: mailauthResolver })).results;

const publish = (domain: string, selector: string, key: DkimKey) => {
  const rec = dnsRecord(domain, selector, key.privateKeyPem);
  dns.set(rec.name, 'TXT', [rec.strings]);
  return rec;
};

beforeAll(async () => {
  dns = await startDnsServer();
  resolver = new Resolver({ timeout: 2000, tries: 1 });
  resolver.setServers([dns.address]);
  [rsa, ed] = await Promise.all([generateDkimKey('rsa'), generateDkimKey('ed25519')]);
  publish('clinic.test', 'phigate', rsa);
  publish('clinic.test', 'ed', ed);
});
afterAll(() => dns?.close());

describe('DKIM keys and DNS record', () => {
  it('RSA keys are 2048-bit by default and published as k=rsa with the SPKI key', () => {
    const pub = createPublicKey(rsa.privateKeyPem);
    expect(pub.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const rec = dnsRecord('Clinic.Test.', 'phigate', rsa.privateKeyPem);
    expect(rec.name).toBe('phigate._domainkey.clinic.test');
    expect(rec.value).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(rec.value.split('p=')[1]!, 'base64').equals(pub.export({ type: 'spki', format: 'der' }))).toBe(true);
    expect(rec.strings.join('')).toBe(rec.value);
    expect(rec.strings.every((s) => s.length <= 255)).toBe(true);
    expect(rec.strings.length).toBeGreaterThan(1);
  });

  it('Ed25519 records carry the bare 32-byte key (RFC 8463)', () => {
    const rec = dnsRecord('clinic.test', 'ed', ed.privateKeyPem);
    expect(rec.value).toMatch(/^v=DKIM1; k=ed25519; p=/);
    expect(Buffer.from(rec.value.split('p=')[1]!, 'base64')).toHaveLength(32);
  });

  it('rejects bad selectors and domains', () => {
    expect(() => dnsRecord('clinic.test', 'bad selector', rsa.privateKeyPem)).toThrow(/selector/);
    expect(() => dnsRecord('clinic.test', 'x;y', rsa.privateKeyPem)).toThrow(/selector/);
  });
});

describe('signing', () => {
  for (const [label, selector, key] of [['rsa-sha256', 'phigate', () => rsa], ['ed25519-sha256', 'ed', () => ed]] as const) {
    it(`${label}: prepends a signature that mailauth and the independent verifier accept`, async () => {
      const signed = await signMessage(MESSAGE, { domain: 'clinic.test', selector, privateKey: key().privateKeyPem });
      expect(signed.subarray(signed.length - MESSAGE.length).equals(MESSAGE)).toBe(true);
      expect(signed.toString('latin1')).toMatch(/^DKIM-Signature: v=1; a=[a-z0-9-]+; c=relaxed\/relaxed; d=clinic\.test;/);

      const results = await mailauthVerify(signed);
      expect(results).toHaveLength(1);
      expect(results[0]!.status.result).toBe('pass');
      expect(results[0]!.signingDomain).toBe('clinic.test');

      const own = await independentVerify(signed, resolver);
      expect(own.tags.a).toBe(label);
      expect(own.tags.bh).toBe(bodyHash(MESSAGE));
      expect(own).toMatchObject({ bodyOk: true, signatureOk: true });
    });

    it(`${label}: changing the body after signing breaks verification`, async () => {
      const signed = (await signMessage(MESSAGE, { domain: 'clinic.test', selector, privateKey: key().privateKeyPem })).toString('latin1');
      const tampered = Buffer.from(signed.replace('attached  results', 'attached results (edited)'), 'latin1');
      expect((await mailauthVerify(tampered))[0]!.status.result).not.toBe('pass');
      expect(await independentVerify(tampered, resolver)).toMatchObject({ bodyOk: false });
    });

    it(`${label}: changing a signed header breaks verification`, async () => {
      const signed = (await signMessage(MESSAGE, { domain: 'clinic.test', selector, privateKey: key().privateKeyPem })).toString('latin1');
      const tampered = Buffer.from(signed.replace('To: bob@partner.test', 'To: mallory@evil.test'), 'latin1');
      expect((await mailauthVerify(tampered))[0]!.status.result).not.toBe('pass');
      expect(await independentVerify(tampered, resolver)).toMatchObject({ bodyOk: true, signatureOk: false });
    });
  }

  it('relaxed canonicalisation tolerates whitespace changes in transit', async () => {
    const signed = (await signMessage(MESSAGE, { domain: 'clinic.test', selector: 'phigate', privateKey: rsa.privateKeyPem })).toString('latin1');
    const rewhitespaced = Buffer.from(signed.replace('Hello Bob,  ', 'Hello   Bob,').replace(/\r\n\r\n\r\n$/, '\r\n'), 'latin1');
    expect((await mailauthVerify(rewhitespaced))[0]!.status.result).toBe('pass');
    expect(await independentVerify(rewhitespaced, resolver)).toMatchObject({ bodyOk: true, signatureOk: true });
  });

  it('fails verification when the published key is a different one', async () => {
    const other = await generateDkimKey('rsa');
    publish('clinic.test', 'rotated', other);
    const signed = await signMessage(MESSAGE, { domain: 'clinic.test', selector: 'rotated', privateKey: rsa.privateKeyPem });
    expect((await mailauthVerify(signed))[0]!.status.result).toBe('fail');
    expect(await independentVerify(signed, resolver)).toMatchObject({ signatureOk: false });
  });

  it('keeps a LF-only message LF-only', async () => {
    const lf = Buffer.from(MESSAGE.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
    const signed = await signMessage(lf, { domain: 'clinic.test', selector: 'phigate', privateKey: rsa.privateKeyPem });
    expect(signed.includes('\r')).toBe(false);
    // A receiving MTA sees CRLF on the wire.
    const wire = Buffer.from(signed.toString('latin1').replace(/\n/g, '\r\n'), 'latin1');
    expect((await mailauthVerify(wire))[0]!.status.result).toBe('pass');
  });

  it('refuses to sign without a From header, or with a weak key, without leaking the key', async () => {
    const noFrom = Buffer.from(MESSAGE.toString('latin1').replace(/^From: .*\r\n/m, ''), 'latin1');
    const e1 = await signMessage(noFrom, { domain: 'clinic.test', selector: 'phigate', privateKey: rsa.privateKeyPem }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(DkimSignError);
    expect((e1 as DkimSignError).code).toBe('ENOFROM');

    const { generateKeyPairSync } = await import('node:crypto');
    const weak = generateKeyPairSync('rsa', { modulusLength: 768 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const e2 = await signMessage(MESSAGE, { domain: 'clinic.test', selector: 'phigate', privateKey: weak }).catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(DkimSignError);

    const e3 = await signMessage(MESSAGE, { domain: 'clinic.test', selector: 'phigate', privateKey: 'not a key' }).catch((e: unknown) => e);
    expect(e3).toBeInstanceOf(DkimSignError);

    for (const e of [e1, e2, e3]) {
      const shown = inspect(e, { depth: 5 }) + JSON.stringify(e) + String(e);
      expect(shown).not.toContain('PRIVATE KEY');
      expect(shown).not.toContain(rsa.privateKeyPem.split('\n')[1]!);
    }
  });
});

describe('keyring', () => {
  it('creates one key per domain on first use, keeps it, and signs verifiably', async () => {
    const store = new MemoryDkimKeyStore();
    const keyring = new DkimKeyring(store);
    const [a, b] = await Promise.all([keyring.ensureKey('hospital.test'), keyring.ensureKey('HOSPITAL.test.')]);
    expect(a.privateKeyPem).toBe(b.privateKeyPem);
    expect(a).toMatchObject({ selector: 'phigate', algorithm: 'rsa' });
    expect((await store.get('hospital.test'))?.privateKeyPem).toBe(a.privateKeyPem);

    // A second keyring over the same store (another replica, a restart) uses the same key.
    const again = new DkimKeyring(store);
    const rec = await again.dnsRecord('hospital.test');
    expect(rec.name).toBe('phigate._domainkey.hospital.test');
    dns.set(rec.name, 'TXT', [rec.strings]);

    const msg = Buffer.from(MESSAGE.toString('latin1').replace('alice@clinic.test', 'alice@hospital.test'), 'latin1');
    const signed = await keyring.sign(msg, 'hospital.test');
    const results = await mailauthVerify(signed);
    expect(results[0]).toMatchObject({ signingDomain: 'hospital.test', status: { result: 'pass', aligned: 'hospital.test' } });
    expect(await independentVerify(signed, resolver)).toMatchObject({ bodyOk: true, signatureOk: true });
  });

  it('can use Ed25519 and a custom selector', async () => {
    const keyring = new DkimKeyring(new MemoryDkimKeyStore(), { algorithm: 'ed25519', selector: 'pg2026' });
    const rec = await keyring.dnsRecord('clinic2.test');
    expect(rec.name).toBe('pg2026._domainkey.clinic2.test');
    expect(rec.value).toMatch(/k=ed25519/);
  });
});
