// MX host matching against MTA-STS policy "mx" patterns (RFC 8461 §4.1).
// Both sides are compared in lower-case A-label form without a trailing dot, so
// "MAIL.Example.COM." and an IDN written in U-labels match their canonical form.
import { domainToASCII } from 'node:url';

/** Lower-case A-label form without trailing dot; '' when the name is not a valid host name. */
export function normalizeHost(name: string): string {
  const trimmed = name.trim().replace(/\.$/, '');
  if (!trimmed || trimmed.includes('*')) return '';
  const ascii = domainToASCII(trimmed);
  // domainToASCII accepts some names that are not LDH host names (e.g. "a_b"); empty labels too.
  if (!ascii || ascii.split('.').some((label) => !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label))) return '';
  return ascii;
}

/**
 * Does `host` match one policy pattern? A pattern "*.example.com" stands for exactly
 * one left-most label: it matches "mail.example.com", but neither "example.com"
 * nor "a.b.example.com".
 */
export function mxMatches(pattern: string, host: string): boolean {
  const h = normalizeHost(host);
  if (!h) return false;
  const p = pattern.trim();
  if (p.startsWith('*.')) {
    const suffix = normalizeHost(p.slice(2));
    if (!suffix || !h.endsWith('.' + suffix)) return false;
    const first = h.slice(0, h.length - suffix.length - 1);
    return first.length > 0 && !first.includes('.');
  }
  const exact = normalizeHost(p);
  return exact !== '' && exact === h;
}

export function mxMatchesAny(patterns: readonly string[], host: string): boolean {
  return patterns.some((p) => mxMatches(p, host));
}
