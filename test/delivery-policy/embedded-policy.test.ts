// The embedded default policy (no PHIGATE_CONFIG): PHI goes by `best` — verified TLS in this
// build, never clear text — and everything else by opportunistic TLS. And the no-silent-downgrade
// rule: a domain that was delivered to over TLS once, whose receiver comes back without
// STARTTLS, does not get its mail in clear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayProcess } from '../support/gateway-process.ts';
import type { TestDnsServer } from '../support/dns-server.ts';
import { createTestCa, type IssuedCert, type TestCa } from '../support/test-ca.ts';
import {
  arrivalsOf,
  clearArrivals,
  eventsOf,
  labGateway,
  setMx,
  settledAs,
  startDnsServer,
  startReceiver,
  startReceivers,
  submit,
  uniqueId,
  waitSettled,
  type AuditRow,
  type Receiver,
} from './lab.ts';
import { waitFor } from '../support/gateway-process.ts';

const NET = '127.0.13';
const PHI_BODY = 'Patient: Jane Roe, DOB 04/12/1961, A1c 8.2%, metformin 500 mg';
const PLAIN_BODY = 'Are we still on for lunch on Friday at noon? Bring the slides.';
const PHI_RULE = 'PHI goes out by the best secure method';

describe('embedded policy: PHI by best, the rest opportunistic; no silent downgrade', () => {
  let ca: TestCa;
  let dns: TestDnsServer;
  let gw: GatewayProcess;
  let port: number;
  let receivers: Record<string, Receiver>;
  let fickleCert: IssuedCert;
  const retired: Receiver[] = [];
  const all = () => [...Object.values(receivers), ...retired];
  const ids = { phiPlain: uniqueId('phi-plain'), plain: uniqueId('nophi-plain'), phiGood: uniqueId('phi-good') };
  let rows: AuditRow[] = [];

  beforeAll(async () => {
    ca = await createTestCa();
    const [good, fickle] = await Promise.all([ca.issue(['mx.good.test']), ca.issue(['mx.fickle.test'])]);
    fickleCert = fickle;
    const started = await startReceivers([
      { name: 'sender', ip: `${NET}.2` },
      { name: 'plain', ip: `${NET}.3` },
      { name: 'good', ip: `${NET}.4`, tls: good },
      { name: 'fickle', ip: `${NET}.5`, tls: fickle },
    ]);
    receivers = started.receivers;
    port = started.port;
    dns = await startDnsServer();
    setMx(dns, 'clinic.test', [{ host: 'mx.clinic.test', ip: `${NET}.2` }]);
    setMx(dns, 'plain.test', [{ host: 'mx.plain.test', ip: `${NET}.3` }]);
    setMx(dns, 'good.test', [{ host: 'mx.good.test', ip: `${NET}.4` }]);
    setMx(dns, 'fickle.test', [{ host: 'mx.fickle.test', ip: `${NET}.5` }]);
    gw = await labGateway({ dns, mxPort: port, caFile: ca.caFile });
    await Promise.all([
      submit(gw.smtpPort, { id: ids.phiPlain, from: 'dr@clinic.test', to: ['pcp@plain.test'], subject: 'Follow-up', body: PHI_BODY }),
      submit(gw.smtpPort, { id: ids.plain, from: 'dr@clinic.test', to: ['pcp@plain.test'], subject: 'Lunch', body: PLAIN_BODY }),
      submit(gw.smtpPort, { id: ids.phiGood, from: 'dr@clinic.test', to: ['pcp@good.test'], subject: 'Follow-up', body: PHI_BODY }),
    ]);
    rows = await waitSettled(gw, Object.values(ids));
  });

  afterAll(async () => {
    await gw?.stop();
    for (const r of all()) await r.close().catch(() => undefined);
    await dns?.close();
    await ca?.cleanup();
  });

  it('PHI to a receiver without TLS is held (deferred), never sent in clear; the audit says PHI is why', () => {
    const events = eventsOf(rows, ids.phiPlain);
    const received = events.find((e) => e.event === 'received')!;
    expect(received.detail.containsPhi).toBe(true);
    expect(received.detail.phiTypes).toEqual(expect.arrayContaining(['DOB', 'MEDICATION']));
    expect(settledAs(events)).toBe('deferred');
    expect(arrivalsOf(all(), ids.phiPlain)).toEqual([]);
    const attempts = events.filter((e) => e.event === 'attempt');
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    for (const a of attempts) {
      expect(a.method).toBe('best');
      expect(a.detail.rule).toBe(PHI_RULE);
      expect(a.detail.reasons).toContain(`rule ${JSON.stringify(PHI_RULE)} matched`);
      expect(a.detail.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^message contains PHI \(score [0-9.]+\)$/)]));
      expect(a.detail.tls).toBe(false);
    }
  });

  it('the same mail without PHI goes to that receiver in clear (opportunistic TLS, defaults)', () => {
    const events = eventsOf(rows, ids.plain);
    expect(events.find((e) => e.event === 'received')!.detail.containsPhi).toBe(false);
    expect(settledAs(events)).toBe('delivered');
    expect(arrivalsOf(all(), ids.plain).map((a) => `${a.receiver} ${a.secure}`)).toEqual(['plain false']);
    const d = events.find((e) => e.event === 'delivered')!;
    expect(d.method).toBe('tls-opportunistic');
    expect(d.detail.via).toBe('clear');
    expect(d.detail.rule).toBe(null);
    expect(d.detail.reasons).toContain('no rule matched, so the defaults apply');
  });

  it('PHI to a receiver with verified TLS is delivered over it', () => {
    const events = eventsOf(rows, ids.phiGood);
    expect(settledAs(events)).toBe('delivered');
    expect(arrivalsOf(all(), ids.phiGood).map((a) => `${a.receiver} ${a.secure} ${a.protocol}`)).toEqual(['good true TLSv1.3']);
    const d = events.find((e) => e.event === 'delivered')!;
    expect(d.method).toBe('best');
    expect(d.detail.certificateVerified).toBe(true);
    expect(d.detail.rule).toBe(PHI_RULE);
  });

  it('the audit trail carries no PHI value', () => {
    const text = JSON.stringify(rows);
    for (const v of ['Jane Roe', '04/12/1961', 'metformin', '8.2%']) expect(text).not.toContain(v);
  });

  let downgradeAttempts: AuditRow[] = [];

  it('a domain delivered over TLS once whose receiver comes back without STARTTLS: held, not sent in clear, audited as a downgrade; delivered over TLS once TLS is back', async () => {
    const first = uniqueId('fickle-1');
    await submit(gw.smtpPort, { id: first, from: 'dr@clinic.test', to: ['a@fickle.test'], subject: 'Lunch', body: PLAIN_BODY });
    await waitSettled(gw, [first]);
    expect(arrivalsOf(all(), first).map((a) => `${a.receiver} ${a.secure}`)).toEqual(['fickle true']);

    // Today: the same host, same address, no STARTTLS.
    retired.push(receivers.fickle);
    await receivers.fickle.close();
    receivers.fickle = await startReceiver({ name: 'fickle-notls', ip: `${NET}.5` }, port);

    const second = uniqueId('fickle-2');
    await submit(gw.smtpPort, { id: second, from: 'dr@clinic.test', to: ['a@fickle.test'], subject: 'Lunch', body: PLAIN_BODY });
    const events = eventsOf(await waitSettled(gw, [second]), second);
    expect(settledAs(events)).toBe('deferred');
    expect(arrivalsOf(all(), second)).toEqual([]);
    expect(receivers.fickle.connections).toBeGreaterThan(0); // it was tried, and refused in clear
    downgradeAttempts = events.filter((e) => e.event === 'attempt');
    expect(downgradeAttempts.length).toBeGreaterThanOrEqual(2);
    for (const a of downgradeAttempts) {
      expect(a.method).toBe('tls-opportunistic');
      expect(a.detail.tls).toBe(false);
      expect(a.detail.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^fickle\.test has offered TLS since \d{4}-\d{2}-\d{2}: clear text would be a downgrade$/)]));
      expect(a.detail.downgrade).toMatch(/^downgrade: fickle\.test offered TLS on \d{4}-\d{2}-\d{2}, (none|handshake fails) now$/);
    }
    expect(String(events.find((e) => e.event === 'deferred')!.detail.reply)).toMatch(/\(downgrade: fickle\.test offered TLS on \d{4}-\d{2}-\d{2}, (none|handshake fails) now\)$/);

    // TLS is back: the held message goes, over TLS.
    retired.push(receivers.fickle);
    await receivers.fickle.close();
    receivers.fickle = await startReceiver({ name: 'fickle-back', ip: `${NET}.5`, tls: fickleCert }, port);
    const back = await waitFor(() => arrivalsOf(all(), second)[0], { timeoutMs: 15_000, what: 'delivery once TLS is back' });
    expect(`${back.receiver} ${back.secure}`).toBe('fickle-back true');
    expect(clearArrivals(all(), second)).toEqual([]);
  });

  it('the downgrade is audited as "no STARTTLS offered" (none now), not as a failed handshake', () => {
    expect(downgradeAttempts.length).toBeGreaterThan(0);
    for (const a of downgradeAttempts) expect.soft(a.detail.downgrade).toMatch(/^downgrade: fickle\.test offered TLS on \d{4}-\d{2}-\d{2}, none now$/);
  });

  it('no PHI message reached any receiver in clear', () => {
    expect(clearArrivals(all(), ids.phiPlain)).toEqual([]);
    expect(clearArrivals(all(), ids.phiGood)).toEqual([]);
  });
});
