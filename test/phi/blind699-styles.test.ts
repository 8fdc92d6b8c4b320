import { describe, expect, it } from 'vitest';
import { createDetector, dictionary, htmlToText, scanParts } from '../../phi/index.ts';
import { recognizersFlag } from './recognizers.ts';

// Readings added in session 23 from blind sets 699-706 (held back through session 22, then read) and the sets written
// after them. Made-up names and numbers; none taken from a test set. Each case has a twin that must go the other way.

const detector = createDetector(dictionary);
const flags = (subject: string, body: string): boolean => scanParts([{ where: 'subject', text: subject }, { where: 'body', text: body }]).containsPhi;
const rules = (subject: string, body: string): boolean => recognizersFlag([{ where: 'subject', text: subject }, { where: 'body', text: body }]);

describe('given names the lists lacked, sets 699-706', () => {
  it('a South Asian given name after "visit for" names the patient of the codes', () => {
    expect(flags('coding', 'Nadia - for the 4/02 clinic visit for Vivaan Kulkarni use F32.1 and Z71.89 on the claim. Tom')).toBe(true);
    expect(flags('coding', 'Nadia - for the 4/02 clinic visits use F32.1 and Z71.89 on the claims. Tom')).toBe(false);
  });
  it('a Polish surname and given name as the whole subject, with a diagnosis code in the body', () => {
    expect(flags('Wiśniewska, Grażyna', 'Dx A15.0, add to TB registry pls. thx')).toBe(true);
    expect(flags('Wiśniewska, Grażyna', 'Added to the parking permit list pls. thx')).toBe(false);
  });
});

describe('what is no one\'s health or name, sets 699-706', () => {
  it('"Pt" closing a Polish weekday range ("Czw–Pt:") is Friday, not a patient label', () => {
    const rota = (last: string) => rules('Grafik - lipiec', `Pon–Wt: Ola Kamińska\nŚr: Ola Kamińska\n${last}\n\nDzięki, Ola`);
    expect(rota('Czw–Pt: Tomasz Lewandowski, Joanna Wójcik')).toBe(false);
    expect(rota('Pt: Tomasz Lewandowski, cukrzyca typu 2, insulina')).toBe(true);
  });
  it('a part number ending in "220M" is no age after a name', () => {
    const invoice = (line: string) => rules('Invoice INV-7781', `Bill to: Lakeside Spine Center, 90 Harbor Rd Ste 2, Dover DE 19901\n${line}\nShipped UPS\nbilling@braceworks.example`);
    expect(invoice('  10 x TLSO brace (SKU BW-TLSO-220M) @ $150.00, 5 x thumb splint')).toBe(false);
    expect(invoice('  Gloria Mendez 84F, thumb splint fitted')).toBe(true);
  });
  it('a shipment\'s total weight is no one\'s weight', () => {
    expect(rules('waste pickup', 'Manifest 4471\nTotal weight: 38 lb\nDriver: M. Valdez, truck 7')).toBe(false);
    expect(rules('weights', 'Mr. Valdez weight: 238 lb, up 9 lb since March')).toBe(true);
  });
  it('an infusion recliner ordered from a furniture vendor is gear, not someone\'s infusion', () => {
    const order = (item: string) => rules('Order confirmation #4410', `Thank you for your order!\n${item}\nShip to: Hillcrest Neurology, 12 Elm St Ste 300, Dover DE 19901\norders@seatco.example`);
    expect(order('2 x SeatCo infusion recliner, grey')).toBe(false);
    expect(order('Mrs. Ngata\'s infusion moved to Tuesday')).toBe(true);
  });
  it('a Korean condition before "환자" (arthritis patients) is no name', () => {
    expect(rules('관절염 환자를 위한 겨울 건강 안내', '관절염은 추운 날씨에 더 뻣뻣할 수 있습니다. 독감 예방접종을 받으세요.')).toBe(false);
    expect(rules('김지호 환자 관절염 악화', '메토트렉세이트 증량 예정입니다.')).toBe(true);
  });
  it('a campaign persona the mail calls made up ("kathang-isip") is nobody', () => {
    const nobody = (note: string) => detector.signals([{ where: 'subject', text: 'Kampanya: si Tita Nena at ang flu shot' }, { where: 'body', text: `Kilalanin si Tita Nena, 70. Abala sa mga apo, pero hindi niya nakakalimutan ang taunang flu shot.${note}` }]).recognizers.nobody;
    expect(nobody('\n\n(Si Tita Nena ay kathang-isip na karakter para sa kampanya.)')).toBe('made-up');
    expect(nobody('')).toBeFalsy();
  });
});

describe('what is no one\'s home or name, sets 761-768', () => {
  it('"Home" inside an organisation\'s name is no one\'s home', () => {
    const shipped = (to: string) => rules('Your order has shipped', `Items: 4 x automatic blood pressure monitor (large cuff)\nTracking: 1Z9X4A720394418826\nDeliver to: ${to}`);
    expect(shipped('Maple & Home Geriatrics, 410 W Oak St, Dover DE 19901')).toBe(false);
    expect(shipped('Mrs. Alvarez, Home: 410 W Oak St, Dover DE 19901 (her new CHF scale)')).toBe(true);
  });
  it('Persian "class" and "training" after "Ms" are no name ("خانم کریمی کلاس آموزش …")', () => {
    expect(rules('برنامه کلینیک', 'همکاران عزیز، خانم رضایی کلاس آموزش انسولین را به پنجشنبه منتقل کرده‌اند.')).toBe(false);
    expect(rules('برنامه کلینیک', 'بیمار خانم مریم رضایی دیابت نوع ۲ دارد و انسولین می‌گیرد.')).toBe(true);
  });
});

describe('readings from sets 769-776', () => {
  it('cognitive screening scores (MoCA, MMSE, SLUMS) are test results', () => {
    expect(flags('', '2291804 — moca 19/30 today (22 in may). no change to donepezil for now, recheck 6 mo. -JT')).toBe(true);
    expect(flags('', 'Reminder: the moca takes about ten minutes and needs the clock page; donepezil handouts are at the desk. -JT')).toBe(false);
  });
  it('a filled-in HTML form carries its answers in its fields\' values', () => {
    expect(htmlToText('<tr><td>Name</td><td><input value="Okafor, Ngozi"></td></tr>')).toContain('Okafor, Ngozi');
    expect(htmlToText('<input type="hidden" value="token-8841"><input type="submit" value="Send">')).not.toMatch(/token|Send/);
    const form = (name: string) => scanParts([{ where: 'subject', text: 'Screening completed' }, { where: 'body', text: htmlToText(`<table><tr><td>Name</td><td><input value="${name}"></td></tr><tr><td>Current medications</td><td><input value="sertraline 100 mg daily"></td></tr></table>`) }]).containsPhi;
    expect(form('Okafor, Ngozi')).toBe(true);
    expect(form('')).toBe(false);
  });
  it('"pour", "para" and "für" before a known given name say whom the care is for, as "for" does', () => {
    expect(rules('suivi', 'Petit suivi pour Lucas Bergeron (hockey masculin) : commotion cérébrale le 12 octobre.')).toBe(true);
    expect(rules('suivi', 'Petit suivi pour Lucas Bergeron (hockey masculin) : nouvel horaire le 12 octobre.')).toBe(false);
  });
  it('a name found by its shape alone still owns the care "for" it names', () => {
    expect(rules('billing', 'for the 3/20 visit for Maria Lopez use F41.1 on the claim.')).toBe(true);
    expect(rules('billing', 'for 3/20 visits, Maria Lopez in billing says F41.1 goes on the claim.')).toBe(false);
  });
  it('an acronym in capitals before a bracketed count is no name with an age ("ESI (8)")', () => {
    expect(rules('Room assignments', 'Mon Room 1: Dr. Quintero – ESI (8), SI joint (2)\nFri Room 1: Dr. Quintero – kyphoplasty (1), ESI (4)')).toBe(false);
    expect(rules('peds', 'Esi Mensah (8) – asthma flare, albuterol')).toBe(true);
  });
  it('"For immediate publication" heads a public figure\'s own statement', () => {
    const statement = (heading: string) => rules('Fwd: Statement from Coach Dwayne Harlan', `Forwarding the release.\n\n${heading}"This week I was diagnosed with early-stage prostate cancer. I'll start treatment next month." — Coach Dwayne Harlan\n\nMedia: press@athletics.example`);
    expect(statement('For immediate publication:\n\n')).toBe(false);
    expect(statement('')).toBe(true);
  });
  it('a clinician who signs is staff wherever the mail names them', () => {
    const mail = (sig: string) => rules('RE: rounds', `Tuesday works for us; ask Rosa Castellanos about the heart failure case list.\n\n${sig}`);
    expect(mail('Rosa Castellanos, MD\nRiverbend Cardiology')).toBe(false);
    expect(mail('Dana')).toBe(true);
  });
});

describe('readings from sets 777-784', () => {
  it('a result a clinician calls "prob fake" is doubted, not made-up data', () => {
    expect(rules('redraw', 'pt John Kowalsky dob 7/22/61 needs a redraw, K 6.1 prob fake (hemolyzed)')).toBe(true);
    expect(rules('training', 'Training file: pt John Kowalsky dob 7/22/61, K 6.1 - fake data, made up for the class')).toBe(false);
  });
  it('a Portuguese greeting ("Olá") names the reader whose "sua consulta" it is', () => {
    expect(rules('Lembrete de consulta', 'Olá Theo Albuquerque,\n\nLembrete: sua consulta com o Dr. Montes é no dia 15/05, para revisar a dose de estradiol.')).toBe(true);
    expect(rules('Lembrete de reunião', 'Olá Theo Albuquerque,\n\nLembrete: a reunião com o Dr. Montes é no dia 15/05, para revisar o contrato do estradiol.')).toBe(false);
  });
  it('a surgery waitlist is a list, not the writer\'s surgery', () => {
    const reply = (body: string) => recognizersFlag([{ where: 'subject', text: 'Re: open slot Tuesday' }, { where: 'body', text: body }, { where: 'quoted', text: '> On Mon, Jesse Lindqvist wrote:\n> I have a 2pm new-patient slot Tuesday. Good for a surgery consult or a diabetes intake.' }]);
    expect(reply("I'll take it for the surgery waitlist, thanks!")).toBe(false);
    expect(reply("I'll take it for my surgery consult, thanks!")).toBe(true);
  });
  it('"filling her prescriptions" is the verb, "her filling" a tooth\'s', () => {
    expect(rules('DEA on file', 'Our file for Dr. Amara Okafor shows a DEA registration expiring 05/31/2025; we need the renewed certificate to keep filling her controlled prescriptions. Please fax to (503) 555-0178.')).toBe(false);
    expect(rules('dental', 'Ms. Reyes lost her filling on #14 yesterday; please call her at (503) 555-0178.')).toBe(true);
  });
});

describe('readings from sets 785-792', () => {
  it('Korean sleeping pills and the emergency room are health words', () => {
    expect(rules('급해요', '제 룸메이트 최유나(Yuna Choi)가 어젯밤에 수면제를 한꺼번에 많이 먹어서 응급실에 갔다 왔어요.')).toBe(true);
    expect(rules('급해요', '제 룸메이트 최유나(Yuna Choi)가 어젯밤에 라면을 한꺼번에 많이 먹어서 편의점에 갔다 왔어요.')).toBe(false);
  });
  it('stored oocytes are a fertility patient\'s treatment', () => {
    const letter = (what: string) => rules('Storage renewal', `Dear Kelsey Dunmore,\n\nYour 6 ${what} remain in storage with us. The annual fee of $650 is due June 1.`);
    expect(letter('vitrified oocytes')).toBe(true);
    expect(letter('framed photo prints')).toBe(false);
  });
  it('a date on its own list item is no date of care for the visits named on the item above', () => {
    const plan = (item: string) => rules('SHIP benefits', `Administered by Cardinal Mutual, group number G-88120.\n- $0 copay at Student Health\n- Mental health visits covered at 90%${item}`);
    expect(plan('\n- Waiver deadline: September 15')).toBe(false);
    expect(plan(', next visit September 15')).toBe(true);
  });
  it('a foundation is no person ("Resumen para la Fundación Valle Verde")', () => {
    expect(rules('Informe', 'Resumen para la Fundación Valle Verde (datos agregados):\n- 71 con insuficiencia cardíaca, 44 con diabetes tipo 2')).toBe(false);
    expect(rules('Informe', 'Resumen para Lucía Valle Verde (datos agregados):\n- insuficiencia cardíaca, diabetes tipo 2')).toBe(true);
  });
  it('"A personal note from President …" is a public figure\'s own statement', () => {
    const note = (subject: string) => rules(subject, 'Dear colleagues,\n\nlast month I was diagnosed with early-stage prostate cancer and I will have surgery in December.\n\nCharles Ashworth');
    expect(note('A personal note from President Ashworth')).toBe(false);
    expect(note('A note')).toBe(true);
  });
  it('a person cue in an earlier paragraph says nothing of the number under it', () => {
    const recall = (gap: string) => rules('recall', `Recalling bevacizumab 1.25 mg syringes. Practices should review their logs; the pharmacy does not hold patient-level information.${gap}Quality Team, 414-555-0108`);
    expect(recall('\n\n')).toBe(false);
    expect(recall(' ')).toBe(true);
  });
});

describe('readings from sets 793-800', () => {
  it('a short test name in lower case counts with its written result ("trop neg"), as with a number', () => {
    expect(rules('', '00918264 — needs tele bed, chest pain r/o ACS, first trop neg. ED wants him up by 1500.')).toBe(true);
    expect(rules('', '00918264 — needs tele bed, chest pain r/o ACS, first trop pending. ED wants him up by 1500.')).toBe(false);
  });
  it('"last" between a test and its value ("A1c last 8.4") is no other word', () => {
    expect(rules('labs', 'Tomasz Wrobel: A1c last 8.4, up from 7.9')).toBe(true);
    expect(rules('labs', 'Tomasz Wrobel: A1c class 8, room 4')).toBe(false);
  });
});

describe('readings from sets 801-808', () => {
  it('Spanish and Portuguese cirrhosis ("cirrosis", "cirrose") is a condition', () => {
    expect(rules('Reunión', 'Reunión con la esposa de Rafael Benítez: cirrosis descompensada, hablar de hospicio.')).toBe(true);
    expect(rules('Reunión', 'Reunión con la esposa de Rafael Benítez: jubilación anticipada, hablar del contrato.')).toBe(false);
  });
  it('a statement its author "published … on his own public channels" is a public figure\'s', () => {
    const repost = (how: string) => rules('For social: statement', `Comms team - the rower Marcus Delacroix ${how} and asked us to share it.\n\n"Many of you know I was born with congenital heart disease. This spring I'm having my pulmonary valve replaced." - Marcus Delacroix`);
    expect(repost('published the statement below on his own public channels')).toBe(false);
    expect(repost('sent us the note below')).toBe(true);
  });
  it('a unit must end its word ("BI-RADS 0 callback letters" holds no °C), and "On Mon," is Monday, not French "my"', () => {
    const thread = (line: string) => rules('Re: letters', `> On Mon, Nov 11, 2024, Renata Oyelaran wrote:\n> ${line}`);
    expect(thread('BI-RADS 0 callback letters went out two days late because the printer jammed.')).toBe(false);
    expect(thread('my BI-RADS 0 callback came, what now?')).toBe(true);
  });
  it('a language named in its own tongue ("Af-Soomaaliga") is no person', () => {
    expect(rules('Interpreter hours', 'Waalidiinta ku hadla Af-Soomaaliga: ballamaha endoscopy-ga subaxdii hore, fadlan naga soo wac. Tel 360-555-0100.\n\nKelsey, Front Desk')).toBe(false);
    expect(rules('Interpreter hours', 'Hooyada Faadumo Cali: ballamaha endoscopy-ga subaxdii hore, fadlan naga soo wac. Tel 360-555-0100.\n\nKelsey, Front Desk')).toBe(true);
  });
  it('a writer named with the programme they speak for ("Anselmo Ortiz del programa …") is no patient', () => {
    const invite = (who: string) => rules('invitación', `Buenas tardes, les escribe Anselmo Ortiz${who}. Queremos hablar de la diabetes y la insulina. Pueden llamarme al (559) 555-0131.`);
    expect(invite(' del programa de radio')).toBe(false);
    expect(invite(', paciente de la clínica')).toBe(true);
  });
  it('a saint before a given name makes a place ("San Miguel Cuevas"); Spanish "tiene tos", "calentura"', () => {
    expect(rules('paisanos', 'la asociación de San Miguel Cuevas: varios paisanos tienen tos y calentura')).toBe(false);
    expect(rules('paisanos', 'Miguel Cuevas tiene tos y calentura desde el domingo')).toBe(true);
  });
});

describe('readings from sets 809-816', () => {
  it('mixed-case credentials after a name (AuD, PsyD, PharmD) mark a clinician', () => {
    expect(rules('directory update', 'New in-network providers:\n- Samuel Greaves, MD, Cardiology, NPI 1713954828, 410 Mesa Blvd, (575) 555-0121\n- Ana Lucero, AuD, Audiology, NPI 1266840135, 77 Plaza Real, (575) 555-0122\n- Ibrahim Haddad, MD, Gastroenterology, NPI 1490573288, (575) 555-0123')).toBe(false);
    expect(rules('referral', '- Ana Lucero, 67, audiology referral for hearing loss, 77 Plaza Real, (575) 555-0122')).toBe(true);
  });
  it('a training named for the care ("the insulin pen training") is teaching staff, no one\'s care', () => {
    const booking = (what: string) => recognizersFlag([{ where: 'subject', text: 'Re: Room 204 on Thursday' }, { where: 'body', text: 'Sure, take it from 1 to 3.\n\nTomás' }, { where: 'quoted', text: `From: Lucía Ferreira\nSent: Tuesday, March 4, 2025 9:02 AM\n\nCan I borrow Room 204 Thursday afternoon for ${what}? We need the big screen.` }]);
    expect(booking('the insulin pen training with the new nurses')).toBe(false);
    expect(booking('my insulin pen refill and a talk about my diabetes')).toBe(true);
  });
});

describe('readings from sets 817-824', () => {
  it('TMJ is a condition ("Priya Raman - TMJ eval 5/6")', () => {
    expect(rules('Re: Priya Raman - TMJ eval 5/6', 'Confirmed, room 3.')).toBe(true);
    expect(rules('Re: Priya Raman - budget review 5/6', 'Confirmed, room 3.')).toBe(false);
  });
  it('a church or a mosque is no person ("St. James Church")', () => {
    expect(rules('Free shots Saturday', 'Free flu and COVID shots Saturday at St. James Church, 55 Wharf St, Port Aldon. No appointment needed.')).toBe(false);
    expect(rules('Flu shot Saturday', 'Flu shot Saturday for James Whitfield, 55 Wharf St, Port Aldon, after his COVID last month.')).toBe(true);
  });
});

describe('readings from sets 825-832', () => {
  it('rows of names in capitals, surname first ("ODOM, CLARENCE   G30.0"), with codes on the line', () => {
    const rows = (a: string, b: string) => rules('codes', `Please double-check these:\n\n${a}      G30.0   F02.80\n${b}      G30.1   N39.0`);
    expect(rows('ODOM, CLARENCE', 'LINDQVIST, MAE')).toBe(true);
    expect(rows('BUDGET, REVIEW', 'STAFF, MEETING')).toBe(false);
  });
  it('a resident\'s number in a link\'s path ("/residents/LH-204430/mar") is a record number', () => {
    const link = (path: string) => rules('missed doses?', `Can someone look at this before med pass: https://ehr.cedarhollow.example/${path}/LH-204430/mar?date=2024-04-02\nTwo evening doses of the rivastigmine patch show as not documented.`);
    expect(link('residents')).toBe(true);
    expect(link('reports')).toBe(false);
  });
  it('a growth hormone stimulation test is a procedure', () => {
    expect(rules('Confirming 7/22', "This confirms Harper Quinn's growth hormone stimulation test on Monday, July 22.")).toBe(true);
    expect(rules('Confirming 7/22', "This confirms Harper Quinn's growth hormone presentation on Monday, July 22.")).toBe(false);
  });
});
