import { describe, expect, it } from 'vitest';
import { scanText } from '../../phi/index.ts';
import { recognizersFlagText } from './recognizers.ts';

// Readings added in session 17 from blind sets 420-427, read only once they were no longer held back. Made-up
// names; none taken from a test set. Each case has a twin that must go the other way.

describe('whose health, sets 420-427', () => {
  it('an "I" in the next sentence does not make the health before it the writer\'s own', () => {
    const signed = (text: string) => recognizersFlagText(`${text}\n– Aisha`);
    expect(signed('Do we swab toddlers for strep when a parent calls about fever and sore throat? I could not find it in the binder.')).toBe(false);
    expect(signed('Do we swab toddlers for strep when a parent calls about fever? I have had a sore throat since Monday and could not find it in the binder.')).toBe(true);
    expect(signed('Please book a video visit for symptom management instead. I will add it to the FAQ.')).toBe(false);
    expect(signed('Booked a video visit for the rash on Monday, I will add the photos tonight.')).toBe(true);
  });
});

// Sets 428-435, read once they were no longer held back.
describe('payments, sets 428-435', () => {
  it('an account number on a remittance line is a company\'s, not a patient\'s account', () => {
    const invoice = (rows: string, remit: string) => recognizersFlagText(`Please find your invoice below. Payment terms net 30.\n\n${rows}\n\n${remit}`);
    const supplies = 'Qty  Item                         Unit     Total\n50   Propofol 1% 20 mL vial       $4.10    $205.00\n20   Rocuronium 50 mg/5 mL        $8.75    $175.00';
    expect(invoice(supplies, 'Remit by ACH: routing 021000021, account 4400918273 (Harbor Medical Supply LLC)')).toBe(false);
    const visit = 'Ondansetron 4 mg ODT given in clinic for your vomiting   $18.00\nKetorolac 30 mg/mL injection   $22.00';
    expect(invoice(visit, 'The overpayment will be refunded by ACH: routing 021000021, account 4400918273.')).toBe(true);
  });
});

describe('member and policy numbers, sets 428-435', () => {
  const planIds = (text: string) => scanText(text).findings.filter((f) => f.type === 'HEALTH_PLAN_ID' && f.confidence !== 'low').map((f) => text.slice(f.start, f.end));
  it('"member ID on file is …" and "on the new card is …" name the number after them, a weak label does not', () => {
    expect(planIds('Member ID on file is UHX902211458. Can you appeal the CT denial?')).toEqual(['UHX902211458']);
    expect(planIds('Please update the guarantor: the member ID on the new card is NSH8830127745.')).toEqual(['NSH8830127745']);
    expect(planIds('Our firewall policy on file is FW-2024-0117 and the member portal is down.')).toEqual([]);
  });
  it('Spanish "número de miembro" and "póliza" before an insurer\'s number', () => {
    expect(planIds('Se aprueba la autorización para la afiliada Reina Castañeda Mora, número de miembro SNM660184327.')).toEqual(['SNM660184327']);
    expect(planIds('Asegurado Esteban Quiroga Lema, póliza MTA-POL-4410-27786, ingresado el 09/05/2025 con colecistitis.')).toEqual(['MTA-POL-4410-27786']);
    expect(planIds('La política de contraseñas, póliza interna TI-2024, vence en marzo.')).toEqual([]);
  });
});
