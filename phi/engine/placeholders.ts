/**
 * Test and placeholder values: synthetic patients in training material and test feeds ("ZZTEST,
 * PATIENT", "Test, Patient", "Doe, John"), placeholder birth dates (01/01/1900) and identifiers
 * made of one repeated digit or with a test prefix (ZZ…, TEST…). Such a value
 * identifies nobody: the finding is kept for the report but carries no weight in the decision.
 */
import { foldTerm } from './fold.ts';
import type { Hit } from './hit.ts';
import { lowerBound } from './context.ts';

const PLACEHOLDER_NAME_WORDS = new Set(['test', 'tester', 'testing', 'testpatient', 'zztest', 'xxtest', 'dummy', 'fake', 'sample', 'demo', 'example', 'placeholder', 'synthetic', 'anonymous', 'unknown', 'redacted', 'lastname', 'firstname', 'fname', 'lname']);
const DOE_PARTNERS = new Set(['john', 'jane', 'j', 'baby', 'jon', 'jonathan', 'janet', 'joan']);

/** "ZZTEST^PATIENT", "Test, Patient", "Sample, Jane", "Doe, John", "John Doe", "John Q. Public". */
export function isPlaceholderName(written: string): boolean {
  const words = foldTerm(written).split(' ');
  let doe = false;
  let partner = false;
  for (const w of words) {
    if (PLACEHOLDER_NAME_WORDS.has(w)) return true;
    if (w.length >= 3 && (w.startsWith('zz') || w.startsWith('xx'))) return true;
    if (w === 'doe' || w === 'public') doe = true;
    else if (DOE_PARTNERS.has(w) || w === 'q') partner = true;
  }
  if (doe && partner) return true;
  // "Test, Patient": a bare "patient" as one of two words of a written name.
  return words.length <= 3 && words.includes('patient') && words.some((w) => w !== 'patient' && PLACEHOLDER_NAME_WORDS.has(w));
}

/** 01/01/1900, 1900-01-01, 19000101, 00/00/0000: a birth date nobody has. */
export function isPlaceholderDate(written: string): boolean {
  let digits = '';
  for (let i = 0; i < written.length; i++) {
    const c = written.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += written[i];
  }
  if (digits.length === 0) return false;
  if (sameChar(digits) && digits[0] === '0') return true;
  // A four-digit year at the start (YYYYMMDD, YYYY-MM-DD) or at the end (MM/DD/YYYY).
  const w = written.trim();
  const lead = w.length >= 8 && isDigits(w, 0, 4) ? Number(w.slice(0, 4)) : 9999;
  const tail = w.length >= 6 && isDigits(w, w.length - 4, w.length) && !isDigitAt(w, w.length - 5) ? Number(w.slice(-4)) : 9999;
  return (lead >= 1000 && lead <= 1900) || (tail >= 1000 && tail <= 1900);
}

/** ZZ9999991, TEST0001, 000000000, 999999999: a test or filler identifier. */
export function isPlaceholderId(written: string): boolean {
  const v = written.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  if (v.length === 0) return false;
  for (const p of ID_PREFIXES) if (v.startsWith(p)) return true;
  const digits = v.replace(/\D/g, '');
  // A format's mask ("1XX0-XX0-XX00", "XXXXXXXXXXXX"): every letter an "x", the digits (after an MBI's leading 1) one
  // repeated digit or none.
  if (v.length >= 6 && /^[x\d]+$/.test(v) && v.includes('x') && (digits.length === 0 || sameChar(digits.replace(/^1/, '') || digits))) return true;
  // Or one letter throughout and one digit throughout ("1AA0-AA0-AA00", an MBI's format as trainers write it).
  const letters = v.replace(/\d/g, '');
  if (v.length >= 6 && letters.length >= 4 && digits.length >= 2 && sameChar(letters) && sameChar(digits.replace(/^1/, '') || digits)) return true;
  if (digits.length >= 6) {
    // One repeated digit ("000000000", "999999999"). A counting run with letters is left alone ("W123456789":
    // a real member ID may run that way); digits alone counted from one ("MRN 12345678") are a form's example.
    if (sameChar(digits)) return true;
    if (digits === v && v.length >= 7 && '1234567890'.startsWith(v)) return true;
  }
  return false;
}

const ID_PREFIXES = ['zz', 'xx', 'test', 'tst', 'dummy', 'fake', 'sample', 'demo', 'example'];

function sameChar(d: string): boolean {
  for (let i = 1; i < d.length; i++) if (d.charCodeAt(i) !== d.charCodeAt(0)) return false;
  return true;
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function isDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isDigitAt(s, i)) return false;
  return true;
}

/** Mark placeholder values: confidence low, reason "placeholder" (the decision ignores them). */
export function markPlaceholders(text: string, hits: Hit[]): void {
  for (const h of hits) {
    const t = h.type;
    if (t !== 'PATIENT_NAME' && t !== 'DOB' && t !== 'MRN' && t !== 'HEALTH_PLAN_ID' && t !== 'MBI' && t !== 'SSN' && t !== 'DEVICE_ID' && t !== 'BANK_ACCOUNT') continue;
    if (h.end - h.start > 80) continue;
    const v = text.slice(h.start, h.end);
    const placeholder = t === 'PATIENT_NAME' ? isPlaceholderName(v) : t === 'DOB' ? isPlaceholderDate(v) : isPlaceholderId(v);
    if (placeholder) demote(h);
  }
  // "Mary Mallon, born September 23, 1869": a filler or long-past birth date makes the name before its label no
  // patient's by that label (it may still be one by other cues, read on their own).
  const fillerDates = hits.filter((h) => h.type === 'DOB' && h.reasons.includes('placeholder'));
  if (fillerDates.length > 0) {
    const labelled = hits.filter((h) => h.type === 'PATIENT_NAME' && h.confidence !== 'low' && h.reasons.includes('name:next-to-identifier')).sort((a, b) => a.end - b.end);
    fillerDates.sort((a, b) => a.start - b.start);
    // Both sorted: each name is looked at against the first filler date at or after its end (linear).
    let j = 0;
    for (const n of labelled) {
      while (j < fillerDates.length && fillerDates[j].start < n.end) j++;
      if (j === fillerDates.length) break;
      const d = fillerDates[j];
      if (d.start - n.end < 40 && !text.slice(n.end, d.start).includes('\n')) demote(n);
    }
  }
  // "Member ID: TR000000000 / DOB: 01/01/2000" on a sample card: the first of January, the filler birth date, beside
  // a filler number in the same block is made up too.
  const fillerIds = hits.filter((h) => h.type !== 'DOB' && h.type !== 'PATIENT_NAME' && h.reasons.includes('placeholder')).map((h) => h.start).sort((a, b) => a - b);
  if (fillerIds.length > 0) {
    for (const d of hits) {
      if (d.type !== 'DOB' || d.confidence === 'low' || !FIRST_OF_JANUARY.test(text.slice(d.start, d.end))) continue;
      // The nearest filler number before and after the date (binary search: linear overall).
      const i = lowerBound(fillerIds, d.start);
      const near = [fillerIds[i - 1], fillerIds[i]].filter((x) => x !== undefined && Math.abs(x - d.start) < 200);
      if (near.some((x) => !text.slice(Math.min(x, d.start), Math.max(x, d.start)).includes('\n\n'))) demote(d);
    }
  }
  // "Sample patient: Jane Doe, DOB 01/01/1980, SSN …, 123 Main St": the details written with a placeholder
  // name, in its sentence, are the made-up person's too.
  for (let i = 0; i < hits.length; i++) {
    const n = hits[i];
    if (n.type !== 'PATIENT_NAME' || !n.reasons.includes('placeholder')) continue;
    let from = n.end;
    for (let j = i + 1; j < hits.length && hits[j].start - n.end < 160; j++) {
      const h = hits[j];
      if (h.start < from) continue;
      if (sentenceBreak(text, from, h.start)) break;
      // "Testpatient,Alpha": the other half of a name split over two columns is made up too.
      if (PERSON_DETAILS.has(h.type) || (h.type === 'PATIENT_NAME' && h.reasons.includes('name:table') && n.reasons.includes('name:table'))) demote(h);
      from = h.end;
    }
  }
}

const FIRST_OF_JANUARY = /^(?:0?1[\/.-]0?1[\/.-](?:\d{2}|\d{4})|\d{4}-01-01)$/;
const PERSON_DETAILS = new Set(['DOB', 'SSN', 'MRN', 'HEALTH_PLAN_ID', 'MBI', 'ADDRESS', 'PHONE', 'EMAIL_ADDRESS', 'DEVICE_ID']);

/** A sentence or line ends between from and to (". ", "! ", "? ", a newline). */
function sentenceBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || ((c === 46 || c === 33 || c === 63) && text.charCodeAt(i + 1) === 32)) return true;
  }
  return false;
}

export function demote(h: Hit): void {
  h.confidence = 'low';
  if (!h.reasons.includes('placeholder')) h.reasons.push('placeholder');
  h.explain = 'a test or placeholder value (synthetic patient, filler date or identifier): not a real person';
}
