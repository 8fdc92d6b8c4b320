import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';

// Readings added in session 26 from blind sets 841-848 (held back through session 25, then read). Made-up names and
// numbers; none taken from a test set. Each case has a twin that must go the other way.

const flags = (subject: string, body: string): boolean => scanParts([{ where: 'subject', text: subject }, { where: 'body', text: body }]).containsPhi;
const found = (text: string, type: string): string[] => {
  const r = scanText(text);
  return r.findings.filter((f) => f.type === type).map((f) => text.slice(f.start, f.end));
};

describe('whose finding it is, sets 841-848', () => {
  it('"positivo para" before a condition is a test\'s finding, the person\'s in the sentence', () => {
    expect(scanText('Hoy no podemos ver a la Sra. Pilar Ocampo en la sala común porque resultó positiva para tuberculosis.').containsPhi).toBe(true);
  });
  it('the same finding told of no one stays education', () => {
    expect(scanText('Quien resulte positivo para tuberculosis no debe esperar en la sala común; pida una mascarilla en recepción.').containsPhi).toBe(false);
  });
  it('Polish "Pani", "Pana" before a surname name a person, with the codes for her chart', () => {
    expect(found('Proszę dopisać do karty Pani Wiśniewskiej kody E11.9 i K21.0 z wczorajszej wizyty.', 'PATIENT_NAME')).toEqual(['Pani Wiśniewskiej']);
    expect(scanText('Proszę dopisać do karty Pana Zielińskiego kody E11.9 i K21.0 z wczorajszej wizyty.').containsPhi).toBe(true);
  });
  it('"Pani" before a lower-case title names no one', () => {
    expect(found('Pani doktor prosi o listę kodów E11.9 i K21.0 na szkolenie.', 'PATIENT_NAME')).toEqual([]);
  });
});

describe('a share link named like the file it serves, sets 841-848', () => {
  it('a surname and a given name in the link\'s file name, with a condition there, are that person\'s record', () => {
    expect(flags('x-rays', 'Uploaded for the Thursday review:\nhttps://files.example.org/cases/Moreno_Lucia_overbite_pano.pdf')).toBe(true);
  });
  it('the same name on a budget deck is no one\'s record', () => {
    expect(flags('deck', 'Slides for Thursday:\nhttps://files.example.org/team/Moreno_Lucia_budget_2026.pptx')).toBe(false);
  });
});

describe('numbers and people that are no patient\'s, sets 841-848', () => {
  it('a marketplace plan\'s HIOS number after "Plan ID" names the product, not a member', () => {
    expect(found('Your employer renewed the Cascade Bronze plan for 2026. Plan ID: 12345OR0060021. Premiums are attached.', 'HEALTH_PLAN_ID')).toEqual([]);
  });
  it('a member\'s number after "Member ID" still counts', () => {
    expect(found('Coverage check for the visit. Member ID: W20445817', 'HEALTH_PLAN_ID').length).toBe(1);
  });
  it('a character in a screenplay its writer calls entirely invented is no patient', () => {
    expect(flags('scene notes', 'Could you check this screenplay scene? DANA (34) hears the oncologist say her lymphoma is stage III and that chemo starts Monday. Dana is entirely invented; we want it to ring true.')).toBe(false);
  });
  it('the same news told of a real person is hers', () => {
    expect(flags('update', 'Dana Whitlock heard from the oncologist today that her lymphoma is stage III; chemo starts Monday.')).toBe(true);
  });
  it('someone who died of a disease before 1900 is history, not a patient', () => {
    expect(flags('newsletter', 'For the history corner: Josiah Pembrook, the town\'s first pharmacist, died of cholera in 1849 after nursing his neighbours through the outbreak.')).toBe(false);
  });
  it('a life span that ended before 1950 is history too', () => {
    expect(scanText('Lunch talk: Edith Carrow (1851–1902), the county\'s first district nurse, had tuberculosis and kept working through it.').containsPhi).toBe(false);
    expect(scanText('Edith Carrow, 71, has tuberculosis and was admitted overnight.').containsPhi).toBe(true);
  });
  it('the same disease this year is a patient\'s', () => {
    expect(flags('admission', 'Josiah Pembrook was admitted with cholera this week after travel; he is on IV fluids and doing better.')).toBe(true);
  });
  it('a quantifier opening a capitalised run names a group, not a person', () => {
    const faq = 'Several MROs asked about this, so here is the short answer:\nA dilute result with creatinine 2-5 mg/dL needs a directly observed recollection.';
    expect(found(faq, 'PATIENT_NAME')).toEqual([]);
    expect(found(faq.replace('Several MROs', 'Eli Brandt'), 'PATIENT_NAME')).toEqual(['Eli Brandt']);
  });
  it('an athlete\'s illness shared on his own channels is public, not a patient\'s', () => {
    expect(flags('newsletter idea', 'Marathon runner Joaquin Reyes shared on his own channels that he has had ulcerative colitis since college and takes mesalamine. Could we quote him in the clinic newsletter?')).toBe(false);
    expect(flags('visit', 'Joaquin Reyes told us at his visit that he has had ulcerative colitis since college and takes mesalamine.')).toBe(true);
  });
});
