import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';

// Readings added in session 12 from blind sets 212-219, read only once they were no longer held back. Made-up
// names and numbers; none taken from a test set. Each case has a twin that must go the other way.
const attached = (file: string) => scanParts([{ where: 'subject', text: 'scanned' }, { where: 'body', text: 'scanned, attached. original to HIM.' }, { where: 'attachment-name', text: file }]);

describe('record numbers in links and file names', () => {
  it('the number after /chart/ in a link is a record number', () => {
    const link = (path: string) => `tracing's up: https://portal.neuro.example/${path}/eeg/review - spikes L temporal`;
    expect(scanText(link('chart/00593017')).findings.map((f) => f.type)).toContain('MRN');
    expect(scanText(link('charts/2024')).findings.map((f) => f.type)).not.toContain('MRN');
  });
  it('a clinical document filed under a chart number ("SC-0042287_ECT_consent_signed.pdf")', () => {
    expect(attached('SC-0051172_ECT_consent_signed_20250612.pdf').containsPhi).toBe(true);
    expect(attached('PD-220914_consent_IV_sedation_signed.pdf').containsPhi).toBe(true);
    // An invoice or a budget filed under its own number is no chart.
    expect(attached('INV-2024118_consent_forms_order.pdf').containsPhi).toBe(false);
    expect(attached('Q3-1234567_budget_review.pdf').containsPhi).toBe(false);
  });
});

describe('a canine tooth', () => {
  const referral = (tooth: string) => `Dear Dr. Lindqvist,\n\nI am referring Caleb Ostrander (DOB 05/19/2011) for exposure of an impacted ${tooth}, palatally positioned per CBCT. The primary canine #C has been extracted.\n\nOwen Mackey, DMD`;
  it('a maxillary canine (#6) is a tooth: the referral is PHI', () => {
    expect(scanText(referral('maxillary right canine (#6)')).containsPhi).toBe(true);
  });
  it('a dog is still an animal', () => {
    expect(scanText('Biscuit, our canine patient, is due for the rabies booster; the canine parvo vaccine too.').containsPhi).toBe(false);
  });
});
