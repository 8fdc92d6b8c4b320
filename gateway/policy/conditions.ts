// Rule conditions: does one rule's `match` hold for one recipient of one message?
// All conditions given in a match must hold; within a list, any entry may match.

import type { Match, PhiCondition } from './schema.ts';
import { addressMatches, compileAddressPattern, compileDomainPattern, domainMatches, parseAddress, type ParsedAddress } from './wildcard.ts';

/** The detector's verdict for the message (phi/ engine output). */
export interface PhiVerdict {
  containsPhi: boolean;
  types: string[];
  score: number;
}

/** Everything a per-recipient decision looks at. */
export interface DecisionContext {
  /** Envelope sender; '' for the null reverse-path `<>`. */
  sender: string;
  /** Envelope recipient. */
  recipient: string;
  /** Groups of the sender, from a SenderGroupResolver; undefined when not resolved. */
  senderGroups?: string[];
  /** undefined/null: the message was not scanned (matches neither `phi: true` nor `phi: false`). */
  phi?: PhiVerdict | null;
  escalated: boolean;
  autoForwarded: boolean;
  recipientConsent?: 'unencrypted' | null;
  /** The message carried `TLS-Required: No` (RFC 8689). */
  tlsRequiredNo?: boolean;
}

/** Addresses parsed once per decision rather than once per rule. */
export interface ParsedParties {
  sender: ParsedAddress | null;
  recipient: ParsedAddress | null;
}

export function parseParties(ctx: DecisionContext): ParsedParties {
  return { sender: parseAddress(ctx.sender), recipient: parseAddress(ctx.recipient) };
}

export type MatchResult = { matched: true; reasons: string[] } | { matched: false; reason: string };

type Check = { ok: true; reason: string } | { ok: false; reason: string };

function listed(patterns: string[]): string {
  const shown = patterns.slice(0, 3).map((p) => JSON.stringify(p)).join(', ');
  return patterns.length > 3 ? `${shown}, …` : shown;
}

function score(value: number): string {
  return String(Number(value.toFixed(3)));
}

function checkAddress(role: string, raw: string, address: ParsedAddress | null, patterns: string[]): Check {
  if (address === null) return { ok: false, reason: raw.trim() === '' ? `${role} is empty` : `${role} ${JSON.stringify(raw)} is not a usable address` };
  for (const pattern of patterns) {
    const compiled = compileAddressPattern(pattern);
    if (compiled.ok && addressMatches(compiled.pattern, address)) return { ok: true, reason: `${role} ${raw.trim()} matches ${JSON.stringify(pattern)}` };
  }
  return { ok: false, reason: `${role} ${raw.trim()} does not match ${listed(patterns)}` };
}

function checkDomain(role: string, address: ParsedAddress | null, patterns: string[]): Check {
  if (address === null) return { ok: false, reason: `${role} has no usable domain` };
  for (const pattern of patterns) {
    const compiled = compileDomainPattern(pattern);
    if (compiled.ok && domainMatches(compiled.pattern, address.domain)) return { ok: true, reason: `${role} ${address.domain} matches ${JSON.stringify(pattern)}` };
  }
  return { ok: false, reason: `${role} ${address.domain} does not match ${listed(patterns)}` };
}

function checkGroups(groups: string[], senderGroups: string[] | undefined): Check {
  const have = new Set((senderGroups ?? []).map((g) => g.toLowerCase()));
  const hit = groups.find((g) => have.has(g.toLowerCase()));
  if (hit !== undefined) return { ok: true, reason: `sender is in group ${JSON.stringify(hit)}` };
  return { ok: false, reason: `sender is not in group ${listed(groups)}` };
}

function checkPhi(condition: PhiCondition, phi: PhiVerdict | null | undefined): Check {
  if (!phi) return { ok: false, reason: 'message was not scanned for PHI' };
  if (condition === true) {
    return phi.containsPhi
      ? { ok: true, reason: `message contains PHI (score ${score(phi.score)})` }
      : { ok: false, reason: 'message contains no PHI' };
  }
  if (condition === false) {
    return phi.containsPhi ? { ok: false, reason: 'message contains PHI' } : { ok: true, reason: 'message contains no PHI' };
  }
  // Detail form: looks at findings and score, not the message-level verdict, so operators can
  // act on e.g. any SSN finding even when the detector judged the message not PHI.
  const parts: string[] = [];
  if (condition.types !== undefined) {
    const wanted = new Set<string>(condition.types);
    const found = phi.types.filter((type, i) => wanted.has(type) && phi.types.indexOf(type) === i);
    if (found.length === 0) return { ok: false, reason: `no PHI finding of type ${condition.types.join(', ')}` };
    parts.push(`PHI findings include ${found.join(', ')}`);
  }
  if (condition.minScore !== undefined) {
    if (!(phi.score >= condition.minScore)) return { ok: false, reason: `PHI score ${score(phi.score)} is below ${condition.minScore}` };
    parts.push(`PHI score ${score(phi.score)} is at least ${condition.minScore}`);
  }
  return { ok: true, reason: parts.join(' and ') };
}

function checkFlag(flag: boolean, actual: boolean, yes: string, no: string): Check {
  return flag === actual ? { ok: true, reason: actual ? yes : no } : { ok: false, reason: actual ? yes : no };
}

/** Evaluates one rule's match; `parties` from parseParties(ctx). */
export function evaluateMatch(match: Match, ctx: DecisionContext, parties: ParsedParties = parseParties(ctx)): MatchResult {
  // Every check is cheap, so all given conditions are evaluated and the first failure reported.
  const checks: Check[] = [];
  if (match.recipient) checks.push(checkAddress('recipient', ctx.recipient, parties.recipient, match.recipient));
  if (match.recipientDomain) checks.push(checkDomain('recipient domain', parties.recipient, match.recipientDomain));
  if (match.sender) checks.push(checkAddress('sender', ctx.sender, parties.sender, match.sender));
  if (match.senderDomain) checks.push(checkDomain('sender domain', parties.sender, match.senderDomain));
  if (match.senderGroup) checks.push(checkGroups(match.senderGroup, ctx.senderGroups));
  if (match.phi !== undefined) checks.push(checkPhi(match.phi, ctx.phi));
  if (match.escalated !== undefined) {
    checks.push(checkFlag(match.escalated, ctx.escalated, 'message is escalated', 'message is not escalated'));
  }
  if (match.autoForwarded !== undefined) {
    checks.push(checkFlag(match.autoForwarded, ctx.autoForwarded, 'message is auto-forwarded', 'message is not auto-forwarded'));
  }
  if (match.recipientConsent !== undefined) {
    checks.push(
      ctx.recipientConsent === match.recipientConsent
        ? { ok: true, reason: 'recipient has consented to unencrypted email' }
        : { ok: false, reason: 'recipient has not consented to unencrypted email' },
    );
  }
  if (checks.length === 0) return { matched: true, reasons: ['the rule matches every recipient'] };
  const failed = checks.find((check) => !check.ok);
  if (failed) return { matched: false, reason: failed.reason };
  return { matched: true, reasons: checks.map((check) => check.reason) };
}
