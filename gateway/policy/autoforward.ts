// Recognising auto-forwarded mail (mailbox rules, redirects, provider forwarding) from its
// headers, so decide() can apply TLS-only forwarding.

import { headerText, headerValues, type HeaderList } from './headers.ts';

export interface AutoForwardVerdict {
  autoForwarded: boolean;
  /** Which signals were seen, by field name (values are not copied: they hold addresses). */
  evidence: string[];
}

/** Fields whose presence alone marks a forward or redirect (matched case-insensitively). */
const PRESENCE_SIGNALS = [
  // Gmail automatic forwarding.
  'X-Forwarded-To',
  'X-Forwarded-For',
  // Exchange inbox rules (forward / redirect) stamp the mailbox that ran the rule.
  'X-MS-Exchange-Inbox-Rules-Loop',
  // RFC 5322 section 3.6.6 resent fields: the message was re-sent ("redirect"/"bounce") by
  // someone other than its author.
  'Resent-From',
  'Resent-Sender',
  'Resent-To',
  'Resent-Cc',
  'Resent-Bcc',
  'Resent-Date',
  'Resent-Message-ID',
];

function firstToken(value: string): string {
  return headerText(value).split(';')[0]!.trim().toLowerCase();
}

export function detectAutoForward(headers: HeaderList): AutoForwardVerdict {
  const evidence: string[] = [];
  // RFC 3834 Auto-Submitted; `auto-forwarded` is the registered value (RFC 5436), parameters follow `;`.
  if (headerValues(headers, 'auto-submitted').some((value) => firstToken(value) === 'auto-forwarded')) {
    evidence.push('Auto-Submitted: auto-forwarded');
  }
  if (headerValues(headers, 'x-ms-exchange-organization-autoforwarded').some((value) => firstToken(value) === 'true')) {
    evidence.push('X-MS-Exchange-Organization-AutoForwarded: true');
  }
  for (const name of PRESENCE_SIGNALS) {
    if (headerValues(headers, name).some((value) => value.trim() !== '')) evidence.push(name);
  }
  return { autoForwarded: evidence.length > 0, evidence };
}
