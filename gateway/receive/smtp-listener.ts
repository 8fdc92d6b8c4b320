// The SMTP side facing the tenant's connector: accept safely or refuse clearly. A message is
// answered 250 only after the spool has committed it; database trouble answers 451 4.3.0 so
// the connector retries.
import './smtp-server-patches.ts';
import type tls from 'node:tls';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { Headers } from '@zone-eu/mailsplit';
import type { Logger } from 'pino';
import { isTenantAddress, type Config } from '../config.ts';
import type { AuditFields } from '../audit/chain.ts';
import { headerValue, oneLine } from '../mime/header-safe.ts';
import { newDataKey, type KeyRing } from '../spool/crypto.ts';
import { newMessageId, type NewMessage } from '../spool/messages.ts';
import type { Metrics } from '../observe/metrics.ts';
import { readMessage } from './intake.ts';
import type { TenantIdentifier } from './tenant.ts';
import type { Policy } from '../policy/schema.ts';
import { readFacts, type PhiFacts } from './message-facts.ts';
import type { TlsIdentity } from './tls-identity.ts';

/** RFC 5321 §6.3 suggests a hop limit; Postfix uses 50. */
const MAX_HOPS = 50;
const MAX_RECIPIENTS = 1000;

export interface ListenerDeps {
  config: Config;
  identity: TlsIdentity;
  /** A getter: a policy reload swaps the tenants in place. */
  tenants: () => TenantIdentifier;
  ring: KeyRing;
  log: Logger;
  metrics: Metrics;
  accept: (msg: NewMessage) => Promise<void>;
  storeChunk: (id: string, dataKey: Buffer, seq: number, plain: Buffer) => Promise<void>;
  audit: (events: AuditFields[]) => Promise<void>;
  /** The policy in force and its version (a getter: reloads swap it). */
  policy: () => { policy: Policy; version: string };
  /** PHI scan of a message that fits in memory; null when it cannot be scanned. */
  scanPhi?: (header: Buffer, body: Buffer) => Promise<PhiFacts | null>;
}

class SmtpReply extends Error {
  responseCode: number;
  constructor(code: number, text: string) {
    super(text);
    this.responseCode = code;
  }
}

// TLS 1.2 and 1.3 only, AEAD suites with forward secrecy (all 128 bits or more).
const TLS12_CIPHERS = [
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
].join(':');

export function createSmtpListener(deps: ListenerDeps): SMTPServer {
  const { config, log, metrics } = deps;
  const refusedSessions = new WeakSet<SMTPServerSession>();

  const server = new SMTPServer({
    name: config.hostname,
    banner: 'phigate ESMTP',
    size: config.maxMessageSize,
    key: deps.identity.key,
    cert: deps.identity.cert,
    minVersion: 'TLSv1.2',
    ciphers: TLS12_CIPHERS,
    honorCipherOrder: true,
    hideENHANCEDSTATUSCODES: false,
    hideREQUIRETLS: false,
    hideSMTPUTF8: false,
    hide8BITMIME: false,
    hidePIPELINING: false,
    hideDSN: true,
    disabledCommands: ['AUTH'],
    authOptional: true,
    disableReverseLookup: true,
    maxRecipients: MAX_RECIPIENTS,
    maxClients: 500,
    socketTimeout: 5 * 60_000,
    closeTimeout: 5_000,
    logger: false,
    // See smtp-server-patches.ts: no early-talker pause for the tenant's connectors.
    ...({ greetingDelayMs: 0 } as object),

    onRcptTo(address, session, callback) {
      if (!isTenantAddress(config.tenantNetworks, session.remoteAddress)) {
        metrics.relayRefused.inc();
        if (!refusedSessions.has(session)) {
          refusedSessions.add(session);
          void deps
            .audit([{ event: 'relay_refused', sender: session.envelope.mailFrom ? session.envelope.mailFrom.address : null, recipient: address.address, outcome: 'refused', detail: { clientIp: session.remoteAddress } }])
            .catch((err) => log.error({ err: errInfo(err) }, 'could not audit a relay refusal'));
        }
        return callback(new SmtpReply(550, `5.7.1 <${oneLine(address.address, 300)}>: relay access denied`));
      }
      callback();
    },

    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      handleData(deps, stream, session).then(
        (reply) => callback(null, reply),
        (err: unknown) => {
          if (err instanceof SmtpReply) return callback(err);
          log.error({ err: errInfo(err), session: session.id }, 'message not accepted: spool unavailable');
          metrics.received.inc({ outcome: 'tempfail' });
          callback(new SmtpReply(451, '4.3.0 temporary failure storing the message, please retry'));
        },
      );
    },
  });
  server.on('error', (err) => log.warn({ err: errInfo(err) }, 'smtp server error'));
  return server;
}

async function handleData(deps: ListenerDeps, stream: SMTPServerDataStream, session: SMTPServerSession): Promise<string> {
  const { config, metrics } = deps;
  const id = newMessageId();
  const dataKey = newDataKey();
  const receivedAt = new Date();
  const intake = await readMessage(stream, (seq, chunk) => deps.storeChunk(id, dataKey, seq, chunk));
  const envelope = session.envelope;
  const mailFrom = envelope.mailFrom ? envelope.mailFrom.address : '';
  const recipients = envelope.rcptTo.map((r) => r.address);

  const refuse = async (code: number, text: string, reason: string) => {
    metrics.received.inc({ outcome: 'rejected' });
    await deps
      .audit([{ event: 'message_rejected', sender: mailFrom, recipient: recipients.join(','), outcome: 'rejected', detail: { reason, clientIp: session.remoteAddress, size: intake.size } }])
      .catch(() => undefined);
    return new SmtpReply(code, text);
  };

  if (intake.storeError) throw intake.storeError;
  if (intake.sizeExceeded) throw await refuse(552, `5.3.4 message exceeds the fixed maximum size of ${config.maxMessageSize} bytes`, 'size');
  if (intake.bareNewline) {
    throw await refuse(550, `5.6.0 message contains a bare <${intake.bareNewline}>; lines must end with <CR><LF> (SMTP smuggling guard)`, `bare-${intake.bareNewline.toLowerCase()}`);
  }
  if (intake.headerTooLarge) throw await refuse(552, '5.6.0 header section exceeds 1 MiB', 'header-size');

  const headers = new Headers(intake.header);
  const tenantIds = deps.tenants();
  const tenant = tenantIds.identify((name) => headers.get(name).map(headerValue));
  if (!tenant.ok) {
    metrics.tenantRefused.inc({ reason: tenant.reason });
    throw await refuse(550, '5.7.1 message not identified as coming from a configured tenant', `tenant-header-${tenant.reason}`);
  }
  const tenantHeaderStripped = tenantIds.headerNames.some((name) => headers.get(name).length > 0);
  for (const name of tenantIds.headerNames) headers.remove(name);
  if (headers.get('received').length >= MAX_HOPS) throw await refuse(554, '5.4.6 too many hops: mail loop detected', 'hop-count');

  const { policy, version } = deps.policy();
  // Messages whose body went to the spool in chunks (over 1 MiB) are not scanned at intake;
  // the policy treats an unscanned message as PHI, which errs on the protected side.
  // The body is one buffer already (intake.ts joins it): handing it over as it is spares a 20 KB copy per message.
  const body = intake.pendingChunks.length === 1 ? intake.pendingChunks[0] : Buffer.concat(intake.pendingChunks);
  const phi = intake.storedChunks === 0 && deps.scanPhi ? await deps.scanPhi(intake.header, body) : null;
  const facts = readFacts(headers, phi, policy.escalation.subjectTags);
  // Removing the tenant's header changed the message too: DKIM `sign: modified` covers it.
  if (tenantHeaderStripped) facts.modified = true;
  const tlsInfo = inboundTls(session);
  const messageIdHeader = oneLine(headerValue(headers.get('message-id')[0] ?? ''), 250) || null;
  headers.remove('x-phigate-relayed');
  headers.add('X-Phigate-Relayed', oneLine(config.hostname));
  headers.add('Received', receivedHeader(config.hostname, session, id, recipients, tlsInfo, receivedAt));

  await deps.accept({
    id,
    dataKey,
    tenant: tenant.tenant,
    mailFrom,
    recipients,
    size: intake.size,
    receivedAt,
    clientIp: session.remoteAddress,
    inboundTls: tlsInfo,
    smtpUtf8: Boolean(envelope.smtpUtf8),
    requireTls: Boolean(envelope.requireTLS),
    messageIdHeader,
    header: headers.build(),
    pendingChunks: intake.pendingChunks,
    storedChunks: intake.storedChunks,
    facts: { ...facts },
    policyVersion: version,
    receivedDetail: {
      containsPhi: facts.phi ? facts.phi.containsPhi : 'not-scanned',
      phiTypes: facts.phi?.types ?? [],
      escalated: facts.escalated,
      autoForwarded: facts.autoForwarded,
      policyVersion: version,
    },
  });
  metrics.received.inc({ outcome: 'accepted' });
  return `2.0.0 Ok: queued as ${id}`;
}

function inboundTls(session: SMTPServerSession): { protocol: string; cipher: string } | null {
  if (!session.secure) return null;
  const info = session.tlsOptions as (tls.CipherNameAndProtocol & { standardName?: string }) | undefined;
  return { protocol: info?.version ?? 'TLS', cipher: info?.standardName ?? info?.name ?? 'unknown' };
}

function receivedHeader(
  hostname: string,
  session: SMTPServerSession,
  id: string,
  recipients: string[],
  tlsInfo: { protocol: string; cipher: string } | null,
  date: Date,
): string {
  const helo = oneLine(session.hostNameAppearsAs || 'unknown', 200);
  const proto = (session.envelope.smtpUtf8 ? 'UTF8SMTP' : 'ESMTP') + (tlsInfo ? 'S' : '');
  const tlsPart = tlsInfo ? ` (${oneLine(tlsInfo.protocol, 20)} cipher ${oneLine(tlsInfo.cipher, 80)})` : '';
  // "for" only for a single recipient: listing many would disclose Bcc recipients.
  const forPart = recipients.length === 1 ? ` for <${oneLine(recipients[0], 300)}>` : '';
  return `from ${helo} ([${oneLine(session.remoteAddress, 60)}]) by ${oneLine(hostname, 200)} (phigate) with ${proto}${tlsPart} id ${id}${forPart}; ${date.toUTCString().replace('GMT', '+0000')}`;
}

export function errInfo(err: unknown): { message: string; code?: string } {
  const e = err as { message?: string; code?: string };
  return { message: String(e?.message ?? err).slice(0, 300), code: e?.code };
}
