/** Internal finding: the public Finding plus what the message-level decision needs to know. */
import type { Confidence, Finding, PhiType } from '../types.ts';

/**
 * How a finding weighs in the decision:
 *  high-risk  SSN, MRN, MBI, member ID: PHI in any healthcare context
 *  strong     DOB, patient name, device serial, date of service: PHI with health content or context
 *  payment    card: PHI with health content
 *  named      a name found by honorific or greeting: PHI with personal health content
 *  weak       phone, email, address, IP, URL, account: PHI with an individual and health content
 *  contact    a number to call the sender at: reported, never decisive
 *  provider   NPI, DEA: not a patient identifier
 *  health     diagnosis, ICD-10, medication, lab result, procedure
 */
export type Role = 'high-risk' | 'strong' | 'payment' | 'named' | 'weak' | 'contact' | 'provider' | 'health';

export interface Hit extends Finding {
  role: Role;
  inSignature: boolean;
  /** Health content tied to a person by a possessive or pronoun ("my A1c", "her metformin"). */
  personal: boolean;
  /** …by a first-person word ("my", "I"): the writer's own health. */
  personalFirst?: boolean;
  /** …only by second-person words ("your A1c"): the reader's, never the writer's. */
  personalSecond?: boolean;
}

export function makeHit(
  type: PhiType, confidence: Confidence, where: string, start: number, end: number,
  role: Role, reasons: string[], explain: string,
): Hit {
  return { type, confidence, where, start, end, reasons, explain, role, inSignature: false, personal: false };
}

const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/** Keep the strongest of overlapping findings (by confidence, then length), in text order. */
export function resolveOverlaps(hits: Hit[]): Hit[] {
  const sorted = hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  // Sweep clusters of mutually reachable overlaps; only clusters of two or more need a choice.
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    let clusterEnd = sorted[i].end;
    while (j < sorted.length && sorted[j].start < clusterEnd) {
      if (sorted[j].end > clusterEnd) clusterEnd = sorted[j].end;
      j++;
    }
    if (j === i + 1) kept.push(sorted[i]);
    else for (const h of pickStrongest(sorted.slice(i, j))) kept.push(h);
    i = j;
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

function pickStrongest(cluster: Hit[]): Hit[] {
  const byPriority = cluster.sort((a, b) => RANK[b.confidence] - RANK[a.confidence] || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of byPriority) {
    const over = kept.find((k) => h.start < k.end && k.start < h.end);
    if (!over) kept.push(h);
    else if (h.type === 'PATIENT_NAME' && over.type === 'PATIENT_NAME') keepWhatTiesToHealth(over, h);
  }
  return kept;
}

/**
 * Two readings of one name ("Ahmed Nur" as a listed given name, and "Ahmed Nur, 62," as a name with an age): the
 * one kept also carries what the other said of the person's health being theirs, whichever recognizer ran first.
 */
const TIES_TO_HEALTH = ['name:next-to-health', 'name:with-age', 'name:subject-only', 'name:room'];
function keepWhatTiesToHealth(kept: Hit, dropped: Hit): void {
  for (const r of TIES_TO_HEALTH) if (dropped.reasons.includes(r) && !kept.reasons.includes(r)) kept.reasons.push(r);
}

/** Quote for explanations, shortened so a long match does not flood the UI. */
export function quote(text: string, start: number, end: number): string {
  const s = text.slice(start, Math.min(end, start + 60)).replace(/\s+/g, ' ');
  return `'${s}${end - start > 60 ? '…' : ''}'`;
}
