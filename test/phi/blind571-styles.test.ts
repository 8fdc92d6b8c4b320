import { describe, expect, it } from 'vitest';
import { createDetector, dictionary, type MessagePart } from '../../phi/index.ts';
import { recognizersFlag, recognizersFlagText } from './recognizers.ts';

const detector = createDetector(dictionary);

// Readings added in session 20 from blind sets 571-586 (held back through session 19, then read). Made-up names and
// numbers; none taken from a test set. Each case has a twin that must go the other way.

const namesIn = (parts: MessagePart[]): string[] => {
  const result = detector.scanParts(parts);
  return result.findings.filter((f) => f.type === 'PATIENT_NAME' && f.confidence !== 'low').map((f) => parts.find((p) => p.where === f.where)!.text.slice(f.start, f.end));
};
const namesInText = (text: string) => namesIn([{ where: 'body', text }]);

describe('staff on a rota, sets 571-586', () => {
  it('a name right after a clinician\'s or a staff title is a colleague\'s', () => {
    expect(namesInText('Room 4  Tue/Thu: RN Beatriz Varga | Tech Samir Haddad')).toEqual([]);
    expect(namesInText('Room 4  Tue/Thu: Beatriz Varga | Samir Haddad')).toContain('Beatriz Varga');
    expect(namesInText('Saturday clinic: MA Kendra Lindqvist, front pod')).toEqual([]);
    expect(namesInText('Saturday clinic: Kendra Lindqvist, front pod')).toContain('Kendra Lindqvist');
  });
  it('a titled name written with a phone number is the clinician\'s own number', () => {
    expect(namesInText('On call Sunday: Dra. Ximena Calloway (305-555-0177)')).toEqual([]);
    expect(namesInText('On call Sunday: Ximena Calloway (305-555-0177)')).toContain('Ximena Calloway');
  });
  it('a name after the reception desk\'s label is who staffs it', () => {
    expect(namesInText('Recepción: Yolanda Ferrer, turno de mañana')).toEqual([]);
    expect(namesInText('Paciente: Yolanda Ferrer, turno de mañana')).toContain('Yolanda Ferrer');
  });
});

describe('shorthand and glued values, sets 571-586', () => {
  const reply = (subject: string) => recognizersFlag([{ where: 'subject', text: subject }, { where: 'body', text: 'Calling you in five.' }]);
  it('a reply\'s subject of one surname, a dash and clinical findings is about that patient', () => {
    expect(reply('Re: Brannigan - MRSA bacteremia, start vancomycin?')).toBe(true);
    expect(reply('Re: Formulary - MRSA bacteremia, start vancomycin?')).toBe(false);
  });
  it('a result glued to its test in a file name is health content beside the name\'s birth date', () => {
    const file = (name: string) => recognizersFlag([{ where: 'subject', text: 'scan' }, { where: 'body', text: 'see attached' }, { where: 'attachment-name', text: name }]);
    expect(file('Nwosu_Adaeze_DOB1966-02-14_A1c9.4.pdf')).toBe(true);
    expect(file('Nwosu_Adaeze_DOB1966-02-14_letter.pdf')).toBe(false);
  });
});

describe('nobody\'s data, sets 571-586', () => {
  it('numbers a validator rejected as expected are test values', () => {
    const qa = (note: string) => recognizersFlagText(`Clinic intake form QA ${note}:\n- SSN 912-55-3017 (area 9xx)\n- SSN 431-00-7785 (group 00)`);
    expect(qa('(all rejected as expected)')).toBe(false);
    expect(qa('(all accepted)')).toBe(true);
  });
  it('a drug with its package code is a wholesaler\'s line, not a treatment', () => {
    const supply = (line: string) => detector.scanText(line).findings.some((f) => f.type === 'MEDICATION' && f.reasons.includes('supply'));
    expect(supply('Short this week: carvedilol 25 mg tab NDC 0093-7295-01')).toBe(true);
    expect(supply('Short this week: carvedilol 25 mg tab twice daily')).toBe(false);
  });
  it('"patient" opening a Korean compound with its particle names no one before it', () => {
    expect(namesInText('교육 자료에는 실제 환자 정보는 없습니다.')).toEqual([]);
    expect(namesInText('교육 자료에는 김하늘 환자 기록이 있습니다.')).toContain('김하늘');
  });
});

// Session 20, sets 587-594 (scored once, then read).
describe('notices and layouts, sets 587-594', () => {
  it('a key-value block pads its values into a column after the colon', () => {
    const block = (gap: string) => detector.scanText(`Critical value notice\nPatient:${gap}OKONKWO, ADAEZE\nMRN:${gap}61094427\nDOB:${gap}1958-09-14\nResult:${gap}potassium 6.6 mmol/L`).containsPhi;
    expect(block('          ')).toBe(true);
    // A blank form's next label is no value, however far the padding reaches.
    const form = detector.scanText('Intake form (blank)\nPaciente:                    Fecha:\nDiagnóstico:                 Alergias:');
    expect(form.findings.some((f) => f.type === 'PATIENT_NAME')).toBe(false);
  });
  it('a system\'s reminder that names no one is nobody\'s, when the recognizers could read all of it', () => {
    const reminder = (greeting: string) => detector.scanParts([
      { where: 'subject', text: 'Reminder: your infusion visit' },
      { where: 'body', text: `${greeting}This is a reminder that you have a home infusion nursing visit this week. Keep your pump, supplies and medication list together and have your medication out of the fridge an hour before if your instructions say so. To reschedule, call (312) 555-0100.\n\nThis is an automated reminder. Please do not reply.` },
    ]).containsPhi;
    expect(reminder('')).toBe(false);
    expect(reminder('Dear Mrs. Okonjo-Bright, your IVIG infusion for CIDP is due.\n\n')).toBe(true);
    // "automático" is the same notice in Spanish.
    const aviso = detector.scanParts([
      { where: 'subject', text: 'Recordatorio de su cita' },
      { where: 'body', text: 'Le recordamos que tiene una cita mañana en Larchmont Oral Surgery. Si recibirá sedación: no coma ni beba nada 8 horas antes y venga con un adulto que lo lleve a casa. Para cambiar su cita, llame al 503-555-0188. Este es un mensaje automático; por favor no responda.' },
    ]);
    expect(aviso.containsPhi).toBe(false);
  });
  it('a postscript under the signature is the message again', () => {
    const letter = (tail: string) => recognizersFlagText(`Hi team, the east lot is closed Monday for repaving; please park at the church.\n\nThanks,\nMarisol Ibáñez\nPractice Administrator\n${tail}`);
    expect(letter('\nP.S. re Mr. Abernathy-Kole: it\'s his isotretinoin month, draw the lipid panel first; his triglycerides were 455 last time.')).toBe(true);
    // The same words as a line of the signer's block (a clinic's standing note under the title) sign, they tell nothing.
    expect(letter('Mr. Abernathy-Kole: isotretinoin month, lipid panel first; triglycerides were 455 last time.')).toBe(false);
  });
  it('Traditional Chinese conditions are read like the simplified ones', () => {
    const hk = (condition: string) => detector.scanText(`陳家寶先生：你好！護老院已經確認有床位俾你媽媽何淑芬女士，因為佢嘅${condition}，院方會安排特別房間。`).findings.some((f) => f.type === 'DIAGNOSIS');
    expect(hk('阿茲海默症')).toBe(true);
    expect(hk('生日')).toBe(false);
  });
});

// Session 20, sets 595-602 (scored once, then read).
describe('allergens, interface specs and company cards, sets 595-602', () => {
  it('an allergy skin test names animals as allergens: no veterinary mail', () => {
    const letter = (test: string) => detector.scanText(`Estimada Sra. Quintanilla:\n\nResultados de las ${test} de su hijo Mateo Quintanilla Ruiz (fecha de nacimiento: 02/11/2015):\n- Gato: 7 mm, positivo\n- Perro: 2 mm, negativo\n\nConfirman una rinitis alérgica por gato. Siga con la fluticasona nasal.`).containsPhi;
    expect(letter('pruebas cutáneas')).toBe(true);
    expect(letter('revisiones')).toBe(false);
  });
  it('a surname, a dash and a run of valid codes heads a coding question about that patient', () => {
    expect(recognizersFlagText('Haverford — I50.42, Z95.811, Z79.01. Do I also need D68.32?')).toBe(true);
    expect(recognizersFlagText('Haverford — I50.42. Do I also need anything else?')).toBe(false);
  });
  it('an HL7 spec\'s placeholders and its coding-system name are no patient and no diagnosis', () => {
    const spec = (name: string, system: string) => recognizersFlagText(`Mapping for the new feed:\nPID|1||<MRN>^^^RVH^MR||${name}||<YYYYMMDD>|<SEX>\nDG1|1||<ICD10_CODE>^<DESCRIPTION>^${system}`);
    expect(spec('<LAST>^<FIRST>', 'I10')).toBe(false);
    expect(spec('ABERNATHY^ROSALIND', 'I10')).toBe(true);
  });
  it('the holder of a corporate card is staff', () => {
    const card = (which: string) => recognizersFlagText(`Please charge ${which} ending 4417 for invoice INV-2025-0881 ($1,240.00). Cardholder is Delphine Okafor-Reyes, billing address 4800 N. Clarendon Ave, Chicago, IL 60640. Receipt to ap@lakeview-allergy.example, please.`);
    expect(card("the clinic's corporate card")).toBe(false);
    expect(card('the card')).toBe(true);
  });
});

// Session 20, sets 603-610 (scored once, then read).
describe('a surname named again, a no-reply mailbox, sets 603-610', () => {
  it('a surname introduced with an honorific and written alone later is the same person', () => {
    const list = (second: string) => namesInText(`1. Mrs. Vandermolen's son called the patient line again; Tom will call him back.\n2. Fire drill Thursday.\n3. On 4 West, ${second} is still on oral vancomycin for the C. diff.`);
    expect(list('Vandermolen')).toContain('Vandermolen');
    expect(list('bed 12')).not.toContain('Vandermolen');
  });
  it('a no-reply mailbox\'s footer marks a system\'s reminder', () => {
    // The recognizers' verdict that the notice is nobody's (which the wording model cannot overrule), not the blend:
    // whether the blend flags the anonymous reminder without the footer moves with each retraining.
    const reminder = (footer: string) => detector.signals([
      { where: 'subject', text: 'Reminder: your upcoming video visit' },
      { where: 'body', text: `Hello,\n\nThis is a reminder that you have an upcoming video visit with Brightwater Health. Please log in 10 minutes early, test your camera and microphone, and have your medication list and pharmacy information ready.\n\nTo reschedule, use the patient portal or call 608-555-0171.\n\n${footer}` },
    ]).recognizers.nobody;
    expect(reminder('This mailbox is not monitored.')).toBe('automated notice');
    expect(reminder('Questions? Just reply to this message.')).toBeNull();
  });
});
