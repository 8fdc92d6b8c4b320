import { describe, expect, it } from 'vitest';
import { createDetector, dictionary } from '../../phi/index.ts';
import { recognizersFlag, recognizersFlagText } from './recognizers.ts';

const detector = createDetector(dictionary);

// Readings added in session 19 from blind sets 540-555 (540-547 held back through session 18; each batch read once scored). Made-up names and
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

describe('templates, rotas and other languages, sets 548-555', () => {
  it('two different fields in brackets make a template that identifies nobody; a mail system\'s tag is no field', () => {
    const nobody = (text: string) => detector.signals([{ where: 'subject', text: '[EXTERNAL] Plantilla: recordatorio de cita' }, { where: 'body', text }]).recognizers.nobody;
    expect(nobody('Estimado/a [NOMBRE DEL PACIENTE]: le recordamos su cita el [FECHA] a las [HORA] para su control de warfarina.')).toBe('made-up');
    expect(nobody('Estimada Sra. Olga Ferrer: le recordamos su cita el 14 de mayo a las 9:00 para su control de warfarina.')).toBeNull();
  });
  it('names on a line that opens with a weekday are the day\'s staff', () => {
    const rota = (day: string) => recognizersFlagText(`${day} Clinic: Okafor, Reyes | Wound clinic: Ortega RN\nCath lab: Morrow`);
    expect(rota('Thu |')).toBe(false);
    expect(rota('Bed 4 |')).toBe(true);
  });
  it('"je" is "is" in Serbian, Croatian or Czech text, not French "I"', () => {
    const signed = (line: string) => recognizersFlagText(`Kolege,\n\n${line}\n\nPozdrav,\nIvana`);
    expect(signed('sastanak tima je u četvrtak u 13h: nabavka metadona za jul.')).toBe(false);
    expect(signed('je prends de la metadona depuis mars, 60 mg.')).toBe(true);
  });
  it('a draft that says it holds no patient data names staff and roles only', () => {
    const mou = (note: string) => recognizersFlagText(`Judge Alvarado, Ms. Pruitt,\n\nAttached is the revised draft. Medication decisions (methadone or buprenorphine dose) remain clinical.\n\n${note}`);
    expect(mou('This draft contains no patient data. Comments by June 14, please.')).toBe(false);
    expect(mou('Comments by June 14, please.')).toBe(true);
  });
  it('bariatric procedures and their complications are health content', () => {
    expect(recognizersFlagText('Frances Doyle had her gastric band removed on 03/27/2025.')).toBe(true);
    expect(recognizersFlagText('Frances Doyle had her rubber band collection removed on 03/27/2025.')).toBe(false);
    expect(recognizersFlagText('The band was taken out of Omar Reyes on 04/02 for band erosion.')).toBe(true);
  });
});

describe('vocabulary and new colleagues, sets 556-563', () => {
  it('cholinesterase results (English, Spanish) are lab results', () => {
    expect(recognizersFlagText('Resultados: Carmen Ibarra, colinesterasa eritrocitaria 32 % del valor normal, fecha de toma 12/08/2024.')).toBe(true);
    expect(recognizersFlagText('Resultados: Carmen Ibarra, encuesta de satisfacción 32 % del valor normal, fecha 12/08/2024.')).toBe(false);
  });
  it('an echo report named with a date of birth is a patient\'s record', () => {
    const file = (name: string) => recognizersFlag([{ where: 'subject', text: 'for your review' }, { where: 'body', text: 'see attached, thanks' }, { where: 'attachment-name', text: name }]);
    expect(file('Echo_Report_DOB2019-04-11_final.pdf')).toBe(true);
    expect(file('Budget_Report_FY2019-04-11_final.pdf')).toBe(false);
  });
  it('a colleague introduced with the post they take up is staff', () => {
    const welcome = (post: string) => recognizersFlagText(`Please welcome Renata Navarro, ${post}, who joins us from the cardiology unit.`);
    expect(welcome('our new infusion nurse manager')).toBe(false);
    expect(welcome('our infusion patient since March')).toBe(true);
  });
});

describe('training systems and Bengali names, sets 564-570 and 549', () => {
  it('a Bengali name after "your child" is closed by the genitive on its second word', () => {
    expect(recognizersFlagText('আপনার সন্তান আরিয়ান হোসেনের জ্বর হয়েছে।')).toBe(true);
    expect(recognizersFlagText('আপনার সন্তান আরিয়ান হোসেন জ্বর হয়েছে')).toBe(false);
  });
  it('a record kept in a training ("TRAIN") environment is nobody\'s', () => {
    const record = (where: string) => recognizersFlagText(`For Tuesday's registration class, use this record ${where}:\n\nName: Marlowe, Dina\nMRN: TRN004417\nPayer: Medicare`);
    expect(record('in the TRAIN environment')).toBe(false);
    expect(record('in the live system')).toBe(true);
  });
});
