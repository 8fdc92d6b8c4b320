/**
 * Capabilities added after blind sets 61–64 (test/fixtures/phi/README.md). Each case has a twin
 * that must go the other way, so a rule that fires everywhere fails here. Names and numbers are
 * invented and differ from the sets'.
 */
import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';

const names = (text: string): string[] =>
  scanText(text).findings.filter((f) => f.type === 'PATIENT_NAME' && f.confidence !== 'low').map((f) => text.slice(f.start, f.end));

describe('given names of the wide list', () => {
  it('a wide-list name with clinical content on its line is a patient ("Olayinka Adeyemi is 6 wks out from knee surgery …")', () => {
    const text = 'Olayinka Adeyemi is 6 wks out from knee surgery for a torn meniscus, still on naproxen 500 mg BID. Please see him Friday.';
    expect(names(text)).toEqual(['Olayinka Adeyemi']);
    expect(scanText(text).containsPhi).toBe(true);
  });
  it('the same name on a staff roster line without clinical content is nobody\'s patient', () => {
    const text = 'Rotation roster for June:\nOlayinka Adeyemi - Tuesday mornings\nPriya Raman - Thursdays\nBring your badge.';
    expect(names(text)).not.toContain('Olayinka Adeyemi');
  });
  it('place names the lists hold as given names are left out ("Hudson Bridge Health", "Savannah")', () => {
    const text = 'Hudson Valley Clinic opens its diabetes program; Savannah Division is hiring paramedics.';
    expect(names(text)).toEqual([]);
  });
});

describe('full names in attachment file names', () => {
  const labs = 'Potassium 3.1 mmol/L (low). Start KCl 20 mEq daily, recheck BMP Friday.';
  it('"Okafor_Chiamaka_labs_0611.txt" holding results names whose results they are', () => {
    const r = scanParts([{ where: 'body', text: 'see attached, pls scan into chart' }, { where: 'attachment:Okafor_Chiamaka_labs_0611.txt', text: labs }]);
    expect(r.containsPhi).toBe(true);
    expect(r.findings.some((f) => f.type === 'PATIENT_NAME' && f.reasons.includes('name:full'))).toBe(true);
  });
  it('a contact card named after its holder, and file names of ordinary words, name nobody', () => {
    const card = scanParts([{ where: 'body', text: 'my card, for the asthma monitoring pilot' }, { where: 'attachment:Chiamaka_Okafor.vcf', text: 'BEGIN:VCARD\nFN:Chiamaka Okafor\nORG:Inhaler Sensors Inc.\nEND:VCARD' }]);
    expect(card.findings.some((f) => f.reasons.includes('name:full'))).toBe(false);
    const budget = scanParts([{ where: 'body', text: 'see attached' }, { where: 'attachment:Quarterly_Budget_Review.txt', text: labs }]);
    expect(budget.findings.some((f) => f.reasons.includes('name:full'))).toBe(false);
  });
});

describe('subjects headed or closed by a person', () => {
  it('"Tran Van Duc - f/u": a surname written first heads the subject; the body holds his results', () => {
    const r = scanParts([{ where: 'subject', text: 'Tran Van Duc - f/u' }, { where: 'body', text: 'sputum smear neg x3, culture pending. Continue isoniazid 300 mg daily.' }]);
    expect(r.containsPhi).toBe(true);
  });
  it('the same subject over a staffing note is no patient\'s', () => {
    const r = scanParts([{ where: 'subject', text: 'Tran Van Duc - schedule' }, { where: 'body', text: 'Please confirm his shifts for next week and his badge pickup.' }]);
    expect(r.containsPhi).toBe(false);
  });
  it('"Hep B - Abdiqani Warsame (cook)": a name closing the subject before a note in brackets', () => {
    const r = scanParts([{ where: 'subject', text: 'Hep B - Abdiqani Warsame (cook)' }, { where: 'body', text: 'HBsAg positive, ALT 410. Calling him today.' }]);
    expect(r.findings.some((f) => f.type === 'PATIENT_NAME' && f.where === 'subject')).toBe(true);
    expect(r.containsPhi).toBe(true);
    const clinic = scanParts([{ where: 'subject', text: 'Hep B - Vaccine Clinic (walk-in)' }, { where: 'body', text: 'HBsAg testing offered Tuesdays.' }]);
    expect(clinic.findings.some((f) => f.type === 'PATIENT_NAME')).toBe(false);
  });
});

describe('dates of birth in Vietnamese, Korean and Chinese', () => {
  it('"sinh ngày", "1995년 3월 2일생", "出生日期：1949年6月2日" are dates of birth', () => {
    const dob = (text: string): string[] => scanText(text).findings.filter((f) => f.type === 'DOB').map((f) => text.slice(f.start, f.end));
    expect(dob('Con trai tôi là Lê Văn Tâm, sinh ngày 08/01/2004.')).toEqual(['08/01/2004']);
    expect(dob('박지훈 (1988년 7월 14일생) 환자 의뢰')).toEqual(['1988년 7월 14일']);
    expect(dob('我爸爸（出生日期：1951年3月9日）')).toEqual(['1951年3月9日']);
  });
  it('the same dates as a meeting day or a founding year are none', () => {
    const dob = (text: string): string[] => scanText(text).findings.filter((f) => f.type === 'DOB').map((f) => text.slice(f.start, f.end));
    expect(dob('Họp ngày 08/01/2024 tại phòng khám.')).toEqual([]);
    expect(dob('회의는 2024년 7월 14일입니다.')).toEqual([]);
    expect(dob('医院成立于1951年3月9日。')).toEqual([]);
  });
  it('a Korean date of birth with a healthcare word around it makes a message PHI', () => {
    expect(scanText('김민지 환자 의뢰\n김민지 (1990년 5월 3일생) 진료 부탁드립니다.').containsPhi).toBe(true);
  });
});

describe('a given name in the possessive before a finding', () => {
  it('"Ngozi\'s A1c came back 9.1%" is Ngozi\'s result', () => {
    const text = "Ngozi's A1c came back 9.1% this morning; call her about the metformin.";
    expect(names(text)).toContain('Ngozi');
    expect(scanText(text).containsPhi).toBe(true);
  });
  it('"St. Patrick\'s Day", a colleague\'s talk on a condition, are no one\'s results', () => {
    expect(names("Join us for St. Patrick's Day tea; residents living with dementia welcome.")).toEqual([]);
    expect(names("Maria's talk on heart failure is at noon in the auditorium.")).not.toContain('Maria');
  });
});

describe('a clinician\'s work is not their health', () => {
  it('a colleague covering calls, "my inpatient caseload": nobody\'s health', () => {
    expect(scanText('On PTO next week. Marcus Bell is covering my post-op calls; fracture add-ons go to clinic.').containsPhi).toBe(false);
    expect(scanText("I'll be on leave June 17-28. Dr. Eze is covering my inpatient caseload.\nThanks,\nAnneli").containsPhi).toBe(false);
  });
  it('the writer\'s own condition and a named patient\'s still count', () => {
    expect(scanText("I'll be out Friday for my knee surgery, back Monday.\nThanks,\nAnneli").containsPhi).toBe(true);
    expect(scanText('Marcus Bell is covered by Medicaid; his A1c was 9.4% today.').containsPhi).toBe(true);
  });
});

describe('conditions inside the names of events and societies', () => {
  it('"Eating Disorders Conference", "American Diabetes Association" name no one\'s condition', () => {
    const text = 'Thank you, Beatriz Lin. Your registration for the Northeast Eating Disorders Conference is confirmed; the American Diabetes Association hosts the dinner.';
    expect(scanText(text).findings.filter((f) => f.type === 'DIAGNOSIS')).toEqual([]);
    expect(scanText(text).containsPhi).toBe(false);
  });
  it('the same condition in a person\'s sentence still counts', () => {
    const text = 'Beatriz Lin has an eating disorder and was admitted for refeeding; her potassium is 2.9.';
    expect(scanText(text).containsPhi).toBe(true);
  });
});

describe('"fx" in lower case', () => {
  it('"L distal radius fx" is a fracture', () => {
    const text = 'dinh van long 2/14/67 - L distal radius fx, cast ok';
    expect(scanText(text).findings.some((f) => f.type === 'DIAGNOSIS' && text.slice(f.start, f.end) === 'fx')).toBe(true);
    expect(scanText(text).containsPhi).toBe(true);
  });
  it('"FX rates" in a finance note is no patient\'s fracture', () => {
    expect(scanText('Q3 FX rates hit the supply budget; see the vendor invoice.').containsPhi).toBe(false);
  });
});

describe('a result after a spaced dash', () => {
  it('"quantiferon - came back positive" is a result', () => {
    const text = 'call back dinh van long re his quantiferon - came back positive';
    expect(scanText(text).findings.some((f) => f.type === 'LAB_RESULT' && f.confidence === 'high')).toBe(true);
  });
  it('"quantiferon - schedule draws Tuesday" is no result', () => {
    const text = 'Reminder: quantiferon - schedule draws Tuesday mornings only.';
    expect(scanText(text).findings.some((f) => f.type === 'LAB_RESULT' && f.confidence === 'high')).toBe(false);
  });
});

describe('names after an encounter word', () => {
  it('"Saw Hodan Abdi Mohamed and baby in clinic today, tongue-tie" names the patient', () => {
    const text = 'Saw Hodan Abdi Mohamed and baby in clinic today, baby with posterior tongue-tie and poor latch.';
    expect(names(text)).toContain('Hodan Abdi Mohamed');
  });
  it('"hiring an RN for Fort Wayne, PICC care" names a place, not a patient', () => {
    const text = 'Northbridge is hiring a Home Infusion RN for Fort Wayne and surrounding counties, PICC and TPN experience a plus.';
    expect(names(text)).toEqual([]);
  });
});

describe('contact cards with a clinical note', () => {
  const card = (lines: string[]): string => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\n');
  it('a person\'s card whose note is clinical is a patient\'s, employer or not', () => {
    const r = scanParts([{ where: 'body', text: 'Adding him to the recall list.' }, { where: 'attachment:contact.vcf', text: card(['FN:Radu Constantin', 'ORG:Ridgeline Freight', 'TEL;TYPE=CELL:503-555-0191', 'NOTE:Insulin-treated diabetic driver\\, A1c due 09/2025']) }]);
    expect(r.containsPhi).toBe(true);
  });
  it('a rep\'s card (a job title) and a clinic\'s card with a note on what it treats are not', () => {
    const rep = scanParts([{ where: 'body', text: 'my card' }, { where: 'attachment:rep.vcf', text: card(['FN:Radu Constantin', 'ORG:Inhaler Sensors Inc.', 'TITLE:Territory Manager', 'NOTE:Smart inhaler sensors for asthma programs']) }]);
    expect(rep.containsPhi).toBe(false);
    const clinic = scanParts([{ where: 'body', text: 'new fax' }, { where: 'attachment:lab.vcf', text: card(['ORG:Boreal Neuro', 'FN:EMG & Neuromuscular Lab - Eau Claire', 'TEL;TYPE=WORK:715-555-0189', 'NOTE:Referrals for carpal tunnel\\, neuropathy']) }]);
    expect(clinic.containsPhi).toBe(false);
  });
});

describe('local phone numbers without an area code', () => {
  it('"caller at 555-0188" with her positive test is her number', () => {
    const text = 'VM 7:52am: caller at 555-0188 says her rapid COVID test from Saturday was positive, needs a work note.';
    expect(scanText(text).findings.some((f) => f.type === 'PHONE' && text.slice(f.start, f.end) === '555-0188')).toBe(true);
    expect(scanText(text).containsPhi).toBe(true);
  });
  it('a part number "PN 555-0188" or "order 212-4410" is no phone', () => {
    const text = 'Restock PN 555-0188 and order 212-4410 of COVID test kits for the clinic.';
    expect(scanText(text).findings.some((f) => f.type === 'PHONE')).toBe(false);
  });
});

describe('Vietnamese and Haitian Creole forms of address', () => {
  it('"Chào chị Phạm Thị Lan" and "Bonjou Madan Guerline Pierre-Louis" name the reader', () => {
    expect(names('Chào chị Phạm Thị Lan, kết quả xét nghiệm của chị đã có.')).toContain('chị Phạm Thị Lan');
    expect(names('Bonjou Madan Guerline Pierre-Louis, randevou ou se lendi.')).toContain('Madan Guerline Pierre-Louis');
  });
  it('"anh" and "chị" before lower-case words name nobody', () => {
    expect(names('Cảm ơn anh chị đã tham gia buổi họp.')).toEqual([]);
  });
});

describe('staff notes, department phones and service names', () => {
  it('"Text me if you\'re sick" after a duty roster is not the signer\'s health', () => {
    expect(scanText('Nadège will do the TB reads and flu shots. Text me if you\'re sick and can\'t come in.\n- Sandra').containsPhi).toBe(false);
  });
  it('"Questions: Clinical Policy, 555-0106" is a department\'s phone, not a policy number', () => {
    const r = scanText('Exceptions for Humalog need a documented trial of lispro; hypoglycemia alone is not enough.\nQuestions: Clinical Policy, 555-0106');
    expect(r.findings.some((f) => f.type === 'HEALTH_PLAN_ID')).toBe(false);
  });
  it('"Home Delivery Pharmacy, 4100 Quarry Ridge Rd" is no one\'s home; "lives at home, 4100 Quarry Ridge Rd" is', () => {
    const shop = scanText('Diabetes supplies by mail.\nCedarline Home Delivery Pharmacy, 4100 Quarry Ridge Rd, Fenwick');
    expect(shop.findings.some((f) => f.type === 'ADDRESS' && f.reasons.includes('keyword:home'))).toBe(false);
    const home = scanText('She is back home, 4100 Quarry Ridge Rd, with her new insulin pump.');
    expect(home.findings.some((f) => f.type === 'ADDRESS' && f.reasons.includes('keyword:home'))).toBe(true);
  });
  it('"Grand Rounds," opening a line greets no one', () => {
    expect(names('Grand Rounds, Wed 7:30 am: a woman in her 30s with placenta previa.')).toEqual([]);
  });
});

describe('welcome lists, HR notices and help desks', () => {
  it('"Marcus Hart - Diabetes Program Operations" is a staff member\'s department', () => {
    expect(names('Please welcome:\n- Marcus Hart - Diabetes Program Operations\n- Ellen Payne - Oncology Services')).toEqual([]);
  });
  it('"the diagnosis" in an HR notice is no one\'s condition; a help desk\'s phone is no person\'s', () => {
    expect(scanText("If you need leave, you do not need to tell your supervisor the diagnosis. Forms go to hrleave@example.org.").containsPhi).toBe(false);
    const r = scanText('Each nurse must have her own login to the Immunization Registry. Help desk: 651-555-0195.');
    expect(r.findings.some((f) => f.type === 'PHONE' && f.reasons.includes('keyword:person'))).toBe(false);
  });
});

describe('conditions naming a service', () => {
  it('"the flu clinic" staffed by named volunteers is nobody\'s flu', () => {
    expect(scanText("Thanks to our volunteers for Tuesday's flu clinic: Fatima Ahmed and Diego Salinas will run check-in.").containsPhi).toBe(false);
  });
  it('"he\'s scheduled at the fracture clinic" with his name is his', () => {
    const text = "Employee: Tomasz Nowak. He's scheduled at the fracture clinic tomorrow, dx metatarsal fracture.";
    expect(scanText(text).containsPhi).toBe(true);
  });
});

describe('a full name heading a note', () => {
  it('"Tran Van Duc, CLN418207736-01, Ozempic 1mg. Dx E11.65" is about Tran Van Duc', () => {
    const text = 'Tran Van Duc, CLN418207736-01, Ozempic 1mg. Dx E11.65. Denied - no metformin trial on file.';
    expect(names(text)).toContain('Tran Van Duc');
    expect(scanText(text).containsPhi).toBe(true);
  });
  it('an organisation heading a job posting is no patient', () => {
    const text = 'Harborlight Specialty Partners - Dermatology is hiring a Mohs histotechnician for our Charlotte office.';
    expect(names(text)).toEqual([]);
  });
});

describe('children named after a family word, vaccines in mixed case', () => {
  it('"baby Arjun now 31w corrected, on caffeine citrate for apnea of prematurity" names the baby', () => {
    expect(names('Family meeting prep: baby Arjun now 31w corrected, still on caffeine citrate for apnea of prematurity.')).toContain('Arjun');
  });
  it('"baby Aspirin" and "son of a gun" name nobody', () => {
    expect(names('Baby aspirin 81 mg is on the formulary; son Of The Desert tour is sold out.')).toEqual([]);
  });
  it('"Tdap;MenACWY" in a roster with dates of birth is vaccination status', () => {
    const csv = 'student_id,last_name,first_name,dob,missing\n2041187,Mohamed,Ayaan,2012-03-09,Tdap;MenACWY';
    const r = scanParts([{ where: 'body', text: 'Attached export, 1 kid still out.' }, { where: 'attachment:gr7.csv', text: csv }]);
    expect(r.containsPhi).toBe(true);
  });
});

describe('the given-name supplement (Somali, Yoruba/Igbo, Hmong, Haitian)', () => {
  it('"interpreter for Hodan Abdi Farah, Actemra IV 8 mg/kg" names the patient', () => {
    const text = 'Need a Somali interpreter for Hodan Abdi Farah, Tuesday 10:30, Actemra IV 8 mg/kg, chair 2.';
    expect(names(text)).toContain('Hodan Abdi Farah');
    expect(scanText(text).containsPhi).toBe(true);
  });
  it('the same name on a front-desk rota is staff', () => {
    expect(names('Front desk rota:\nHodan Abdi - Tuesdays\nWilner Joseph - Thursdays')).toEqual([]);
  });
});

describe('a nickname and an initial', () => {
  it('"Bobby T. … the T1D kiddo was 48" and "QuantiFERON indeterminate" read as a person and a result', () => {
    expect(names('Bobby T. (3rd period, the T1D kiddo) was 48 at 11:40, glucose tabs given.')).toContain('Bobby T.');
    const text = 'Priya Raghunathan (new hire) - her QuantiFERON came back indeterminate.';
    expect(scanText(text).findings.some((f) => f.type === 'LAB_RESULT' && f.confidence === 'high')).toBe(true);
  });
  it('"Section B." and "Bobby T." on a roster without clinical content are no patients', () => {
    expect(names('Section B. covers the lobby; Bobby T. runs the front desk on Tuesdays.')).toEqual([]);
  });
});

describe('listed names typed in lower case, surnames after a given name', () => {
  it('"add nguyen bao ngoc (gr 7) - still no 2nd MMR": a surname written first, in lower case', () => {
    const body = 'add nguyen bao ngoc (gr 7, lakeview) - still no 2nd MMR and no Tdap in the registry.\nletter went home.';
    expect(names(body)).toContain('nguyen bao ngoc');
    expect(scanText(body).containsPhi).toBe(true);
  });
  it('"Cedar Park" and "Dr. Minh-Chau Pham" are a place and a doctor', () => {
    expect(names('Cedar Park clinic: asthma visits by grade, de-identified.')).toEqual([]);
    expect(names('Q&A with Dr. Minh-Chau Pham about amblyopia and strabismus surgery.')).toEqual([]);
  });
});

describe('Korean names and results', () => {
  it('"김민서 님 … 당화혈색소 8.9%, 혈압 138/86" names a person with her results', () => {
    const text = '김민서 님 DOT 검진 결과: 당화혈색소 8.9%, 혈압 138/86.';
    const r = scanText(text);
    expect(names(text)).toContain('김민서 님');
    expect(r.findings.filter((f) => f.type === 'LAB_RESULT').length).toBe(2);
    expect(r.containsPhi).toBe(true);
  });
  it('"고객 님" (dear customer) and a Korean health leaflet without a person are neither', () => {
    expect(names('고객센터 님 안내')).toEqual([]);
    expect(scanText('당뇨병 예방 교실: 혈당 관리와 운동 안내. 누구나 참여할 수 있습니다.').containsPhi).toBe(false);
  });
});

describe('Chinese healthcare words around a Chinese date of birth', () => {
  it('"刘志强（出生日期 1975年3月8日）… 血压 162/100" is a patient\'s record', () => {
    expect(scanText('员工刘志强（出生日期 1975年3月8日）在体检中血压 162/100，请两周内复查。').containsPhi).toBe(true);
  });
  it('a founding date and a clinic\'s opening hours are not', () => {
    expect(scanText('本医院成立于1951年3月9日，门诊时间周一至周五。').containsPhi).toBe(false);
  });
});
