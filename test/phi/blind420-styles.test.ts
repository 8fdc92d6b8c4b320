import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';
import { recognizersFlag, recognizersFlagText } from './recognizers.ts';

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

// Sets 436-443, read once they were no longer held back.
describe('organisations and their numbers, sets 436-443', () => {
  it('a cardholder that is a bank or a mutual insurer is no person', () => {
    const order = (holder: string) => recognizersFlagText(`Please charge the order of 500 exam kits to this card:\n\n  Card: 4425 3082 9463 9352   Exp 09/27\n  Cardholder: ${holder}\n\nReceipt to the lab office.`);
    expect(order('Northwind Mutual Life / Underwriting Operations')).toBe(false);
    expect(order('Lakeshore Cord Blood Bank / Processing')).toBe(false);
    expect(order('Gwendolyn Tallis (for her own cord blood storage fee)')).toBe(true);
  });
  it('a policy number under a liability policy named before its label is no member\'s', () => {
    const notice = (kind: string) => recognizersFlagText(`Grace Church Health Ministry\nYour ${kind} (Policy No. GL-4471-2025-093) renews 08/01/2025. Annual premium: $1,284.00.`);
    expect(notice('professional liability policy for volunteer nurses')).toBe(false);
    expect(notice('health insurance policy for the parish nurse visits')).toBe(true);
  });
  it('a bare ID that continues a list of payer IDs is a payer\'s', () => {
    expect(recognizersFlagText('Rates for cord blood acquisition under the 2025 amendment:\nPayer ID 60054 (commercial), ID 87726 (Medicaid managed care)\nCPT 38207 $612')).toBe(false);
    expect(recognizersFlagText('Medicaid managed care, member ID 87726442 - please verify eligibility before the cord blood draw.')).toBe(true);
  });
  it('an ICD-10 code before a file\'s extension in an attachment name', () => {
    const referral = (file: string) => recognizersFlag([{ where: 'body', text: 'See attached, thanks.' }, { where: 'attachment-name', text: file }]);
    // Named as a scan, not a referral: since session 31 a clinical document's kind opening the name ("Referral_") is a
    // healthcare setting for the birth date by itself.
    expect(referral('Scan_SANTOS_Maria_DOB1958-02-11_N18.4.pdf')).toBe(true);
    expect(referral('Scan_SANTOS_Maria_DOB1958-02-11_v18.4.pdf')).toBe(false);
  });
});

describe('made-up data, sets 436-443', () => {
  it('a test claim\'s "test subscriber" is nobody', () => {
    const claim = (who: string) => recognizersFlagText(`Denise,\nI sent an 837P to the clearinghouse this morning to check our new submitter ID. ${who}; DOS 01/01/2025; dx Z00.00. It should reject on eligibility.\nMike, billing`);
    expect(claim('Test subscriber: TEST, SUBSCRIBER')).toBe(false);
    expect(claim('Subscriber: ABERNATHY, LOUISE')).toBe(true);
  });
});

describe('nobody\'s mail, sets 436-443', () => {
  // End to end (the wording model weighs in): what these vetoes stop is the wording's reading alone.
  const flagged = (subject: string, body: string) => scanParts([{ where: 'subject', text: subject }, { where: 'body', text: body }]).containsPhi;
  it('a system\'s notice in which nothing was recognised is nobody\'s, a notice with a finding still counts', () => {
    const notice = (item: string) => `Hello,\n\nThanks for contacting VoxUnderwrite Support. Your ticket #88213, "${item}", has been created. Our team responds within 1 business day and will follow up with you about your request.\n\nYou can follow your ticket at https://support.voxuw.example/t/88213\n\n— This is an automated message. Please do not reply.`;
    expect(flagged('[Ticket #88213] We received your request', notice('Recording playback error in portal'))).toBe(false);
    expect(flagged('[Ticket #88213] We received your request', notice('Maria Lopez, DOB 03/02/1961, insulin pump alarm after her A1c 9.1'))).toBe(true);
  });
  it('"all patient identifiers have been removed" makes a copy nobody\'s', () => {
    const copy = (note: string) => `Redacted copy for the binder (the original is in the locked file):\n\nRE: Records of [REDACTED], DOB [REDACTED], MRN ████████\nCase No. [REDACTED] — documents requested: "all records, including behavioral health"\nServed: [REDACTED] | Response due: [REDACTED]\n\n${note}\n— Priya`;
    expect(flagged('Redacted copy of subpoena for the legal-hold binder', copy('All patient identifiers have been removed from this copy.'))).toBe(false);
  });
});

// Sets 444-451, read once they were no longer held back.
describe('readings, sets 444-451', () => {
  it('"made up" the verb ("made up Wed dose") is no made-up data; "all made up" still is', () => {
    const log = (line: string) => recognizersFlagText(`Week 3 DOT summary for Tomas Ferreira (MRN TB-0048213):\n- Mon 9/8: observed\n- Thu 9/11: ${line}\n- Fri 9/12: observed, pyridoxine 50 mg given with INH`);
    expect(log('observed, made up Wed dose per Dr. Okafor')).toBe(true);
    expect(log('observed. This log is a training copy: the names and numbers are all made up')).toBe(false);
  });
  it('limb loss, and Indonesian birth dates and dry eye', () => {
    expect(recognizersFlagText('Only one of ours is affected: Sharon Otieno - Apex knee serial AX-MPK-2207-004419, left transfemoral. Her cell is (872) 555-0127.')).toBe(true);
    expect(recognizersFlagText('Only one of ours is affected: Sharon Otieno - Apex knee serial AX-MPK-2207-004419, demo unit. Her cell is (872) 555-0127.')).toBe(false);
    const indonesian = (complaint: string) => recognizersFlagText(`Selamat siang Dokter,\n\nNama saya Putri Wulandari, lahir tanggal 12 Agustus 1990. Minggu lalu saya diperiksa karena ${complaint}. Apakah saya boleh datang lagi?\n\nPutri`);
    expect(indonesian('mata kering')).toBe(true);
    expect(indonesian('kacamata baru')).toBe(false);
  });
  it('Cebuano "imong" (your) ties the TB clinic visit to the person greeted', () => {
    const reminder = (what: string) => recognizersFlagText(`Maayong adlaw Ginoong Rodel Sumalpong,\n\nAng imong sunod nga check-up sa TB clinic kay sa Martes. Palihug dad-a ang imong ${what} nga sample sa sulod sa bote.\n\nRhea Baluyot, RN`);
    expect(reminder('plema (sputum)')).toBe(true);
    expect(reminder('tubig (water)')).toBe(false);
  });
  it('a lower-case "i" in Swedish is "in", not the writer', () => {
    const invite = (line: string) => recognizersFlag([{ where: 'subject', text: 'Inbjudan: Nordiskt TMS-symposium 2026 i Göteborg' },
      { where: 'body', text: `Hej,\n\nVälkommen till Nordiskt TMS-symposium den 8-9 oktober 2026 i Göteborg.\n\nProgram i urval:\n- ${line}\n\nVi ses i Göteborg!\nOrganisationskommittén` }]);
    expect(invite('Ketamin och esketamin i nordisk klinisk praxis')).toBe(false);
    expect(invite('I had ketamine for my depression last spring and will tell my story')).toBe(true);
  });
  it('a de-identified export of subject codes names nobody', () => {
    const exportOf = (note: string) => recognizersFlag([{ where: 'body', text: `${note} The key linking codes to charts stays in the locked drive.` },
      { where: 'attachment:export.csv', text: 'subject,age_band,sex,dx,madrs_baseline\nS001,30-39,F,F33.2,34\nS002,50-59,M,F33.2,29\n' }]);
    expect(exportOf('Attached is the limited export for the statistician. Subject codes only, ages in 10-year bands.')).toBe(false);
    expect(exportOf('Attached is the chart pull for the statistician, with the subject numbers as in the charts.')).toBe(true);
  });
  it('"PT" in capitals with no colon labels no patient; a home respiratory company\'s address is an office\'s', () => {
    expect(recognizersFlagText('Your lens order shipped today; invoice attached. We also stock eye drops.\n\nSalam,\nDewi Anggraini\nPT Lensa Nusantara Jaya\nsales@lensanusantara.example')).toBe(false);
    expect(recognizersFlagText('Save 15% on CPAP masks and filters through April 30.\n\nSummit Breathe Home Respiratory · 4800 Dahlia St, Denver, CO 80216 · Unsubscribe')).toBe(false);
    expect(recognizersFlagText('Pt: Lena Hartwig, new CPAP user, lives at 4800 Dahlia St, Denver, CO 80216.')).toBe(true);
  });
  it('John Q. Public and an account of zeros are placeholders', () => {
    const quiz = (who: string, acct: string) => recognizersFlagText(`Q3. A consumer named ${who}, account #${acct}, calls at 8:45 pm about a hospital bill for his broken leg. What do you do?`);
    expect(quiz('John Q. Public', '000000000')).toBe(false);
    expect(quiz('Ruben Delgado', '230228417')).toBe(true);
  });
});

// Sets 452-459, read once they were no longer held back.
describe('readings, sets 452-459', () => {
  it('an auto-reply\'s quoted message is read as usual, and a greeting\'s comma closes the name greeted', () => {
    const reply = (quoted: string) => recognizersFlag([{ where: 'subject', text: 'Automatic reply: vent settings' },
      { where: 'body', text: 'I am out of the office until Monday, February 3 with limited access to email. For urgent scheduling call the on-call line (312) 555-0100.' },
      { where: 'quoted', text: quoted }]);
    expect(reply("> Hi Marisol, Kylie Brennan's vent settings were changed at pulm clinic today: PEEP 8 -> 10. New Rx chlorothiazide 40 mg per G-tube BID. —Renee")).toBe(true);
    expect(reply('> Hi Marisol, the vent settings binder was moved to pulm clinic today. Chlorothiazide 40 mg stock is in the med room. —Renee')).toBe(false);
  });
  it('an oral food challenge in an attachment\'s name is clinical content', () => {
    const consent = (file: string) => recognizersFlag([{ where: 'body', text: 'Signed copy attached, scanned this morning.' }, { where: 'attachment-name', text: file }]);
    expect(consent('Zamora_Lucia_DOB-2011-04-17_peanut-OFC-consent.pdf')).toBe(true);
    expect(consent('Zamora_Lucia_DOB-2011-04-17_photo-release-consent.pdf')).toBe(false);
  });
  it('an initial and a surname with a nurse\'s credential after it is the nurse who checked', () => {
    const log = (by: string) => recognizersFlagText(`Room 3 emergency kit check 04/01/2025\nEpinephrine 1 mg/mL ...... lot 4EK219 exp 11/2025 qty 3\nDiphenhydramine 50 mg/mL ..... lot D7731 exp 02/2026 qty 4\nChecked by: ${by}`);
    expect(log('M. Ibarra RN')).toBe(false);
    expect(recognizersFlagText('Epinephrine 0.3 mg given at 14:10 to M. Ibarra for anaphylaxis after the shot; observed 60 minutes.')).toBe(true);
  });
});

// Sets 460-467, read once they were no longer held back.
describe('readings, sets 460-467', () => {
  it('a pen device between a drug and its dose ("Enbrel SureClick 50 mg")', () => {
    const courier = (contents: string) => recognizersFlagText(`Courier reports the package for Hannah Brightwater, 38 Tamarack Ln, Duluth MN 55803 was left on the porch ~4 hours. Contents: ${contents}.`);
    expect(courier('Enbrel SureClick 50 mg x4')).toBe(true);
    expect(courier('brochures and a cooler bag')).toBe(false);
  });
  it('a play\'s lead character is nobody; a student named the same way is someone', () => {
    const play = (who: string) => recognizersFlagText(`The Theatre Department is staging "Still Water," in which ${who}, Nora Vance, is diagnosed with bipolar disorder in her first year and stops taking her lithium before finals.`);
    expect(play('the lead character')).toBe(false);
    expect(play('our sophomore')).toBe(true);
  });
  it('Korean "patient education" is a compound, not a name before "patient"', () => {
    expect(recognizersFlagText('안녕하세요, 번역 업체에서 보내온 환자 교육 자료 초안입니다. 기미는 갈색 색소 질환입니다 (ICD-10 L81.1).')).toBe(false);
  });
  it('a ship\'s name after its prefix is no person', () => {
    const order = (ship: string) => recognizersFlagText(`Adjuntamos la factura F-2025-0318 por el suministro para el botiquín de a bordo solicitado por Meridian (${ship}, escala en Balboa):\n\n- Amoxicilina 500 mg, caja x 100 - 2 unidades\n- Ciprofloxacino 500 mg, caja x 100 - 1 unidad`);
    expect(order('MV Cape Arlen')).toBe(false);
  });
});

// Sets 468-475, read once they were no longer held back.
describe('readings, sets 468-475', () => {
  it('a colleague whose contact card is attached is a colleague wherever the message names them', () => {
    const card = (title: string) => recognizersFlag([{ where: 'subject', text: "Mei Chen's contact card" },
      { where: 'body', text: "For the referring offices that asked, here is Mei's card for insulin pump referrals." },
      { where: 'attachment:Mei_Chen.vcf', text: `BEGIN:VCARD\nVERSION:3.0\nFN:Mei Chen\n${title}ORG:Lakeshore Endocrinology & Diabetes Center\nNOTE:Accepts referrals for pump and CGM starts.\nEND:VCARD\n` }]);
    expect(card('TITLE:Nurse Practitioner, Insulin Pump & CGM Clinic\n')).toBe(false);
    expect(recognizersFlag([{ where: 'subject', text: "Mei Chen's contact card" }, { where: 'body', text: "Here is Mei's card for the pump start on 5/2." },
      { where: 'attachment:Mei_Chen.vcf', text: 'BEGIN:VCARD\nVERSION:3.0\nFN:Mei Chen\nNOTE:type 1 diabetes, new insulin pump start 5/2\nEND:VCARD\n' }])).toBe(true);
  });
  it('Spanish "factura" (invoice) is no misspelled "fractura"', () => {
    expect(recognizersFlagText('Estimado Programa CHW Riverbend:\n\nAdjuntamos la factura del mes de marzo.\n\nFactura: FAC-2024-0318\nServicio: interpretación telefónica (español, somalí)\nTotal: $1,749.90\n\nDudas: facturacion@interpretalink.example o (312) 555-0179.\n\nInterpretaLink, S.A.')).toBe(false);
  });
  it('a pump log whose patient fields were stripped names nobody', () => {
    const log = (note: string) => recognizersFlag([{ where: 'body', text: note }, { where: 'attachment:pump_log.txt', text: 'PUMP SN 12-8840217   FW 9.33.2\nT+00:00:00  CH A  START  Heparin 25,000 units/250 mL  12 mL/h\n' }]);
    expect(log('Per policy I stripped the patient fields and dates before sending this to the vendor.')).toBe(false);
    expect(log('This is Mr. Ortega\'s pump log from bed 12 before sending it to the vendor.')).toBe(true);
  });
  it('pump settings, colloquial kidney failure and prolonged grief are health content', () => {
    expect(recognizersFlag([{ where: 'quoted', text: "> From: Gil Ashworth <gil.ashworth@webmail.example>\n> Rosa, my Control-IQ keeps suspending at night. Should I raise my basal rate? — Gil" }])).toBe(true);
    expect(recognizersFlagText("hey library folks, I'm in the unit mon/wed/fri 6am since my kidneys quit last year. any jazz cds?\n\nthanks\nDarnell Whitcombe\n(414) 555-0163")).toBe(true);
    expect(recognizersFlagText("hey library folks, I'm in the building mon/wed/fri 6am since my car quit last year. any jazz cds?\n\nthanks\nDarnell Whitcombe\n(414) 555-0163")).toBe(false);
    const referral = (file: string) => recognizersFlag([{ where: 'body', text: 'Referral packet attached.' }, { where: 'attachment-name', text: file }]);
    expect(referral('Referral_Kessler_Marian_DOB1958-11-03_prolonged-grief.pdf')).toBe(true);
  });
  it('"Name, a surgical patient in room 5102" is a patient as surely as after a label', () => {
    const named = (who: string) => {
      const text = `Case of the month: on March 14, Gerald Pike${who} sustained a second-degree burn under the return electrode during his colectomy.`;
      return scanText(text).findings.find((f) => f.type === 'PATIENT_NAME')?.confidence;
    };
    expect(named(', a surgical patient in room 5102,')).toBe('high');
    expect(named(' from the biomed shop')).not.toBe('high');
  });
  it('a novel\'s hero is made up; "Buenos días Sr. X:" greets the reader', () => {
    expect(recognizersFlagText('Next month we are discussing the novel about Danny Harlan, a wrestler who gets hooked on the oxycodone prescribed after his shoulder surgery and starts methadone at 27.')).toBe(false);
    expect(recognizersFlagText('Buenos días Sr. Paredes:\n\nLe envío el resumen del trimestre: 23 trabajadores con lesiones de espalda (M54.50); 2 casos con cirugía programada.\n\nMarisol Trujillo')).toBe(false);
  });
});

// Sets 476-483, read once they were no longer held back.
describe('readings, sets 476-483', () => {
  it('samples of two strengths are stock a rep drops off; the same drug taken is the writer\'s', () => {
    expect(recognizersFlagText('Confirming lunch Thursday. I will drop off mirabegron 25 mg and 50 mg samples for the clinic.\n\nCourtney Blake')).toBe(false);
    expect(recognizersFlagText('Confirming my visit Thursday. I take mirabegron 25 mg and 50 mg at night for my bladder.\n\nCourtney Blake')).toBe(true);
  });
  it('"rehab experience" on a résumé is a clinician\'s work', () => {
    expect(recognizersFlagText('Please find my resume attached. I have four years of neuro rehab experience and can start in January.\n\nNadia Krol\n(503) 555-0145')).toBe(false);
    expect(recognizersFlagText('Please find my discharge papers attached. I had four weeks of neuro rehab after my stroke and can start driving in January.\n\nNadia Krol\n(503) 555-0145')).toBe(true);
  });
});

// Sets 484-491, read once they were no longer held back.
describe('made-up and example data, sets 484-491', () => {
  it('a manikin\'s practice chart is nobody\'s', () => {
    const chart = (who: string) => recognizersFlagText(`${who} now has a stage 4 sacral wound with tunneling at 12 o'clock. Chart: DOB 03/14/1950, MRN SIM-0001. Sign up for a slot.`);
    expect(chart('"Stan", our SimMan manikin,')).toBe(false);
    expect(chart('Stanley Okafor in bed 12')).toBe(true);
  });
  it('an honest broker\'s export of study codes names nobody', () => {
    const extract = (note: string) => recognizersFlag([{ where: 'body', text: note },
      { where: 'attachment:sbrt.csv', text: 'study_id,age_band,sex,icd10,dose_gy\nRO-0012,65-69,M,C61,36.25\nRO-0014,60-64,F,C34.11,50\n' }]);
    expect(extract('Honest-broker export attached. Study codes only, ages in 5-year bands, no dates.')).toBe(false);
    expect(extract('Export attached with the chart numbers as they are in the EHR, ages in 5-year bands.')).toBe(true);
  });
  it('"MRN 12345678" counted from one is a form\'s example', () => {
    const minute = (mrn: string) => recognizersFlagText(`HIPAA minute #14\n\nNever put these in an unencrypted e-mail:\n- MRNs (e.g. "MRN ${mrn}")\n- Diagnoses together with a patient's name\n\nPrivacy Office`);
    expect(minute('12345678')).toBe(false);
    expect(minute('40871236')).toBe(true);
  });
});
