// MTA-STS (RFC 8461) in delivery, with real peers: the tests' DNS server publishes the
// `_mta-sts` TXT records, MX and A records; an HTTPS policy host with a certificate from the test
// CA serves the policies. The gateway's own policy is plain opportunistic TLS with no PHI rule,
// so whatever is required here is required by MTA-STS (and by nothing else).
//   sts-enforce.test   enforce, mx1 only; MX mx0 (preferred, valid TLS, not in the policy) and mx1
//   sts-nomatch.test   enforce; its only MX is not in the policy
//   sts-wrong.test     enforce; its MX presents a valid certificate for another name
//   sts-plain.test     enforce; its MX offers no STARTTLS
//   sts-testing.test   testing; its MX presents a certificate for another name
// and TLS-Required: No (RFC 8689) against the enforce domain with the wrong-name certificate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayProcess } from '../support/gateway-process.ts';
import type { TestDnsServer } from '../support/dns-server.ts';
import { createTestCa, type TestCa } from '../support/test-ca.ts';
import { startPolicyHost, type PolicyHost } from '../mta-sts/policy-host.ts';
import {
  arrivalsOf,
  clearArrivals,
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

const NET = '127.0.11';
const PHI_BODY = 'Patient: Jane Roe, DOB 04/12/1961, A1c 8.2%, metformin 500 mg';
const PLAIN_BODY = 'The staff meeting moves to Thursday at noon in room 4.';
const enforceReason = (d: string) => `${d} publishes an MTA-STS policy in enforce mode`;

function stsPolicy(mode: 'enforce' | 'testing', mx: string[]): string {
  return ['version: STSv1', `mode: ${mode}`, ...mx.map((m) => `mx: ${m}`), 'max_age: 86400', ''].join('\r\n');
}

describe('MTA-STS in delivery', () => {
  let ca: TestCa;
  let dns: TestDnsServer;
  let policyHost: PolicyHost;
  let gw: GatewayProcess;
  let receivers: Record<string, Receiver>;
  const all = () => Object.values(receivers);
  const mustNotLeak: string[] = [];

  beforeAll(async () => {
    ca = await createTestCa();
    const stsDomains = ['sts-enforce.test', 'sts-nomatch.test', 'sts-wrong.test', 'sts-plain.test', 'sts-testing.test'];
    const [mx1, mx0, wrong, policyCert] = await Promise.all([
      ca.issue(['mx1.sts-enforce.test']),
      ca.issue(['mx0.sts-enforce.test']),
      ca.issue(['mx.elsewhere.test']),
      ca.issue(stsDomains.map((d) => `mta-sts.${d}`)),
    ]);
    const started = await startReceivers([
      { name: 'sender', ip: `${NET}.2` },
      { name: 'mx1', ip: `${NET}.3`, tls: mx1 },
      { name: 'decoy', ip: `${NET}.4`, tls: mx0 },
      { name: 'wrongname', ip: `${NET}.5`, tls: wrong },
      { name: 'plain', ip: `${NET}.6` },
    ]);
    receivers = started.receivers;
    policyHost = await startPolicyHost(policyCert);
    dns = await startDnsServer();
    setMx(dns, 'clinic.test', [{ host: 'mx.clinic.test', ip: `${NET}.2` }]);
    setMx(dns, 'sts-enforce.test', [
      { host: 'mx0.sts-enforce.test', ip: `${NET}.4`, priority: 5 },
      { host: 'mx1.sts-enforce.test', ip: `${NET}.3`, priority: 10 },
    ]);
    setMx(dns, 'sts-nomatch.test', [{ host: 'mx0.sts-enforce.test', ip: `${NET}.4` }]);
    setMx(dns, 'sts-wrong.test', [{ host: 'mx.sts-wrong.test', ip: `${NET}.5` }]);
    setMx(dns, 'sts-plain.test', [{ host: 'mx.sts-plain.test', ip: `${NET}.6` }]);
    setMx(dns, 'sts-testing.test', [{ host: 'mx.sts-testing.test', ip: `${NET}.5` }]);
    for (const d of stsDomains) {
      dns.set(`_mta-sts.${d}`, 'TXT', [['v=STSv1; id=20260101T000000;']]);
      dns.set(`mta-sts.${d}`, 'A', ['127.0.0.1']);
    }
    policyHost.serve('sts-enforce.test', { body: stsPolicy('enforce', ['mx1.sts-enforce.test']) });
    policyHost.serve('sts-nomatch.test', { body: stsPolicy('enforce', ['mx9.sts-nomatch.test']) });
    policyHost.serve('sts-wrong.test', { body: stsPolicy('enforce', ['mx.sts-wrong.test']) });
    policyHost.serve('sts-plain.test', { body: stsPolicy('enforce', ['*.sts-plain.test']) });
    policyHost.serve('sts-testing.test', { body: stsPolicy('testing', ['mx.sts-testing.test']) });
    gw = await labGateway({
      dns,
      mxPort: started.port,
      caFile: ca.caFile,
      policyFile: writePolicy('defaults: { method: tls-opportunistic }\nrules: []\n'),
      env: { PHIGATE_MTA_STS_PORT: String(policyHost.port) },
    });
  });

  afterAll(async () => {
    await gw?.stop();
    for (const r of Object.values(receivers ?? {})) await r.close();
    await policyHost?.close();
    await dns?.close();
    await ca?.cleanup();
  });

  const attempts = (events: AuditRow[]) => events.filter((e) => e.event === 'attempt');

  it('enforce: delivered only to the MX the policy names, over verified TLS; the preferred MX outside the policy is never contacted', async () => {
    const id = uniqueId('sts-enforce');
    mustNotLeak.push(id);
    await submit(gw.smtpPort, { id, from: 'dr@clinic.test', to: ['a@sts-enforce.test'], body: PLAIN_BODY });
    const rows = await waitSettled(gw, [id]);
    const events = eventsOf(rows, id);
    expect(settledAs(events)).toBe('delivered');
    const got = arrivalsOf(all(), id);
    expect(got.map((a) => `${a.receiver} ${a.secure} ${a.protocol}`)).toEqual(['mx1 true TLSv1.3']);
    expect(receivers.decoy.connections).toBe(0);
    expect(policyHost.hits('sts-enforce.test')).toBeGreaterThan(0);
    expect(attempts(events).map((a) => a.mx_host)).toEqual(['mx1.sts-enforce.test']);
    const a = attempts(events)[0];
    expect(a.detail.reasons).toContain(enforceReason('sts-enforce.test'));
    expect(a.detail.certificateVerified).toBe(true);
    const d = events.find((e) => e.event === 'delivered')!;
    expect(d.mx_host).toBe('mx1.sts-enforce.test');
    expect(d.method).toBe('tls-opportunistic');
    expect(d.detail.via).toBe('tls');
    expect(d.detail.certificateVerified).toBe(true);
  });

  it('enforce: a domain whose only MX is outside the policy is deferred and that MX is never contacted', async () => {
    const id = uniqueId('sts-nomatch');
    mustNotLeak.push(id);
    await submit(gw.smtpPort, { id, from: 'dr@clinic.test', to: ['a@sts-nomatch.test'], body: PLAIN_BODY });
    const events = eventsOf(await waitSettled(gw, [id]), id);
    expect(settledAs(events)).toBe('deferred');
    expect(arrivalsOf(all(), id)).toEqual([]);
    expect(receivers.decoy.connections).toBe(0);
    expect(attempts(events)).toEqual([]);
    const deferred = events.filter((e) => e.event === 'deferred');
    expect(deferred[0].detail.reply).toBe('4.7.5 no MX host of sts-nomatch.test matches its MTA-STS policy');
  });

  it('enforce: an MX in the policy with a certificate for another name gets nothing; deferred, audited', async () => {
    const id = uniqueId('sts-wrong');
    mustNotLeak.push(id);
    await submit(gw.smtpPort, { id, from: 'dr@clinic.test', to: ['a@sts-wrong.test'], body: PLAIN_BODY });
    const events = eventsOf(await waitSettled(gw, [id]), id);
    expect(settledAs(events)).toBe('deferred');
    expect(arrivalsOf(all(), id)).toEqual([]);
    for (const a of attempts(events)) {
      expect(a.mx_host).toBe('mx.sts-wrong.test');
      expect(a.detail.reasons).toContain(enforceReason('sts-wrong.test'));
      expect(a.detail.tls).toBe(true);
      expect(a.detail.certificateVerified).toBe(false);
      expect(a.outcome).toBe('deferred');
    }
    expect(String(events.find((e) => e.event === 'deferred')!.detail.reply)).toMatch(/^certificate verification failed: /);
  });

  it('enforce: an MX without STARTTLS never gets the message in clear', async () => {
    const id = uniqueId('sts-plain');
    mustNotLeak.push(id);
    await submit(gw.smtpPort, { id, from: 'dr@clinic.test', to: ['a@sts-plain.test'], body: PLAIN_BODY });
    const events = eventsOf(await waitSettled(gw, [id]), id);
    expect(settledAs(events)).toBe('deferred');
    expect(arrivalsOf(all(), id)).toEqual([]);
    expect(receivers.plain.arrivals.length).toBe(0);
    for (const a of attempts(events)) {
      expect(a.detail.reasons).toContain(enforceReason('sts-plain.test'));
      expect(a.detail.tls).toBe(false);
    }
  });

  it('testing: delivered to the MX with the wrong-name certificate, the verification failure recorded in the audit trail', async () => {
    const id = uniqueId('sts-testing');
    await submit(gw.smtpPort, { id, from: 'dr@clinic.test', to: ['a@sts-testing.test'], body: PLAIN_BODY });
    const events = eventsOf(await waitSettled(gw, [id]), id);
    expect(settledAs(events)).toBe('delivered');
    expect(policyHost.hits('sts-testing.test')).toBeGreaterThan(0);
    const got = arrivalsOf(all(), id);
    expect(got.map((a) => `${a.receiver} ${a.secure}`)).toEqual(['wrongname true']);
    const a = attempts(events);
    expect(a.length).toBe(1);
    expect(a[0].mx_host).toBe('mx.sts-testing.test');
    expect(a[0].detail.tls).toBe(true);
    expect(a[0].detail.certificateVerified).toBe(false);
    expect(a[0].detail.reasons).not.toContain(enforceReason('sts-testing.test'));
    const d = events.find((e) => e.event === 'delivered')!;
    expect(d.detail.via).toBe('tls');
    expect(d.detail.certificateVerified).toBe(false);
  });

  it('TLS-Required: No is honoured for mail without PHI to an enforce domain whose MX has a wrong-name certificate', async () => {
    const id = uniqueId('sts-trn-plain');
    await submit(gw.smtpPort, { id, from: 'dr@clinic.test', to: ['b@sts-wrong.test'], body: PLAIN_BODY, headers: ['TLS-Required: No'] });
    const events = eventsOf(await waitSettled(gw, [id]), id);
    expect(settledAs(events)).toBe('delivered');
    const got = arrivalsOf(all(), id);
    expect(got.map((a) => `${a.receiver} ${a.to.join(',')}`)).toEqual(['wrongname b@sts-wrong.test']);
    const a = attempts(events);
    expect(a.length).toBeGreaterThan(0);
    expect(a[0].detail.reasons).toContain('TLS-Required: No honoured (RFC 8689): recipient TLS policies not enforced');
    expect(a[0].detail.reasons).not.toContain(enforceReason('sts-wrong.test'));
    const received = events.find((e) => e.event === 'received')!;
    expect(received.detail.containsPhi).toBe(false);
  });

  it('TLS-Required: No is ignored for PHI: the same enforce domain gets nothing, in clear or over unverified TLS', async () => {
    const id = uniqueId('sts-trn-phi');
    mustNotLeak.push(id);
    await submit(gw.smtpPort, { id, from: 'dr@clinic.test', to: ['c@sts-wrong.test'], subject: 'Lab follow-up', body: PHI_BODY, headers: ['TLS-Required: No'] });
    const events = eventsOf(await waitSettled(gw, [id]), id);
    expect(events.find((e) => e.event === 'received')!.detail.containsPhi).toBe(true);
    expect(settledAs(events)).toBe('deferred');
    expect(arrivalsOf(all(), id)).toEqual([]);
    for (const a of attempts(events)) {
      expect(a.detail.reasons).toContain('TLS-Required: No ignored: the message contains PHI');
      expect(a.detail.reasons).toContain(enforceReason('sts-wrong.test'));
      expect(a.detail.certificateVerified).toBe(false);
    }
  });

  it('no message an enforce policy protects reached any receiver (let alone in clear)', () => {
    expect(mustNotLeak.length).toBe(5);
    const leaks = mustNotLeak.flatMap((id) => clearArrivals(all(), id).map((a) => `${id} in clear at ${a.receiver}`));
    expect(leaks).toEqual([]);
    // Only sts-enforce.test was to be delivered at all, and only at mx1.
    const elsewhere = mustNotLeak.flatMap((id) => arrivalsOf(all(), id).filter((a) => a.receiver !== 'mx1').map((a) => `${id} at ${a.receiver}`));
    expect(elsewhere).toEqual([]);
  });
});
