// The per-recipient decision: which rule applies and how the message must travel.
//
// Steps, in this order:
// 1. Rules are tried in file order; the first whose match holds wins, else the defaults apply.
//    The rule's options override the defaults' minTls, tlsLevel and fallback.
// 2. `TLS-Required: No` (RFC 8689) is ignored when the message contains PHI, was not scanned
//    for PHI, is escalated or is auto-forwarded. Otherwise it is honoured: tls-required and
//    tls-exclusive become tls-opportunistic, the TLS level becomes `may` and
//    `ignoreRecipientTlsPolicy` tells delivery not to enforce MTA-STS/DANE. It never weakens
//    pgp, smime, portal or best: those protect the content, not the transport.
// 3. Escalation (X-Phigate-Secure: 1 or a subject tag) raises the method to at least `best`
//    (see methods.ts for the strength order). A rule that pins pgp, smime or portal keeps it.
// 4. Auto-forwarded messages get TLS-only forwarding (`tlsOnlyForwarding: true`): the method
//    is raised to at least tls-exclusive, so tls-opportunistic and tls-required become
//    tls-exclusive (verified TLS or not delivered — no clear text, no fallback chain), and
//    whatever the method, the transport must be verified TLS (TLS level at least `verify`).
// 5. TLS level: the rule's or defaults' tlsLevel, else derived from the method; raised to
//    `verify` when the method needs a verified server (tls-required, tls-exclusive, best) or
//    the message is auto-forwarded and the configured level does not verify.
// `fallback` is only non-empty for tls-required, the one method that uses it.

import { evaluateMatch, parseParties, type DecisionContext } from './conditions.ts';
import {
  defaultTlsLevel,
  isVerifiedLevel,
  needsVerifiedTls,
  strongerMethod,
  type FallbackMethod,
  type Method,
  type TlsLevel,
  type TlsVersion,
} from './methods.ts';
import type { Policy, Rule } from './schema.ts';

export type { DecisionContext, PhiVerdict } from './conditions.ts';

export interface Decision {
  /** Name of the rule that matched; null when the defaults apply. */
  rule: string | null;
  /** Index of that rule in `rules`; null for the defaults. */
  ruleIndex: number | null;
  method: Method;
  minTls: TlsVersion;
  tlsLevel: TlsLevel;
  /** What tls-required uses when verified TLS cannot be had; [] for every other method. */
  fallback: FallbackMethod[];
  /** Plain-language account of the decision, in the order the steps were applied. */
  reasons: string[];
  /** Auto-forwarded: deliver only over verified TLS, never clear text, no fallback. */
  tlsOnlyForwarding?: boolean;
  /** `TLS-Required: No` honoured: do not enforce the recipient domain's MTA-STS or DANE policy. */
  ignoreRecipientTlsPolicy?: boolean;
}

interface FirstMatch {
  rule: Rule;
  index: number;
  reasons: string[];
}

function firstMatch(policy: Policy, ctx: DecisionContext): FirstMatch | null {
  const parties = parseParties(ctx);
  for (const [index, rule] of policy.rules.entries()) {
    const result = evaluateMatch(rule.match, ctx, parties);
    if (result.matched) return { rule, index, reasons: result.reasons };
  }
  return null;
}

/** Why `TLS-Required: No` must be ignored for this message, or null to honour it. */
function tlsRequiredNoBlocker(ctx: DecisionContext): string | null {
  if (!ctx.phi) return 'the message was not scanned for PHI';
  if (ctx.phi.containsPhi) return 'the message contains PHI';
  if (ctx.escalated) return 'the message is escalated';
  if (ctx.autoForwarded) return 'auto-forwarded messages go only over TLS';
  return null;
}

export function decide(policy: Policy, ctx: DecisionContext): Decision {
  const match = firstMatch(policy, ctx);
  const options = match?.rule.options;
  const reasons: string[] = match
    ? [`rule ${JSON.stringify(match.rule.name)} matched`, ...match.reasons]
    : ['no rule matched, so the defaults apply'];

  let method: Method = match?.rule.method ?? policy.defaults.method;
  const minTls: TlsVersion = options?.minTls ?? policy.defaults.minTls;
  const fallback: FallbackMethod[] = options?.fallback ?? policy.defaults.fallback;
  let configuredLevel: TlsLevel | undefined = options?.tlsLevel ?? policy.defaults.tlsLevel;
  let ignoreRecipientTlsPolicy = false;

  if (ctx.tlsRequiredNo) {
    const blocker = tlsRequiredNoBlocker(ctx);
    if (blocker !== null) {
      reasons.push(`TLS-Required: No ignored: ${blocker}`);
    } else if (method === 'tls-required' || method === 'tls-exclusive' || method === 'tls-opportunistic') {
      const lowered = method === 'tls-opportunistic' ? '' : `; ${method} lowered to tls-opportunistic`;
      reasons.push(`TLS-Required: No honoured (RFC 8689): recipient TLS policies not enforced${lowered}`);
      method = 'tls-opportunistic';
      configuredLevel = 'may';
      ignoreRecipientTlsPolicy = true;
    } else {
      reasons.push(`TLS-Required: No does not apply: ${method} protects the content, not the transport`);
    }
  }

  if (ctx.escalated) {
    const raised = strongerMethod(method, 'best');
    reasons.push(
      raised === method
        ? `escalated by the sender: ${method} is already at least as strong as best`
        : `escalated by the sender: ${method} raised to best`,
    );
    method = raised;
  }

  if (ctx.autoForwarded) {
    const raised = strongerMethod(method, 'tls-exclusive');
    reasons.push(
      raised === method
        ? `auto-forwarded: TLS-only forwarding, ${method} only over verified TLS`
        : `auto-forwarded: TLS-only forwarding, ${method} raised to tls-exclusive (verified TLS or not delivered)`,
    );
    method = raised;
  }

  let tlsLevel = configuredLevel ?? defaultTlsLevel(method);
  if ((needsVerifiedTls(method) || ctx.autoForwarded) && !isVerifiedLevel(tlsLevel)) {
    if (configuredLevel !== undefined) {
      const why = needsVerifiedTls(method) ? `${method} needs a verified server` : 'auto-forwarded mail goes only over verified TLS';
      reasons.push(`TLS level raised from ${tlsLevel} to verify: ${why}`);
    }
    tlsLevel = 'verify';
  }

  const decision: Decision = {
    rule: match?.rule.name ?? null,
    ruleIndex: match?.index ?? null,
    method,
    minTls,
    tlsLevel,
    fallback: method === 'tls-required' ? [...fallback] : [],
    reasons,
  };
  if (ctx.autoForwarded) decision.tlsOnlyForwarding = true;
  if (ignoreRecipientTlsPolicy) decision.ignoreRecipientTlsPolicy = true;
  return decision;
}
