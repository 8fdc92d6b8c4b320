// Address and domain patterns for policy rules.
//
// What `*` matches (nothing else is a wildcard; no regular expression is built from a pattern):
//   domain patterns
//     example.org          exactly example.org
//     *.example.org        any domain below example.org, at any depth (a.example.org,
//                          a.b.example.org), but not example.org itself
//     *                    any domain
//   address patterns
//     dr@example.org       exactly that address
//     *@example.org        any local part at example.org
//     *@*.example.org      any local part at any domain below example.org
//     *                    any address (not the empty reverse-path `<>`)
// `*` must be a whole label (only the leftmost) or the whole local part: `foo*.example.org`,
// `a.*.example.org` and `dr*@example.org` are rejected when the policy is loaded.
//
// Comparison is case-insensitive. Domains are compared as IDNA A-labels (node:url
// domainToASCII), so `bücher.example` and `xn--bcher-kva.example` are the same domain; a
// trailing dot is ignored. Local parts are compared after Unicode NFC and lower-casing, without
// any provider-specific folding (no `+tag` or dot removal).

import { domainToASCII } from 'node:url';

export type DomainPattern =
  | { kind: 'any' }
  | { kind: 'exact'; domain: string }
  /** `suffix` is the A-label domain after `*.`; a match needs at least one more label. */
  | { kind: 'below'; suffix: string };

export interface AddressPattern {
  /** null: any local part. */
  local: string | null;
  domain: DomainPattern;
}

export interface ParsedAddress {
  local: string;
  /** A-label, lower case, no trailing dot; address literals such as `[192.0.2.1]` kept as is. */
  domain: string;
}

type Compiled<T> = { ok: true; pattern: T } | { ok: false; error: string };

const MAX_DOMAIN_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
const LABEL_CHARS = /^[a-z0-9_-]+$/;

/** Lower-case A-label form of a domain, or null when it is not a usable domain name. */
export function normalizeDomain(input: string): string | null {
  let domain = input.trim();
  if (domain.endsWith('.')) domain = domain.slice(0, -1);
  if (domain.startsWith('[') && domain.endsWith(']')) return domain.toLowerCase();
  if (domain === '' || domain.includes('*')) return null;
  const ascii = domainToASCII(domain);
  if (ascii === '' || ascii.length > MAX_DOMAIN_LENGTH) return null;
  for (const label of ascii.split('.')) {
    if (label.length === 0 || label.length > MAX_LABEL_LENGTH) return null;
    if (!LABEL_CHARS.test(label) || label.startsWith('-') || label.endsWith('-')) return null;
  }
  return ascii;
}

function normalizeLocal(local: string): string {
  return local.normalize('NFC').toLowerCase();
}

/** Splits `local@domain` (optionally in angle brackets) at the last `@`. */
export function parseAddress(input: string): ParsedAddress | null {
  let address = input.trim();
  if (address.startsWith('<') && address.endsWith('>')) address = address.slice(1, -1).trim();
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  const domain = normalizeDomain(address.slice(at + 1));
  if (domain === null) return null;
  return { local: normalizeLocal(address.slice(0, at)), domain };
}

const domainCache = new Map<string, Compiled<DomainPattern>>();
const addressCache = new Map<string, Compiled<AddressPattern>>();
const CACHE_LIMIT = 10_000;

function cached<T>(cache: Map<string, Compiled<T>>, key: string, build: () => Compiled<T>): Compiled<T> {
  let hit = cache.get(key);
  if (hit === undefined) {
    // Patterns come from the policy file, so the set is small; the limit only bounds misuse.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    hit = build();
    cache.set(key, hit);
  }
  return hit;
}

export function compileDomainPattern(pattern: string): Compiled<DomainPattern> {
  return cached(domainCache, pattern, () => {
    const text = pattern.trim();
    if (text === '*') return { ok: true, pattern: { kind: 'any' } };
    const below = text.startsWith('*.');
    const rest = below ? text.slice(2) : text;
    if (rest.includes('*')) {
      return { ok: false, error: `"*" may only be the whole leftmost label (like *.example.org); got "${pattern}"` };
    }
    if (rest.includes('@')) {
      return { ok: false, error: `expected a domain, not an address; got "${pattern}"` };
    }
    const domain = normalizeDomain(rest);
    if (domain === null) return { ok: false, error: `not a valid domain name: "${pattern}"` };
    return { ok: true, pattern: below ? { kind: 'below', suffix: domain } : { kind: 'exact', domain } };
  });
}

export function compileAddressPattern(pattern: string): Compiled<AddressPattern> {
  return cached(addressCache, pattern, () => {
    const text = pattern.trim();
    if (text === '*') return { ok: true, pattern: { local: null, domain: { kind: 'any' } } };
    const at = text.lastIndexOf('@');
    if (at < 0) {
      return { ok: false, error: `expected an address like user@example.org or *@example.org; got "${pattern}"` };
    }
    const local = text.slice(0, at);
    if (local === '') return { ok: false, error: `missing the local part before "@" in "${pattern}"` };
    if (local !== '*' && local.includes('*')) {
      return { ok: false, error: `"*" may only be the whole local part (like *@example.org); got "${pattern}"` };
    }
    const domain = compileDomainPattern(text.slice(at + 1));
    if (!domain.ok) return domain;
    return { ok: true, pattern: { local: local === '*' ? null : normalizeLocal(local), domain: domain.pattern } };
  });
}

/** `domain` must already be normalized (normalizeDomain / parseAddress). */
export function domainMatches(pattern: DomainPattern, domain: string): boolean {
  switch (pattern.kind) {
    case 'any':
      return true;
    case 'exact':
      return domain === pattern.domain;
    case 'below':
      return domain.endsWith('.' + pattern.suffix);
  }
}

export function addressMatches(pattern: AddressPattern, address: ParsedAddress): boolean {
  if (pattern.local !== null && pattern.local !== address.local) return false;
  return domainMatches(pattern.domain, address.domain);
}

/** Convenience for one-off checks; invalid patterns or domains never match. */
export function matchDomain(pattern: string, domain: string): boolean {
  const compiled = compileDomainPattern(pattern);
  const normalized = normalizeDomain(domain);
  return compiled.ok && normalized !== null && domainMatches(compiled.pattern, normalized);
}

/** Convenience for one-off checks; invalid patterns or addresses never match. */
export function matchAddress(pattern: string, address: string): boolean {
  const compiled = compileAddressPattern(pattern);
  const parsed = parseAddress(address);
  return compiled.ok && parsed !== null && addressMatches(compiled.pattern, parsed);
}
