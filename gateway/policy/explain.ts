// `phigate policy explain --from A --to B [--phi] [--escalated]`: what the policy would do for
// each recipient and why. Returns lines; the CLI prints them.

import { evaluateMatch, parseParties, type DecisionContext } from './conditions.ts';
import { decide, type Decision } from './decide.ts';
import { StaticSenderGroupResolver } from './groups.ts';
import type { Policy } from './schema.ts';

export interface ExplainRequest {
  from: string;
  to: string[];
  phi: boolean;
  escalated: boolean;
  autoForwarded?: boolean;
  tlsRequiredNo?: boolean;
  recipientConsent?: 'unencrypted' | null;
  /** PHI finding types and score to assume (default: none, and 1 or 0 by `phi`). */
  phiTypes?: string[];
  phiScore?: number;
  /** The sender's groups; default: the policy's static senderGroups. */
  senderGroups?: string[];
  /** Also list the rules tried before the match and why each did not apply. */
  verbose?: boolean;
}

/** One-line account of how the message travels under a decision. */
export function describeDecision(decision: Decision): string {
  const tls = `TLS ${decision.minTls} or later, level ${decision.tlsLevel}`;
  let text: string;
  switch (decision.method) {
    case 'tls-opportunistic':
      text = `TLS when the server offers it (${tls}), else clear text`;
      break;
    case 'tls-required':
      text = `verified TLS (${tls}); else ${decision.fallback.join(', then ')}; never clear text`;
      break;
    case 'tls-exclusive':
      text = `verified TLS (${tls}); else not delivered, audited and the sender told`;
      break;
    case 'portal':
      text = `secure pickup on the portal; the recipient gets a notification (${tls})`;
      break;
    case 'pgp':
      text = `OpenPGP-encrypted to the recipient's key (${tls})`;
      break;
    case 'smime':
      text = `S/MIME-encrypted to the recipient's certificate (${tls})`;
      break;
    case 'best':
      text = `pgp if a PGP key is known, else smime if a certificate is known, else verified TLS (${tls}), else portal`;
      break;
  }
  if (decision.tlsOnlyForwarding) text += '; TLS-only forwarding: only over verified TLS, never clear text';
  if (decision.ignoreRecipientTlsPolicy) text += "; the recipient domain's MTA-STS/DANE policy is not enforced";
  return text;
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

export function explain(policy: Policy, request: ExplainRequest): string[] {
  const senderGroups = request.senderGroups ?? StaticSenderGroupResolver.fromPolicy(policy).groupsOfSync(request.from);
  const lines = [
    `from ${request.from}; PHI: ${yesNo(request.phi)}; escalated: ${yesNo(request.escalated)}` +
      (request.autoForwarded ? '; auto-forwarded' : '') +
      (request.tlsRequiredNo ? '; TLS-Required: No' : '') +
      `; sender groups: ${senderGroups.length > 0 ? senderGroups.join(', ') : 'none'}`,
  ];
  for (const recipient of request.to) {
    const ctx: DecisionContext = {
      sender: request.from,
      recipient,
      senderGroups,
      phi: { containsPhi: request.phi, types: request.phiTypes ?? [], score: request.phiScore ?? (request.phi ? 1 : 0) },
      escalated: request.escalated,
      autoForwarded: request.autoForwarded ?? false,
      recipientConsent: request.recipientConsent ?? null,
      tlsRequiredNo: request.tlsRequiredNo ?? false,
    };
    const decision = decide(policy, ctx);
    const source = decision.rule === null ? 'defaults' : `rule ${JSON.stringify(decision.rule)}, rules[${decision.ruleIndex}]`;
    lines.push(`to ${recipient}: ${decision.method} (${source})`);
    lines.push(`  ${describeDecision(decision)}`);
    if (request.verbose) {
      const parties = parseParties(ctx);
      const tried = decision.ruleIndex ?? policy.rules.length;
      for (const [index, rule] of policy.rules.slice(0, tried).entries()) {
        const result = evaluateMatch(rule.match, ctx, parties);
        if (!result.matched) lines.push(`  skipped rules[${index}] ${JSON.stringify(rule.name)}: ${result.reason}`);
      }
    }
    for (const reason of decision.reasons) lines.push(`  why: ${reason}`);
  }
  return lines;
}
