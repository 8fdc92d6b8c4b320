// daneVerify with real openssl-made certificates.
import { X509Certificate, createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daneVerify } from '../../gateway/deliver/dane/verify.ts';
import type { TlsaRecord } from '../../gateway/deliver/dane/tlsa.ts';
import { makeFixtures, type Fixtures } from './certs.ts';

const spki = (der: Buffer) => new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();
const sha512 = (b: Buffer) => createHash('sha512').update(b).digest();
const rec = (usage: number, selector: number, matchingType: number, data: Buffer): TlsaRecord => ({ usage, selector, matchingType, data });

describe('daneVerify', () => {
  let fx: Fixtures;
  beforeAll(() => {
    fx = makeFixtures();
  });
  afterAll(() => fx.cleanup());

  it('DANE-EE 3 1 1 matches the leaf SPKI hash (no name or expiry check)', () => {
    const r = daneVerify([rec(3, 1, 1, sha256(spki(fx.leaf.der)))], [fx.leaf.der, fx.ca.der], 'not-the-name.example');
    expect(r.ok).toBe(true);
    expect(r.matched).toEqual({ usage: 3, selector: 1, matchingType: 1 });
    const later = daneVerify([rec(3, 1, 1, sha256(spki(fx.leaf.der)))], [fx.leaf.der], 'x', new Date('2099-01-01'));
    expect(later.ok).toBe(true);
  });

  it('DANE-EE with a wrong hash fails', () => {
    const r = daneVerify([rec(3, 1, 1, sha256(spki(fx.selfSigned.der)))], [fx.leaf.der, fx.ca.der], 'mx.example.test');
    expect(r.ok).toBe(false);
    expect(r.noUsableRecords).toBeUndefined();
  });

  it('matching types 0 (exact) and 2 (SHA-512), selector 0 (full cert)', () => {
    const chain = [fx.leaf.der, fx.ca.der];
    expect(daneVerify([rec(3, 0, 0, fx.leaf.der)], chain, 'h').ok).toBe(true);
    expect(daneVerify([rec(3, 1, 0, spki(fx.leaf.der))], chain, 'h').ok).toBe(true);
    expect(daneVerify([rec(3, 0, 2, sha512(fx.leaf.der))], chain, 'h').matched).toEqual({ usage: 3, selector: 0, matchingType: 2 });
    expect(daneVerify([rec(3, 1, 2, sha512(spki(fx.leaf.der)))], chain, 'h').ok).toBe(true);
    expect(daneVerify([rec(2, 1, 2, sha512(spki(fx.ca.der)))], chain, 'mx.example.test').ok).toBe(true);
    expect(daneVerify([rec(2, 0, 0, fx.ca.der)], chain, 'mx.example.test').ok).toBe(true);
    // A SHA-256 record where SHA-512 is claimed does not match.
    expect(daneVerify([rec(3, 1, 2, sha256(spki(fx.leaf.der)))], chain, 'h').ok).toBe(false);
  });

  it('DANE-TA with the CA hash passes for [leaf, CA] naming the MX host', () => {
    const r = daneVerify([rec(2, 1, 1, sha256(spki(fx.ca.der)))], [fx.leaf.der, fx.ca.der], 'mx.example.test');
    expect(r).toMatchObject({ ok: true, matched: { usage: 2, selector: 1, matchingType: 1 } });
    expect(daneVerify([rec(2, 0, 1, sha256(fx.ca.der))], [fx.leaf.der, fx.ca.der], 'MX.example.test.').ok).toBe(true);
  });

  it('DANE-TA fails when the leaf does not name the MX host, unless the TLSA base name is given', () => {
    const records = [rec(2, 1, 1, sha256(spki(fx.ca.der)))];
    const r = daneVerify(records, [fx.leaf.der, fx.ca.der], 'mail.other.test');
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/does not name/);
    expect(daneVerify(records, [fx.leaf.der, fx.ca.der], 'mail.other.test', new Date(), { names: ['mx.example.test'] }).ok).toBe(true);
  });

  it('DANE-TA fails with an unrelated CA, sent or not', () => {
    const records = [rec(2, 1, 1, sha256(spki(fx.otherCa.der)))];
    expect(daneVerify(records, [fx.leaf.der, fx.ca.der], 'mx.example.test').ok).toBe(false);
    // The unrelated CA is in the chain but did not sign the leaf.
    expect(daneVerify(records, [fx.leaf.der, fx.otherCa.der], 'mx.example.test').ok).toBe(false);
    // TA record for the right CA, but the peer did not send it.
    expect(daneVerify([rec(2, 1, 1, sha256(spki(fx.ca.der)))], [fx.leaf.der], 'mx.example.test').ok).toBe(false);
  });

  it('DANE-TA through an intermediate, in any order; wildcard names; expiry of certs below the TA', () => {
    const records = [rec(2, 1, 1, sha256(spki(fx.ca.der)))];
    expect(daneVerify(records, [fx.leaf2.der, fx.intermediate.der, fx.ca.der], 'mx2.example.test').ok).toBe(true);
    expect(daneVerify(records, [fx.leaf2.der, fx.ca.der, fx.intermediate.der], 'mx2.example.test').ok).toBe(true);
    expect(daneVerify(records, [fx.leaf2.der, fx.intermediate.der, fx.ca.der], 'a.wild.example.test').ok).toBe(true);
    expect(daneVerify(records, [fx.leaf2.der, fx.intermediate.der, fx.ca.der], 'a.b.wild.example.test').ok).toBe(false);
    // Missing intermediate: chain breaks.
    expect(daneVerify(records, [fx.leaf2.der, fx.ca.der], 'mx2.example.test').ok).toBe(false);
    // TA = intermediate.
    expect(daneVerify([rec(2, 1, 1, sha256(spki(fx.intermediate.der)))], [fx.leaf2.der, fx.intermediate.der], 'mx2.example.test').ok).toBe(true);
    // Expired leaf under DANE-TA fails (DANE-EE would not care).
    const r = daneVerify(records, [fx.leaf2.der, fx.intermediate.der, fx.ca.der], 'mx2.example.test', new Date('2099-01-01'));
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/not valid/);
  });

  it('a leaf-only chain cannot use itself as issuer (not a CA)', () => {
    expect(daneVerify([rec(2, 1, 1, sha256(spki(fx.otherCa.der)))], [fx.leaf.der], 'mx.example.test').ok).toBe(false);
  });

  it('usages 0 and 1 are unusable; unknown selector/matching types too', () => {
    const r = daneVerify(
      [rec(0, 1, 1, sha256(spki(fx.ca.der))), rec(1, 1, 1, sha256(spki(fx.leaf.der))), rec(3, 7, 1, Buffer.alloc(32)), rec(3, 1, 9, Buffer.alloc(32))],
      [fx.leaf.der, fx.ca.der],
      'mx.example.test',
    );
    expect(r).toEqual({ ok: false, noUsableRecords: true, reason: 'no usable TLSA records' });
    // Unusable records next to a usable one are ignored.
    expect(daneVerify([rec(1, 1, 1, sha256(spki(fx.leaf.der))), rec(3, 1, 1, sha256(spki(fx.leaf.der)))], [fx.leaf.der], 'h').matched?.usage).toBe(3);
  });

  it('empty chain or garbage leaf fails', () => {
    expect(daneVerify([rec(3, 1, 1, Buffer.alloc(32))], [], 'h').ok).toBe(false);
    expect(daneVerify([rec(3, 1, 1, Buffer.alloc(32))], [Buffer.from('junk')], 'h').reason).toMatch(/parse/);
  });
});
