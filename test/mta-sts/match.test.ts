import { describe, expect, it } from 'vitest';
import { mxMatches, mxMatchesAny } from '../../gateway/deliver/mta-sts/match.ts';

describe('MX host matching (RFC 8461 §4.1)', () => {
  it('matches exact names case-insensitively', () => {
    expect(mxMatches('mail.example.com', 'mail.example.com')).toBe(true);
    expect(mxMatches('MAIL.Example.COM', 'mail.example.com')).toBe(true);
    expect(mxMatches('mail.example.com', 'MAIL.EXAMPLE.COM')).toBe(true);
    expect(mxMatches('mail.example.com', 'mail2.example.com')).toBe(false);
    expect(mxMatches('mail.example.com', 'example.com')).toBe(false);
    expect(mxMatches('mail.example.com', 'x.mail.example.com')).toBe(false);
  });

  it('ignores a trailing dot on either side', () => {
    expect(mxMatches('mail.example.com.', 'mail.example.com')).toBe(true);
    expect(mxMatches('mail.example.com', 'mail.example.com.')).toBe(true);
    expect(mxMatches('*.example.com.', 'mx1.example.com.')).toBe(true);
  });

  it('a wildcard stands for exactly one left-most label', () => {
    expect(mxMatches('*.example.com', 'mail.example.com')).toBe(true);
    expect(mxMatches('*.example.com', 'MX-1.Example.Com')).toBe(true);
    expect(mxMatches('*.example.com', 'example.com')).toBe(false);
    expect(mxMatches('*.example.com', 'a.b.example.com')).toBe(false);
    expect(mxMatches('*.example.com', 'mail.example.com.evil.test')).toBe(false);
    expect(mxMatches('*.example.com', 'mailexample.com')).toBe(false);
    expect(mxMatches('*.example.com', '.example.com')).toBe(false);
  });

  it('does not treat "*" in the middle, or in the host, as a wildcard', () => {
    expect(mxMatches('mail.*.com', 'mail.example.com')).toBe(false);
    expect(mxMatches('*', 'mail.example.com')).toBe(false);
    expect(mxMatches('*.example.com', '*.example.com')).toBe(false);
  });

  it('compares IDNs in A-label form', () => {
    expect(mxMatches('mx.bücher.example', 'mx.xn--bcher-kva.example')).toBe(true);
    expect(mxMatches('mx.xn--bcher-kva.example', 'mx.bücher.example')).toBe(true);
    expect(mxMatches('*.bücher.example', 'MX.XN--BCHER-KVA.EXAMPLE.')).toBe(true);
    expect(mxMatches('*.xn--bcher-kva.example', 'pöst.bücher.example')).toBe(true);
    expect(mxMatches('mx.bücher.example', 'mx.bucher.example')).toBe(false);
  });

  it('rejects garbage rather than matching it', () => {
    expect(mxMatches('', '')).toBe(false);
    expect(mxMatches('mail.example.com', '')).toBe(false);
    expect(mxMatches('mail..example.com', 'mail..example.com')).toBe(false);
  });

  it('matches any of a policy\'s patterns', () => {
    const mx = ['mail.example.com', '*.example.net'];
    expect(mxMatchesAny(mx, 'a.example.net')).toBe(true);
    expect(mxMatchesAny(mx, 'mail.example.com')).toBe(true);
    expect(mxMatchesAny(mx, 'mail.example.org')).toBe(false);
    expect(mxMatchesAny([], 'mail.example.com')).toBe(false);
  });
});
