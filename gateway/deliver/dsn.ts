// Delivery status notifications (RFC 3464 multipart/report) for the sender. They carry the
// recipients, status codes and the remote server's reply, plus only the identifying header
// fields of the original (Message-ID, Date, From, To): never its Subject or body, because
// the bounce travels over the internet and may not get the protection the original had.
import crypto from 'node:crypto';
import { Headers } from '@zone-eu/mailsplit';
import { headerValue, oneLine } from '../mime/header-safe.ts';

export interface FailedRecipient {
  recipient: string;
  status: string;
  diagnostic: string;
  remoteMta?: string;
  action: 'failed' | 'delayed';
}

export interface DsnInput {
  reportingMta: string;
  sender: string;
  originalHeader: Buffer;
  arrivalDate: Date;
  recipients: FailedRecipient[];
  /** Plain words about why, e.g. a policy drop; never message content. */
  explanation?: string;
  now?: Date;
}

const KEPT_HEADERS = ['message-id', 'date', 'from', 'to', 'cc'];

export function buildDsn(input: DsnInput): Buffer {
  const now = input.now ?? new Date();
  const boundary = `phigate-dsn-${crypto.randomBytes(12).toString('hex')}`;
  const host = oneLine(input.reportingMta, 200);
  const rfcDate = (d: Date) => d.toUTCString().replace('GMT', '+0000');
  const original = new Headers(input.originalHeader);
  const kept = KEPT_HEADERS.flatMap((k) => original.get(k).map((line) => `${line.slice(0, line.indexOf(':'))}: ${oneLine(headerValue(line), 900)}`));

  const human = [
    'This is the mail system at host ' + host + '.',
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients.',
    ...(input.explanation ? ['', oneLine(input.explanation, 900)] : []),
    '',
    ...input.recipients.map((r) => `<${oneLine(r.recipient, 300)}>: ${oneLine(r.diagnostic, 900)}`),
    '',
    'For the protection of the information it may contain, the original',
    'message is not attached; only its identifying header fields are.',
  ];
  const perRecipient = input.recipients.flatMap((r) => [
    '',
    `Final-Recipient: rfc822; ${oneLine(r.recipient, 300)}`,
    `Action: ${r.action}`,
    `Status: ${oneLine(r.status, 12)}`,
    ...(r.remoteMta ? [`Remote-MTA: dns; ${oneLine(r.remoteMta, 200)}`] : []),
    `Diagnostic-Code: smtp; ${oneLine(r.diagnostic, 900)}`,
  ]);
  const lines = [
    `From: Mail Delivery System <MAILER-DAEMON@${host}>`,
    `To: <${oneLine(input.sender, 300)}>`,
    `Subject: ${input.recipients.some((r) => r.action === 'failed') ? 'Undelivered Mail Returned to Sender' : 'Delayed Mail (still being retried)'}`,
    `Date: ${rfcDate(now)}`,
    `Message-ID: <dsn.${crypto.randomBytes(10).toString('hex')}@${host}>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    'This is a MIME-encapsulated message.',
    '',
    `--${boundary}`,
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    ...human,
    '',
    `--${boundary}`,
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; ${host}`,
    `Arrival-Date: ${rfcDate(input.arrivalDate)}`,
    ...perRecipient,
    '',
    `--${boundary}`,
    'Content-Description: Identifying header fields of the undelivered message',
    'Content-Type: text/rfc822-headers',
    '',
    ...kept,
    '',
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
