import { describe, expect, it } from 'vitest';
import { createDetector, dictionary, scanParts } from '../../phi/index.ts';
import { recognizersFlag } from './recognizers.ts';

// Readings added in session 22 from blind sets 619-626 (held back through session 21, then read). Made-up names and
// numbers; none taken from a test set. Each case has a twin that must go the other way.

const detector = createDetector(dictionary);
const flags = (subject: string, body: string): boolean => scanParts([{ where: 'subject', text: subject }, { where: 'body', text: body }]).containsPhi;
/** The recognizers' reading of a short covering note with one attachment's file name. */
const fileNamed = (name: string): boolean => recognizersFlag([{ where: 'subject', text: 'report' }, { where: 'body', text: 'see attached' }, { where: 'attachment-name', text: name }]);
/** Every name the detector reads in a body, signers included. */
const allNames = (text: string): string[] => scanParts([{ where: 'body', text }]).findings.filter((f) => f.type === 'PATIENT_NAME').map((f) => text.slice(f.start, f.end));

describe('health words the dictionary lacked, sets 619-626', () => {
  it('a hereditary-cancer gene named in a result is health content', () => {
    expect(flags('Call list', 'Please call Rosalind Achebe this week about her MSH6 result before the clinic on Friday.')).toBe(true);
    expect(flags('Call list', 'Please call Rosalind Achebe this week about her parking permit before the clinic on Friday.')).toBe(false);
  });
  it('a gene in a file name with a name and a date of birth makes the file a patient\'s report', () => {
    expect(fileNamed('Okonkwo_T_DOB1971-05-09_CHEK2_positive_report.pdf')).toBe(true);
    expect(fileNamed('Okonkwo_T_DOB1971-05-09_parking_permit_form.pdf')).toBe(false);
  });
  it('stored blastocysts are a fertility patient\'s treatment', () => {
    const letter = (what: string) => flags('Annual renewal - Lindqvist', `Dear Daniel and Sofia Lindqvist,\n\nYour 3 ${what} remain in storage with us. The annual fee of $600 is due June 1; please sign the attached form to continue.`);
    expect(letter('vitrified blastocysts')).toBe(true);
    expect(letter('framed photo prints')).toBe(false);
  });
  it('opioid-treatment drugs in Ukrainian and Russian', () => {
    expect(flags('Ольга Бондар — позитивний тест на фентаніл', 'Деталі завтра.')).toBe(true);
    expect(flags('Ольга Бондар — позитивний відгук про семінар', 'Деталі завтра.')).toBe(false);
    expect(flags('Ирина Козлова — доза метадона', 'Подробности завтра.')).toBe(true);
    expect(flags('Ирина Козлова — доклад на семинаре', 'Подробности завтра.')).toBe(false);
  });
});

describe('who signs, sets 619-626', () => {
  it('a back office signing a mail is no one\'s name', () => {
    expect(allNames('New bio for the website is attached.\n\nThanks,\nMarketing')).toEqual([]);
    expect(allNames('New bio for the website is attached.\n\nThanks,\nMarguerite')).toEqual(['Marguerite']);
  });
});

describe('staff introduced by their job, sets 619-626', () => {
  it('a new colleague introduced as any "-ist" is staff', () => {
    const welcome = (job: string) => flags('A new colleague', `Hi all,\n\nPlease welcome Ingrid Solberg, ${job}, who joins us from a lab in Bergen. Ingrid will be working the ICSI bench Monday to Thursday. Her extension is 555-0137.`);
    expect(welcome('our new senior embryologist')).toBe(false);
    expect(welcome('our new patient')).toBe(true);
  });
  it('without "new", an "-ist" or "-ian" after a name may be the patient ("the cyclist") or family ("the guardian")', () => {
    expect(allNames('Update on Tomas Reyes, a cyclist hit by a car: femur fracture, OR tonight.')).toEqual(['Tomas Reyes']);
    expect(allNames('Call Daniel Ortiz, the guardian, about the tonsillectomy date.')).toEqual(['Daniel Ortiz']);
  });
});

// Sets 667-674, read once their first look was scored.
describe('made-up data or a patient\'s, sets 667-674', () => {
  it('a clinical test\'s records are no QA "test records"', () => {
    const merge = (what: string) => flags('duplicate chart - please merge', `Hi team,\n\nFront desk created a duplicate chart at check-in. Please merge MRN QRT-0046218 into QRT-0046281 (the older one is the keeper, it has the ${what} records).\n\nDana Whitcombe\nPractice Manager`);
    expect(merge('skin test')).toBe(true);
    expect(merge('test')).toBe(false);
  });
});

// Sets 675-682, read once their first look was scored.
describe('patients the recognizers missed, sets 675-682', () => {
  it('a given name and a surname printed in capitals inside a sentence are a person\'s', () => {
    const notice = (whom: string) => recognizersFlag([{ where: 'subject', text: 'Prescription ready for pickup' }, { where: 'body', text: `A prescription for ${whom} is ready: methylphenidate 10 mg tablets, qty 30. Photo ID required at pickup.` }]);
    expect(notice('ELENA QUINTERO')).toBe(true);
    expect(notice('CAMPUS DELIVERY')).toBe(false);
  });
  it('a chart number right after the kind of document that opens a file name', () => {
    expect(fileNamed('OpNote_CH-2281467_R-TKA_2025-05-02.pdf')).toBe(true);
    expect(fileNamed('OpNote_template_R-TKA_2025-05-02.pdf')).toBe(false);
  });
  it('Italian and Portuguese column headers name a table\'s patients and birth dates', () => {
    const csv = (header: string) => recognizersFlag([{ where: 'body', text: 'list attached' }, { where: 'attachment:list.csv', text: `${header}\nBianchi;Ornella;1947-02-11;colonoscopy\nGallo;Vittorio;1950-08-23;colonoscopy\n` }]);
    expect(csv('cognome;nome;data_nascita;intervento')).toBe(true);
    expect(csv('sala;turno;data_evento;intervento')).toBe(false);
  });
  it('a room abbreviation closes a name typed in lower case', () => {
    expect(allNames('guess who\'s back w/ the cough again lol. james okafor rm 2, 3rd time this yr. can u sign?')).toEqual(['james okafor']);
  });
});

describe('nobody\'s health, sets 675-682', () => {
  it('a public figure\'s news, posted on an official page, names no patient of ours', () => {
    const news = (source: string) => flags('FYI', `Saw this this morning: "Mayor Lucinda Ferreira-Obi announced ${source} that she will undergo a hip replacement next month and will work remotely for two weeks."`);
    expect(news('on her official page')).toBe(false);
    expect(news('at her pre-op visit with us')).toBe(true);
  });
  it('a room or a kit named for the care is no one\'s care', () => {
    const visit = (place: string) => recognizersFlag([{ where: 'subject', text: 'Thursday' }, { where: 'body', text: `Hi all,\n\nMs. Orla Brannigan will be in the suite Thursday 10-12 to look at the ${place}. Her cell is 555-0143 if she's not at the front desk.\n\nKelsey` }]);
    expect(visit('rehab gym')).toBe(false);
    expect(visit('rehab plan with her daughter')).toBe(true);
  });
  it('a representative from a partners\' firm is no patient', () => {
    expect(allNames('Daniel Lindqvist from Harrow Anesthesia Partners is bringing lunch Thursday.')).toEqual([]);
    expect(allNames('Daniel Lindqvist from Harrow is bringing lunch Thursday.')).toEqual(['Daniel Lindqvist']);
  });
});

// Sets 683-690, read once their first look was scored.
describe('patients the recognizers missed, sets 683-690', () => {
  it('a Ukrainian or Russian surname written before the given name', () => {
    expect(flags('Ковальчук Ольга — біопсія печінки 21.05, результат', 'Див. вкладення.')).toBe(true);
    expect(flags('Ковальчук Ольга — звіт про семінар 21.05', 'Див. вкладення.')).toBe(false);
    expect(flags('Соколова Марина — биопсия печени 21.05', 'См. вложение.')).toBe(true);
  });
  it('Nepali spellings of haemoglobin, anaemia and ultrasound are health content', () => {
    const health = (text: string) => scanParts([{ where: 'body', text }]).findings.filter((f) => ['LAB_RESULT', 'DIAGNOSIS', 'OTHER'].includes(f.type)).map((f) => text.slice(f.start, f.end));
    expect(health('श्रीमती गुरुङको हेमोग्लोबिन ८.९ मात्र आयो, रक्तअल्पता भएको छ। अल्ट्रासाउन्ड भोलि।')).toEqual(['हेमोग्लोबिन', 'रक्तअल्पता', 'अल्ट्रासाउन्ड']);
    expect(health('श्रीमती गुरुङको चिठी आयो। भोलि बिहान आउन भनिदिनुहोस्।')).toEqual([]);
  });
  it('a transcranial Doppler is a procedure', () => {
    const reminder = (what: string) => recognizersFlag([{ where: 'subject', text: 'Reminder' }, { where: 'body', text: `This is a reminder that Samuel Mensah has an appointment on Tuesday at 10:00 AM, including his yearly ${what}.` }]);
    expect(reminder('transcranial Doppler')).toBe(true);
    expect(reminder('school photo')).toBe(false);
  });
});

describe('nobody\'s health, sets 683-690', () => {
  it('an official\'s statement about their own illness is a public figure\'s (which the wording model cannot overrule)', () => {
    const statement = (from: string) => detector.signals([{ where: 'subject', text: `Fwd: ${from}` }, { where: 'body', text: `FYI in case anyone asks.\n\n---------- Forwarded message ---------\nSubject: ${from}\n\n"I want you to hear this from me: last month I was diagnosed with stage II colon cancer. I begin chemotherapy next week."\n\nOffice of the County Commissioner` }]).recognizers.nobody;
    expect(statement('Statement from Commissioner Lionel Achterberg')).toBe('public figure');
    expect(statement('Lionel Achterberg')).toBe(null);
  });
  it('a press office\'s contact beside a public figure\'s health is no patient\'s', () => {
    const release = (opening: string) => recognizersFlag([{ where: 'subject', text: 'Gala keynote' }, { where: 'body', text: `${opening}\n\nOlympic rower Lena Castellanos will give the keynote at the Bayside Diabetes Foundation gala on May 3. "I was diagnosed with type 1 diabetes at 16, and I race with a pump and a CGM - I want every kid with T1D to know that's possible," Castellanos said in her own statement.\n\nMedia contact: press@bayside.example` }]);
    expect(release('FOR IMMEDIATE RELEASE')).toBe(false);
    expect(release('Internal note')).toBe(true);
  });
});

describe('an Amharic name after "patient", sets 683-690', () => {
  it('two words after the cue closed by a time word are the name', () => {
    expect(allNames('ታካሚ ዳዊት አለማየሁ ዛሬ በተንቀሳቃሽ ክሊኒኩ መጣ።')).toEqual(['ዳዊት አለማየሁ']);
    expect(allNames('ታካሚ ዳዊት አለማየሁ በተንቀሳቃሽ ክሊኒኩ መጣ።')).toEqual([]);
  });
});

// Sets 691-698, read once their first look was scored.
describe('made-up or de-identified data, sets 691-698', () => {
  it('an extract its sender calls deidentified: its study IDs name no one', () => {
    const extract = (subject: string) => recognizersFlag([{ where: 'subject', text: subject }, { where: 'body', text: 'Attached is the Q3 extract for the registry. Please do not add columns.' }, { where: 'attachment:extract.csv', text: 'study_id,year,sex,hgb,albumin\nR101,2024,F,10.1,3.6\nR102,2024,M,9.8,3.3\nR103,2024,M,11.0,3.9\n' }]);
    expect(extract('registry extract Q3 - deidentified')).toBe(false);
    expect(extract('registry extract Q3')).toBe(true);
  });
  it('two different fields in braces make a template, in any script', () => {
    const letter = (a: string, b: string) => detector.signals([{ where: 'subject', text: 'шаблон' }, { where: 'body', text: `Уважаемая ${a}!\n\nВаш результат цитологического исследования от ${b}. Пожалуйста, запишитесь на приём.` }]).recognizers.nobody;
    expect(letter('{ФИО}', '{ДАТА}')).toBe('made-up');
    expect(letter('Ирина Соколова', '12.03.2025')).toBe(null);
  });
});

describe('Punjabi and Tamil, sets 683-690', () => {
  it('a Tamil name after "Mrs", with a bypass operation and cardiac rehab', () => {
    const reminder = (greeting: string) => recognizersFlag([{ where: 'subject', text: 'நினைவூட்டல்' }, { where: 'body', text: `அன்புள்ள ${greeting},\n\nஉங்கள் பைபாஸ் அறுவை சிகிச்சைக்குப் பிறகான இதய மறுவாழ்வு அமர்வு மார்ச் 14 அன்று காலை 9:30 மணிக்கு நடைபெறும்.` }]);
    expect(reminder('திருமதி மீனாட்சி ராமலிங்கம்')).toBe(true);
    expect(reminder('நோயாளிகளே')).toBe(false);
    expect(allNames('அன்புள்ள திருமதி மீனாட்சி ராமலிங்கம்,\nவணக்கம்.')).toEqual(['மீனாட்சி ராமலிங்கம்']);
  });
  it('a Punjabi name after "Mrs", with a nukta written or left out, and health words', () => {
    expect(allNames('ਸ਼੍ਰੀਮਤੀ ਹਰਪ੍ਰੀਤ ਕੌਰ, ਕੱਲ੍ਹ ਆਉਣਾ।')).toEqual(['ਹਰਪ੍ਰੀਤ ਕੌਰ']);
    expect(allNames('ਸ੍ਰੀਮਤੀ ਹਰਪ੍ਰੀਤ ਕੌਰ, ਕੱਲ੍ਹ ਆਉਣਾ।')).toEqual(['ਹਰਪ੍ਰੀਤ ਕੌਰ']);
    const note = (what: string) => recognizersFlag([{ where: 'body', text: `ਸ਼੍ਰੀਮਤੀ ਹਰਪ੍ਰੀਤ ਕੌਰ, ${what}।` }]);
    expect(note('ਇਹਨਾਂ ਦਾ ਟੀਬੀ ਸਕਿਨ ਟੈਸਟ 14 mm ਆਇਆ ਹੈ')).toBe(true);
    expect(note('ਇਹਨਾਂ ਦਾ ਪਾਰਸਲ ਆਇਆ ਹੈ')).toBe(false);
  });
});

// Sets 707-714, read once their first look was scored.
describe('names in Hindi and Korean, sets 707-714', () => {
  it('"the patient\'s name is … " in Hindi, closed by the copula', () => {
    expect(allNames('नए मरीज़ का नाम सुनीता रानी वर्मा है, उन्हें कैंसर है।')).toEqual(['सुनीता रानी वर्मा']);
    expect(allNames('नए मरीज़ का नाम सूची में नहीं है, कैंसर क्लिनिक से पूछें।')).toEqual([]);
  });
  it('a word that qualifies "patient" in Korean is no name before it', () => {
    expect(allNames('실제 환자 번호는 이메일에 쓰지 마세요.')).toEqual([]);
    expect(allNames('김서연 환자 번호는 이메일에 쓰지 마세요.')).toEqual(['김서연']);
  });
});

// Sets 715-721, read once their first look was scored.
describe('nobody\'s health, sets 715-721', () => {
  it('a public figure\'s own blog or public page', () => {
    const post = (source: string) => detector.signals([{ where: 'subject', text: 'waiting-room screen' }, { where: 'body', text: `Saw this: Olympic cyclist Ines Varga announced ${source} that she has lived with type 1 diabetes since age 9 and trains with a CGM.` }]).recognizers.nobody;
    expect(post('on her own blog this week')).toBe('public figure');
    expect(post('at her visit this week')).toBe(null);
  });
  it('a persona said to be no real person is made up', () => {
    const appeal = (disclaimer: string) => flags('Meet Rosa', `Meet "Rosa" - ${disclaimer}, but her story is the story of many women we serve. Rosa has type 2 diabetes and no car. When our van comes, she gets her A1c checked and her metformin refilled.`);
    expect(appeal('she is not a real person')).toBe(false);
    expect(appeal('she lives near the farm')).toBe(true);
  });
  it('Arabic relative pronouns after "the patients" are no name', () => {
    expect(allNames('يرجى من جميع المريضات اللواتي لديهن موعد لفحص الدم شرب الماء.')).toEqual([]);
    expect(allNames('المريضة فاطمة الزهراني لديها موعد لفحص الدم.')).toEqual(['فاطمة الزهراني']);
  });
});

describe('basics of eight more languages (session 22 vocabulary)', () => {
  const found = (text: string, type: string) => scanParts([{ where: 'body', text }]).findings.filter((f) => f.type === type).map((f) => text.slice(f.start, f.end));
  it('Portuguese record numbers and conditions', () => {
    expect(found('Paciente: Rosa Amaral, prontuário 4471298. Tem pressão alta.', 'MRN')).toEqual(['4471298']);
    expect(found('Paciente: Rosa Amaral, prontuário 4471298. Tem pressão alta.', 'DIAGNOSIS')).toEqual(['pressão alta']);
    expect(found('Reunião: Rosa Amaral, sala 4471298. Tem café.', 'MRN')).toEqual([]);
  });
  it('Turkish birth-date labels and conditions', () => {
    expect(found('Hasta: Ayşe Demir, doğum tarihi 12.03.1961, şeker hastası.', 'DOB')).toEqual(['12.03.1961']);
    expect(found('Hasta: Ayşe Demir, doğum tarihi 12.03.1961, şeker hastası.', 'DIAGNOSIS')).toEqual(['şeker hastası']);
    expect(found('Toplantı: Ayşe Demir, 12.03.2026, şeker ve çay.', 'DIAGNOSIS')).toEqual([]);
  });
  it('Tagalog, Vietnamese and Somali health-insurance and record labels', () => {
    expect(found('PhilHealth number 0123-4567-8901 ni Gng. Reyes', 'HEALTH_PLAN_ID').length).toBe(1);
    expect(found('Số bệnh án 20458812, bà Nguyễn Thị Lan', 'MRN')).toEqual(['20458812']);
    expect(found('Lambarka bukaanka 7712094, Marwo Hodan Ali', 'MRN')).toEqual(['7712094']);
  });
});

// Sets 722-728, read once their first look was scored.
describe('nobody\'s health, sets 722-728', () => {
  it('in a public figure\'s own statement, "I" and the signature are the figure\'s', () => {
    const statement = (heading: string) => recognizersFlag([{ where: 'subject', text: 'Fwd: news' }, { where: 'body', text: `FYI in case families ask.\n\n---------- Forwarded message ---------\nFrom: press@city.example\n\n${heading}\n\nToday I want to share some personal news. Earlier this month I was diagnosed with early-stage breast cancer, and I begin treatment next week.\n\n- Mayor Corinne Valdez` }]);
    expect(statement('FOR IMMEDIATE RELEASE')).toBe(false);
    expect(statement('Thank you all')).toBe(true);
  });
  it('a persona "personaje ilustrativo" is made up', () => {
    const ad = (note: string) => flags('Conozca a Doña Elvira', `Doña Elvira* tiene 81 años y diabetes. Una enfermera la visitó en casa el día después del alta.\n\n*${note}`);
    expect(ad('Personaje ilustrativo; la foto es de una modelo.')).toBe(false);
    expect(ad('Gracias, Elvira, por dejarnos contar su historia.')).toBe(true);
  });
  it('an example SSN after "patient" is no record number either', () => {
    const slide = (n: string) => recognizersFlag([{ where: 'body', text: `Slide 7: never type a full SSN. The numbers below belong to no patient: ${n}. Use the secure messaging system.` }]);
    expect(slide('078-05-1120')).toBe(false);
    expect(slide('412-58-3907')).toBe(true);
  });
});

// Sets 729-736, read once their first look was scored.
describe('nobody\'s health, sets 729-736', () => {
  it('a councilmember or a mayor (alcaldesa) posting about their own illness is a public figure', () => {
    const post = (who: string) => detector.signals([{ where: 'subject', text: 'Fwd: statement' }, { where: 'body', text: `Comms team - ${who} asked us to share this on our page.\n\n"Friends, many of you know I have lived with kidney disease for years, and my brother will give me one of his kidneys this summer."` }]).recognizers.nobody;
    expect(post('Councilmember Imani Oduya is posting this publicly at noon and')).toBe('public figure');
    expect(post('Imani Oduya')).toBe(null);
  });
  it('a colleague from facilities is staff, in lower case too', () => {
    expect(allNames('Hi all, Wendell Achebe from facilities will swap the badge reader outside the transplant clinic.')).toEqual([]);
    expect(allNames('Hi all, Wendell Achebe will be seen at the transplant clinic.')).toEqual(['Wendell Achebe']);
  });
  // Session 28: "Assisted Living" no longer reads as someone's home (a residence's kind names the institution), so the
  // twin's home cue is "at home" now.
  it('an office named between a home cue and the address is where an order ships', () => {
    const invoice = (shipTo: string) => recognizersFlag([{ where: 'subject', text: 'Invoice INV-55120' }, { where: 'body', text: `Thank you for your order.\n\nPO: QM55120\nItems: nitrile gloves M (10 cs), lancets 30G (5 bx), glucometer control solution (6)\nSubtotal $912.40, shipping $0.00\nShipped via UPS, tracking 1Z8V47W20394811234\nShip to: ${shipTo}, 1400 Quillmark Road, Marrowfield, OH 43999\n\nQuillmark Medical Supply | orders@supply.example` }]);
    expect(invoice('Ilse Moravec at home, Wellness Office')).toBe(false);
    expect(invoice('Ilse Moravec at home')).toBe(true);
    expect(invoice('Cedar Hollow Assisted Living')).toBe(false);
  });
});

// Sets 737-744, read once their first look was scored.
describe('labels and dates, sets 737-744', () => {
  it('a Greek file-number label ("αρ. φακέλου") is a record number\'s', () => {
    const subject = (label: string) => recognizersFlag([{ where: 'subject', text: `Παράπονο – Νίκος Παπαδάκης, ${label} 51204477` }, { where: 'body', text: 'Καλημέρα, σου το στέλνω για καταχώριση.' }]);
    expect(subject('αρ. φακέλου')).toBe(true);
    expect(subject('αρ. παραγγελίας')).toBe(false);
  });
  it('a Japanese era birth date after 生年月日, with a first visit', () => {
    const booking = (born: string) => recognizersFlag([{ where: 'subject', text: '予約確認' }, { where: 'body', text: `初診の予約を承りました。\n生年月日：${born}\n予約日：5月21日 午前10時` }]);
    expect(booking('平成三年五月三日')).toBe(true);
    expect(booking('未記入')).toBe(false);
  });
  it('a public figure\'s own website', () => {
    const news = (source: string) => detector.signals([{ where: 'body', text: `Mayor Ottilie Brandvold published this ${source} this morning: "I have been diagnosed with early-stage breast cancer and will begin treatment next month."` }]).recognizers.nobody;
    expect(news('on her own website')).toBe('public figure');
    expect(news('in her chart')).toBe(null);
  });
});

// Sets 745-752, read once their first look was scored.
describe('clinicians, sets 745-752', () => {
  it('a credential followed by a dash and a talk\'s title is a speaker\'s', () => {
    expect(allNames('Confirmed speakers:\n- Anjali Natarajan, CHT – Orthoses for CMC arthritis\n')).toEqual([]);
    expect(allNames('Confirmed speakers:\n- Anjali Natarajan – Orthoses for CMC arthritis\n')).toEqual(['Anjali Natarajan']);
  });
});
