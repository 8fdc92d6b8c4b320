import { describe, expect, it } from 'vitest';
import { htmlToText, scanText } from '../../phi/index.ts';

const KB = 1024;
/** Inputs built to trip backtracking or quadratic loops: long runs, repeated separators, near-misses. */
const ADVERSARIAL: Record<string, string> = {
  digits: '1',
  'digit-dash': '1-',
  'ssn-near-miss': '123-45-678 ',
  'phone-near-miss': '(555) 555-55 ',
  letters: 'a',
  'capital-words': 'Aaaa ',
  'name-near-miss': "O'Aaaa-",
  'mixed-alnum': 'A1',
  'icd-near-miss': 'E11.',
  'dots': '1.',
  'spaces': ' ',
  'tabs-commas': '\t,',
  'at-signs': 'a@',
  'urls': 'http://a',
  'quotes': '> ',
  'labels': 'DOB: ',
  'honorifics': 'Mrs. ',
  'sign-offs': 'Thanks,\n',
  'dates': '12/12/',
  'lab': 'A1c ',
  'drug-dose': 'metformin 5',
  'address-near-miss': '12 Oak Oak Oak ',
  // Rows that each ask whether clinical content follows on the line (census and handoff readings).
  'inverted-name-rows': 'Smith, Maria - A1c 8.2\n',
  'heading-then-name': 'PA needed: Oduya, Maria - G12.21\n',
  'site-lines': 'Louisville – 1200 Main St, 502-555-0142\n',
  'calendar-titles': 'SUMMARY:Zuri Mwangi - Stim day 1 metformin 500 mg\n',
  'lower-case-cued-names': 'for ana lopez hgb 9.1 today\n',
  // Names asked about one by one against the names found so far (wide list, possessives, CJK dates).
  'wide-list-names': 'Olayinka Adeyemi has diabetes ',
  'possessive-names': "Ngozi's A1c 9.1% ",
  'cjk-birth-dates': '1949年6月2日生 ',
  'cjk-birth-labels': '你的出生日期为2004年5月9日，',
  // Stems read at every character of a CJK run, and names after cues or before titles (stems.ts).
  'cjk-stems-and-names': '患者王秀英，糖尿病患者王伟先生',
  'arabic-cue-names': 'المريضة فاطمة الزهراني والأنسولين ',
  'russian-cue-names': 'дочь Антонины Петровны фентанилом ',
  'sentence-names': 'maria lopez out of quetiapine, ',
  // Work-list rows: a record number opening every line, a code on each (record-rows.ts).
  'record-rows': '00571204  N18.6 K 6.1\n',
  // Census lines: a name with "rm"/"bed", initials with a birth date, a name before a unit-bed code (names.ts).
  'room-after-name': 'Mrs. Lee rm 3 oxycodone\n',
  'initials-birth-date': 'labs J.M. 04/17/1988 A1c 9.1\n',
  'unit-bed-census': 'Lamar Whitsett 5E-14 MRSA\n',
  'room-in-parentheses': 'card for E. Walsh (204B) oxycodone ',
  // Person cues and stems of the scripts read by stems (stems.ts): prefixes, endings and names after cues, repeated.
  'hebrew-cues-stems': "המטופלת רותם כהן, משפחת לוי (גב' שרה ת.ז. 034617829 והכימותרפיה ",
  'greek-cues-stems': 'η ασθενής Μαρία Παπαδοπούλου κ. Γιώργος διαβήτη ',
  'hindi-cues-stems': 'मेरा नाम अर्जुन मेहरोत्रा है, श्रीमती सुनीता को पैनिक अटैक। ',
  'amharic-cues-stems': 'አቶ ገብረመስቀል ታደሰ የስኳር በሽታ፣ ሐኪሞቹ ኢንሱሊን ሳል። ስሜ አልማዝ ደስታ ነው ',
  'bengali-cues-stems': 'শ্রীমতী অনিমা দত্ত, ডায়াবেটিসে জ্বর আমার নাম নাসরিন সুলতানা। ',
  // HL7 names (FAMILY^GIVEN) copied into report rows with a date after them (hl7.ts), and carets alone.
  'hl7-name-rows': 'PID  HOLT^BRAYDEN^J  20110322 Tdap\n',
  'carets': 'AB^CD^EF^GH^',
  'urdu-cues-stems': 'میری والدہ زبیدہ اختر کو شوگر مسز ملک کو دمہ ہے ',
  // Names in capitals inside a sentence, chart numbers after a document word in file names (names.ts, file-names.ts).
  'capitals-names': 'for ELENA QUINTERO is ready: METFORMIN ',
  'document-chart-file-names': 'OpNote_CH-1799240_L-TKA_2025-04-21.pdf ',
  'cyrillic-surname-first': 'Бондаренко Григорій — біопсія ',
  'tamil-cues-stems': 'திருமதி மீனாட்சி ராமலிங்கம், அறுவை சிகிச்சைக்குப் ',
  'punjabi-cues-stems': 'ਸ਼੍ਰੀਮਤੀ ਹਰਪ੍ਰੀਤ ਕੌਰ, ਟੀਬੀ ਸਕਿਨ ਟੈਸਟ ',
  'japanese-era-birth-dates': '生年月日：平成三年五月三日 初診 生年月日：令和',
  // Dates after a care word on one endless line (service-dates.ts list items); phone numbers after a person cue with no
  // blank line (identifiers.ts paragraphs); care cues before names already found (names.ts).
  'service-dates-one-line': 'visits covered 3/4 ',
  'phones-after-cue': 'patient-level info 414-555-0108 ',
  'care-cue-known-names': 'for Maria Lopez use F41.1 pour Lucas Bergeron ',
  'capitals-inverted-rows': 'ODOM, CLARENCE  G30.0 https://a.example/residents/LH-204430/mar\n',
};

function timeScan(text: string): number {
  const t0 = performance.now();
  // Calendar titles are read in .ics attachments only.
  scanText(text, text.startsWith('SUMMARY') ? { where: 'attachment:cal.ics' } : undefined);
  return performance.now() - t0;
}

function best(text: string, n = 3): number {
  let t = Infinity;
  for (let i = 0; i < n; i++) t = Math.min(t, timeScan(text));
  return t;
}

describe('linear time on adversarial input', () => {
  for (const [name, unit] of Object.entries(ADVERSARIAL)) {
    it(`${name}: 1 MB takes about 4x the time of 256 KB`, () => {
      const small = unit.repeat(Math.ceil((256 * KB) / unit.length)).slice(0, 256 * KB);
      const large = unit.repeat(Math.ceil((1024 * KB) / unit.length)).slice(0, 1024 * KB);
      const ts = best(small);
      const tl = best(large);
      // Proportional is 4x; allow GC noise up to 10x (quadratic is 16x and seconds at 1 MB) with a
      // small floor for runs too short to time, and an absolute cap.
      expect(tl, `${name}: ${ts.toFixed(1)} ms vs ${tl.toFixed(1)} ms`).toBeLessThan(Math.max(10 * ts, 400));
      expect(tl).toBeLessThan(3000);
    });
  }

  it('HTML conversion is linear on unclosed tags and entities', () => {
    const small = '<a &amp;'.repeat(32 * KB);
    const large = '<a &amp;'.repeat(128 * KB);
    const t0 = performance.now(); htmlToText(small); const ts = performance.now() - t0;
    const t1 = performance.now(); htmlToText(large); const tl = performance.now() - t1;
    expect(tl).toBeLessThan(Math.max(10 * ts, 150));
  });

  it('HTML conversion is linear on form fields and pictures, many or one with endless attributes', () => {
    const shapes: Array<(n: number) => string> = [(n) => '<input type=text value="a&amp;b" x=\'y\'>'.repeat(n), (n) => '<input ' + 'value=1 value="2 '.repeat(n) + '>', (n) => '<input ' + 'a'.repeat(16 * n) + '>',
      (n) => '<img alt="a&amp;b" src=x>'.repeat(n), (n) => '<img ' + 'alt=1 alt="2 '.repeat(n) + '>'];
    for (const make of shapes) {
      const small = make(8 * KB);
      const large = make(32 * KB);
      const t0 = performance.now(); htmlToText(small); const ts = performance.now() - t0;
      const t1 = performance.now(); htmlToText(large); const tl = performance.now() - t1;
      expect(tl, large.slice(0, 24)).toBeLessThan(Math.max(10 * ts, 150));
    }
  });
});
