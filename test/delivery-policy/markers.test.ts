// Escalation markers and auto-forwarded mail, under the embedded default policy (opportunistic
// TLS; PHI by `best`). The mail here has no PHI, so without a marker it would go by opportunistic
// TLS — the control case proves that. With `X-Phigate-Secure: 1` or a `[secure]`/`[encrypt]`
// subject tag it must go by `best` (verified TLS in this build, else held), and the marker must
// be gone from what the receiver gets. Auto-forwarded mail goes only over verified TLS.
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
  headerFields,
  labGateway,
  setMx,
  settledAs,
  startDnsServer,
  startReceivers,
  submit,
  uniqueId,
  waitSettled,
  type AuditRow,
  type Receiver,
  type Submission,
} from './lab.ts';

const NET = '127.0.12';
const BODY = 'The budget figures for next quarter are attached as discussed.';
const ESCALATED = 'escalated by the sender: tls-opportunistic raised to best';
const FORWARDED = 'auto-forwarded: TLS-only forwarding, tls-opportunistic raised to tls-exclusive (verified TLS or not delivered)';

interface Case extends Submission {
  key: string;
  protectedCase: boolean;
}

describe('escalation markers and auto-forwarded mail', () => {
  let ca: TestCa;
  let dns: TestDnsServer;
  let gw: GatewayProcess;
  let receivers: Record<string, Receiver>;
  let rows: AuditRow[] = [];
  const cases = new Map<string, Case>();
  const all = () => Object.values(receivers);

  const add = (key: string, protectedCase: boolean, m: Omit<Submission, 'id' | 'from'> & { from?: string }) =>
    cases.set(key, { key, protectedCase, id: uniqueId(key), from: m.from ?? 'dr@clinic.test', body: BODY, ...m });

  beforeAll(async () => {
    ca = await createTestCa();
    const [good, self] = await Promise.all([ca.issue(['mx.good.test']), selfSigned('mx.self12.test')]);
    const started = await startReceivers([
      { name: 'sender', ip: `${NET}.2` },
      { name: 'plain', ip: `${NET}.3` },
      { name: 'self12', ip: `${NET}.4`, tls: { ...self, maxVersion: 'TLSv1.2' } },
      { name: 'good', ip: `${NET}.5`, tls: good },
    ]);
    receivers = started.receivers;
    dns = await startDnsServer();
    setMx(dns, 'clinic.test', [{ host: 'mx.clinic.test', ip: `${NET}.2` }]);
    setMx(dns, 'plain.test', [{ host: 'mx.plain.test', ip: `${NET}.3` }]);
    setMx(dns, 'self12.test', [{ host: 'mx.self12.test', ip: `${NET}.4` }]);
    setMx(dns, 'good.test', [{ host: 'mx.good.test', ip: `${NET}.5` }]);
    // No PHIGATE_CONFIG: the embedded policy.
    gw = await labGateway({ dns, mxPort: started.port, caFile: ca.caFile });

    add('control-plain', false, { to: ['x@plain.test'], subject: 'Budget for next quarter' });
    add('header-plain', true, { to: ['x@plain.test'], subject: 'Budget for next quarter', headers: ['X-Phigate-Secure: 1'] });
    add('tag-plain', true, { to: ['x@plain.test'], subject: '[secure] Budget for next quarter' });
    add('tag-self12', true, { to: ['x@self12.test'], subject: 'Budget [encrypt] for next quarter' });
    add('header-good', true, { to: ['x@good.test'], subject: 'Budget for next quarter', headers: ['X-Phigate-Secure: 1'] });
    add('tag-good', true, { to: ['x@good.test'], subject: '[SECURE] Budget for next quarter' });
    add('header0-plain', false, { to: ['x@plain.test'], subject: 'Budget for next quarter', headers: ['X-Phigate-Secure: 0'] });
    add('fwd-plain', true, { from: 'fwd@clinic.test', to: ['x@plain.test'], subject: 'Fwd: supplies', headers: ['Auto-Submitted: auto-forwarded'] });
    add('fwd-self12', true, { from: 'fwd@clinic.test', to: ['x@self12.test'], subject: 'Fwd: supplies', headers: ['Auto-Submitted: auto-forwarded'] });
    add('fwd-good', true, { from: 'fwd@clinic.test', to: ['x@good.test'], subject: 'Fwd: supplies', headers: ['Auto-Submitted: auto-forwarded'] });
    await Promise.all([...cases.values()].map((c) => submit(gw.smtpPort, c)));
    rows = await waitSettled(gw, [...cases.values()].map((c) => c.id));
  });

  afterAll(async () => {
    await gw?.stop();
    for (const r of Object.values(receivers ?? {})) await r.close();
    await dns?.close();
    await ca?.cleanup();
  });

  const ev = (key: string) => eventsOf(rows, cases.get(key)!.id);
  const got = (key: string) => arrivalsOf(all(), cases.get(key)!.id);
  const attempts = (key: string) => ev(key).filter((e) => e.event === 'attempt');

  it('control: the same mail without a marker goes to the no-TLS receiver in clear (opportunistic)', () => {
    expect(settledAs(ev('control-plain'))).toBe('delivered');
    expect(got('control-plain').map((a) => `${a.receiver} ${a.secure}`)).toEqual(['plain false']);
    expect(ev('control-plain').find((e) => e.event === 'delivered')!.method).toBe('tls-opportunistic');
    expect(ev('control-plain').find((e) => e.event === 'received')!.detail.escalated).toBe(false);
  });

  it('X-Phigate-Secure: 1 or a [secure] tag raises the method to best: not sent to a receiver without TLS', () => {
    for (const key of ['header-plain', 'tag-plain']) {
      expect(ev(key).find((e) => e.event === 'received')!.detail.escalated, key).toBe(true);
      expect(settledAs(ev(key)), key).toBe('deferred');
      expect(got(key), key).toEqual([]);
      for (const a of attempts(key)) {
        expect(a.method, key).toBe('best');
        expect(a.detail.reasons, key).toContain(ESCALATED);
        expect(a.detail.tls, key).toBe(false);
      }
    }
  });

  it('an escalated message is not sent over TLS the gateway cannot verify (self-signed)', () => {
    expect(settledAs(ev('tag-self12'))).toBe('deferred');
    expect(got('tag-self12')).toEqual([]);
    const a = attempts('tag-self12');
    expect(a.length).toBeGreaterThan(0);
    expect(a[0].method).toBe('best');
    expect(a[0].detail.tls).toBe(true);
    expect(a[0].detail.certificateVerified).toBe(false);
    expect(String(ev('tag-self12').find((e) => e.event === 'deferred')!.detail.reply)).toMatch(/^certificate verification failed/);
  });

  it('an escalated message is delivered over verified TLS, with the header and the tag stripped', () => {
    for (const key of ['header-good', 'tag-good']) {
      expect(settledAs(ev(key)), key).toBe('delivered');
      const copies = got(key);
      expect(copies.map((a) => `${a.receiver} ${a.secure}`), key).toEqual(['good true']);
      const fields = headerFields(copies[0].text);
      expect(fields.filter(([k]) => k === 'x-phigate-secure'), key).toEqual([]);
      expect(fields.filter(([k]) => k === 'subject').map(([, v]) => v), key).toEqual(['Budget for next quarter']);
      expect(copies[0].text.toLowerCase(), key).not.toContain('[secure]');
      expect(copies[0].text, key).toContain(BODY);
      const d = ev(key).find((e) => e.event === 'delivered')!;
      expect(d.method, key).toBe('best');
      expect(d.detail.via, key).toBe('tls');
      expect(d.detail.certificateVerified, key).toBe(true);
      expect(d.detail.reasons, key).toContain(ESCALATED);
    }
  });

  it('X-Phigate-Secure: 0 does not escalate, and is stripped too', () => {
    expect(settledAs(ev('header0-plain'))).toBe('delivered');
    const copies = got('header0-plain');
    expect(copies.map((a) => `${a.receiver} ${a.secure}`)).toEqual(['plain false']);
    expect(headerFields(copies[0].text).filter(([k]) => k === 'x-phigate-secure')).toEqual([]);
  });

  it('auto-forwarded mail is never sent without verified TLS: dropped (tls-exclusive), audited, the sender told without the content', () => {
    for (const key of ['fwd-plain', 'fwd-self12']) {
      const events = ev(key);
      expect(events.find((e) => e.event === 'received')!.detail.autoForwarded, key).toBe(true);
      expect(settledAs(events), key).toBe('dropped');
      expect(got(key), key).toEqual([]);
      const dropped = events.find((e) => e.event === 'dropped')!;
      expect(dropped.method, key).toBe('tls-exclusive');
      expect(dropped.detail.reasons, key).toContain(FORWARDED);
      expect(dropped.detail.reason, key).toBe('no verified TLS at any reachable MX');
    }
  });

  it('the DSNs for dropped forwards reach the forwarding sender and say why, without subject or body', async () => {
    for (const key of ['fwd-plain', 'fwd-self12']) {
      const c = cases.get(key)!;
      const deadline = Date.now() + 10_000;
      while (!dsnFor(receivers.sender, c.id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const dsn = dsnFor(receivers.sender, c.id);
      expect(dsn, `${key} DSN`).toBeDefined();
      expect(dsn!.to).toEqual(['fwd@clinic.test']);
      expect(dsn!.text).toContain('Status: 5.7.10');
      expect(dsn!.text).toContain('tls-exclusive');
      expect(dsn!.text).not.toContain('Fwd: supplies');
      expect(dsn!.text).not.toContain(BODY);
    }
  });

  it('auto-forwarded mail goes over verified TLS when the receiver has it', () => {
    expect(settledAs(ev('fwd-good'))).toBe('delivered');
    expect(got('fwd-good').map((a) => `${a.receiver} ${a.secure}`)).toEqual(['good true']);
    const d = ev('fwd-good').find((e) => e.event === 'delivered')!;
    expect(d.method).toBe('tls-exclusive');
    expect(d.detail.certificateVerified).toBe(true);
  });

  it('no escalated or forwarded message reached any receiver in clear', () => {
    const protectedIds = [...cases.values()].filter((c) => c.protectedCase).map((c) => c.id);
    expect(protectedIds.length).toBe(8);
    expect(protectedIds.flatMap((id) => clearArrivals(all(), id).map((a) => `${id} at ${a.receiver}`))).toEqual([]);
  });
});
