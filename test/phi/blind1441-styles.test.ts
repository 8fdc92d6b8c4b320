import { describe, expect, it } from 'vitest';
import { scanParts } from '../../phi/index.ts';
import { recognizersFlag } from './recognizers.ts';

// Readings added in session 33 from blind sets 1441-1448 (held back through session 32, then read) and the sets
// written after them. Made-up names and numbers; none taken from a test set. Each case has a twin that must go the
// other way.

const parts = (subject: string, body: string) => [{ where: 'subject', text: subject }, { where: 'body', text: body }];

describe('record and member numbers, sets 1441-1448', () => {
  it('a record number behind a break-the-glass prompt is a chart\'s', () => {
    expect(recognizersFlag(parts('BTG again', 'why does KW-5520714 give me a break the glass warning? only trying to room them for 10:40'))).toBe(true);
  });
  it('a break-the-glass notice with no record number names no chart', () => {
    expect(recognizersFlag(parts('BTG again', 'reminder: every break the glass warning is reviewed by privacy within 48 hours, so pick a reason that fits'))).toBe(false);
  });
  it('two record numbers called duplicates are charts to merge', () => {
    expect(recognizersFlag(parts('TRX-4401276 / TRX-4401627 duplicate', 'same lady, registration made a second chart this morning. pls merge into the older one'))).toBe(true);
  });
  it('a software merge beside a number format names no chart', () => {
    expect(recognizersFlag(parts('account number format', 'after the billing merge, new accounts start at TRX-400000 and old charts keep theirs. nothing to retype.'))).toBe(false);
  });
  it('asking whether an ID is "still active" with a plan is an eligibility check on a member', () => {
    expect(recognizersFlag(parts('elig q', 'is QHP771204396 still active w/ Lakeshore? front desk needs to know before the 3:30'))).toBe(true);
  });
  it('a licence number "still active" with a board is a clinician\'s', () => {
    expect(recognizersFlag(parts('license q', 'is my QHP771204396 license still active w/ the board? HR needs to know before Friday'))).toBe(false);
  });
  it('a Somali "his membership number is" labels a member ID', () => {
    expect(recognizersFlag(parts('caymiska gabadhayda', 'Fadlan hubiya caymiska gabadhayda. Lambarka xubinnimadeedu waa KR508812364. Mahadsanid.'))).toBe(true);
  });
  it('a Somali reminder to bring an insurance card names no member', () => {
    expect(recognizersFlag(parts('xusuusin', 'Fadlan keena kaarka caymiska marka aad timaadaan ballanta. Mahadsanid.'))).toBe(false);
  });
});

describe('staff and periods, sets 1441-1448', () => {
  it('a staff member named with a lower-case job after her is no patient', () => {
    expect(recognizersFlag(parts('new sepsis screening form', 'Please use the new sepsis screening form from Monday.\nQuestions to Rosalind Okafor, sepsis coordinator.'))).toBe(false);
  });
  it('the same name with sepsis of her own is a patient', () => {
    expect(recognizersFlag(parts('bed 12', 'Rosalind Okafor, sepsis from a urinary source, lactate 4.1, started on cefepime 2 g.'))).toBe(true);
  });
  it('a registry signing a dashboard is a department', () => {
    expect(recognizersFlag(parts('Q2 sepsis dashboard', 'Q2 summary for the committee:\n- sepsis alerts: 311\n- bundle compliance: 78%\nSlides Friday.\n\nDmitri Kovacs, Sepsis Registry'))).toBe(false);
  });
  it('a month range heading aggregate counts names nobody', () => {
    expect(recognizersFlag(parts('Q1 numbers', 'Q1 summary (Jan-Mar 2025):\n- 88 referrals for asthma (J45.909)\n- 41 with COPD (J44.9)\n- 19 with PTSD (F43.10)\n- 30 new CPAP set-ups for sleep apnea (G47.33)\nNo individual data.'))).toBe(false);
  });
  it('a patient named on the line before the same counts is one', () => {
    expect(recognizersFlag(parts('labs', 'Results for Omar Haddad (Jan 2025):\n- A1c 9.4%\n- LDL 171 mg/dL'))).toBe(true);
  });
  it('a navigator "on site" is staff on a rota', () => {
    expect(recognizersFlag(parts('Friday', 'Dr. Lena Park reads screening MRI all day. Navigator on site: Wilhelmina Castro. Route BI-RADS 4 calls to Wilhelmina.'))).toBe(false);
  });
  it('a French case called anonymised is nobody\'s, whoever signs it', () => {
    expect(recognizersFlag(parts('Cas pour vendredi', 'Voici le cas anonymisé : un homme de 60 ans, diagnostiqué diabète il y a 5 ans, sous metformine.\n\nAurélie Gagnon'))).toBe(false);
  });
  it('a French patient who signs her own diabetes is herself', () => {
    expect(recognizersFlag(parts('Mon traitement', "J'ai été diagnostiquée diabète il y a 5 ans, je prends de la metformine et j'ai des nausées.\n\nAurélie Gagnon"))).toBe(true);
  });
});

describe('mailings, notices and invoices, sets 1449-1456', () => {
  it('a mailing greeting its reader by full name about their own dated procedure is theirs', () => {
    const body = 'We miss your smile!\n\nHi Marisol Quintanilla,\n\nOur records show your root canal on tooth #30 (03/14/2024) still needs its permanent crown.\n\nBook your crown visit\n\nBrightwater Dental - Unsubscribe';
    expect(recognizersFlag(parts('Your crown is overdue', body))).toBe(true);
  });
  it('the same mailing greeting a first name only about crowns in general is a campaign', () => {
    const body = 'We miss your smile!\n\nHi Marisol,\n\nA root canal without its permanent crown can let the tooth crack. Ask us at your next visit.\n\nBrightwater Dental - Unsubscribe';
    expect(recognizersFlag(parts('Crowns after a root canal', body))).toBe(false);
  });
  it('an invoice line numbered before "Surname, Given" and home vent checks bills one patient\'s care', () => {
    const body = 'Invoice INV-2025-0519\n\nLine  Description                          Qty  Amount\n1     Circuit kits, clinic stock              2   $140.00\n2     Abernathy, Jonah - RT home visits (vent check, circuit change) 04/02, 04/09   2   $380.00';
    expect(recognizersFlag(parts('April invoice', body))).toBe(true);
  });
  it('the same invoice with stock lines only bills the clinic', () => {
    const body = 'Invoice INV-2025-0519\n\nLine  Description                          Qty  Amount\n1     Circuit kits, clinic stock              2   $140.00\n2     Vent filters, clinic stock               6   $96.00';
    expect(recognizersFlag(parts('April invoice', body))).toBe(false);
  });
  it('an auto-reply whose subject quotes a lower-case patient name and drug carries it', () => {
    expect(recognizersFlag(parts('Automatic reply: renata okafor - lamictal rash question', 'I am out of the office until Monday. For urgent questions call the clinic line.'))).toBe(true);
  });
  it('an auto-reply whose subject quotes a drug topic only names nobody', () => {
    expect(recognizersFlag(parts('Automatic reply: lamictal titration handout - final version', 'I am out of the office until Monday. For urgent questions call the clinic line.'))).toBe(false);
  });
  it('a portal notice "Regarding:" a child with a seizure names the patient', () => {
    expect(recognizersFlag(parts('New portal message', 'You have a new patient message.\n\nRegarding: Elowen Marchetti\n\nShe had a seizure this morning and we gave the rescue spray.'))).toBe(true);
  });
  it('a notice "Regarding:" a budget names nobody', () => {
    expect(recognizersFlag(parts('New portal message', 'You have a new staff message.\n\nRegarding: Budget Review\n\nThe seizure-pad order is on hold until July.'))).toBe(false);
  });
  it('a lab statement\'s panels billed by quantity and its service period are nobody\'s results', () => {
    const body = 'Statement date: 07/03/2025   Account: 40822\nService period 06/01/2025 - 06/30/2025\nPanel                 Qty    Unit     Ext\nCMP                   84     $9.50    $798.00\nHIV 1/2 Ag/Ab         61     $14.00   $854.00\nHCV Ab w/ reflex      58     $16.50   $957.00';
    expect(recognizersFlag(parts('Lab statement - June', body))).toBe(false);
  });
  it('a patient\'s own panel values with a visit date are results', () => {
    expect(recognizersFlag(parts('labs', 'Tobias Wren, visit 06/12/2025: glucose 184 mg/dL, HCV Ab reactive.'))).toBe(true);
  });
});

describe('rotas and agendas, sets 1449-1456', () => {
  it('a nurse practitioner with her PMHNP credential on an on-call line is staff', () => {
    expect(recognizersFlag(parts('July call', 'July call:\n7/1-7/7   Dr. Ines Varga (medicine) / Tobias Reyes PMHNP (BH backup)\nBuprenorphine bridge scripts go to whoever is on call.'))).toBe(false);
  });
  it('the same name with a positive screen and a start is a patient', () => {
    expect(recognizersFlag(parts('f/u', 'Tobias Reyes - PHQ-9 positive today (score 19), starting sertraline 50 mg.'))).toBe(true);
  });
  it('a presenter in brackets is staff in a list whose other items close with a doctor', () => {
    const body = 'QI committee - Tue 6/10\n1. Diabetes control (E11.x) - A1c >9 measure, mobile vs fixed sites (Dr. Varga)\n2. Hypertension control (I10) - BP recheck workflow (Jess Whitcomb RN)\n3. Depression screening & follow-up - PHQ-9 completion 78% (Priya Natarajan)\n4. Dental sealants, ages 6-9 (Dr. Osei)';
    expect(recognizersFlag(parts('Huddle items', body))).toBe(false);
  });
  it('a Portuguese interpreters\' rota ("escala") lists staff beside clinics', () => {
    const body = 'Bom dia equipe,\n\nSegue a escala de junho para as clínicas:\n\nSegunda  - Inês Carvalho (Cuidados Complexos, manhã) / Rui Mendes (Nefrologia, tarde)\nTerça    - Rui Mendes (Clínica de Ventilação Domiciliar, dia todo)\nQuarta   - Inês Carvalho (Seguimento Neonatal)\n\nServiços de Intérpretes';
    expect(recognizersFlag(parts('Escala de intérpretes - junho', body))).toBe(false);
  });
  it('a Spanish rota headed without a colon lists counsellors, not patients', () => {
    const body = 'Guardias de consejería - julio\n\nLunes: Paloma Ibarra (grupo de recaídas 10:00)\nMartes: Marcus Bell (grupo de metadona)\n\nSi hay una crisis suicida, avisar al médico de guardia.';
    expect(recognizersFlag(parts('Guardias - julio', body))).toBe(false);
  });
  it('a rota table under role columns lists staff beside the doctor of each row', () => {
    const body = 'July call below. Trach/vent calls go to RT first, seizure plan questions to the NP.\n\nWeek      | Attending      | NP            | RT (pager)\nJul 1-6   | Dr. Varga      | Renata Vogel  | Samir Haddad 508-555-0133\nJul 7-13  | Dr. Osei       | Lena Marsh    | Tasha Boone 508-555-0134\nJul 14-20 | Dr. Varga      | Renata Vogel  | Samir Haddad 508-555-0133';
    expect(recognizersFlag(parts('On-call - July', body))).toBe(false);
  });
  it('a table with a patient column and a doctor column lists patients', () => {
    const body = 'Patient        | Dx                  | Attending\nRenata Vogel   | trach, vent-dependent | Dr. Varga\nSamir Haddad   | seizures on Keppra    | Dr. Osei';
    expect(recognizersFlag(parts('Home vent census', body))).toBe(true);
  });
  it('a surgeons\' block schedule opening its line with "Mon" is no one\'s own procedure', () => {
    const body = 'Fine by me.\nTI\n\n> Q3 block schedule:\n> Mon  OR1 Ibarra (sports/arthroscopy)   OR2 Strand (spine)\n> Tue  OR1 Okafor (hand: trigger finger)\n> Beth Ann';
    expect(recognizersFlag(parts('RE: Q3 OR blocks', body))).toBe(false);
  });
  it('a meeting\'s participants listed with a doctor among them are staff', () => {
    const body = 'Participantes: Ana Lucía Ferrer (CHU), Dr. Héctor Villanueva (Clínica San Isidro), Keisha Rowe (Northline), Marcus Dell (CCHP)\n\n1. Cifras de junio: 12 con tratamiento de VIH o hepatitis C.';
    expect(recognizersFlag(parts('Reunión mensual', body))).toBe(false);
  });
  it('a grief group in a library\'s meeting room names no one', () => {
    const body = 'Our grief support group meets Tuesdays at Alder Public Library, Meeting Room 2. For questions about hospice bereavement, call 541-555-0124.';
    expect(recognizersFlag(parts('Grief support group', body))).toBe(false);
  });
  it('a toxicology lab named in a subject is an organisation', () => {
    expect(recognizersFlag(parts('Larchmont Toxicology: new fentanyl screening cutoff', 'Dear Client, the fentanyl cutoff drops to 1.0 ng/mL on June 1.'))).toBe(false);
  });
});

describe('colleagues and forms, sets 1457-1464', () => {
  it('a cath-lab tech with the RCIS credential on a call line is staff', () => {
    expect(recognizersFlag(parts('October call', 'STEMI call this week: Dr. Varga.\nCath lab team on call: Petra Nowak RN + Jamal Reyes RCIS.\nAnswering service: 614-555-0199'))).toBe(false);
  });
  it('a Spanish "Horario" over weekday lines lists navigators beside clinics', () => {
    const body = 'Horario de octubre:\n\nLunes y miércoles: Luz Marina Quintero - clínica de dispositivos (marcapasos/DAI) y rehabilitación cardiaca\nMartes: Inés Carvajal - clínica de anticoagulación (INR)';
    expect(recognizersFlag(parts('Horario de navegadores', body))).toBe(false);
  });
  it('a Spanish appointment schedule ("Horario de citas") lists patients', () => {
    const body = 'Horario de citas:\n\nLunes: Luz Marina Quintero - control de marcapasos, INR 3.4 ayer\nMartes: Inés Carvajal - insuficiencia cardiaca, furosemida 40 mg';
    expect(recognizersFlag(parts('Citas de la semana', body))).toBe(true);
  });
  it('a new hire who "joins us Monday as" a navigator is staff', () => {
    expect(recognizersFlag(parts('Welcome', 'Please welcome Luz Marina Quintero, who joins us Monday as bilingual patient navigator for the device clinic, cardiac rehab and HF clinic. Her email is lquintero@hv.example.'))).toBe(false);
  });
  it('a colleague\'s competency sign-off names a procedure she performs, not hers', () => {
    expect(recognizersFlag(parts('competency: ICSI - Kavya', "Kavya's annual ICSI competency is complete:\n- oocyte survival 96%\n- fertilization 78%\nSigned off through 03/2026."))).toBe(false);
  });
  it('a patient\'s own result after her name in the possessive is hers', () => {
    expect(recognizersFlag(parts('labs', "Kavya's estradiol came back 2,450 pg/mL this morning; trigger tonight with hCG 10,000 units."))).toBe(true);
  });
  it('a blank consent template in the first person is no one\'s yet', () => {
    const body = 'Revisen la traducción:\n\nYo, ______________________________, con número de expediente CVF-________, autorizo vitrificar mis óvulos. Entiendo que la probabilidad de embarazo depende de mi edad.\n\nFirma: ______________\n\nGracias, Lucía';
    expect(recognizersFlag(parts('Plantilla de consentimiento', body))).toBe(false);
  });
  it('a Japanese programme naming doctors with 先生 names speakers', () => {
    const body = '網膜勉強会プログラム\n9:10 加齢黄斑変性の最新治療 ― 山岸先生\n10:45 糖尿病黄斑浮腫の症例検討（匿名化済み）― 西村先生';
    expect(recognizersFlag(parts('勉強会', body))).toBe(false);
  });
  it('an RMA number shaped like an SSN is a return\'s', () => {
    expect(recognizersFlag(parts('Remittance advice', 'Check #004417\nInvoice INV-2025-0913  $2,340.00\nCredit memo for returned infusion pump, RMA 552-18-7734\nAccounts Payable, Mesa Clinic'))).toBe(false);
  });
  it('an SSN on a patient\'s infusion bill is hers', () => {
    expect(recognizersFlag(parts('billing', 'Patient SSN 552-18-7734, infusion of IVIG on 10/02, claim denied.'))).toBe(true);
  });
  it('an M&M presenter written "presenter: M. Surname" is a colleague', () => {
    expect(recognizersFlag(parts('M&M agenda', 'M&M, Fri 7:30\n1. Case A (presenter: M. Oyelaran): 60s M, heartburn, later dx NSTEMI.\nCases are de-identified.'))).toBe(false);
  });
});

describe('sets 1465-1472', () => {
  it('a Korean calendar invite with a name and jaw osteonecrosis is a family meeting about a patient', () => {
    const ics = 'BEGIN:VEVENT\nSUMMARY:보호자 상담 - 박순자 님 (하악골 방사선 골괴사)\nDESCRIPTION:발치 일정 조율. 딸 동석.\nEND:VEVENT';
    expect(recognizersFlag([{ where: 'subject', text: '초대: 보호자 상담' }, { where: 'body', text: '일정 초대장이 첨부되어 있습니다.' }, { where: 'attachment:상담.ics', text: ics }])).toBe(true);
  });
  it('a Korean invite for a staff meeting names no patient', () => {
    const ics = 'BEGIN:VEVENT\nSUMMARY:직원 회의 - 치료실 일정 조율\nDESCRIPTION:7월 근무표 확인.\nEND:VEVENT';
    expect(recognizersFlag([{ where: 'subject', text: '초대: 직원 회의' }, { where: 'body', text: '일정 초대장이 첨부되어 있습니다.' }, { where: 'attachment:회의.ics', text: ics }])).toBe(false);
  });
  it('an interpreter\'s invoice row naming a client\'s psychiatric eval bills her care', () => {
    expect(recognizersFlag(parts('Invoice LS-0412', 'Date | Client | Service | Hours | Amount\n04/03 | T. Alvarado | psychiatric eval, Spanish | 1.5 | $112.50\n04/10 | T. Alvarado | crisis follow-up (suicide risk) | 1.0 | $75.00'))).toBe(true);
  });
  it('the same invoice for staff training bills nobody\'s care', () => {
    expect(recognizersFlag(parts('Invoice LS-0412', 'Date | Client | Service | Hours | Amount\n04/03 | staff training | suicide prevention course | 2.0 | $150.00'))).toBe(false);
  });
  it('a Turkish subject with a name and a rash after a vaccine is a patient\'s', () => {
    expect(recognizersFlag(parts('Zeynep Aydın - sarıhumma aşısı sonrası döküntü', 'Detaylar telefonda. Yarın arayabilir misiniz?'))).toBe(true);
  });
  it('a Turkish vaccine clinic notice names nobody', () => {
    expect(recognizersFlag(parts('Sarıhumma aşısı kliniği', 'Sarıhumma aşısı salı günleri yapılır. Randevu gerekmez.'))).toBe(false);
  });
  it('an Italian "Dott.ssa" teaching a course is a clinician', () => {
    expect(recognizersFlag(parts('Corso: demenza', 'Giovedì alle 13:00 la Dott.ssa Chiara Lombardi terrà un corso su allucinazioni nella demenza a corpi di Lewy e pimavanserina.'))).toBe(false);
  });
  it('a training log with a staff_name and a module column lists staff', () => {
    const csv = 'staff_name,role,module,completed_on\nKevin Doyle,Front desk,Alzheimer\'s basics,2025-02-11\nNadia Price,Psychometrist,Dementia behaviors,';
    expect(recognizersFlag([{ where: 'subject', text: 'Dementia training list' }, { where: 'body', text: 'Attached.' }, { where: 'attachment:list.csv', text: csv }])).toBe(false);
  });
  it('a staff list with a TB result column is employee health', () => {
    const csv = 'staff_name,role,tst_result,read_on\nKevin Doyle,Front desk,14 mm positive,2025-02-11\nNadia Price,Psychometrist,QuantiFERON negative,2025-02-11';
    expect(recognizersFlag([{ where: 'subject', text: 'TB reads' }, { where: 'body', text: 'Attached.' }, { where: 'attachment:tb.csv', text: csv }])).toBe(true);
  });
  it('an agenda item closing with its presenter after a dash, beside a doctor\'s, is staff', () => {
    const body = 'School Health Advisory Council, Tue 4pm\n1. Welcome, minutes (J. Liu)\n2. Asthma action plan template revision - Marisol Quintero, RN\n3. Concussion protocol update - Ruth Kessler, NP\n4. Immunization compliance dashboard, fall snapshot - Jenna Liu\n5. Naloxone in high school health offices - Dr. Peter Okonkwo';
    expect(recognizersFlag(parts('Council items', body))).toBe(false);
  });
  it('an athletic trainer with the ATC credential on a coverage table is staff', () => {
    expect(recognizersFlag(parts('Tournament coverage', 'Asthma and anaphylaxis go-bags are in the health office.\nSat 2-8pm | aux gym | Marisol Quintero, RN | Kyle Ng, ATC 360-555-0145'))).toBe(false);
  });
  it('initials in a table column are initials, not "M." for Monsieur', () => {
    const body = 'Wound consults and emergent HBO, July\n\nDates       Physician           Tech on call\n7/1 - 7/7   Helena Marsh, MD    D. Okafor\n7/15 - 7/21 Helena Marsh, MD    M. Fuentes\n\nDiabetic foot infections after 5 pm: Dr. Marsh.';
    expect(recognizersFlag(parts('July on-call', body))).toBe(false);
  });
  it('a hyperbaric technologist with (CHT) after the name teaches a class', () => {
    expect(recognizersFlag(parts('[교육 안내] 고압산소치료', '강사: Dwayne Okafor (CHT)\n내용: 조절되지 않는 당뇨, 발열, 기흉은 금기증입니다.'))).toBe(false);
  });
  it('a pharmacist written "Name PharmD" is on call', () => {
    expect(recognizersFlag(parts('On-call', 'On-call this week:\nMon-Tue  Tomás Reyes RN - IV abx, PICC troubleshooting\nPharmacist backup: Nadia Okafor PharmD (Mon-Thu)\nDocument IVIG reactions in the log.'))).toBe(false);
  });
  it('a Spanish "confirmen asistencia con" names who keeps the list', () => {
    expect(recognizersFlag(parts('Taller', 'Taller de terminología: neutropenia, mucositis, quimioterapia. Sala B1. Confirmen asistencia con Yesenia Cárdenas.'))).toBe(false);
  });
});

describe('sets 1473-1480', () => {
  it('a Portuguese member card number ("carteirinha") with a denied surgery is a member\'s', () => {
    expect(recognizersFlag(parts('negativa do plano', 'O plano negou a mamoplastia masculinizante do Caio Mendes (carteirinha PL30571946X). Preciso da segunda carta.'))).toBe(true);
  });
  it('a Portuguese reminder to bring the member card names nobody', () => {
    expect(recognizersFlag(parts('lembrete', 'Tragam a carteirinha do plano e um documento com foto no dia da consulta.'))).toBe(false);
  });
  it('a Russian subject "about <surname>" over COPD and pneumonia is that patient\'s', () => {
    expect(recognizersFlag(parts('по семенову', 'по семенову с 3 этажа выписка не подписана, там хобл и пневмония, напомни врачу'))).toBe(true);
  });
  it('a Russian subject "about the plan" names nobody', () => {
    expect(recognizersFlag(parts('по плану', 'по плану обучения: лекция про хобл и пневмонию в четверг'))).toBe(false);
  });
  it('a service-desk ticket\'s caller with a unit in capitals is staff', () => {
    expect(recognizersFlag(parts('[ServiceDesk] INC-30112', 'Ticket INC-30112\nCaller: R. Banda (ICU)\nPyxis tower drawer 2 (fentanyl, midazolam) will not open.\nAssigned to: T. Moore'))).toBe(false);
  });
  it('a caller to a nurse line with a symptom is a patient', () => {
    expect(recognizersFlag(parts('nurse line', 'Caller: Rosa Banda, chest pain since noon, took nitroglycerin x2.'))).toBe(true);
  });
  it('a letter opening "Sr. Medina:" over aggregate counts greets its reader', () => {
    expect(recognizersFlag(parts('Informe de otoño', 'Sr. Medina:\n\nResumen del programa:\n- Estudiantes examinados: 286\n- Con caries sin tratar: 117\n- Con absceso: 9\n\nRosa Beltrán, RDH'))).toBe(false);
  });
  it('a stock log with lot, expiry and quantity columns lists who checked it', () => {
    const csv = 'item,lot,expires,qty,checked_by,date\nEpinephrine auto-injector 0.3 mg,EA24C114,2025-06-30,2,Lucia Herrera,2024-11-04\nMidazolam nasal 5 mg,MZ2209F,2025-01-15,2,Anita Okafor,2024-11-04';
    expect(recognizersFlag([{ where: 'subject', text: 'kit log' }, { where: 'body', text: 'Attached.' }, { where: 'attachment:kit.csv', text: csv }])).toBe(false);
  });
  it('an auto-reply pointing coding queries "about sepsis" to a colleague names no patient', () => {
    expect(recognizersFlag(parts('Automatic reply: DNFB report', 'I am at a conference and will reply when I return. Urgent coding queries about sepsis, heart failure or other validation issues should go to Irina Volkova (ivolkova@clinic.example).'))).toBe(false);
  });
  it('a protocol approved by "Dra. M. Ortega" is signed by a doctor', () => {
    expect(recognizersFlag(parts('Protocolo revisado', 'Si el paciente tiene convulsiones o dificultad para respirar, llamar al 911.\n\nAprobado: Dra. M. Ortega, Directora Médica'))).toBe(false);
  });
  it('a group class titled with the van it meets in names no one', () => {
    const ics = 'BEGIN:VEVENT\nSUMMARY:Diabetes group class - Van Verde\nDESCRIPTION:Topics: glucose meters\\, insulin storage.\nEND:VEVENT';
    expect(recognizersFlag([{ where: 'subject', text: 'Invitation: Diabetes group class' }, { where: 'body', text: 'You are invited.' }, { where: 'attachment:invite.ics', text: ics }])).toBe(false);
  });
  it('an appointment titled with a person\'s name is theirs', () => {
    const ics = 'BEGIN:VEVENT\nSUMMARY:Diabetes f/u - Marisol Verde - A1c 10.2\nEND:VEVENT';
    expect(recognizersFlag([{ where: 'subject', text: 'Invitation: Diabetes f/u' }, { where: 'body', text: 'You are invited.' }, { where: 'attachment:invite.ics', text: ics }])).toBe(true);
  });
  it('transplant coordinators listed after "Coordinators:" are staff', () => {
    expect(recognizersFlag(parts('Transplant on-call', 'Kidney\n  Mon-Wed  Dr. Anneliese Varga (nephrology)\nCoordinators: Kevin O\'Dell (kidney), Marisol Vega (liver)\nFor rejection, AKI or high tac levels page nephrology.'))).toBe(false);
  });
});

describe('sets 1481-1488', () => {
  it('a label quoted in a ticket, surname first in capitals and a record number, is a patient\'s', () => {
    expect(recognizersFlag(parts('[IT] INC-30871 label printer', "Printer cuts off vial labels. Example from this morning: 'OKAFOR, NGOZI  ALR-0071346  Cat/Dog 1:100 RED  exp 10/25'."))).toBe(true);
  });
  it('a stock label with a lot number after a product in capitals names nobody', () => {
    expect(recognizersFlag(parts('[IT] INC-30871 label printer', "Printer cuts off shelf labels. Example from this morning: 'DUST MITE MIX  LOT-0071346  1:100 RED  exp 10/25'."))).toBe(false);
  });
  it('therapists written "Name OT" and "Name PT" on a weekend list are staff', () => {
    expect(recognizersFlag(parts('Weekend coverage', 'SAT 6/22\n  Stroke unit (3W): Jordan Pike PT, Priya Raman OT, Deb Hsu SLP\n  SCI unit: Marco Lenz PT\nDysphagia screens on new stroke admits go to the SLP on call.'))).toBe(false);
  });
  it('a patient named before "PT eval" with a stroke is a patient', () => {
    expect(recognizersFlag(parts('new admit', 'Priya Raman PT eval today, left hemiparesis after ischemic stroke, aspiration risk.'))).toBe(true);
  });
  it('a ticket\'s caller with her unit in brackets is staff', () => {
    expect(recognizersFlag(parts('[INC0046102] wristband printer', 'Incident INC0046102 resolved.\nCaller: Ana Medina (3 West - Stroke Unit)\nTest prints OK (allergy and fall-risk bands).'))).toBe(false);
  });
  it('an invoice number after "Invoice no." shaped like an SSN is the invoice\'s', () => {
    expect(recognizersFlag(parts('Invoice', 'Remit to: Summit Ambulance Billing\nInvoice no. 412-55-8830\nService period 03/01/2025 - 03/31/2025\nClaims processed: 1,204'))).toBe(false);
  });
  it('a singer who "has been public about" her sickle cell disease shares her own news', () => {
    expect(recognizersFlag(parts('teen group idea', 'Tionne Watkins from TLC talking again about growing up with sickle cell disease and hiding pain crises. She has been public about it for years.\nJonah'))).toBe(false);
  });
  it('a ticket\'s requester is staff', () => {
    expect(recognizersFlag(parts('INC0048377 call light', 'Ticket INC0048377\nRequester: Colleen Mabry\nDescription: chair 6 is used for long infusions (IVIG, chemo); its call light does not alarm.'))).toBe(false);
  });
  it('a privacy slide built on the classic example numbers is made up', () => {
    expect(recognizersFlag(parts('privacy slide', "For slide 7 I used the classic example numbers:\n  WRONG: 'Pls update John Doe's file, SSN 078-05-1120, he's out for surgery'\nAlso 123-45-6789 on the form mockup.\nKeisha"))).toBe(false);
  });
  it('an after-hours coverage list names the clinicians on it', () => {
    expect(recognizersFlag(parts('ENT after-hours', 'April after-hours coverage (CI device emergencies, sudden hearing loss):\n\n4/1 - 4/7     Dr. Renwick         503-555-0150\n4/8 - 4/14    Priya Halvorsen     503-555-0151\n\nSudden SNHL: audiogram first, then oral steroids.'))).toBe(false);
  });
  it('a Spanish "Dudas a <name>" names whom to ask', () => {
    expect(recognizersFlag(parts('Protocolo de limpieza', 'Si un paciente tiene otitis externa activa, usar olivas desechables.\n\nDudas a Rosa Imbert o a la Dra. Vasquez-Holt.'))).toBe(false);
  });
});

describe('sets 1489-1496', () => {
  it('a Gujarati daughter writing of her father\'s fistula and dialysis names him', () => {
    expect(recognizersFlag(parts('પપ્પાની ફિસ્ટ્યુલા', 'મારા પપ્પા હસમુખ પટેલને ફિસ્ટ્યુલા વાળા હાથમાં દુખાવો છે. તેઓ ડાયાલિસિસ પર છે. મારો નંબર 470-555-0123 છે.'))).toBe(true);
  });
  it('a Gujarati clinic notice about dialysis hours names nobody', () => {
    expect(recognizersFlag(parts('ડાયાલિસિસ સમય', 'દિવાળીના દિવસે ડાયાલિસિસ સવારે 6 વાગ્યે શરૂ થશે. દવાખાનું બપોરે બંધ રહેશે.'))).toBe(false);
  });
  it('recliners "delivered 5/28" on an invoice are goods, not a visit', () => {
    expect(recognizersFlag(parts('Invoice 55120 - recliners', 'Attached is invoice 55120 for 2 infusion recliners delivered 5/28. Amount due $6,480.00, net 30. Remit to Fairlane Medical Furniture, ar@fairlane-med.example.'))).toBe(false);
  });
  it('an infusion delivered to a named patient on a date is her care', () => {
    expect(recognizersFlag(parts('home infusion', 'IVIG infusion delivered 5/28 to Maribel Ocampo at home, 35 g over 4 h, no reaction.'))).toBe(true);
  });
  it('a ticket "Requested by:" a colleague names staff', () => {
    expect(recognizersFlag(parts('[INC-21044] pump library', 'Ticket INC-21044\nRequested by: Marcus Obi\nPush drug library v12: tocilizumab 8 mg/kg max 800 mg, pegloticase 8 mg over 120 min.'))).toBe(false);
  });
  it('a councilman "going public" with his chemo made it public', () => {
    expect(recognizersFlag(parts('screening month hook', 'With Councilman Ray Dorsey going public last week that he is starting chemo for stage 2 colon cancer, there is interest in screening. Do not name him in posts.'))).toBe(false);
  });
});

describe('sets 1497-1504', () => {
  it('members listed by name with their IDs in a column of their own are members\' IDs, whatever the recall quoted below reads like', () => {
    const quoted = 'From: Clinical Notices <notices@pbm.example>\nLevothyroxine sodium tablets 50 mcg, lot LV24031A, exp 11/2025, are being recalled for sub-potency. Pharmacies should quarantine remaining stock. No action is required for patients other than exchange at the dispensing pharmacy.';
    const msg = [...parts('Fwd: Class II recall - levothyroxine 50 mcg lot', 'Pharmacy matched our members to the affected lot. Please do outreach today and get them to swap at their pharmacy:\n\n- Marisol Peña  HL552908316\n- Keisha Monroe  HL640381297\n\nThanks, Renée'), { where: 'quoted', text: quoted }];
    expect(scanParts(msg).containsPhi).toBe(true);
  });
  it('a product list with lot codes in a column names nobody', () => {
    expect(recognizersFlag(parts('Fwd: recall - levothyroxine 50 mcg lot', 'Affected stock, pull today:\n\n- Levothyroxine Sodium  LV24031001\n- Levothyroxine Tablets  LV24031002\n\nThanks, Renée'))).toBe(false);
  });
  it('a "Customer #" shaped like an SSN on a licence invoice is the customer\'s account', () => {
    expect(recognizersFlag(parts('Invoice INV-2024-004417', 'Invoice: INV-2024-004417\nCustomer #: 771-20-4438\nUM criteria license, 40 reviewer seats (inpatient, behavioral health)  $48,000.00'))).toBe(false);
  });
  it('a ticket "updated by" a technician names staff', () => {
    expect(recognizersFlag(parts('[NFHD-20931] mammo van PACS', 'Ticket NFHD-20931 updated by Marcus Lee\nRoot cause: the mammography station (10.42.8.15) got DHCP from the wrong scope. Queued studies transmitted.'))).toBe(false);
  });
  it('a wholesaler\'s order for a pharmacy\'s account ships stock', () => {
    expect(recognizersFlag(parts('Order Confirmation #40918376', 'Account: Alder Creek Pharmacy & Compounding (acct 118830)\nItem                          Qty   Status\natorvastatin 40 mg 90ct        6    Shipped\nlevothyroxine 75 mcg 90ct      4    Shipped\nQuestions? care@drug.example'))).toBe(false);
  });
  it('a stock count with a will-call row for a patient with her DOB names her', () => {
    const csv = 'location,item,lot,exp,qty\nFRIDGE-1,Envarsus XR 1 mg 30ct,EX4K2301,2025-09-30,22\nBIN-C,WILL-CALL: Prograf 1 mg caps for Beatriz Quintanilla (DOB 1983-01-30),-,-,1';
    expect(recognizersFlag([{ where: 'subject', text: 'Cold room count' }, { where: 'body', text: 'Attached.' }, { where: 'attachment:inventory.csv', text: csv }])).toBe(true);
  });
});

describe('sets 1513-1520', () => {
  it('an auto-reply\'s subject naming a patient surname first between dashes with a critical result carries her', () => {
    expect(recognizersFlag(parts('Automatic reply: CRITICAL K 2.9 - Lindqvist, Maren - please review', 'I am out of the office until Monday. Page the on-call physician for urgent issues.'))).toBe(true);
  });
  it('a subject naming a vendor surname first beside a topic that is not clinical names nobody', () => {
    expect(recognizersFlag(parts('Automatic reply: invoice - Lindqvist, Maren - please review', 'I am out of the office until Monday.'))).toBe(false);
  });
  it('a lab\'s invoice listing tests and patients surname first in a column names them (the decision is the wording model\'s: tests without values are no health finding)', () => {
    const body = 'Client-billed tests:\n09/29/2025  80053  Comprehensive metabolic panel   Lindqvist, Maren   $38.00\n10/02/2025  84100  Phosphorus                      Haddad, Noor     $11.00';
    expect(scanParts(parts('Invoice NWRL-0331', body)).findings.filter((f) => f.type === 'PATIENT_NAME').length).toBe(2);
  });
  it('a Spanish letter about "el estudiante" with a concussion names the student', () => {
    expect(recognizersFlag(parts('Adaptaciones académicas', 'Estimada profesora Ibarra:\n\nLe informo que el estudiante Mateo Quiroga sufrió una conmoción cerebral el 19 de octubre.'))).toBe(true);
  });
  it('a Spanish form\'s made-up student is no one', () => {
    expect(recognizersFlag(parts('Ejemplo para el formulario', 'Usemos este ejemplo inventado:\n\nNombre del estudiante: Juan Ejemplo\nAlergias: escriba "ninguna" si no tiene'))).toBe(false);
  });
  it('a toxicology report naming its decedent is that person\'s', () => {
    expect(recognizersFlag(parts('Final Report PTX-3307', 'Final report released for your case.\n\nDecedent: HALVORSEN, EDGAR T\nResults: Fentanyl 28 ng/mL\n\nThis is an automated message. Please do not reply.'))).toBe(true);
  });
  it('patients listed with their pump serials in a column are theirs', () => {
    expect(recognizersFlag(parts('Re: pump safety notice - our patients', 'These are our patients with insulin pumps in the affected range:\n- Walter Brandt   VX2-0047710\n- Beatrice Okafor   VX2-0048193\nDocument each call in the chart.'))).toBe(true);
  });
  it('meters listed by site with their serials are equipment', () => {
    expect(recognizersFlag(parts('glucometer QC log', 'Control checks, October:\n\nSite        Meter SN\nJefferson   MTR-40018821\nLos Pinos   MTR-40019102\n\nAll in range.'))).toBe(false);
  });
  it('an eponymous syndrome ("Pierre Robin") on a rota is no one\'s name', () => {
    const body = 'January on-call (changes go to Hannah):\n\nWeek      Craniofacial surgery     Ortho            Nurse line\n1/5       Okonkwo-Reyes            Achterberg       Birchall\n1/12      Dr. Halvorsen (cover)    Achterberg       Dunmore\n\nPost-op palate bleeding or airway concerns after Pierre Robin repairs go to surgery on-call first, then ENT.\nNurse line: 410-555-0150';
    expect(recognizersFlag(parts('On-call rota January', body))).toBe(false);
  });
  it('a councilwoman speaking of her own cleft palate in the paper made it public', () => {
    expect(recognizersFlag(parts('waiting room board?', 'Saw this in the Courier - Councilwoman Dana Whitcombe spoke about being born with a cleft lip and palate and having her bone graft at 9.\n\nPaloma'))).toBe(false);
  });
  it('a handout sent to have its translation checked is written for every patient', () => {
    const body = 'Rocío, ¿puedes revisar la traducción antes de imprimir? -Marta\n\nCUIDADOS DESPUÉS DE SU CIRUGÍA DE MUÑECA\n- Mantenga el brazo elevado por encima del corazón los primeros 3 días.\n- No moje la férula. La retiramos en su primera cita.\n- Para el dolor puede tomar paracetamol 500 mg cada 6 horas o ibuprofeno 400 mg cada 8 horas con comida, salvo que su médico le indique otra cosa.\n- Llame al 503-555-0111 si tiene fiebre de más de 38 °C, los dedos se ponen blancos o morados, o el dolor aumenta mucho.';
    expect(recognizersFlag(parts('Folleto revisado: cuidados después de cirugía de muñeca', body))).toBe(false);
  });
  it('a supplier\'s credit posting to an account is the clinic\'s', () => {
    const body = 'Janelle - pls pull these from the procedure room today. -Graham\n\n---- Forwarded message ----\nFrom: Summit Medical Distribution <recalls@summitmed.example>\nProduct: Bupivacaine HCl 0.5% Injection, 30 mL vial\nLots: BP24117, BP24118   Exp 06/2026\nAction: stop use, quarantine, return with the enclosed form. Credit will post to account 220417.';
    expect(recognizersFlag(parts('FW: Recall - bupivacaine 0.5%, select lots', body))).toBe(false);
  });
});
