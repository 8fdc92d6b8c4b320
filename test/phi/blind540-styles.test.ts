import { describe, expect, it } from 'vitest';
import { recognizersFlag, recognizersFlagText } from './recognizers.ts';

// Readings added in session 19 from blind sets 540-547 (held back through session 18, then read). Made-up names and
// numbers; none taken from a test set. Each case has a twin that must go the other way.

describe('lists of staff and stock, sets 540-547', () => {
  const csv = (header: string, rows: string[]) =>
    recognizersFlag([
      { where: 'subject', text: 'list attached' },
      { where: 'body', text: 'See the attached file.' },
      { where: 'attachment:list.csv', text: [header, ...rows].join('\n') },
    ]);
  it('a team list (a job column, contacts and nothing clinical) names staff', () => {
    const rows = ['Noor Haddad,Apheresis Operator,nhaddad@example.org,(608) 555-0131', 'Owen Pratt,Phlebotomist,opratt@example.org,(608) 555-0132'];
    expect(csv('name,role,email,phone', rows)).toBe(false);
    // The same people with a screening result beside them are employee-health patients.
    expect(csv('name,role,email,phone,last_result', rows.map((r, i) => `${r},${i ? 'QFT negative' : 'QFT positive'}`))).toBe(true);
  });
  it('a stock list (quantity, lot, expiry) names suppliers and donors, not patients', () => {
    const rows = ['lisinopril,10 mg,900,LS55021,2026-03-31,Harbor Relief', 'metformin,500 mg,1200,MF55102,2026-05-31,Cedar Aid'];
    expect(csv('drug,strength,qty,lot,exp,donor', rows)).toBe(false);
    expect(csv('drug,strength,dispensed,refills,date,patient', rows)).toBe(true);
  });
});

describe('organisations, not people, sets 540-547', () => {
  it('a cardholder closed by a legal form is a company, and a company card named a sentence away pays for goods', () => {
    const card = (intro: string, holder: string) =>
      recognizersFlagText(`${intro} Please give them:\n\nVisa 4539 5780 1234 5674, exp 09/28\nCardholder: ${holder}\n\nThanks, Dana`);
    expect(card('The vendor needs our updated corporate card since the old one expired.', 'Brookline Orthodontics & Oral Surgery LLC')).toBe(false);
    expect(card('The patient called about her oral surgery balance.', 'Marisa Okonjo')).toBe(true);
  });
  it('a drug maker\'s contact card is its representative\'s, whatever its note says of drugs', () => {
    const vcard = (org: string) =>
      recognizersFlag([
        { where: 'body', text: 'Contact card attached.' },
        { where: 'attachment:contact.vcf', text: `BEGIN:VCARD\nVERSION:3.0\nFN:Talia Brennan\nORG:${org}\nTEL:(614) 555-0142\nNOTE:Insulin glargine since 2019; type 1 diabetes.\nEND:VCARD` },
      ]);
    expect(vcard('Norwell Pharma - Patient Assistance')).toBe(false);
    expect(vcard('Brennan Roofing')).toBe(true);
  });
});

describe('nobody\'s data and forms about one person, sets 540-547', () => {
  it('numbers keyed in a staging database with no production data are test data', () => {
    const qa = (note: string) => recognizersFlagText(`Patient registration screen, SSN field:\n- 412-68-3097 → accepted\n\n${note}`);
    expect(qa('Entered in the staging database; no production data was used.')).toBe(false);
    expect(qa('Entered for the patient seen in clinic on Tuesday.')).toBe(true);
  });
  it('a form\'s injury or illness field holds one person\'s condition', () => {
    const form = (label: string) => recognizersFlagText(`CASE DETAIL\nEmployee name: Tomas Ilves\nJob title: Forklift Operator\n${label}: lumbar strain, lifting pallets`);
    expect(form('Describe injury or illness')).toBe(true);
    expect(form('Training topic')).toBe(false);
  });
  it('a Chinese member-number label opens a member ID', () => {
    expect(recognizersFlagText('会员号码：BFH604211873，医生开了 Eliquis 5mg')).toBe(true);
    expect(recognizersFlagText('订单号码：BFH604211873，医生开了 Eliquis 5mg')).toBe(false);
  });
});
