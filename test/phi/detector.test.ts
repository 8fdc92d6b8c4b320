import { describe, expect, it } from 'vitest';
import { dictionary, htmlToText, PHI_TYPES, scanParts, scanText, type Finding, type ScanResult } from '../../phi/index.ts';

const types = (r: ScanResult): string[] => r.findings.filter((f) => f.confidence !== 'low').map((f) => f.type);
const find = (r: ScanResult, type: string): Finding | undefined => r.findings.find((f) => f.type === type);

describe('API shape', () => {
  it('returns containsPhi, score and findings with positions, reasons and explanations', () => {
    const text = 'Patient: Rosa Alvarez\nDOB: 03/04/1955\nMRN: 4471902\nA1c 9.4%, on metformin 500 mg.';
    const r = scanText(text);
    expect(r.containsPhi).toBe(true);
    expect(r.score).toBeGreaterThanOrEqual(0.5);
    for (const f of r.findings) {
      expect(PHI_TYPES).toContain(f.type);
      expect(['high', 'medium', 'low']).toContain(f.confidence);
      expect(f.where).toBe('body');
      expect(f.end).toBeGreaterThan(f.start);
      expect(f.reasons.length).toBeGreaterThan(0);
      expect(f.explain.length).toBeGreaterThan(0);
    }
    const dob = find(r, 'DOB')!;
    expect(text.slice(dob.start, dob.end)).toBe('03/04/1955');
    expect(dob.explain).toContain("'DOB'");
    expect(dob.reasons).toContain('label:dob');
    const med = find(r, 'MEDICATION')!;
    expect(text.slice(med.start, med.end)).toBe('metformin 500 mg');
    expect(med.explain).toContain("'metformin' is a medication");
    expect(text.slice(find(r, 'MRN')!.start, find(r, 'MRN')!.end)).toBe('4471902');
  });

  it('scores non-PHI below 0.5 and names the part of each finding', () => {
    const r = scanParts([{ where: 'subject', text: 'Lunch on Friday?' }, { where: 'body', text: 'Tacos at noon.' }]);
    expect(r.containsPhi).toBe(false);
    expect(r.score).toBeLessThan(0.5);
    const p = scanParts([{ where: 'subject', text: 'MRN 00123456' }, { where: 'attachment:a.csv', text: 'dob,name\n1961-04-12,Ann Lee\n' }]);
    expect(new Set(p.findings.map((f) => f.where))).toEqual(new Set(['subject', 'attachment:a.csv']));
  });
});

describe('identifiers', () => {
  it('SSN: formatted accepted, example and invalid numbers rejected', () => {
    expect(types(scanText('SSN 219-45-6789'))).toContain('SSN');
    expect(types(scanText('SSN: 219456789'))).toContain('SSN');
    expect(types(scanText('SSN 078-05-1120'))).not.toContain('SSN');
    expect(types(scanText('SSN 666-45-6789'))).not.toContain('SSN');
    expect(types(scanText('call 219456789 today'))).not.toContain('SSN'); // unformatted needs a label
  });
  it('NPI and DEA are provider identifiers: found, but not PHI on their own', () => {
    const r = scanText('Dr. Park, NPI 1234567893, DEA AB1234563, will cover clinic on Friday.');
    expect(types(r)).toEqual(expect.arrayContaining(['NPI', 'DEA']));
    expect(r.containsPhi).toBe(false);
    expect(types(scanText('NPI 1234567890'))).not.toContain('NPI');
  });
  it('MBI, member IDs and MRN by their labels', () => {
    expect(types(scanText('Medicare MBI 7TN2-WX4-RP63'))).toContain('MBI');
    expect(types(scanText('Member ID: W123456789'))).toContain('HEALTH_PLAN_ID');
    expect(types(scanText('Subscriber ID XJH123456789'))).toContain('HEALTH_PLAN_ID');
    expect(types(scanText('Med Rec # 3310945'))).toContain('MRN');
    expect(types(scanText('Policy #: 8810023345'))).toContain('HEALTH_PLAN_ID');
  });
  it('credit cards need Luhn and a brand; routing numbers their checksum', () => {
    expect(types(scanText('card 4539 5787 6362 1486'))).toContain('CREDIT_CARD');
    expect(types(scanText('card 4539 5787 6362 1487'))).not.toContain('CREDIT_CARD');
    expect(types(scanText('routing number 021000021'))).toContain('BANK_ACCOUNT');
    expect(types(scanText('routing number 021000022'))).not.toContain('BANK_ACCOUNT');
  });
  it('contact identifiers: phone, email, IP, address', () => {
    const r = scanText('Reach her at (312) 555-0187 or ann.lee@example.com; lives at 45 Oak Street; host 10.2.3.4');
    expect(types(r)).toEqual(expect.arrayContaining(['PHONE', 'EMAIL_ADDRESS', 'ADDRESS', 'IP_ADDRESS']));
  });
  it('dates of birth with labels and in words, in four languages', () => {
    for (const t of ['DOB 04/12/1961', 'born March 14, 1961', 'fecha de nacimiento: 14 de marzo de 1961', 'née le 14 mars 1961', 'Geburtsdatum 14.03.1961', 'geboren am 14. März 1961']) {
      expect(types(scanText(t)), t).toContain('DOB');
    }
    expect(types(scanText('born in 1961'))).not.toContain('DOB');
  });
  it('device identifiers by label', () => {
    expect(types(scanText('Pacemaker serial number: PJN4411872'))).toContain('DEVICE_ID');
  });
});

describe('health content', () => {
  it('validates ICD-10-CM codes against the FY2026 table, including QA0', () => {
    expect(dictionary.icd.isValid('E119')).toBe(true);
    expect(dictionary.icd.isValid('E11')).toBe(true);
    expect(dictionary.icd.isValid('E113')).toBe(true); // header, written truncated in notes
    expect(dictionary.icd.isValid('QA00101')).toBe(true);
    expect(dictionary.icd.isValid('E1199')).toBe(false);
    expect(dictionary.icd.isValid('U99')).toBe(false);
    expect(types(scanText('Dx: QA0.0101'))).toContain('ICD10'); // QA00101, dotted as written in notes
    expect(types(scanText('Dx: QA0.9'))).not.toContain('ICD10'); // no such code
    expect(types(scanText('Dx: QA0.0'))).toContain('ICD10');
    expect(types(scanText('Dx E11.99'))).not.toContain('ICD10');
    expect(types(scanText('Dx: F32.A'))).toContain('ICD10');
  });
  it('does not read product codes and versions as ICD codes', () => {
    expect(types(scanText('replacement part for model E11, firmware v2.1'))).not.toContain('ICD10');
  });
  it('knows medications including the RxNorm "a" gap, brands and Spanish/French spellings', () => {
    for (const drug of ['Lipitor', 'apixaban', 'Eliquis', 'alprazolam', 'Humira', 'metformina', 'metformine', 'Ozempic']) {
      expect(types(scanText(`started ${drug} last week`)), drug).toContain('MEDICATION');
    }
    expect(find(scanText('metformin 1000 mg twice daily'), 'MEDICATION')!.confidence).toBe('high');
  });
  it('lab results need a value; targets are not results', () => {
    expect(types(scanText('A1c 8.2%'))).toContain('LAB_RESULT');
    expect(types(scanText('eGFR 45'))).toContain('LAB_RESULT');
    expect(types(scanText('viral load undetectable'))).toContain('LAB_RESULT');
    expect(types(scanText('keep your A1c < 7%'))).not.toContain('LAB_RESULT');
  });
  it('diagnoses in English, Spanish, French and German', () => {
    for (const t of ['history of congestive heart failure', 'diagnóstico: hipertensión', 'diagnostic : insuffisance cardiaque', 'Diagnose: Herzinsuffizienz']) {
      expect(types(scanText(t)), t).toContain('DIAGNOSIS');
    }
  });
});

describe('message decision', () => {
  it('patient identifier with health content is PHI', () => {
    expect(scanText('Pt: Jerome Baptiste, troponin 0.42, started heparin.').containsPhi).toBe(true);
    expect(scanText('Mrs. Gonzalez is 32 weeks pregnant with gestational diabetes.').containsPhi).toBe(true);
  });
  it('high-risk identifier alone in a healthcare context is PHI', () => {
    expect(scanText('Please merge MRN 00123456 into the other chart.').containsPhi).toBe(true);
    expect(scanText('For the hospital claim: SSN 219-45-6789.').containsPhi).toBe(true);
  });
  it('Purview-style: SSN or DEA with an ICD-10 code', () => {
    expect(scanText('219-45-6789 E11.9').containsPhi).toBe(true);
    expect(scanText('Prescriber DEA AB1234563, dx F33.1').containsPhi).toBe(true);
  });
  it('provider signature with NPI/DEA and clinic phone is not PHI', () => {
    const r = scanText('Staff meeting moved to 3 pm.\n\nThanks,\nDr. Alice Wong, MD\nLakeside Clinic\nPhone (555) 234-5678\nNPI 1234567893\nDEA AB1234563');
    expect(r.containsPhi).toBe(false);
    expect(r.findings.find((f) => f.type === 'NPI')!.reasons).toContain('in-signature');
  });
  it('a patient signing a message about their own health is PHI', () => {
    const r = scanText('Hello,\nI have been taking lisinopril 10 mg and my blood pressure is 150/95.\n\nThanks,\nMaria Lopez');
    expect(r.containsPhi).toBe(true);
    expect(r.decision.join(' ')).toContain('patient signs');
  });
  it('generic education, aggregate statistics and invoices are not PHI', () => {
    expect(scanText('Diabetes affects 1 in 10 adults. Metformin is a common first treatment. Call (555) 234-5678 to book.').containsPhi).toBe(false);
    expect(scanText('42 patients with E11.9 this quarter; average A1c 7.9%.').containsPhi).toBe(false);
    expect(scanText('Invoice 4471 for 200 boxes of gloves, account number 889912, tracking 1Z999AA10123456784').containsPhi).toBe(false);
  });
  it('HTML is converted to text, tables become rows', () => {
    const text = htmlToText('<table><tr><th>Patient</th><th>DOB</th></tr><tr><td>Ann Lee</td><td>04/12/1961</td></tr></table><script>var x="DOB 1/1/1960"</script>');
    expect(text).not.toContain('var x');
    const r = scanParts([{ where: 'html', text }]);
    expect(types(r)).toEqual(expect.arrayContaining(['PATIENT_NAME', 'DOB']));
    expect(r.containsPhi).toBe(true);
  });
});

describe('HL7 v2, procedures and weak person cues (after blind set 4)', () => {
  it('reads PID-3 (MRN), PID-5 (name) and PID-7 (DOB) from an HL7 v2 segment', () => {
    const text = 'MSH|^~\\&|LAB|H|EHR|H|202501010800||ORU^R01|1|P|2.3\nPID|1||7712044^^^H^MR||NAKASHIMA^REIKO^T||19511203|F\nOBX|1|NM|K||5.9|mmol/L';
    const r = scanText(text);
    expect(r.containsPhi).toBe(true);
    const slice = (t: string): string => { const f = find(r, t)!; return text.slice(f.start, f.end); };
    expect(slice('MRN')).toBe('7712044');
    expect(slice('PATIENT_NAME')).toBe('NAKASHIMA^REIKO');
    expect(slice('DOB')).toBe('19511203');
  });
  it('an HL7 mapping question with no segment is not PHI', () => {
    expect(scanText('We map PID-3 to the MRN, PID-5 to the patient name and PID-7 to the date of birth in the A08 feed.').containsPhi).toBe(false);
    expect(scanText('Seeing AE acks: MSA|AE|123|Required field missing\nERR|^^^207').containsPhi).toBe(false);
  });
  it('"s/p" and "status post" make a procedure a statement about a person', () => {
    const r = scanText('Seen today: Bertram Olsen, s/p left hip replacement, ambulating with a walker.');
    expect(r.containsPhi).toBe(true);
    expect(r.findings.some((f) => f.type === 'OTHER' && f.confidence === 'high')).toBe(true);
    expect(scanText('Policy: patients status post cardiac surgery need sternal precautions reviewed.').containsPhi).toBe(false);
  });
  it('a given name addressed at the start counts only with health content tied to a person', () => {
    expect(scanText('Wilhelmina, your cardioversion is booked for Monday at 8. Hold your warfarin per the instructions.').containsPhi).toBe(true);
    expect(scanText('Reminder: Wilhelmina, your bone density scan and mammogram are on Friday.').containsPhi).toBe(true);
    expect(scanText('Wilhelmina, can you print the colonoscopy prep handouts for the GI clinic?').containsPhi).toBe(false);
    expect(scanText('Unfortunately, your colonoscopy slot moved to Friday.').findings.some((f) => f.type === 'PATIENT_NAME')).toBe(false);
  });
  it('names in forwarded From:/To: headers are correspondents, not patients', () => {
    const fwd = 'See below.\n\n---------- Forwarded message ---------\nFrom: Quentin Ashdown <qa@example.org>\nSubject: capital\n\nWe will review the new MRI and the endoscopy suite budget.';
    expect(scanText(fwd).containsPhi).toBe(false);
    const own = 'Fwd below\n\n---------- Forwarded message ---------\nFrom: Quentin Ashdown <qa@example.org>\n\nMy migraine is worse and my sumatriptan ran out.';
    expect(scanText(own).containsPhi).toBe(true);
  });
});
