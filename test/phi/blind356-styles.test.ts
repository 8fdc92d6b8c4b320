import { describe, expect, it } from 'vitest';
import { recognizersFlag, recognizersFlagText } from './recognizers.ts';

// Readings added in session 16 from blind sets 356-363, read only once they were no longer held back. Made-up
// names and numbers; none taken from a test set. Each case has a twin that must go the other way.

describe('conditions', () => {
  it('flashbacks, and burns by degree in the plural ("second-degree burns")', () => {
    expect(recognizersFlagText('Can we move Thursday with Caleb Ortiz? Caleb keeps having flashbacks since the crash and I do not want him to miss a session.')).toBe(true);
    expect(recognizersFlagText('Can we move Thursday with Caleb Ortiz? Caleb keeps having questions about the schedule and I do not want him to miss a session.')).toBe(false);
    expect(recognizersFlagText('Our son Mateo Lindqvist was seen in your clinic for second-degree burns on March 3rd, and the nurses were wonderful.')).toBe(true);
    expect(recognizersFlagText('Our son Mateo Lindqvist was seen in your clinic for a school tour on March 3rd, and the nurses were wonderful.')).toBe(false);
  });
  it('anxiety attacks and panic attacks in Arabic', () => {
    const referral = (finding: string) => `أحيل إليكم ابنة السيدة حداد، ليلى حداد. لاحظنا ${finding} خلال الفصل الماضي.`;
    expect(recognizersFlagText(referral('نوبات هلع متكررة'))).toBe(true);
    expect(recognizersFlagText(referral('تحسناً كبيراً في الرياضيات'))).toBe(false);
  });
});

describe('whose health', () => {
  it('a full name right before a room code on a log row is an inpatient, not a doctor on a rota', () => {
    const log = (row: string) => recognizersFlag([{ where: 'body', text: 'This week\'s toy cart log attached.' },
      { where: 'attachment:toy_cart.csv', text: `date,item,donor,qty,given_to\n2025-03-02,Puzzle,Anonymous,4,stock\n${row}\n2025-03-04,Crayons,Lions Club,30,stock\n` }]);
    expect(log('2025-03-03,Board game,Anonymous,1,Zaylen Brennan rm 12 - new AML neutropenic - sealed toys only')).toBe(true);
    expect(log('2025-03-03,Board game,Anonymous,1,Zaylen Brennan rm 12 - loves board games - sealed toys only')).toBe(false);
    expect(recognizersFlagText('Dr. Ana Ruiz is on nights 3/1-3/7, Dr. Farid Karimi (PGY-2) covers sepsis consults days. Please update the paging list.')).toBe(false);
  });
});

// Sets 364-371, read once they were no longer held back.
describe('conditions, sets 364-371', () => {
  it('a mass in an organ is a finding, and one "recovering from" a condition has it', () => {
    const list = (a: string, b: string) => `Dear volunteers,\n\nPlease keep these friends in your thoughts this week:\n\n- Harriet Quill (4 East), ${a}\n- Deacon Amos Pruitt, ${b}\n\nIn peace,\nVolunteer Office`;
    expect(recognizersFlagText(list('back from vacation', 'awaiting results for a lung mass'))).toBe(true);
    expect(recognizersFlagText(list('recovering from a stroke', 'home with family'))).toBe(true);
    expect(recognizersFlagText(list('recovering from a busy week', 'awaiting results for a bake sale'))).toBe(false);
  });
  it('voice disorders, and a wound oozing, in a patient\'s own words or addressed to them', () => {
    expect(recognizersFlagText('Hi Priya,\n\nGood work today. Your muscle tension dysphonia is easing with the massage; keep the straw phonation twice a day and rest the voice at lunch. I will see you on Tuesday for the next session of the programme.')).toBe(true);
    expect(recognizersFlagText('Hi Priya,\n\nGood work today. Your choir audition piece is easing with the practice; keep the straw phonation twice a day and rest the voice at lunch. I will see you on Tuesday for the next session of the programme.')).toBe(false);
  });
  it('a Persian membership number label', () => {
    expect(recognizersFlagText('من سارا رضایی هستم، شماره عضویت KRX771204833. لطفاً درخواست مرا بررسی کنید.')).toBe(true);
    expect(recognizersFlagText('من سارا رضایی هستم، شماره سفارش KRX771204833. لطفاً درخواست مرا بررسی کنید.')).toBe(false);
  });
  it('a Greek language disorder, and a name after "my son," in apposition', () => {
    const mail = (finding: string) => `Καλημέρα,\n\nθα ήθελα ραντεβού για τον γιο μου, Σπύρο Καλλέργη. Ο παιδίατρος υποψιάζεται ${finding}.\n\nΕυχαριστώ`;
    expect(recognizersFlagText(mail('γλωσσική διαταραχή'))).toBe(true);
    expect(recognizersFlagText(mail('ότι χρειάζεται γυαλιά ηλίου για την παραλία'))).toBe(false);
  });
  it('binge episodes in Hebrew', () => {
    expect(recognizersFlagText('הבת שלי, נועה, סובלת מהתקפי זלילה בלילה.')).toBe(true);
    expect(recognizersFlagText('הבת שלי, נועה, סובלת מחלומות רעים בלילה.')).toBe(false);
  });
});

describe('whose health, sets 364-371', () => {
  it('a Nepali name ends at the honorific copula or where the line goes on in Latin letters', () => {
    expect(recognizersFlagText('मेरो बुबा राम बहादुर थापा ICU को बेड ४ मा हुनुहुन्छ। डाक्टरले क्यान्सर भन्नुभयो।')).toBe(true);
    expect(recognizersFlagText('मेरी आमा गीता थापा हुनुहुन्छ। डाक्टरले क्यान्सर भन्नुभयो।')).toBe(true);
    expect(recognizersFlagText('मेरी आमा गीता थापा हुनुहुन्छ। उहाँ भोलि घर आउनुहुन्छ।')).toBe(false);
  });
  it('the reader a message greets does not own what it tells of someone else', () => {
    const note = (health: string) => `Hi Marcy,\n\nAttached are the records for the volunteer renewal. ${health}, treated with drops, all cleared, and her badge renews in June.\n\nVolunteer Services`;
    expect(recognizersFlagText(note('She had an ear infection in January'))).toBe(false);
    expect(recognizersFlagText(note('Your ear infection from January was'))).toBe(true);
  });
  it('a cell of a delimited row is a column, not a pronoun ("je" for Japanese encephalitis)', () => {
    const report = (header: string) => recognizersFlag([{ where: 'body', text: 'Monthly counts attached.\n\nSam' },
      { where: 'attachment:counts.csv', text: `month,${header},cholera_oral\n2025-01,41,88,5\n2025-02,38,91,4\n` }]);
    expect(report('rabies_pre,je')).toBe(false);
    expect(recognizersFlag([{ where: 'body', text: 'Sam here. My rabies shots are done and my je booster is next week.\n\nSam' }])).toBe(true);
  });
});

// Sets 372-379, read once they were no longer held back.
describe('what names no patient, sets 372-379', () => {
  it('a condition\'s abbreviation before a system\'s noun names the system ("HIE portal")', () => {
    const reset = (what: string) => `Hello Dana Whitcomb,\n\nA password reset was requested for your ${what} from IP address 192.0.2.77. If this was not you, call the service desk.\n\nRiverbend Identity Services`;
    expect(recognizersFlagText(reset('HIE portal account'))).toBe(false);
    expect(recognizersFlagText(reset('HIE follow-up, and your MRI'))).toBe(true);
  });
});

// Sets 380-387, read once they were no longer held back.
describe('what names no patient, sets 380-387', () => {
  it('"my inpatient worklist" is the writer\'s work, not their health', () => {
    expect(recognizersFlagText('Hi Joan,\n\nI would like PTO from May 5 through 9. Devon will cover my inpatient worklist while I am out.\n\nThanks,\nMarta')).toBe(false);
    expect(recognizersFlagText('Hi Joan,\n\nI would like PTO from May 5 through 9. I will be an inpatient for my knee surgery while I am out.\n\nThanks,\nMarta')).toBe(true);
  });
  it("an organisation's card pays for goods ('our corporate Mastercard')", () => {
    const order = (whose: string) => `Hi Northline,\n\nPlease add 10 IV poles to PO 77310 and charge ${whose} 5119 7898 7613 0159, exp 10/27, name on card Lakeside Home Infusion LLC.\n\nThanks,\nPurchasing`;
    expect(recognizersFlagText(order('our corporate Mastercard'))).toBe(false);
    expect(recognizersFlagText(order('the Mastercard on file'))).toBe(true);
  });
  it('the "I" of a blank form is whoever fills it in', () => {
    const form = (fields: string) => recognizersFlag([{ where: 'body', text: 'Hola a todos,\n\nAdjunto el consentimiento nuevo para fotografías clínicas.\n\nAntonia' },
      { where: 'attachment:consentimiento.txt', text: `CONSENTIMIENTO\n\n${fields}\n\nAutorizo a la clínica a tomar fotografías de mi lesión de psoriasis para mi expediente.` }]);
    expect(form('Nombre del paciente: ______________\nFecha de nacimiento: ____/____/______\nFirma: ______________')).toBe(false);
    expect(form('Nombre del paciente: Antonia Reyes\nFirma: Antonia Reyes')).toBe(true);
  });
});

// Sets 388-395, read once they were no longer held back.
describe('sets 388-395', () => {
  it('a Polish referral: "pacjenta" before a name, "ur." before a birth date, a fracture', () => {
    expect(recognizersFlagText('Szanowni Państwo,\n\nkieruję na rehabilitację pacjenta Tomasza Wrońskiego, ur. 03.07.1958, stan po złamaniu kości promieniowej.\n\nZ poważaniem')).toBe(true);
    expect(recognizersFlagText('Szanowni Państwo,\n\nzapraszamy na spotkanie zespołu, godz. 03.07, sala konferencyjna na drugim piętrze.\n\nZ poważaniem')).toBe(false);
  });
  it('diabetic retinopathy in Hindi', () => {
    expect(recognizersFlagText('प्रिय श्री विनोद मेहता, आपकी डायबिटिक रेटिनोपैथी की जाँच 12 जून को तय है।')).toBe(true);
    expect(recognizersFlagText('प्रिय श्री विनोद मेहता, आपकी पार्किंग पास की जाँच 12 जून को तय है।')).toBe(false);
  });
  it('a patient-facing office and its mailing are no patient ("Patient Relations Quarterly")', () => {
    const note = (subject: string) => recognizersFlag([{ where: 'subject', text: subject }, { where: 'body', text: 'Team,\n\nThis quarter we received 180 compliments; the infusion center and L&D were named most. Thank you for everything you do.' }]);
    expect(note('Patient Relations Quarterly: your compliments')).toBe(false);
    expect(note('Patient Rosalind Okafor: your compliments')).toBe(true);
  });
  it('an identifier beginning "EXAMPLE" is an example', () => {
    const template = (mrn: string) => recognizersFlag([{ where: 'body', text: 'The vendor wants this CSV layout for the migration.' },
      { where: 'attachment:import.csv', text: `mrn,last_name,first_name,cycle_type\n${mrn},Example,Patient,IVF\n` }]);
    expect(template('EXAMPLE0001')).toBe(false);
    expect(template('MRX0048812')).toBe(true);
  });
});

// Sets 396-403, read once they were no longer held back.
describe('sets 396-403', () => {
  it('a named lab test is a healthcare setting for an SSN ("urine drug screen")', () => {
    const order = (test: string) => `Hi ClearPoint,\n\nPlease register the candidate below for ${test}, post-offer.\n\nCandidate: Marcus Ilesanmi\nSSN: 685-23-6527\nAuthorization #: LV-44120\n\nThanks,\nJo`;
    expect(recognizersFlagText(order('a 10-panel urine drug screen'))).toBe(true);
    expect(recognizersFlagText(order('a building access badge'))).toBe(false);
  });
  it('varicose veins and a closure procedure in Korean', () => {
    expect(recognizersFlagText('박영희 님, 안녕하세요. 7월 9일 오전 10시 하지정맥류 고주파 폐쇄술 예약이 확인되었습니다.')).toBe(true);
    expect(recognizersFlagText('박영희 님, 안녕하세요. 7월 9일 오전 10시 주차권 발급 예약이 확인되었습니다.')).toBe(false);
  });
  it("a hotline's number is a service's, whoever the sentence speaks of", () => {
    const notice = (line: string) => `Pharmacy alert: the maker recalled tacrolimus 1 mg capsules, lot T4410, for a dissolution failure. No dispensed doses from this lot are recorded here. Clinics may see patient calls - refer them to ${line} 608-555-0140.`;
    expect(recognizersFlagText(notice('the pharmacy hotline'))).toBe(false);
    expect(recognizersFlagText(notice('Mrs. Ferro, who took two doses, at'))).toBe(true);
  });
});

// Sets 404-411, read once they were no longer held back.
describe('sets 404-411', () => {
  it('a child visited by therapy dogs is the patient ("perros de terapia"), a dog with its DHPP record is not', () => {
    const visit = (animal: string) => `Buenas tardes,\n\nMi hijo Mateo Ruiz Vega está internado en pediatría desde el martes por convulsiones. El neurólogo le empezó levetiracetam 500 mg dos veces al día. Le encantan los perros y me dijeron que ustedes traen ${animal}. ¿Pueden visitarlo?\n\nGracias,\nLucía Vega`;
    expect(recognizersFlagText(visit('perros de terapia'))).toBe(true);
    // Since session 29 "Mi hijo <name>" makes the son the patient whatever dogs the mail names (no veterinary word proper).
    expect(recognizersFlagText(visit('perros a la sala de juegos'))).toBe(true);
    const record = (who: string, vaccines: string) => `Hi Therapy Tails,\n\nAttaching the records for the annual renewal. ${who} got his ${vaccines} is current. He had an ear infection in March treated with drops, resolved.\n\nDana Morrow`;
    expect(recognizersFlagText(record('Pepper (golden retriever, 5 yrs)', 'rabies booster on 03/02/2025, DHPP'))).toBe(false);
    expect(recognizersFlagText(record('My son Pepper Morrow (5 yrs)', 'tetanus booster on 03/02/2025, MMR'))).toBe(true);
  });
  it('Vietnamese "bệnh nhân" before a name, and an abnormal Pap (HSIL)', () => {
    const note = (whom: string, finding: string) => `Chào chị Lan,\n\nPhòng y tế cần một thông dịch viên vào 9 giờ sáng ngày 20/6 cho ${whom}. Bác sĩ sẽ giải thích ${finding}.\n\nCảm ơn chị`;
    expect(recognizersFlagText(note('bệnh nhân Trần Thị Hoa', 'kết quả Pap bất thường (HSIL)'))).toBe(true);
    // Since session 22 "bác sĩ" (doctor) and "phòng khám" (clinic) are healthcare context, so a labelled patient there is
    // a patient's visit, as in English: the twin names no patient instead.
    expect(recognizersFlagText(note('buổi họp nhân viên', 'lịch làm việc mới của phòng khám'))).toBe(false);
  });
});

// Sets 412-419, read once they were no longer held back.
describe('sets 412-419', () => {
  it('exhaled nitric oxide in ppb is a result, and the subject\'s name after it its patient', () => {
    const note = (subject: string) => recognizersFlag([{ where: 'subject', text: subject }, { where: 'body', text: "fyi for Dr. Tran's clinic tomorrow morning" }]);
    expect(note('FeNO 61 ppb - Lindgren, Tove')).toBe(true);
    expect(note('Room 61 booked - Lindgren, Tove')).toBe(false);
  });
  it('a study of the reader\'s condition is theirs ("your psoriasis trial"), a flu clinic stays a service', () => {
    const note = (what: string) => `Dear Mr. Ostrander,\n\nAs discussed at the pharmacy window, please keep the study syringes for ${what} in the refrigerator, never in the freezer, and bring the used ones to your next visit.\n\nErik Lindqvist, PharmD`;
    expect(recognizersFlagText(note('your psoriasis trial'))).toBe(true);
    expect(recognizersFlagText(note('our flu clinic'))).toBe(false);
  });
});
