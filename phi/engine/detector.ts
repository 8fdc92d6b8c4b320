/** The engine: a dictionary in, scanText/scanParts out. No Node built-ins, no globals. */
import type { Dictionary } from '../dictionary/codec.ts';
import type { Finding, MessagePart, ScanOptions, ScanResult } from '../types.ts';
import { decide } from './decide.ts';
import type { Hit } from './hit.ts';
import { scanPart } from './scan-part.ts';

export interface Detector {
  scanText(text: string, opts?: ScanOptions): ScanResult;
  scanParts(parts: MessagePart[]): ScanResult;
}

export function createDetector(dict: Dictionary): Detector {
  const scanParts = (parts: MessagePart[]): ScanResult => {
    const scans = parts.map((p) => scanPart(dict, p.where, p.text ?? ''));
    const d = decide(scans);
    const findings: Finding[] = [];
    for (const s of scans) for (const h of s.hits) findings.push(toFinding(h, d.promoted.has(h)));
    return { containsPhi: d.containsPhi, score: d.score, findings, decision: d.reasons };
  };
  return {
    scanParts,
    scanText: (text, opts) => scanParts([{ where: opts?.where ?? 'body', text }]),
  };
}

function toFinding(h: Hit, promoted: boolean): Finding {
  const reasons = h.inSignature ? [...h.reasons, 'in-signature'] : h.reasons;
  return { type: h.type, confidence: promoted && h.confidence === 'low' ? 'medium' : h.confidence, where: h.where, start: h.start, end: h.end, reasons, explain: h.explain };
}
