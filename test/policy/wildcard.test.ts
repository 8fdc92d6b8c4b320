import { describe, expect, it } from 'vitest';
import {
  compileAddressPattern,
  compileDomainPattern,
  matchAddress,
  matchDomain,
  normalizeDomain,
  parseAddress,
} from '../../gateway/policy/wildcard.ts';

describe('domain patterns', () => {
  it('matches an exact domain case-insensitively, ignoring a trailing dot', () => {
    expect(matchDomain('partner.example', 'PARTNER.example.')).toBe(true);
    expect(matchDomain('partner.example', 'mail.partner.example')).toBe(false);
    expect(matchDomain('partner.example', 'otherpartner.example')).toBe(false);
  });

  it('*.domain matches subdomains at any depth but not the domain itself', () => {
    expect(matchDomain('*.partner.example', 'mail.partner.example')).toBe(true);
    expect(matchDomain('*.partner.example', 'a.b.partner.example')).toBe(true);
    expect(matchDomain('*.partner.example', 'partner.example')).toBe(false);
    expect(matchDomain('*.partner.example', 'evilpartner.example')).toBe(false);
  });

  it('* alone matches any domain', () => {
    expect(matchDomain('*', 'anything.example')).toBe(true);
  });

  it('compares IDNs as A-labels', () => {
    expect(normalizeDomain('Bücher.Example')).toBe('xn--bcher-kva.example');
    expect(matchDomain('bücher.example', 'xn--bcher-kva.example')).toBe(true);
    expect(matchDomain('*.xn--bcher-kva.example', 'mail.BÜCHER.example')).toBe(true);
  });

  it('rejects wildcards that are not a whole leftmost label, and addresses', () => {
    expect(compileDomainPattern('foo*.example')).toEqual({
      ok: false,
      error: '"*" may only be the whole leftmost label (like *.example.org); got "foo*.example"',
    });
    expect(compileDomainPattern('a.*.example').ok).toBe(false);
    expect(compileDomainPattern('**.example').ok).toBe(false);
    expect(compileDomainPattern('dr@example.org')).toEqual({ ok: false, error: 'expected a domain, not an address; got "dr@example.org"' });
    expect(compileDomainPattern('a..example')).toEqual({ ok: false, error: 'not a valid domain name: "a..example"' });
  });

  it('treats regex metacharacters literally', () => {
    expect(matchDomain('a+b.example', 'aab.example')).toBe(false);
    expect(normalizeDomain('a(b).example')).toBe(null);
  });
});

describe('address patterns', () => {
  it('matches exact addresses case-insensitively', () => {
    expect(matchAddress('Dr@Partner.Example', '<dr@partner.example>')).toBe(true);
    expect(matchAddress('dr@partner.example', 'dr+x@partner.example')).toBe(false);
  });

  it('*@domain matches any local part; *@*.domain any subdomain', () => {
    expect(matchAddress('*@partner.example', 'anyone@partner.example')).toBe(true);
    expect(matchAddress('*@partner.example', 'anyone@mail.partner.example')).toBe(false);
    expect(matchAddress('*@*.partner.example', 'anyone@mail.partner.example')).toBe(true);
    expect(matchAddress('*', 'x@y.example')).toBe(true);
    expect(matchAddress('*', '')).toBe(false);
  });

  it('rejects partial local-part wildcards and bare domains', () => {
    expect(compileAddressPattern('dr*@partner.example')).toEqual({
      ok: false,
      error: '"*" may only be the whole local part (like *@example.org); got "dr*@partner.example"',
    });
    expect(compileAddressPattern('partner.example')).toEqual({
      ok: false,
      error: 'expected an address like user@example.org or *@example.org; got "partner.example"',
    });
  });

  it('parses at the last @ and normalizes the domain', () => {
    expect(parseAddress('"a@b"@Bücher.example')).toEqual({ local: '"a@b"', domain: 'xn--bcher-kva.example' });
    expect(parseAddress('no-domain')).toBe(null);
    expect(parseAddress('')).toBe(null);
  });

  it('stays fast on hostile input (no backtracking)', () => {
    const long = 'a'.repeat(50_000) + '!';
    const started = performance.now();
    expect(matchDomain('*.example', long)).toBe(false);
    expect(matchAddress('*@example.org', `${'a'.repeat(50_000)}@${long}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
