import { describe, expect, it } from 'vitest';
import type { DecisionContext } from '../../gateway/policy/conditions.ts';
import { decide } from '../../gateway/policy/decide.ts';
import { StaticSenderGroupResolver } from '../../gateway/policy/groups.ts';
import { parsePolicyText } from '../../gateway/policy/load.ts';
import type { Policy } from '../../gateway/policy/schema.ts';

function policyOf(yaml: string): Policy {
  return parsePolicyText(yaml, 'test.yaml').policy;
}

const NO_PHI = { containsPhi: false, types: [], score: 0.02 };
const PHI = { containsPhi: true, types: ['PATIENT_NAME', 'DIAGNOSIS'], score: 0.91 };

function ctx(overrides: Partial<DecisionContext> = {}): DecisionContext {
  return { sender: 'alice@clinic.example', recipient: 'bob@elsewhere.example', phi: NO_PHI, escalated: false, autoForwarded: false, ...overrides };
}

describe('rule order', () => {
  const twoRules = `
rules:
  - name: partner portal
    match: { recipientDomain: partner.example }
    method: portal
  - name: all PHI
    match: { phi: true }
    method: best
`;

  it('uses the first matching rule', () => {
    const decision = decide(policyOf(twoRules), ctx({ recipient: 'dr@partner.example', phi: PHI }));
    expect(decision).toEqual({
      rule: 'partner portal',
      ruleIndex: 0,
      method: 'portal',
      minTls: '1.2',
      tlsLevel: 'may',
      fallback: [],
      reasons: ['rule "partner portal" matched', 'recipient domain partner.example matches "partner.example"'],
    });
  });

  it('moves on when an earlier rule does not match', () => {
    const decision = decide(policyOf(twoRules), ctx({ recipient: 'dr@other.example', phi: PHI }));
    expect(decision.rule).toBe('all PHI');
    expect(decision.ruleIndex).toBe(1);
    expect(decision.method).toBe('best');
    expect(decision.tlsLevel).toBe('verify');
    expect(decision.reasons).toEqual(['rule "all PHI" matched', 'message contains PHI (score 0.91)']);
  });

  it('falls back to the defaults when no rule matches', () => {
    expect(decide(policyOf(twoRules), ctx())).toEqual({
      rule: null,
      ruleIndex: null,
      method: 'tls-opportunistic',
      minTls: '1.2',
      tlsLevel: 'may',
      fallback: [],
      reasons: ['no rule matched, so the defaults apply'],
    });
  });

  it('requires every condition of a rule', () => {
    const policy = policyOf(`
rules:
  - name: PHI to partner
    match: { recipientDomain: partner.example, phi: true }
    method: pgp
`);
    expect(decide(policy, ctx({ recipient: 'dr@partner.example', phi: NO_PHI })).rule).toBe(null);
    expect(decide(policy, ctx({ recipient: 'dr@partner.example', phi: PHI })).reasons).toEqual([
      'rule "PHI to partner" matched',
      'recipient domain partner.example matches "partner.example"',
      'message contains PHI (score 0.91)',
    ]);
  });
});

describe('each condition', () => {
  const cases: Array<{ match: string; hit: Partial<DecisionContext>; miss: Partial<DecisionContext>; reason: string }> = [
    { match: '{ recipient: "dr@partner.example" }', hit: { recipient: 'DR@partner.example' }, miss: { recipient: 'nurse@partner.example' }, reason: 'recipient DR@partner.example matches "dr@partner.example"' },
    { match: '{ recipient: "*@*.partner.example" }', hit: { recipient: 'x@eu.partner.example' }, miss: { recipient: 'x@partner.example' }, reason: 'recipient x@eu.partner.example matches "*@*.partner.example"' },
    { match: '{ recipientDomain: "*.partner.example" }', hit: { recipient: 'x@eu.partner.example' }, miss: { recipient: 'x@partner.example' }, reason: 'recipient domain eu.partner.example matches "*.partner.example"' },
    { match: '{ sender: [a@x.example, "*@lab.clinic.example"] }', hit: { sender: 'results@lab.clinic.example' }, miss: { sender: 'alice@clinic.example' }, reason: 'sender results@lab.clinic.example matches "*@lab.clinic.example"' },
    { match: '{ senderDomain: clinic.example }', hit: { sender: 'alice@clinic.example' }, miss: { sender: 'alice@lab.clinic.example' }, reason: 'sender domain clinic.example matches "clinic.example"' },
    { match: '{ senderGroup: [billing, finance] }', hit: { senderGroups: ['Finance'] }, miss: { senderGroups: ['research'] }, reason: 'sender is in group "finance"' },
    { match: '{ phi: true }', hit: { phi: PHI }, miss: { phi: NO_PHI }, reason: 'message contains PHI (score 0.91)' },
    { match: '{ phi: false }', hit: { phi: NO_PHI }, miss: { phi: null }, reason: 'message contains no PHI' },
    { match: '{ phi: { types: [SSN, MBI] } }', hit: { phi: { containsPhi: false, types: ['NPI', 'SSN'], score: 0.4 } }, miss: { phi: PHI }, reason: 'PHI findings include SSN' },
    { match: '{ phi: { minScore: 0.9 } }', hit: { phi: PHI }, miss: { phi: { ...PHI, score: 0.89 } }, reason: 'PHI score 0.91 is at least 0.9' },
    { match: '{ escalated: true }', hit: { escalated: true }, miss: { escalated: false }, reason: 'message is escalated' },
    { match: '{ autoForwarded: false }', hit: { autoForwarded: false }, miss: { autoForwarded: true }, reason: 'message is not auto-forwarded' },
    { match: '{ recipientConsent: unencrypted }', hit: { recipientConsent: 'unencrypted' }, miss: { recipientConsent: null }, reason: 'recipient has consented to unencrypted email' },
  ];

  for (const { match, hit, miss, reason } of cases) {
    it(`match ${match}`, () => {
      const policy = policyOf(`rules:\n  - name: r\n    match: ${match}\n    method: portal\n`);
      const yes = decide(policy, ctx(hit));
      expect(yes.rule).toBe('r');
      expect(yes.reasons[1]).toBe(reason);
      expect(decide(policy, ctx(miss)).rule).toBe(null);
    });
  }

  it('an unscanned message matches neither phi: true nor phi: false', () => {
    const policy = policyOf('rules:\n  - { name: yes, match: { phi: true }, method: best }\n  - { name: no, match: { phi: false }, method: pgp }\n');
    expect(decide(policy, ctx({ phi: undefined })).rule).toBe(null);
  });

  it('a patient who consented gets plain email even with PHI, unless escalated', () => {
    const policy = policyOf(`
rules:
  - name: consented patients
    match: { recipientConsent: unencrypted }
    method: tls-opportunistic
  - name: PHI
    match: { phi: true }
    method: best
`);
    const consented = decide(policy, ctx({ phi: PHI, recipientConsent: 'unencrypted' }));
    expect(consented.rule).toBe('consented patients');
    expect(consented.method).toBe('tls-opportunistic');
    expect(decide(policy, ctx({ phi: PHI, recipientConsent: null })).method).toBe('best');
    expect(decide(policy, ctx({ phi: PHI, recipientConsent: 'unencrypted', escalated: true })).method).toBe('best');
  });
});

describe('options', () => {
  it('rule options override the defaults; fallback only for tls-required', () => {
    const policy = policyOf(`
defaults: { minTls: "1.2", tlsLevel: may, fallback: [pgp, smime, portal] }
rules:
  - name: partners
    match: { recipientDomain: partner.example }
    method: tls-required
    options: { minTls: "1.3", tlsLevel: dane, fallback: [portal] }
  - name: lab
    match: { recipientDomain: lab.example }
    method: tls-required
`);
    expect(decide(policy, ctx({ recipient: 'x@partner.example' }))).toMatchObject({ method: 'tls-required', minTls: '1.3', tlsLevel: 'dane', fallback: ['portal'] });
    const lab = decide(policy, ctx({ recipient: 'x@lab.example' }));
    expect(lab).toMatchObject({ method: 'tls-required', minTls: '1.2', tlsLevel: 'verify', fallback: ['pgp', 'smime', 'portal'] });
    expect(lab.reasons.at(-1)).toBe('TLS level raised from may to verify: tls-required needs a verified server');
  });
});

describe('escalation', () => {
  const policy = policyOf(`
rules:
  - { name: partners, match: { recipientDomain: partner.example }, method: tls-required }
  - { name: pgp people, match: { recipientDomain: pgp.example }, method: pgp }
`);

  it('raises tls-opportunistic to best', () => {
    const decision = decide(policy, ctx({ escalated: true }));
    expect(decision).toMatchObject({ rule: null, method: 'best', tlsLevel: 'verify', fallback: [] });
    expect(decision.reasons).toEqual(['no rule matched, so the defaults apply', 'escalated by the sender: tls-opportunistic raised to best']);
  });

  it('raises tls-required to best', () => {
    expect(decide(policy, ctx({ escalated: true, recipient: 'x@partner.example' })).method).toBe('best');
  });

  it('keeps a pinned pgp, which is stronger than best', () => {
    const decision = decide(policy, ctx({ escalated: true, recipient: 'x@pgp.example' }));
    expect(decision.method).toBe('pgp');
    expect(decision.reasons.at(-1)).toBe('escalated by the sender: pgp is already at least as strong as best');
  });
});

describe('auto-forwarded mail: TLS-only forwarding', () => {
  const policy = policyOf(`
rules:
  - { name: partners, match: { recipientDomain: partner.example }, method: tls-required }
  - { name: portal people, match: { recipientDomain: portal.example }, method: portal }
`);

  it('turns tls-opportunistic into tls-exclusive with verified TLS and no fallback', () => {
    expect(decide(policy, ctx({ autoForwarded: true }))).toEqual({
      rule: null,
      ruleIndex: null,
      method: 'tls-exclusive',
      minTls: '1.2',
      tlsLevel: 'verify',
      fallback: [],
      reasons: [
        'no rule matched, so the defaults apply',
        'auto-forwarded: TLS-only forwarding, tls-opportunistic raised to tls-exclusive (verified TLS or not delivered)',
      ],
      tlsOnlyForwarding: true,
    });
  });

  it('turns tls-required into tls-exclusive (no fallback chain)', () => {
    expect(decide(policy, ctx({ autoForwarded: true, recipient: 'x@partner.example' }))).toMatchObject({ method: 'tls-exclusive', fallback: [], tlsOnlyForwarding: true });
  });

  it('keeps a stronger method but still only over verified TLS', () => {
    expect(decide(policy, ctx({ autoForwarded: true, recipient: 'x@portal.example' }))).toMatchObject({ method: 'portal', tlsLevel: 'verify', tlsOnlyForwarding: true });
  });
});

describe('TLS-Required: No (RFC 8689)', () => {
  const policy = policyOf(`
rules:
  - { name: partners, match: { recipientDomain: partner.example }, method: tls-required }
  - { name: pgp people, match: { recipientDomain: pgp.example }, method: pgp }
`);
  const partner = { recipient: 'dr@partner.example', tlsRequiredNo: true };

  it('is honoured for a message without PHI', () => {
    expect(decide(policy, ctx({ ...partner, phi: NO_PHI }))).toEqual({
      rule: 'partners',
      ruleIndex: 0,
      method: 'tls-opportunistic',
      minTls: '1.2',
      tlsLevel: 'may',
      fallback: [],
      reasons: [
        'rule "partners" matched',
        'recipient domain partner.example matches "partner.example"',
        'TLS-Required: No honoured (RFC 8689): recipient TLS policies not enforced; tls-required lowered to tls-opportunistic',
      ],
      ignoreRecipientTlsPolicy: true,
    });
  });

  it('is ignored for a PHI message', () => {
    const decision = decide(policy, ctx({ ...partner, phi: PHI }));
    expect(decision.method).toBe('tls-required');
    expect(decision.ignoreRecipientTlsPolicy).toBeUndefined();
    expect(decision.reasons.at(-1)).toBe('TLS-Required: No ignored: the message contains PHI');
  });

  it('is ignored when the message was not scanned, is escalated or is auto-forwarded', () => {
    expect(decide(policy, ctx({ ...partner, phi: null })).reasons[2]).toBe('TLS-Required: No ignored: the message was not scanned for PHI');
    expect(decide(policy, ctx({ ...partner, escalated: true })).reasons[2]).toBe('TLS-Required: No ignored: the message is escalated');
    expect(decide(policy, ctx({ ...partner, autoForwarded: true })).method).toBe('tls-exclusive');
  });

  it('never weakens content protection', () => {
    const decision = decide(policy, ctx({ recipient: 'x@pgp.example', tlsRequiredNo: true }));
    expect(decision.method).toBe('pgp');
    expect(decision.reasons.at(-1)).toBe('TLS-Required: No does not apply: pgp protects the content, not the transport');
  });
});

describe('StaticSenderGroupResolver', () => {
  it('resolves groups from the policy', async () => {
    const policy = policyOf('senderGroups:\n  billing: ["*@billing.clinic.example", cfo@clinic.example]\n  everyone: "*@*.clinic.example"\n');
    const resolver = StaticSenderGroupResolver.fromPolicy(policy);
    expect(await resolver.groupsOf('ann@billing.clinic.example')).toEqual(['billing', 'everyone']);
    expect(await resolver.groupsOf('CFO@clinic.example')).toEqual(['billing']);
    expect(await resolver.groupsOf('x@other.example')).toEqual([]);
  });
});
