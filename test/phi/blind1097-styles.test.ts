import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';
import { recognizersFlag } from './recognizers.ts';

// Readings added in session 30 from blind sets 1097-1104 (held back through session 29, then read) and the sets
// written after them. Made-up names and numbers; none taken from a test set. Each case has a twin that must go the
// other way.

const parts = (subject: string, body: string) => [{ where: 'subject', text: subject }, { where: 'body', text: body }];
const found = (text: string, type: string): string[] => {
  const r = scanText(text);
  return r.findings.filter((f) => f.type === type && f.confidence !== 'low').map((f) => text.slice(f.start, f.end));
};

describe('the writer\'s own details and their signature, sets 1097-1104', () => {
  it('a department in the signature is no health content of its own (an address change sent to payroll)', () => {
    const body = 'Hi Marta,\n\nI moved over the weekend. Please update my file:\nNew home address: 4410 SE Tillman Ave, Portland, OR 97206\nCell: 503-555-0163\n\nThanks!\n\nOwen Falkner, LCSW\nHospice Social Work';
    expect(recognizersFlag(parts('Address change for payroll', body))).toBe(false);
  });
  it('the same address beside a patient\'s hospice admission is the patient\'s', () => {
    const body = 'Hi Marta,\n\nNew hospice admission today: lung cancer, comfort care only.\nHome address: 4410 SE Tillman Ave, Portland, OR 97206\nCell: 503-555-0163\n\nThanks!\n\nOwen Falkner, LCSW\nHospice Social Work';
    expect(recognizersFlag(parts('New admission', body))).toBe(true);
  });
});
