import { describe, expect, it } from 'vitest';
import { scanParts, scanText, type ScanResult } from '../../phi/index.ts';

const types = (r: ScanResult): string[] => r.findings.filter((f) => f.confidence !== 'low').map((f) => f.type);

describe('tables read by their header row (after blind set 6)', () => {
  it('reads quoted CSV cells holding the delimiter, with a qualified diagnosis column', () => {
    const csv = '"Resident","Chart #","Birth Date","Primary Dx"\n"Lindqvist, Maren","RX-771203","1940-02-17","Parkinson disease"\n"Obi, Chidera","RX-771288","1952-09-30","CHF"';
    const r = scanParts([{ where: 'body', text: 'List attached.' }, { where: 'attachment:list.csv', text: csv }]);
    expect(r.containsPhi).toBe(true);
    expect(types(r)).toEqual(expect.arrayContaining(['PATIENT_NAME', 'DIAGNOSIS']));
  });
  it('reads an HTML results table (rows separated by blank lines) by its lab columns', () => {
    const html = '<html><body><p>Trend for Ilsabet Marrow-Kinsey before the visit:</p><table><tr><td>Date</td><td>Creatinine</td><td>Potassium</td></tr><tr><td>2024-01-10</td><td>1.9</td><td>5.6</td></tr></table></body></html>';
    const r = scanParts([{ where: 'html', text: html }]);
    expect(r.containsPhi).toBe(true);
    expect(types(r)).toEqual(expect.arrayContaining(['LAB_RESULT', 'PATIENT_NAME']));
  });
  it('keeps a staff roster and an aggregate count table not PHI', () => {
    const roster = 'Name,Role,Shift,Extension\nTorvald Brennick,Charge RN,Day,4412\nYusra Okonkwo-Lee,Unit clerk,Evening,4415';
    expect(scanParts([{ where: 'body', text: 'Roster for next week.' }, { where: 'attachment:roster.csv', text: roster }]).containsPhi).toBe(false);
    const counts = 'Dx code\tPatients\nE11.9\t212\nI10\t340';
    expect(scanParts([{ where: 'body', text: 'Quarterly counts.' }, { where: 'attachment:counts.tsv', text: counts }]).containsPhi).toBe(false);
  });
});

describe('person-shaped names without a dictionary (after blind set 6)', () => {
  it('counts a name followed by a patient verb in a sentence with clinical content', () => {
    expect(scanText('Oluwaseun Brightwater was seen today for cellulitis of the left leg and started on cephalexin.').containsPhi).toBe(true);
    expect(scanText('Please send the MRI report for Kestrel Oyelaran-Voss, seen at your Elm Street office last week.').containsPhi).toBe(true);
    expect(scanText('Teodor Waszkiewicz (617-555-0182) called at 9:10 with shortness of breath since last night.').containsPhi).toBe(true);
  });
  it('reads hyphenated and family-name-first names before clinical content', () => {
    expect(scanText('SUMMARY:Min-ji Cho - infliximab 400 mg infusion').containsPhi).toBe(true);
  });
  it('does not count clinicians, events or names with no clinical sentence', () => {
    expect(scanText('Speaker: Marisol Quintanar-Ruiz, MD presented new data on heart failure therapy.').containsPhi).toBe(false);
    expect(scanText('Grand Rounds: Heart failure update\nJoin us Friday in the Birch Room.').containsPhi).toBe(false);
    expect(scanText('Oluwaseun Brightwater was seen at the loading dock by security this morning.').containsPhi).toBe(false);
    expect(scanText('Dr. Anneliese Marchetti was admitted to the medical staff; she treats asthma.').containsPhi).toBe(false);
  });
  it('does not read an acronym programme or an event as a person', () => {
    expect(scanText('SUMMARY:Coach Training - Regional PREVENT (prediabetes)').containsPhi).toBe(false);
  });
});

describe('training material and group greetings (after blind set 6)', () => {
  it('gives no weight to identifiers in material that says they are fake', () => {
    expect(scanText('Workshop handout, all numbers are fictitious:\nSSN 321-54-9876\nMember ID QXZ447120981\nUse them in exercise 2 (diabetes claim).').containsPhi).toBe(false);
    expect(scanText('Claim for diabetes visit: SSN 321-54-9876, Member ID QXZ447120981.').containsPhi).toBe(true);
  });
  it('does not read a greeting to colleagues as a name', () => {
    expect(scanText('Liebe Kolleginnen und Kollegen,\nEinladung zum Vortrag über Diabetes mellitus und Insulin.').containsPhi).toBe(false);
  });
});
