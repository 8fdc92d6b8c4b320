/** The engine: a dictionary in, scanText/scanParts out. No Node built-ins, no globals. */
import type { Dictionary } from '../dictionary/codec.ts';
import type { Finding, MessagePart, ScanOptions, ScanResult } from '../types.ts';
import { decide, withWording, type Decision } from './decide.ts';
import type { Hit } from './hit.ts';
import { isSubject, scanPart } from './scan-part.ts';
import { tokenize } from './tokenizer.ts';
import { WordingFeatures } from './wording.ts';
import { fuzzyHealth } from './fuzzy.ts';
import { resolveOverlaps } from './hit.ts';
import { htmlToText } from '../extract/html-to-text.ts';
import { CAREER_FILE } from './file-names.ts';

export interface Detector {
  scanText(text: string, opts?: ScanOptions): ScanResult;
  scanParts(parts: MessagePart[]): ScanResult;
  /** The wording model's features of a message (distinct signed buckets of `bits` bits, wording.ts), as scanParts reads them: for training. */
  wordingFeatures(parts: MessagePart[], bits: number): { features: Int32Array; words: number };
  /** The two signals scanParts blends: the recognizers' decision and the wording model's probability (null without a model). */
  signals(parts: MessagePart[]): Signals;
}

/** What scanParts weighs: the recognizers' decision, and the wording model's probability with the number of distinct words it read. */
export interface Signals { recognizers: Decision; wording: { probability: number; features: number } | null; findings: Finding[] }

export function createDetector(dict: Dictionary): Detector {
  const wording = dict.wording ? new WordingFeatures(dict.wording.bits, dict.wording) : undefined;
  const signals = (parts: MessagePart[]): Signals => {
    const all = readableParts(parts);
    wording?.reset();
    const scans = all.map((p) => scanPart(dict, p.where, p.text ?? '', wording));
    let d = decide(scans);
    // Second pass for misspelled conditions and drugs, only where a person is named and nothing decided.
    if (!d.containsPhi && scans.some((s) => s.hits.some(namesSomeone))) {
      // Read near the people named (a subject's person may be discussed anywhere: read the body's start too).
      const people: number[] = [];
      for (const s of scans) for (const h of s.hits) if (namesSomeone(h) && !s.where.endsWith('subject')) people.push(h.start);
      const subjectPerson = scans.some((s) => s.where.endsWith('subject') && s.hits.some(namesSomeone));
      let added = false;
      for (let i = 0; i < all.length; i++) {
        const at = scans[i].hits.filter(namesSomeone).map((h) => h.start);
        if (subjectPerson && !all[i].where.endsWith('subject')) at.push(0);
        if (all[i].where.endsWith('subject') && at.length === 0 && people.length > 0) at.push(0);
        if (at.length === 0) continue;
        const extra = fuzzyHealth(dict, all[i].where, all[i].text ?? '', at);
        if (extra.length === 0) continue;
        scans[i].hits = resolveOverlaps([...scans[i].hits, ...extra]);
        added = true;
      }
      if (added) d = decide(scans);
    }
    const findings: Finding[] = [];
    for (const s of scans) for (const h of s.hits) findings.push(toFinding(h, d.promoted.has(h)));
    const read = wording && dict.wording ? { probability: wording.probability(dict.wording), features: wording.words } : null;
    wording?.reset();
    return { recognizers: d, wording: read, findings };
  };
  const scanParts = (parts: MessagePart[]): ScanResult => {
    const { recognizers, wording: read, findings } = signals(parts);
    const d = read === null ? recognizers : withWording(recognizers, read.probability, read.features);
    return { containsPhi: d.containsPhi, score: d.score, findings, decision: d.reasons };
  };
  return {
    scanParts,
    signals,
    scanText: (text, opts) => scanParts([{ where: opts?.where ?? 'body', text }]),
    wordingFeatures(parts, bits) {
      const features = new WordingFeatures(bits);
      for (const p of readableParts(parts)) features.addPart(p.text ?? '', tokenize(p.text ?? '', dict.firstTokenTable), isSubject(p.where));
      return { features: features.features(), words: features.words };
    },
  };
}

/**
 * The parts read, as text: the attachments' names added, a CV or a cover letter left out (a career, no one's care).
 * Narrower than names.ts NOT_A_RECORD_FILE, which also keeps licences and badge photos from naming a patient: their
 * text may still be someone's identity document, so only a career document's text is dropped.
 */
function readableParts(parts: MessagePart[]): MessagePart[] {
  return withFileNames(parts).filter((p) => !(p.where.startsWith('attachment:') && CAREER_FILE.test(p.where.slice(11)))).map(asText);
}

/**
 * A part named "html" that still holds markup (a caller passed the raw HTML body): read it as the text
 * the gateway's MIME reader would have made of it, so table rows stay rows and tags are not words.
 */
function asText(p: MessagePart): MessagePart {
  if (p.where.endsWith('.ics') || p.where.endsWith('.vcf')) return unescapeCalendar(p);
  const htmlPart = p.where === 'html' || p.where.endsWith(':html') || p.where.endsWith('.html') || p.where.endsWith('.htm');
  // A body handed over as a whole HTML document ("<html><body>…") is read as the page it shows.
  const bodyPart = p.where === 'body' || p.where.endsWith(':body');
  if (!htmlPart && !bodyPart) return p;
  const t = p.text ?? '';
  let i = 0;
  while (i < t.length && t.charCodeAt(i) <= 32) i++;
  if (t.charCodeAt(i) !== 60 /* < */ || !(htmlPart ? /^<(?:!doctype|html|body|head|div|p|table|meta)\b/i : /^<(?:!doctype|html)\b/i).test(t.slice(i, i + 12))) return p;
  return { where: p.where, text: htmlToText(t) };
}

/**
 * iCalendar and vCard text escape "," ";" and newlines with a backslash (RFC 5545 3.3.11, RFC 6350):
 * "SUMMARY:Reyes\, Luis". Swap each escape for the character and a space, so offsets stay those of the
 * part and "Reyes, Luis" reads as written.
 */
function unescapeCalendar(p: MessagePart): MessagePart {
  const t = p.text ?? '';
  if (!t.includes('\\')) return p;
  return { where: p.where, text: t.replace(/\\([,;nN\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? ' \n' : `${c} `)) };
}

function namesSomeone(h: Hit): boolean {
  return (h.type === 'PATIENT_NAME' || h.role === 'strong' || h.role === 'high-risk') && !h.reasons.includes('placeholder');
}

function toFinding(h: Hit, promoted: boolean): Finding {
  const reasons = h.inSignature ? [...h.reasons, 'in-signature'] : h.reasons;
  return { type: h.type, confidence: promoted && h.confidence === 'low' ? 'medium' : h.confidence, where: h.where, start: h.start, end: h.end, reasons, explain: h.explain };
}

/**
 * An attachment's file name can carry PHI on its own ("wound_photo_<surname>_0516.jpg"). Parts named
 * "attachment:<file>" whose file name no "attachment-name" part lists get one, so the name is scanned
 * whoever built the parts (the gateway's MIME reader lists names itself).
 */
function withFileNames(parts: MessagePart[]): MessagePart[] {
  let listed: string | null = null;
  let extra: MessagePart[] | null = null;
  for (const p of parts) {
    const i = p.where.indexOf('attachment:');
    if (i < 0) continue;
    const name = p.where.slice(i + 11);
    if (!name) continue;
    listed ??= parts.filter((q) => q.where.endsWith('attachment-name')).map((q) => q.text ?? '').join('\n');
    if (listed.includes(name)) continue;
    (extra ??= []).push({ where: `${p.where.slice(0, i)}attachment-name`, text: name });
  }
  return extra ? [...parts, ...extra] : parts;
}
