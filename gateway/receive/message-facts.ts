// What the policy needs to know about a message's content, read once at intake: PHI (types
// and score, never values), escalation markers, auto-forwarding, `TLS-Required: No`. The
// escalation markers are removed here, before the message is stored, so no later hop sees
// them; `modified` then tells delivery that the original DKIM signature no longer holds.
import { createRequire } from 'node:module';
import type { Headers } from '@zone-eu/mailsplit';
import { headerValue } from '../mime/header-safe.ts';
import { detectAutoForward } from '../policy/autoforward.ts';
import { detectEscalation, ESCALATION_HEADER, stripEscalation } from '../policy/escalation.ts';
import type { HeaderList } from '../policy/headers.ts';

const libmime = createRequire(import.meta.url)('libmime') as { encodeWords: (s: string, enc: string, max?: number) => string };

export interface PhiFacts {
  containsPhi: boolean;
  types: string[];
  score: number;
}

export interface MessageFacts {
  /** null: not scanned (e.g. too large to scan at intake); policy then treats it as PHI. */
  phi: PhiFacts | null;
  escalated: boolean;
  autoForwarded: boolean;
  autoForwardEvidence: string[];
  tlsRequiredNo: boolean;
  /** phigate changed signed header fields (Subject, X-Phigate-Secure). */
  modified: boolean;
  /** Domain of the From header (DKIM d= must align with it for DMARC). */
  fromDomain: string | null;
}

export function headerList(headers: Headers): HeaderList {
  return headers.getList().map((h: { key: string; line: string }) => ({ key: h.key, value: headerValue(h.line) }));
}

/** Reads the facts and removes the escalation markers from `headers` in place. */
export function readFacts(headers: Headers, phi: PhiFacts | null, subjectTags: readonly string[]): MessageFacts {
  const list = headerList(headers);
  const markers = detectEscalation(list, { subjectTags });
  const forward = detectAutoForward(list);
  let modified = false;
  if (markers.escalated) {
    const strip = stripEscalation(list, { subjectTags });
    for (const name of strip.removeHeaders) {
      headers.remove(name);
      modified = true;
    }
    if (strip.subjectChanged && strip.subject !== null) {
      headers.update('Subject', /^[\x20-\x7e]*$/.test(strip.subject) ? strip.subject : libmime.encodeWords(strip.subject, 'Q', 52));
      modified = true;
    }
  } else if (list.some((h) => h.key === ESCALATION_HEADER.toLowerCase())) {
    headers.remove(ESCALATION_HEADER); // X-Phigate-Secure: 0 is ours to remove as well
    modified = true;
  }
  const tlsRequired = list.filter((h) => h.key === 'tls-required').map((h) => h.value.trim().toLowerCase());
  const from = list.find((h) => h.key === 'from')?.value ?? '';
  const fromDomain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1]?.toLowerCase() ?? null;
  return {
    phi,
    escalated: markers.escalated,
    autoForwarded: forward.autoForwarded,
    autoForwardEvidence: forward.evidence,
    tlsRequiredNo: tlsRequired.includes('no'),
    modified,
    fromDomain,
  };
}
