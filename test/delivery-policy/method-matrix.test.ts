// Every delivery method (tls-opportunistic, tls-required, tls-exclusive, best) at every TLS level
// (may, encrypt, verify) against five real receivers found through MX records in the tests' own
// DNS: no STARTTLS; TLS 1.0 only; TLS 1.2 with a self-signed certificate; TLS 1.3 with a valid
// certificate for its name; a valid certificate for the wrong name. Each case is one message from
// a sender whose rule pins the method and level; the test asserts what arrived where (in clear or
// not, which protocol), and what the audit trail says was decided and why.
// Plus the minTls rule option (a TLS 1.0-only partner) and tls-exclusive's DSN to the sender.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayProcess } from '../support/gateway-process.ts';
import type { TestDnsServer } from '../support/dns-server.ts';
import { createTestCa, type TestCa } from '../support/test-ca.ts';
import { selfSigned } from '../probe/peers.ts';
import {
  arrivalsOf,
  clearArrivals,
  dsnFor,
  eventsOf,
  labGateway,
  setMx,
  settledAs,
  startDnsServer,
  startReceivers,
  submit,
  uniqueId,
  waitSettled,
  writePolicy,
  type AuditRow,
  type Receiver,
} from './lab.ts';

const NET = '127.0.10';
const METHODS = ['tls-opportunistic', 'tls-required', 'tls-exclusive', 'best'] as const;
const LEVELS = ['may', 'encrypt', 'verify'] as const;
const RECEIVERS = ['plain', 'tls10', 'self12', 'good13', 'wrongname'] as const;
type Method = (typeof METHODS)[number];
type Level = (typeof LEVELS)[number];
type ReceiverName = (typeof RECEIVERS)[number];

const ruleName = (m: Method, l: Level) => `matrix ${m} at ${l}`;
const senderOf = (m: Method, l: Level) => `${m}.${l}@clinic.test`;
const SUBJECT = 'Supply order for the third floor';
const BODY = 'Please send two boxes of gloves and one box of masks.';

/** What each receiver offers the gateway (with the default TLS floor 1.2). */
const OFFERS: Record<ReceiverName, { tls: string | null; verified: boolean; why: RegExp }> = {
  // The gateway's own words, or (see the test 'the audit names the missing STARTTLS') the
  // receiver's answer to a STARTTLS command it never advertised.
  plain: { tls: null, verified: false, why: /^next hop does not offer STARTTLS; TLS is required$|^500 Error: command not recognized$/ },
  // TLS 1.0 only: below the floor, so no usable TLS (the handshake fails).
  tls10: { tls: null, verified: false, why: /protocol|version|handshake|SSL/i },
  self12: { tls: 'TLSv1.2', verified: false, why: /certificate verification failed: (DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED)/ },
  good13: { tls: 'TLSv1.3', verified: true, why: /^$/ },
  wrongname: { tls: 'TLSv1.3', verified: false, why: /^certificate verification failed: (ERR_TLS_CERT_ALTNAME_INVALID|certificate does not match the MX host name)/ },
};

type Expected =
  | { outcome: 'delivered'; protocol: string | null; verified: boolean }
  | { outcome: 'deferred' | 'dropped'; why: RegExp };

/** The contract's semantics, stated independently of the implementation. */
function expected(method: Method, level: Level, receiver: ReceiverName): Expected {
  const offer = OFFERS[receiver];
  const needsVerified = method !== 'tls-opportunistic' || level === 'verify';
  const needsTls = needsVerified || level === 'encrypt';
  const fail: Expected = { outcome: method === 'tls-exclusive' ? 'dropped' : 'deferred', why: offer.why };
  if (!offer.tls) return needsTls ? fail : { outcome: 'delivered', protocol: null, verified: false };
  if (needsVerified && !offer.verified) return fail;
  return { outcome: 'delivered', protocol: offer.tls, verified: offer.verified };
}

interface Case {
  method: Method;
  level: Level;
  receiver: ReceiverName;
  id: string;
  subject: string;
  body: string;
  want: Expected;
}

function policyYaml(): string {
  const rules = METHODS.flatMap((m) =>
    LEVELS.map((l) => `  - name: ${ruleName(m, l)}\n    match: { sender: ${senderOf(m, l)} }\n    method: ${m}\n    options: { tlsLevel: ${l} }`),
  );
  return [
    'defaults:',
    '  method: tls-opportunistic',
    '  minTls: "1.2"',
    'rules:',
    '  - name: legacy partner, opportunistic from TLS 1.0',
    '    match: { sender: legacy-opp@clinic.test, recipientDomain: legacy.test }',
    '    method: tls-opportunistic',
    '    options: { minTls: "1.0" }',
    '  - name: portal for the billing office',
    '    match: { sender: portal@clinic.test }',
    '    method: portal',
    '  - name: legacy partner, verified from TLS 1.0',
    '    match: { sender: legacy-req@clinic.test, recipientDomain: legacy-req.test }',
    '    method: tls-required',
    '    options: { minTls: "1.0" }',
    ...rules,
    '',
  ].join('\n');
}

describe('delivery methods × TLS levels × receivers', () => {
  let ca: TestCa;
  let dns: TestDnsServer;
  let gw: GatewayProcess;
  let receivers: Record<string, Receiver>;
  let rows: AuditRow[] = [];
  const cases: Case[] = [];

  beforeAll(async () => {
    ca = await createTestCa();
    const [tls10Cert, goodCert, wrongCert, self] = await Promise.all([
      ca.issue(['mx.tls10.test']),
      ca.issue(['mx.good13.test']),
      ca.issue(['mx.elsewhere.test']),
      selfSigned('mx.self12.test'),
    ]);
    const started = await startReceivers([
      { name: 'sender', ip: `${NET}.2` },
      { name: 'plain', ip: `${NET}.3` },
      { name: 'tls10', ip: `${NET}.4`, tls: { ...tls10Cert, minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' } },
      { name: 'self12', ip: `${NET}.5`, tls: { ...self, maxVersion: 'TLSv1.2' } },
      { name: 'good13', ip: `${NET}.6`, tls: { ...goodCert, minVersion: 'TLSv1.3' } },
      { name: 'wrongname', ip: `${NET}.7`, tls: wrongCert },
    ]);
    receivers = started.receivers;
    dns = await startDnsServer();
    setMx(dns, 'clinic.test', [{ host: 'mx.clinic.test', ip: `${NET}.2` }]);
    setMx(dns, 'plain.test', [{ host: 'mx.plain.test', ip: `${NET}.3` }]);
    setMx(dns, 'tls10.test', [{ host: 'mx.tls10.test', ip: `${NET}.4` }]);
    setMx(dns, 'legacy.test', [{ host: 'mx.tls10.test', ip: `${NET}.4` }]);
    setMx(dns, 'legacy-req.test', [{ host: 'mx.tls10.test', ip: `${NET}.4` }]);
    setMx(dns, 'self12.test', [{ host: 'mx.self12.test', ip: `${NET}.5` }]);
    setMx(dns, 'good13.test', [{ host: 'mx.good13.test', ip: `${NET}.6` }]);
    setMx(dns, 'wrongname.test', [{ host: 'mx.wrongname.test', ip: `${NET}.7` }]);
    gw = await labGateway({ dns, mxPort: started.port, caFile: ca.caFile, policyFile: writePolicy(policyYaml()) });

    for (const method of METHODS)
      for (const level of LEVELS)
        for (const receiver of RECEIVERS) {
          const id = uniqueId(`m-${method}-${level}-${receiver}`);
          const tag = Math.random().toString(36).slice(2, 8);
          cases.push({ method, level, receiver, id, subject: `${SUBJECT} ${tag}`, body: `${BODY} Ref ${tag}.`, want: expected(method, level, receiver) });
        }
    await Promise.all(cases.map((c) => submit(gw.smtpPort, { id: c.id, from: senderOf(c.method, c.level), to: [`someone@${c.receiver}.test`], subject: c.subject, body: c.body })));
    rows = await waitSettled(gw, cases.map((c) => c.id), { timeoutMs: 40_000 });
  });

  afterAll(async () => {
    await gw?.stop();
    for (const r of Object.values(receivers ?? {})) await r.close();
    await dns?.close();
    await ca?.cleanup();
  });

  const all = () => Object.values(receivers);

  function check(c: Case) {
    const label = `${c.method}/${c.level} → ${c.receiver}`;
    const events = eventsOf(rows, c.id);
    const attempts = events.filter((e) => e.event === 'attempt');
    const got = arrivalsOf(all(), c.id);
    // What was decided: every attempt names the rule, the method and why.
    expect.soft(attempts.length, `${label}: attempts`).toBeGreaterThan(0);
    if (attempts.length === 0) return;
    for (const a of attempts) {
      expect.soft(a.method, `${label}: attempt method`).toBe(c.method);
      expect.soft(a.detail.rule, `${label}: attempt rule`).toBe(ruleName(c.method, c.level));
      expect.soft(a.detail.reasons, `${label}: attempt reasons`).toContain(`rule ${JSON.stringify(ruleName(c.method, c.level))} matched`);
      expect.soft(a.mx_host, `${label}: attempt MX`).toBe(`mx.${c.receiver}.test`);
    }
    if (c.method !== 'tls-opportunistic' && c.level !== 'verify') {
      expect.soft(attempts[0].detail.reasons, `${label}: level raised`).toContain(`TLS level raised from ${c.level} to verify: ${c.method} needs a verified server`);
    }
    expect.soft(settledAs(events), `${label}: outcome`).toBe(c.want.outcome);
    if (c.want.outcome === 'delivered') {
      expect.soft(got.length, `${label}: copies delivered`).toBe(1);
      if (got.length !== 1) return;
      expect.soft(got[0].receiver, `${label}: receiver`).toBe(c.receiver);
      expect.soft(got[0].secure, `${label}: arrived under TLS`).toBe(c.want.protocol !== null);
      expect.soft(got[0].protocol, `${label}: protocol at the receiver`).toBe(c.want.protocol);
      const d = events.find((e) => e.event === 'delivered');
      if (!d) return;
      expect.soft(d.method, `${label}: delivered method`).toBe(c.method);
      expect.soft(d.tls_version, `${label}: audited TLS version`).toBe(c.want.protocol);
      expect.soft(d.detail.via, `${label}: audited via`).toBe(c.want.protocol ? 'tls' : 'clear');
      expect.soft(d.detail.certificateVerified, `${label}: audited verification`).toBe(c.want.verified);
      expect.soft(d.detail.rule, `${label}: delivered rule`).toBe(ruleName(c.method, c.level));
      expect.soft(d.mx_host).toBe(`mx.${c.receiver}.test`);
      if (c.receiver === 'tls10') expect.soft(attempts.at(-1)!.detail.tlsFallbackToClear, `${label}: fell back to clear after the failed handshake`).toBe(true);
    } else {
      // Protected and not deliverable as required: nothing arrived anywhere, least of all in clear.
      expect.soft(got, `${label}: nothing may arrive`).toEqual([]);
      expect.soft(events.some((e) => e.event === 'delivered'), `${label}: no delivered event`).toBe(false);
      if (c.want.outcome === 'deferred') {
        const deferred = events.filter((e) => e.event === 'deferred');
        if (deferred.length === 0) return void expect.soft(deferred.length, `${label}: deferred`).toBeGreaterThan(0);
        expect.soft(deferred.length, `${label}: retried and deferred again`).toBeGreaterThanOrEqual(2);
        expect.soft(String(deferred[0].detail.reply), `${label}: deferral reason`).toMatch(c.want.why);
        expect.soft(events.some((e) => e.event === 'dropped' || e.event === 'bounced'), `${label}: not dropped`).toBe(false);
      } else {
        const dropped = events.filter((e) => e.event === 'dropped');
        if (dropped.length === 0) return void expect.soft(dropped.length, `${label}: dropped`).toBe(1);
        expect.soft(dropped.length, `${label}: dropped once`).toBe(1);
        expect.soft(dropped[0].method).toBe('tls-exclusive');
        expect.soft(dropped[0].detail.reason, `${label}: drop reason`).toBe('no verified TLS at any reachable MX');
        expect.soft(String(dropped[0].detail.lastReply), `${label}: last reply`).toMatch(c.want.why);
        expect.soft(dropped[0].detail.rule).toBe(ruleName(c.method, c.level));
        expect.soft(events.some((e) => e.event === 'bounced'), `${label}: a drop is not a bounce`).toBe(false);
      }
    }
  }

  for (const method of METHODS) {
    it(`${method}: at may, encrypt and verify, to each receiver`, () => {
      const mine = cases.filter((c) => c.method === method);
      expect(mine.length).toBe(LEVELS.length * RECEIVERS.length);
      for (const c of mine) check(c);
    });
  }

  it('the audit names the missing STARTTLS as the reason when a receiver offers none', () => {
    // A receiver without STARTTLS, under a method or level that needs TLS: the deferral (or drop)
    // must say that STARTTLS is not offered, not relay the receiver's answer to a STARTTLS
    // command it never advertised ("500 Error: command not recognized").
    const plain = cases.filter((c) => c.receiver === 'plain' && c.want.outcome !== 'delivered');
    expect(plain.length).toBe(11);
    const reasons = plain.map((c) => {
      const e = eventsOf(rows, c.id).find((x) => x.event === 'deferred' || x.event === 'dropped');
      return `${c.method}/${c.level}: ${String(e?.detail.reply ?? e?.detail.lastReply)}`;
    });
    expect(reasons.filter((r) => !/: next hop does not offer STARTTLS; TLS is required$/.test(r))).toEqual([]);
  });

  it('a certificate that fails verification at a receiver that still offers TLS is not audited as a downgrade', () => {
    // self12 and wrongname negotiate TLS every time; only verification fails. Once the domain has
    // shown TLS (an opportunistic delivery above), the no-downgrade rule has nothing to add: the
    // handshake did not fail and STARTTLS was not stripped.
    const verifyFailures = cases.filter((c) => (c.receiver === 'self12' || c.receiver === 'wrongname') && c.want.outcome !== 'delivered');
    expect(verifyFailures.length).toBe(20);
    const claims = verifyFailures.flatMap((c) =>
      eventsOf(rows, c.id)
        .filter((e) => (e.event === 'attempt' && e.detail.downgrade) || (e.event === 'deferred' && /downgrade/.test(String(e.detail.reply))))
        .map((e) => `${c.method}/${c.level} → ${c.receiver} ${e.event}: ${e.detail.downgrade ?? e.detail.reply}`),
    );
    expect(claims).toEqual([]);
  });

  it('tls-exclusive drops tell the sender why in a DSN that carries no subject or body', async () => {
    const droppedCases = cases.filter((c) => c.want.outcome === 'dropped');
    expect(droppedCases.length).toBe(LEVELS.length * 4);
    for (const c of droppedCases) {
      const label = `${c.level} → ${c.receiver}`;
      const dsn = await waitForValue(() => dsnFor(receivers.sender, c.id), `DSN for ${label}`);
      expect(dsn.to, label).toEqual([senderOf(c.method, c.level)]);
      expect(dsn.text).toMatch(/Content-Type: multipart\/report; report-type=delivery-status/);
      expect(dsn.text).toContain('phigate policy (tls-exclusive): the recipient server could not provide verified TLS, so the message was not sent.');
      expect(dsn.text).toContain(`Final-Recipient: rfc822; someone@${c.receiver}.test\r\nAction: failed\r\nStatus: 5.7.10\r\n`);
      expect(dsn.text).toContain('Diagnostic-Code: smtp; dropped by policy: no verified TLS to the recipient server (tls-exclusive)');
      expect(dsn.text, `${label}: no subject in the DSN`).not.toContain(c.subject);
      expect(dsn.text, `${label}: no body in the DSN`).not.toContain(c.body);
      expect(dsn.text).not.toContain(SUBJECT);
      expect(dsn.text).not.toContain('gloves');
    }
    // One DSN per dropped message, none for anything else.
    const dsns = receivers.sender.arrivals.filter((a) => a.from === '');
    expect(dsns.length).toBe(droppedCases.length);
  });

  it('a TLS 1.0-only partner gets TLSv1 when its rule sets minTls "1.0" (opportunistic and verified)', async () => {
    const opp = uniqueId('legacy-opp');
    const req = uniqueId('legacy-req');
    await submit(gw.smtpPort, { id: opp, from: 'legacy-opp@clinic.test', to: ['partner@legacy.test'] });
    await submit(gw.smtpPort, { id: req, from: 'legacy-req@clinic.test', to: ['partner@legacy-req.test'] });
    const r = await waitSettled(gw, [opp, req]);
    for (const [id, method, rule] of [
      [opp, 'tls-opportunistic', 'legacy partner, opportunistic from TLS 1.0'],
      [req, 'tls-required', 'legacy partner, verified from TLS 1.0'],
    ] as const) {
      const got = arrivalsOf(all(), id);
      expect(got.length, id).toBe(1);
      expect(got[0].receiver).toBe('tls10');
      expect(got[0].secure).toBe(true);
      expect(got[0].protocol).toBe('TLSv1');
      const d = eventsOf(r, id).find((e) => e.event === 'delivered')!;
      expect(d, `${id} delivered event`).toBeDefined();
      expect(d.method).toBe(method);
      expect(d.tls_version).toBe('TLSv1');
      expect(d.detail.via).toBe('tls');
      expect(d.detail.certificateVerified).toBe(true);
      expect(d.detail.rule).toBe(rule);
    }
  });

  it('with the default floor (1.2) the TLS 1.0-only partner counts as no TLS: opportunistic mail goes in clear, even after a minTls "1.0" delivery there', async () => {
    // The previous test delivered to legacy.test over TLSv1 under a minTls "1.0" rule. TLS below
    // the floor is not usable TLS (status-store.ts: "usable TLS (≥ 1.2)"), so it must not pin
    // legacy.test to TLS for mail under the default floor.
    const id = uniqueId('legacy-default-floor');
    await submit(gw.smtpPort, { id, from: 'someone@clinic.test', to: ['partner@legacy.test'] });
    const r = await waitSettled(gw, [id]);
    const events = eventsOf(r, id);
    const story = JSON.stringify(events.filter((e) => e.event === 'attempt' || e.event === 'deferred').map((e) => ({ event: e.event, reply: e.detail.reply, downgrade: e.detail.downgrade, reasons: e.detail.reasons })));
    expect(settledAs(events), story).toBe('delivered');
    const got = arrivalsOf(all(), id);
    expect(got.length).toBe(1);
    expect(got[0].secure).toBe(false);
    const d = events.find((e) => e.event === 'delivered')!;
    expect(d.method).toBe('tls-opportunistic');
    expect(d.detail.via).toBe('clear');
    expect(d.detail.rule).toBe(null);
  });

  it('a rule whose method this build lacks (portal) holds the message, and the audit says which rule chose it', async () => {
    const id = uniqueId('portal');
    await submit(gw.smtpPort, { id, from: 'portal@clinic.test', to: ['billing@plain.test'] });
    const events = eventsOf(await waitSettled(gw, [id]), id);
    expect(settledAs(events)).toBe('deferred');
    expect(arrivalsOf(all(), id)).toEqual([]);
    const deferred = events.filter((e) => e.event === 'deferred');
    expect(deferred[0].detail.reply).toBe('method portal is not available in this build; held, never sent in clear');
    // What was decided and why must be in the audit trail: the method and the rule that chose it.
    const decided = events.filter((e) => e.method === 'portal' || e.detail.rule === 'portal for the billing office');
    expect(decided.map((e) => `${e.event} ${e.method} ${e.detail.rule}`)).toEqual(deferred.map(() => 'deferred portal portal for the billing office'));
  });

  it('no message whose policy required TLS ever reached any receiver in clear', () => {
    const protectedIds = cases.filter((c) => c.want.outcome !== 'delivered' || c.want.protocol !== null).map((c) => c.id);
    expect(protectedIds.length).toBeGreaterThan(40);
    const leaks = protectedIds.flatMap((id) => clearArrivals(all(), id).map((a) => `${id} at ${a.receiver}`));
    expect(leaks).toEqual([]);
  });
});

async function waitForValue<T>(fn: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
