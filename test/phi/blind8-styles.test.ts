/**
 * Capabilities added after blind set 8. Each case has a twin that must go the other way.
 */
import { describe, expect, it } from 'vitest';
import { scanText, type ScanResult } from '../../phi/index.ts';

const named = (r: ScanResult, text: string): string[] => r.findings.filter((f) => f.type === 'PATIENT_NAME' && f.confidence !== 'low').map((f) => text.slice(f.start, f.end));

describe('a visit verb after an unlabelled name', () => {
  it('"<name> came in this morning" with a lab value in the sentence names a patient', () => {
    const text = 'Ingrid Sollenberger came in this morning, A1c up to 9.6 from 8.1. I started metformin 500 mg daily.';
    const r = scanText(text);
    expect(r.containsPhi).toBe(true);
    expect(named(r, text)).toContain('Ingrid Sollenberger');
  });
  it('a clinician who came in, or an order that came in, names no patient', () => {
    for (const text of [
      'Dr. Ingrid Sollenberger came in this morning to talk about A1c targets for the diabetes program.',
      'The Harbor Street order came in this morning, 40 boxes of metformin 500 mg for the pharmacy.',
    ]) {
      const r = scanText(text);
      expect(r.containsPhi).toBe(false);
      expect(named(r, text)).toEqual([]);
    }
  });
});
