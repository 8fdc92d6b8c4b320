// Delivers one job (one message to the recipients of one domain): decides per recipient how
// the message may travel, tries the domain's next hops under that transport security, and
// turns what happened into job state, audit events, and a bounce when one is owed.
import { Readable } from 'node:stream';
import type { AuditFields } from '../audit/chain.ts';
import type { Config } from '../config.ts';
import type { Metrics } from '../observe/metrics.ts';
import { decide, type Decision } from '../policy/decide.ts';
import { StaticSenderGroupResolver } from '../policy/groups.ts';
import type { Policy } from '../policy/schema.ts';
import type { MessageFacts } from '../receive/message-facts.ts';
import type { ClaimedJob, JobUpdate } from '../spool/jobs.ts';
import type { StoredMessage } from '../spool/messages.ts';
import type { DomainContext } from './domain-context.ts';
import type { FailedRecipient } from './dsn.ts';
import { applyPolicy, mxPermitted } from './mta-sts/apply.ts';
import type { MtaStsResult } from './mta-sts/resolver.ts';
import { tlsSessionFrom, type TlsSession } from '../stores/tls-report-store.ts';
import type { NextHopResolver, Route } from './next-hop.ts';
import { decideDowngrade } from './probe/downgrade.ts';
import { isExpired, nextAttemptAt } from './retry.ts';
import { attemptDelivery, statusOf, type AttemptReport, type ConnectionCache } from './smtp-attempt.ts';
import { opportunisticSecurity, securityKey, transportSecurity, UNAVAILABLE_METHODS, type TransportSecurity } from './transport-security.ts';

export interface JobOutcome {
  update: JobUpdate;
  events: AuditFields[];
  /** Recipients owed a DSN, with why. */
  bounce: FailedRecipient[];
  /** Text for the DSN when recipients were dropped by policy. */
  bounceExplanation?: string;
  tlsSessions: TlsSession[];
}

export interface DeliveryEnv {
  config: Config;
  metrics: Metrics;
  policy: () => { policy: Policy; version: string };
  resolver: NextHopResolver;
  domains: DomainContext;
  cache: ConnectionCache;
  /** Returns the message as it goes out (DKIM-signed when policy says so). */
  content: (msg: StoredMessage) => Promise<() => Readable>;
  hasConsent?: (recipient: string) => Promise<boolean>;
}

interface Group {
  security: TransportSecurity;
  recipients: string[];
  decisions: Map<string, Decision>;
}

export async function deliverJob(job: ClaimedJob, msg: StoredMessage, env: DeliveryEnv): Promise<JobOutcome> {
  const { config } = env;
  const facts = msg.facts as Partial<MessageFacts> & { generated?: string };
  const events: AuditFields[] = [];
  const bounce: FailedRecipient[] = [];
  const tlsSessions: TlsSession[] = [];
  const delivered: string[] = [];
  const dropped: string[] = [];
  let explanation: string | undefined;
  const deferred = new Map<string, string>();
  /** Per recipient: the method, rule and reasons of its decision, for every event about it. */
  const plans = new Map<string, { method: string; detail: Record<string, unknown> }>();
  const base = { messageId: msg.id, sender: msg.mailFrom };

  const { policy, version } = env.policy();
  const overridden = env.resolver.hasOverride(job.domain);
  const sts = overridden ? null : await env.domains.mtaSts(job.domain);
  const status = await env.domains.tlsStatus(job.domain);
  const groups = await planGroups(job, msg, facts, policy, sts, status?.tlsLastSeenAt ?? null, env);

  const resolution = await env.resolver.resolve(job.domain);
  for (const group of groups.values()) {
    const method = group.security.method;
    const planDetail = (r: string) => ({ policyVersion: version, rule: group.decisions.get(r)?.rule ?? null, reasons: group.security.reasons });
    for (const r of group.recipients) plans.set(r, { method, detail: planDetail(r) });
    if (UNAVAILABLE_METHODS.has(method)) {
      for (const r of group.recipients) deferred.set(r, `method ${method} is not available in this build; held, never sent in clear`);
      continue;
    }
    if (!resolution.ok) {
      events.push({ ...base, event: 'attempt', method, recipient: group.recipients.join(','), outcome: resolution.permanent ? 'failed' : 'deferred', detail: { stage: 'resolve', status: resolution.status, reply: resolution.reply } });
      for (const r of group.recipients) {
        if (resolution.permanent) bounce.push({ recipient: r, status: resolution.status, diagnostic: resolution.reply, action: 'failed' });
        else deferred.set(r, `${resolution.status} ${resolution.reply}`);
      }
      continue;
    }
    const enforce = sts?.mode === 'enforce' && !group.decisions.values().next().value?.ignoreRecipientTlsPolicy;
    const routes = enforce ? resolution.routes.filter((r) => mxPermitted(sts!, r.mxHost)) : resolution.routes;
    let pending = [...group.recipients];
    let lastTemp = routes.length ? '' : `4.7.5 no MX host of ${job.domain} matches its MTA-STS policy`;
    let tlsRefusals = 0;
    let reachable = 0;
    let downgradeReason: string | null = null;
    const needsSmtpUtf8 = msg.smtpUtf8 || /[^\x00-\x7f]/.test(msg.mailFrom + pending.join(''));
    const content = await env.content(msg);
    for (const route of routes) {
      if (pending.length === 0) break;
      const report = await attemptDelivery(route, { from: msg.mailFrom, to: pending, size: msg.size, needsSmtpUtf8 }, group.security, content, {
        ehloName: config.hostname,
        timeoutMs: config.smtpTimeoutSeconds * 1000,
        cache: env.cache,
        dnssecResolvers: config.dnssecResolvers,
      });
      if (report.failure?.stage !== 'connect') reachable += 1;
      if (report.failure?.stage === 'tls') {
        tlsRefusals += 1;
        // A downgrade is TLS gone missing (no STARTTLS, failed handshake), not a certificate complaint.
        if (report.tls === null && status?.tlsLastSeenAt && group.security.starttls === 'required') {
          const d = decideDowngrade(job.domain, status, report.failure.reply.includes('STARTTLS') ? 'no-starttls' : 'handshake-failed');
          if (d.downgrade) downgradeReason = d.reason;
        }
      }
      if (sts && !overridden) tlsSessions.push(stsSession(sts, route, report));
      // Evidence for the no-downgrade rule: only TLS that the default floor accepts (1.2+).
      if (report.tls && (report.tls.version === 'TLSv1.2' || report.tls.version === 'TLSv1.3')) void env.domains.noteTls(job.domain).catch(() => undefined);
      events.push(attemptEvent(base, method, report, pending, { ...planDetail(pending[0]), ...(downgradeReason ? { downgrade: downgradeReason } : {}) }));
      env.metrics.attempts.inc({ result: report.failure ? (report.failure.permanent ? 'failed' : 'deferred') : 'ok', tls: report.tls ? 'yes' : 'no' });
      for (const a of report.accepted) {
        delivered.push(a);
        events.push({ ...base, event: 'delivered', method, recipient: a, outcome: 'delivered', tlsVersion: report.tls?.version ?? null, tlsCipher: report.tls?.cipher ?? null, mxHost: route.mxHost, detail: { ip: route.ip, reply: report.reply, via: report.tls ? 'tls' : 'clear', certificateVerified: report.tls?.nameVerified ?? false, ...planDetail(a) } });
        env.metrics.delivered.inc({ method });
        env.metrics.deliveryLatency.observe((Date.now() - msg.receivedAt.getTime()) / 1000);
      }
      for (const rj of report.rejected) {
        if (rj.permanent) bounce.push({ recipient: rj.recipient, status: statusOf(rj.reply, rj.code), diagnostic: rj.reply, remoteMta: route.mxHost, action: 'failed' });
        else lastTemp = rj.reply;
      }
      const settled = new Set([...report.accepted, ...report.rejected.filter((r) => r.permanent).map((r) => r.recipient)]);
      if (report.failure?.permanent) {
        for (const r of pending.filter((p) => !settled.has(p))) bounce.push({ recipient: r, status: report.failure.status, diagnostic: report.failure.reply, remoteMta: route.mxHost, action: 'failed' });
        pending = [];
        break;
      }
      pending = pending.filter((p) => !settled.has(p));
      if (report.failure) lastTemp = `${report.failure.reply}`;
      // Trouble reaching a host, or its TLS falling short, sends us to the next one; a server
      // that answered the transaction has spoken for the domain.
      if (!report.failure || report.failure.stage === 'transaction' || report.failure.stage === 'policy') break;
    }
    if (pending.length === 0) continue;
    // Every reachable MX refused the TLS this recipient needs: tls-exclusive drops, the rest wait.
    if (group.security.onTlsFailure === 'drop' && reachable > 0 && tlsRefusals === reachable) {
      explanation = 'phigate policy (tls-exclusive): the recipient server could not provide verified TLS, so the message was not sent.';
      for (const r of pending) {
        dropped.push(r);
        events.push({ ...base, event: 'dropped', method, recipient: r, outcome: 'dropped', detail: { reason: 'no verified TLS at any reachable MX', lastReply: lastTemp, ...planDetail(r) } });
        bounce.push({ recipient: r, status: '5.7.10', diagnostic: 'dropped by policy: no verified TLS to the recipient server (tls-exclusive)', action: 'failed' });
        env.metrics.dropped.inc();
      }
      continue;
    }
    for (const r of pending) deferred.set(r, downgradeReason ? `${lastTemp} (${downgradeReason})` : lastTemp);
  }

  // A DSN's bounce entries for dropped recipients are already in `bounce`; don't double count.
  const pendingAll = [...deferred.keys()];
  if (pendingAll.length > 0 && isExpired(config.retry, job.createdAt)) {
    for (const r of pendingAll) bounce.push({ recipient: r, status: '4.4.7', diagnostic: `delivery time expired; last error: ${deferred.get(r)}`, action: 'failed' });
    deferred.clear();
  }
  for (const f of bounce) {
    if (dropped.includes(f.recipient)) continue;
    events.push({ ...base, event: 'bounced', recipient: f.recipient, outcome: 'bounced', mxHost: f.remoteMta ?? null, detail: { status: f.status, reply: f.diagnostic } });
    env.metrics.bounced.inc();
  }
  if (deferred.size > 0) {
    env.metrics.deferred.inc();
    const when = nextAttemptAt(config.retry, job.attempts);
    for (const [r, why] of deferred) {
      const plan = plans.get(r);
      events.push({ ...base, event: 'deferred', method: plan?.method ?? null, recipient: r, outcome: 'deferred', detail: { reply: why, attempts: job.attempts, nextAttemptAt: when.toISOString(), ...plan?.detail } });
    }
    const lastReply = [...deferred.values()].pop() ?? '';
    return { update: { id: job.id, state: 'queued', recipients: [...deferred.keys()], nextAttemptAt: when, lastReply }, events, bounce, bounceExplanation: explanation, tlsSessions };
  }
  const state = delivered.length > 0 ? 'delivered' : dropped.length > 0 && bounce.length === dropped.length ? 'dropped' : 'bounced';
  const lastReply = delivered.length ? 'delivered' : (bounce[0]?.diagnostic ?? '');
  return { update: { id: job.id, state, recipients: job.recipients, lastReply }, events, bounce, bounceExplanation: explanation, tlsSessions };
}

async function planGroups(
  job: ClaimedJob,
  msg: StoredMessage,
  facts: Partial<MessageFacts> & { generated?: string },
  policy: Policy,
  sts: MtaStsResult | null,
  tlsSeenAt: number | null,
  env: DeliveryEnv,
): Promise<Map<string, Group>> {
  const groups = new Map<string, Group>();
  const add = (security: TransportSecurity, recipient: string, decision: Decision | null) => {
    const key = securityKey(security);
    const g: Group = groups.get(key) ?? { security, recipients: [], decisions: new Map() };
    g.recipients.push(recipient);
    if (decision) g.decisions.set(recipient, decision);
    groups.set(key, g);
  };
  // Bounces we generate carry no content of the original: opportunistic TLS, like Postfix.
  if (facts.generated === 'dsn') {
    for (const r of job.recipients) add(opportunisticSecurity(), r, null);
    return groups;
  }
  const senderGroups = StaticSenderGroupResolver.fromPolicy(policy).groupsOfSync(msg.mailFrom);
  // Not scanned (too large at intake): treated as PHI, the protected side.
  const phi = facts.phi ?? { containsPhi: true, types: ['OTHER'], score: 1 };
  // The consent registry is asked only when a rule can use the answer.
  const consentMatters = env.hasConsent !== undefined && policy.rules.some((r) => r.match.recipientConsent !== undefined);
  for (const recipient of job.recipients) {
    const consent = consentMatters ? await env.hasConsent!(recipient) : false;
    const decision = decide(policy, {
      sender: msg.mailFrom,
      recipient,
      senderGroups,
      phi,
      escalated: Boolean(facts.escalated),
      autoForwarded: Boolean(facts.autoForwarded),
      recipientConsent: consent ? 'unencrypted' : null,
      tlsRequiredNo: Boolean(facts.tlsRequiredNo),
    });
    if (!facts.phi) decision.reasons.push('the message was too large to scan for PHI at intake and is treated as PHI');
    add(transportSecurity({ decision, domain: job.domain, requireTls: msg.requireTls, mtaStsEnforce: sts?.mode === 'enforce', tlsPinnedSince: tlsSeenAt }), recipient, decision);
  }
  return groups;
}

function stsSession(sts: MtaStsResult, route: Route, report: AttemptReport): TlsSession {
  const tls = report.tls;
  const outcome =
    tls && tls.nameVerified && (tls.version === 'TLSv1.2' || tls.version === 'TLSv1.3')
      ? ({ verified: true } as const)
      : !tls
        ? ({ verified: false, failure: 'starttls-not-supported' } as const)
        : !tls.authorized
          ? ({ verified: false, failure: 'certificate-not-trusted', detail: tls.authorizationError } as const)
          : ({ verified: false, failure: 'certificate-host-mismatch' } as const);
  return tlsSessionFrom(applyPolicy(sts, { mxHost: route.mxHost, tls: outcome, receivingIp: route.ip }).session, { mxHost: route.mxHost, receivingIp: route.ip });
}

function attemptEvent(base: { messageId: string; sender: string }, method: string, r: AttemptReport, recipients: string[], extra: Record<string, unknown>): AuditFields {
  return {
    ...base,
    event: 'attempt',
    method,
    recipient: recipients.join(','),
    mxHost: r.route.mxHost,
    tlsVersion: r.tls?.version ?? null,
    tlsCipher: r.tls?.cipher ?? null,
    outcome: r.failure ? (r.failure.permanent ? 'failed' : 'deferred') : r.rejected.length ? 'partial' : 'accepted',
    detail: {
      ip: r.route.ip,
      port: r.route.port,
      tls: r.tls !== null,
      certificateVerified: r.tls?.nameVerified ?? false,
      certificateAuthorized: r.tls?.authorized ?? false,
      ...(r.tls?.dane ? { dane: r.tls.dane } : {}),
      tlsFallbackToClear: r.tlsFallback,
      reusedConnection: r.reusedConnection,
      stage: r.failure?.stage ?? 'done',
      reply: r.failure?.reply ?? r.reply,
      rejected: r.rejected.map((x) => ({ recipient: x.recipient, code: x.code })),
      ...extra,
    },
  };
}
