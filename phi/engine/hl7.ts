/**
 * HL7 v2 messages pasted into mail or attached as text: the PID segment carries the patient's
 * identifiers in fixed fields: PID-3 (identifier list: MRN), PID-5 (FAMILY^GIVEN^MIDDLE) and
 * PID-7 (date of birth, YYYYMMDD). Found from the literal "PID|" (one native search per part, a
 * segment name is rare in prose), then read field by field up to the end of the segment. No regexes.
 */
import type { PartContext } from './context.ts';
import { makeHit, type Hit } from './hit.ts';
import { demote } from './placeholders.ts';

/** A placeholder where a name goes: bracketed, or the component's own name (LAST, FAMILY, SURNAME). */
const HL7_PLACEHOLDER = /^(?:[<{\[].*|(?:LAST|FAMILY|SURNAME|LASTNAME|LNAME)(?:[_ ]?NAME)?)$/i;

const MAX_SEGMENT = 2000;

export function recognizeHl7(ctx: PartContext): void {
  const { text } = ctx;
  if (text.indexOf('^') >= 0) recognizeNameRows(ctx);
  let pid = text.indexOf('PID|');
  if (pid < 0) return;
  // MSH segments, in order: MSH-11 (processing ID) "T" (training) or "D" (debugging) marks a test message.
  const testFrom: number[] = [];
  const mshAt: number[] = [];
  for (let m = text.indexOf('MSH|'); m >= 0; m = text.indexOf('MSH|', m + 4)) {
    mshAt.push(m);
    testFrom.push(isTestMessage(text, m) ? 1 : 0);
  }
  let msh = -1;
  for (let i = pid; i >= 0; i = text.indexOf('PID|', i + 4)) {
    while (msh + 1 < mshAt.length && mshAt[msh + 1] < i) msh++;
    const testMessage = msh >= 0 && testFrom[msh] === 1;
    const first = ctx.hits.length;
    scanPid(ctx, i);
    if (testMessage) for (let h = first; h < ctx.hits.length; h++) markTest(ctx.hits[h]);
  }
}

/**
 * An HL7 name (FAMILY^GIVEN[^MIDDLE]) copied out of its segment into a report row with a YYYYMMDD date after it on
 * its line: an interface engine's error list ("PID  HOLT^BRAYDEN^J  20110322  MenACWY …") names patients too.
 */
function recognizeNameRows(ctx: PartContext): void {
  const { text } = ctx;
  let found = 0;
  for (let c = text.indexOf('^'); c >= 0 && found < MAX_NAME_ROWS; c = text.indexOf('^', c + 1)) {
    let s = c;
    while (s > 0 && isLetter(text.charCodeAt(s - 1)) && c - s < 40) s--;
    const before = s > 0 ? text.charCodeAt(s - 1) : 10;
    // After a field separator it is a segment's own field, read with its segment (scanPid).
    if (c - s < 2 || !(before === 10 || before === 13 || before === 32 || before === 9)) continue;
    let e = c + 1;
    while (e < text.length && isLetter(text.charCodeAt(e)) && e - c < 40) e++;
    if (e - c - 1 < 2 || HL7_PLACEHOLDER.test(text.slice(s, c))) continue;
    // The rest of the name (middle name or initial) up to whitespace or the next field.
    let end = e;
    while (end < text.length && text.charCodeAt(end) === 94 && end - c < 80) {
      end++;
      while (end < text.length && isLetter(text.charCodeAt(end)) && end - c < 80) end++;
    }
    if (!dateLaterOnLine(text, end)) continue;
    ctx.hits.push(makeHit('PATIENT_NAME', 'high', ctx.where, s, e, 'strong', ['hl7:name-in-row'], 'an HL7 person name (FAMILY^GIVEN) in a row with a date: a patient listed by an interface'));
    found++;
    c = end;
  }
}
const MAX_NAME_ROWS = 200;

function isLetter(c: number): boolean {
  const l = c | 32;
  return (l >= 97 && l <= 122) || (c > 0xbf && c < 0x250);
}

/** An eight-digit YYYYMMDD date, standing alone, within the next 80 characters of the line. */
function dateLaterOnLine(text: string, from: number): boolean {
  const limit = Math.min(text.length, from + 80);
  let run = 0;
  for (let p = from; p <= limit; p++) {
    const c = p < text.length ? text.charCodeAt(p) : 10;
    if (c >= 48 && c <= 57) { run++; continue; }
    if (run === 8 && plausibleHl7Date(text, p - 8)) return true;
    if (c === 10 || c === 13) return false;
    run = 0;
  }
  return false;
}

function markTest(h: Hit): void {
  demote(h);
  h.reasons.push('hl7:processing-id-test');
}

/** MSH-11 (the 11th field: MSH-1 is the separator itself) starts with T or D. */
function isTestMessage(text: string, m: number): boolean {
  let field = 1;
  const limit = Math.min(text.length, m + 1000);
  for (let p = m + 3; p < limit; p++) {
    const c = text.charCodeAt(p);
    if (c === 10 || c === 13) return false;
    if (c !== 124) continue;
    field++;
    if (field === 11) {
      const v = text.charCodeAt(p + 1);
      const after = text.charCodeAt(p + 2);
      return (v === 84 || v === 68) && (after === 124 || after === 94 || after === 10 || after === 13 || Number.isNaN(after));
    }
  }
  return false;
}

function scanPid(ctx: PartContext, i: number): void {
  const { text } = ctx;
  {
    // A segment name starts a line or follows a segment separator / whitespace ("… check this: PID|1||…").
    const before = i > 0 ? text.charCodeAt(i - 1) : 10;
    if (!(before === 10 || before === 13 || before === 32 || before === 9 || before === 124)) return;
    let segEnd = i + 4;
    const limit = Math.min(text.length, i + MAX_SEGMENT);
    while (segEnd < limit && text.charCodeAt(segEnd) !== 10 && text.charCodeAt(segEnd) !== 13) segEnd++;
    // Field n starts after the n-th "|" (the segment name is field 0).
    const fieldStart: number[] = [];
    for (let p = i + 3; p < segEnd && fieldStart.length < 9; p++) if (text.charCodeAt(p) === 124) fieldStart.push(p + 1);
    if (fieldStart.length < 8) return; // PID-7 must be there: a real segment, not "PID|" in prose
    const field = (n: number): [number, number] => {
      const s = fieldStart[n - 1];
      const e = n < fieldStart.length ? fieldStart[n] - 1 : segEnd;
      return [s, e];
    };
    // PID-7: YYYYMMDD[HHMM…]
    const [ds, de] = field(7);
    const dob = firstComponent(text, ds, de);
    if (dob[1] - dob[0] >= 8 && plausibleHl7Date(text, dob[0])) {
      ctx.hits.push(makeHit('DOB', 'high', ctx.where, dob[0], dob[1], 'strong', ['hl7:pid-7'], 'an HL7 v2 PID-7 field: the patient\'s date of birth'));
    }
    // PID-5: FAMILY^GIVEN^MIDDLE… (first repetition)
    const [ns, ne] = field(5);
    const nameEnd = repetitionEnd(text, ns, ne);
    const family = firstComponent(text, ns, nameEnd);
    // "<LAST>^<FIRST>", "{FAMILY}^{GIVEN}": an interface spec's placeholders name no one.
    if (family[1] - family[0] >= 2 && hasLetters(text, family[0], family[1], 2) && !HL7_PLACEHOLDER.test(text.slice(family[0], family[1]))) {
      let e = family[1];
      // Include the given name when it is there.
      if (e < nameEnd && text.charCodeAt(e) === 94) {
        const given = firstComponent(text, e + 1, nameEnd);
        if (given[1] > given[0] && hasLetters(text, given[0], given[1], 1)) e = given[1];
      }
      ctx.hits.push(makeHit('PATIENT_NAME', 'high', ctx.where, family[0], e, 'strong', ['hl7:pid-5'], 'an HL7 v2 PID-5 field: the patient\'s name'));
    }
    // PID-3: ID^^^AUTHORITY^TYPE (first repetition); PID-2 (external ID) as a fallback.
    for (const n of [3, 2]) {
      const [is, ie] = field(n);
      const idEnd = repetitionEnd(text, is, ie);
      const id = firstComponent(text, is, idEnd);
      if (id[1] - id[0] >= 4 && id[1] - id[0] <= 25 && digitCount(text, id[0], id[1]) >= 3) {
        ctx.hits.push(makeHit('MRN', 'high', ctx.where, id[0], id[1], 'high-risk', [`hl7:pid-${n}`], `an HL7 v2 PID-${n} field: a patient identifier`));
        break;
      }
    }
  }
}

/** [start, end) of the first component ("^"-separated) of [s, e). */
function firstComponent(text: string, s: number, e: number): [number, number] {
  let p = s;
  while (p < e && text.charCodeAt(p) !== 94 && text.charCodeAt(p) !== 126 && text.charCodeAt(p) !== 38) p++;
  return [s, p];
}

/** End of the first repetition ("~"-separated) of [s, e). */
function repetitionEnd(text: string, s: number, e: number): number {
  let p = s;
  while (p < e && text.charCodeAt(p) !== 126) p++;
  return p;
}

function hasLetters(text: string, s: number, e: number, min: number): boolean {
  let n = 0;
  for (let p = s; p < e; p++) {
    const c = text.charCodeAt(p) | 32;
    if (c >= 97 && c <= 122) n++;
    else if (text.charCodeAt(p) > 0xbf) n++;
  }
  return n >= min;
}

function digitCount(text: string, s: number, e: number): number {
  let n = 0;
  for (let p = s; p < e; p++) {
    const c = text.charCodeAt(p);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function plausibleHl7Date(text: string, s: number): boolean {
  for (let p = s; p < s + 8; p++) {
    const c = text.charCodeAt(p);
    if (c < 48 || c > 57) return false;
  }
  const y = Number(text.slice(s, s + 4));
  const m = Number(text.slice(s + 4, s + 6));
  const d = Number(text.slice(s + 6, s + 8));
  return y >= 1880 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}
