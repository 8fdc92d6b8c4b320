/**
 * Message-level decision (phi-labeling.md): PHI when a patient identifier comes with health content,
 * or a high-risk identifier sits in a healthcare context. Provider identifiers, signatures, generic
 * education and aggregate statistics do not make a message PHI.
 */
import type { Hit } from './hit.ts';
import type { PartScan } from './scan-part.ts';

export interface Decision {
  containsPhi: boolean;
  score: number;
  reasons: string[];
  /** Findings that carried the decision (identifiers upgraded from "low" keep their evidence). */
  promoted: Set<Hit>;
}

const counts = (h: Hit): boolean => h.confidence !== 'low';

export function decide(parts: PartScan[]): Decision {
  let hits = parts.flatMap((p) => p.hits);
  const promoted = new Set<Hit>();
  const contextTerms = parts.reduce((n, p) => n + p.contextTerms, 0);
  // Mass mail (newsletters, campaigns): "your numbers", "if you have diabetes" address every reader, not one person.
  const bulk = parts.some((p) => p.bulk > 0);
  // A veterinary message: the owner's name and the animal's diagnosis are not a patient's health information.
  const veterinary = parts.reduce((n, p) => n + p.veterinary, 0) >= 2;
  if (veterinary) hits = hits.filter((h) => h.role === 'high-risk' && (h.type === 'SSN' || h.type === 'MBI'));
  // Training material that says its numbers are fake: its identifiers identify nobody (unless someone writes about their own health).
  const fictitious = parts.some((p) => p.fictitious > 0);
  if (fictitious) hits = hits.filter((h) => h.role === 'health' || h.personal || h.reasons.includes('name:signature'));
  const visible = hits.filter((h) => !(h.inSignature && h.role !== 'health' && h.role !== 'high-risk'));
  const health = visible.filter((h) => counts(h) && h.role === 'health');
  const personalHealth0 = health.filter((h) => h.personal && (!bulk || h.personalFirst));
  // Weak person cues count only with health content tied to a person ("Rosalind, your colonoscopy…"):
  // a name addressed at the start of a message, correspondents named in forwarded headers, a capitalised
  // word in an attachment's file name.
  // In mass mail, "Hi Dana," is a mail-merge field: the newsletter is not about Dana's health.
  // An out-of-office reply: the people and numbers in its body are whom to contact instead (a colleague,
  // the answering service), not a patient's; they count only with health content tied to a person. Its
  // subject (which may quote the original message's) is read as usual.
  const autoReply = parts.some((p) => p.autoReply);
  const coverage = (h: Hit): boolean => autoReply && (h.role === 'named' || h.role === 'weak') && !h.where.endsWith('subject');
  const weakCue = (h: Hit): boolean => coverage(h) || h.reasons.includes('name:vocative') || h.reasons.includes('in-header') || (h.reasons.includes('name:file-name') && !h.reasons.includes('name:next-to-health') && !h.reasons.includes('name:photo')) || (bulk && h.reasons.includes('name:greeting'));
  const active = visible.filter((h) => (h.role !== 'health' && weakCue(h) && !h.reasons.includes('placeholder') ? personalHealth0.length > 0 : counts(h)));
  for (const h of active) if (h.confidence === 'low') promoted.add(h);
  const healthScore = health.reduce((s, h) => s + (h.confidence === 'high' ? 1 : 0.6), 0);
  const personalHealth = personalHealth0;
  const hasHealth = healthScore >= 0.6;
  const context = contextTerms > 0 || hasHealth;
  const of = (role: Hit['role']): Hit[] => active.filter((h) => h.role === role);
  const highRisk = of('high-risk');
  const strong = of('strong');
  const payment = of('payment');
  const named = of('named');
  const weak = of('weak');
  const providerIds = hits.filter((h) => h.role === 'provider' && !h.inSignature);
  const icd = health.filter((h) => h.type === 'ICD10');
  const ssn = highRisk.filter((h) => h.type === 'SSN');
  // A signer counts with health content tied to a person; a writer who introduces themselves ("this is
  // Amara…") with health content in the first person.
  const firstPerson = personalHealth.some((h) => h.personalFirst);
  const patientSigner = hits.filter((h) => h.reasons.includes('name:signature') && !h.reasons.includes('placeholder') && (firstPerson || !h.reasons.includes('name:self-intro')));

  const reasons: string[] = [];
  let evidence = 0;
  // MRN/MBI/member-ID labels are healthcare context themselves; SSNs and "Policy #" values need it around them.
  const selfContext = highRisk.some((h) => h.type !== 'SSN' && !h.reasons.includes('needs-context'));
  if (highRisk.length > 0 && (context || selfContext)) {
    reasons.push(`high-risk patient identifier (${types(highRisk)}) in a healthcare context`);
    evidence += 2;
  }
  if (strong.length > 0 && (hasHealth || contextTerms > 0 || selfContext)) {
    reasons.push(`patient identifier (${types(strong)}) with ${hasHealth ? 'health content' : 'healthcare context'}`);
    evidence += 1.5;
  }
  if (payment.length > 0 && hasHealth) {
    reasons.push('payment card with health content');
    evidence += 1;
  }
  // A name right at clinical content, or written with an age ("Eleanor Vance, 84F"), is a patient's.
  const atHealth = (h: Hit): boolean => h.reasons.includes('name:next-to-health') || h.reasons.includes('name:with-age');
  const namedAtHealth = named.some(atHealth);
  // A name known only from the phone number written after it ("ask Jessica at 541-…") may be a rep's or a
  // colleague's: it needs the content tied to a person or set right at it.
  const byPhoneOnly = (h: Hit): boolean => h.reasons.length === 1 && h.reasons[0] === 'name:with-phone';
  const namedFirm = named.filter((h) => !byPhoneOnly(h));
  if (named.length > 0 && hasHealth && (namedAtHealth || personalHealth.length > 0 || (namedFirm.length > 0 && (health.some((h) => h.confidence === 'high') || healthScore >= 1.2)))) {
    reasons.push('a named person with health content');
    evidence += 1;
  }
  const individual = personalHealth.length > 0 || named.length > 0 || strong.length > 0;
  if (weak.length > 0 && hasHealth && individual) {
    reasons.push(`contact identifier (${types(weak)}) with an individual's health content`);
    evidence += 1;
  }
  if (patientSigner.length > 0 && personalHealth.length > 0) {
    reasons.push('a patient signs a message about their own health');
    for (const h of patientSigner) promoted.add(h);
    evidence += 1;
  }
  if ((ssn.length > 0 || providerIds.some((h) => h.type === 'DEA')) && icd.length > 0) {
    reasons.push('SSN or DEA number together with an ICD-10 code (HIPAA template)');
    evidence += 1;
  }
  const containsPhi = reasons.length > 0;
  const partial = Math.min(0.45, 0.1 * (highRisk.length + strong.length + named.length) + 0.05 * Math.min(healthScore, 4));
  const score = containsPhi ? Math.min(0.99, 0.6 + 0.13 * evidence + 0.02 * Math.min(healthScore, 5)) : Number(partial.toFixed(2));
  return { containsPhi, score: Number(score.toFixed(2)), reasons, promoted };
}

function types(hs: Hit[]): string {
  return [...new Set(hs.map((h) => h.type))].join(', ');
}
