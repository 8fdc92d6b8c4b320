import { describe, expect, it } from 'vitest';
import { explain } from '../../gateway/policy/explain.ts';
import { parsePolicyText } from '../../gateway/policy/load.ts';

const policy = parsePolicyText(
  `defaults:
  method: tls-opportunistic
  minTls: "1.2"
rules:
  - name: partners must get TLS
    match: { recipientDomain: [partner.example, "*.partner.example"] }
    method: tls-required
  - name: PHI goes out by the best secure method
    match: { phi: true }
    method: best
senderGroups:
  billing: "*@billing.clinic.example"
`,
  'policy.yaml',
).policy;

describe('explain', () => {
  it('prints per recipient the rule, the method and why', () => {
    expect(explain(policy, { from: 'ann@billing.clinic.example', to: ['dr@eu.partner.example', 'pat@mail.example'], phi: true, escalated: false })).toEqual([
      'from ann@billing.clinic.example; PHI: yes; escalated: no; sender groups: billing',
      'to dr@eu.partner.example: tls-required (rule "partners must get TLS", rules[0])',
      '  verified TLS (TLS 1.2 or later, level verify); else pgp, then smime, then portal; never clear text',
      '  why: rule "partners must get TLS" matched',
      '  why: recipient domain eu.partner.example matches "*.partner.example"',
      'to pat@mail.example: best (rule "PHI goes out by the best secure method", rules[1])',
      '  pgp if a PGP key is known, else smime if a certificate is known, else verified TLS (TLS 1.2 or later, level verify), else portal',
      '  why: rule "PHI goes out by the best secure method" matched',
      '  why: message contains PHI (score 1)',
    ]);
  });

  it('shows the defaults and escalation, and skipped rules when verbose', () => {
    expect(explain(policy, { from: 'bob@clinic.example', to: ['pat@mail.example'], phi: false, escalated: true, verbose: true })).toEqual([
      'from bob@clinic.example; PHI: no; escalated: yes; sender groups: none',
      'to pat@mail.example: best (defaults)',
      '  pgp if a PGP key is known, else smime if a certificate is known, else verified TLS (TLS 1.2 or later, level verify), else portal',
      '  skipped rules[0] "partners must get TLS": recipient domain mail.example does not match "partner.example", "*.partner.example"',
      '  skipped rules[1] "PHI goes out by the best secure method": message contains no PHI',
      '  why: no rule matched, so the defaults apply',
      '  why: escalated by the sender: tls-opportunistic raised to best',
    ]);
  });

  it('describes clear-text delivery plainly', () => {
    expect(explain(policy, { from: 'bob@clinic.example', to: ['pat@mail.example'], phi: false, escalated: false }).slice(1)).toEqual([
      'to pat@mail.example: tls-opportunistic (defaults)',
      '  TLS when the server offers it (TLS 1.2 or later, level may), else clear text',
      '  why: no rule matched, so the defaults apply',
    ]);
  });
});
