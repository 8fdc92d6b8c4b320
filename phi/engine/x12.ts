/**
 * ASC X12 health care transactions (837 claims, 835 remittances, 270/271 eligibility) pasted into
 * billing mail or attached as text: "NM1*QC*1*HALVERSON*MARGARET*A***MI*PSH771204985~". The
 * segments carry the patient in fixed elements:
 * - NM1 with entity QC (patient) or IL (insured/subscriber) and type 1 (a person): NM103 last name,
 *   NM104 first name, NM108/NM109 an identification qualifier and the ID (MI: member ID);
 * - DMG*D8*CCYYMMDD: date of birth; DTP/DTM with 472 (service), 232/233 (claim period): dates of service;
 * - HI*ABK:E119*ABF:I10: diagnosis codes without their dot; SV1/SV2/SVC: a billed service line;
 * - REF*EA: the medical record number, REF*1W/SY: member ID / SSN.
 * Found only in a part holding the literal "NM1*" (one native search); elements split on "*",
 * segments end at "~" or a line break. The usual separators only: a sender's own delimiters
 * (declared in ISA) are rare in mail.
 */
import type { PartContext } from './context.ts';
import { makeHit, type Role } from './hit.ts';
import type { PhiType } from '../types.ts';

const PERSON_ENTITIES = new Set(['QC', 'IL']);
const MEMBER_QUALIFIERS = new Set(['MI', 'II']);
const SERVICE_DATE_QUALIFIERS = new Set(['472', '232', '233', '434']);
const DIAGNOSIS_QUALIFIERS = new Set(['ABK', 'ABF', 'ABJ', 'APR', 'BK', 'BF', 'BJ']);
const MAX_SEGMENT = 400;

export function recognizeX12(ctx: PartContext): void {
  const { text } = ctx;
  if (text.indexOf('NM1*') < 0) return;
  for (let s = 0; s < text.length;) {
    let e = s;
    while (e < text.length && e - s < MAX_SEGMENT) {
      const c = text.charCodeAt(e);
      if (c === 126 /* ~ */ || c === 10 || c === 13) break;
      e++;
    }
    segment(ctx, s, e);
    s = e + 1;
  }
}

/** The elements of one segment: [start, end) of each, element 0 the segment ID. */
function elements(text: string, s: number, e: number): [number, number][] {
  while (s < e && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
  const out: [number, number][] = [];
  let from = s;
  for (let p = s; p <= e; p++) {
    if (p === e || text.charCodeAt(p) === 42 /* * */) {
      out.push([from, p]);
      from = p + 1;
    }
  }
  return out;
}

/** A "*" within [s, e): the segment ID's separator, looked for only in the segment's first characters. */
function starAt(text: string, s: number, e: number): boolean {
  for (let p = s; p < e; p++) if (text.charCodeAt(p) === 42) return true;
  return false;
}

function segment(ctx: PartContext, s: number, e: number): void {
  const { text, where } = ctx;
  if (e - s < 6 || !starAt(text, s, Math.min(e, s + 6))) return;
  const el = elements(text, s, e);
  const id = text.slice(el[0][0], el[0][1]);
  const value = (n: number): string => (n < el.length ? text.slice(el[n][0], el[n][1]) : '');
  const hit = (type: PhiType, n: number, role: Role, confidence: 'high' | 'medium', reason: string, explain: string): void => {
    if (n < el.length && el[n][1] > el[n][0]) ctx.hits.push(makeHit(type, confidence, where, el[n][0], el[n][1], role, [reason], explain));
  };
  switch (id) {
    case 'NM1': {
      if (!PERSON_ENTITIES.has(value(1)) || value(2) !== '1' || el.length < 4) return;
      const last = el[3];
      const first = el.length > 4 && el[4][1] > el[4][0] ? el[4] : last;
      if (last[1] - last[0] < 2) return;
      const who = value(1) === 'QC' ? 'patient' : 'insured member';
      ctx.hits.push(makeHit('PATIENT_NAME', 'high', where, last[0], first[1], 'strong', [`x12:nm1-${value(1).toLowerCase()}`], `an X12 NM1 segment naming the ${who}`));
      if (MEMBER_QUALIFIERS.has(value(8))) hit('HEALTH_PLAN_ID', 9, 'high-risk', 'high', 'x12:nm1-mi', `the ${who}'s member ID in an X12 NM1 segment`);
      return;
    }
    case 'DMG':
      if (value(1) === 'D8' && /^(?:18|19|20)\d{6}$/.test(value(2))) hit('DOB', 2, 'strong', 'high', 'x12:dmg', 'an X12 DMG segment: the date of birth');
      return;
    case 'DTP':
      if (SERVICE_DATE_QUALIFIERS.has(value(1)) && /^D8$|^RD8$/.test(value(2))) hit('DATE_OF_SERVICE', 3, 'strong', 'medium', 'x12:dtp', 'an X12 DTP segment: a date of service');
      return;
    case 'DTM':
      if (SERVICE_DATE_QUALIFIERS.has(value(1)) && /^\d{8}$/.test(value(2))) hit('DATE_OF_SERVICE', 2, 'strong', 'medium', 'x12:dtm', 'an X12 DTM segment: a date of service');
      return;
    case 'REF':
      if (value(1) === 'EA') hit('MRN', 2, 'high-risk', 'high', 'x12:ref-ea', 'an X12 REF*EA segment: the medical record number');
      else if (value(1) === '1W') hit('HEALTH_PLAN_ID', 2, 'high-risk', 'high', 'x12:ref-1w', 'an X12 REF*1W segment: a member ID');
      return;
    case 'HI':
      for (let n = 1; n < el.length; n++) diagnosisCode(ctx, el[n][0], el[n][1]);
      return;
    case 'SV1':
    case 'SV2':
    case 'SVC':
      hit('OTHER', 1, 'health', 'medium', `x12:${id.toLowerCase()}`, `an X12 ${id} segment: a billed service`);
      return;
  }
}

/** "ABK:E119": a diagnosis qualifier, ":", then an ICD-10-CM code without its dot. */
function diagnosisCode(ctx: PartContext, s: number, e: number): void {
  const { text, dict, where } = ctx;
  const colon = text.indexOf(':', s);
  if (colon < 0 || colon >= e || !DIAGNOSIS_QUALIFIERS.has(text.slice(s, colon))) return;
  let ce = colon + 1;
  while (ce < e && text.charCodeAt(ce) !== 58) ce++;
  const code = text.slice(colon + 1, ce);
  if (code.length < 3 || code.length > 7 || !dict.icd.isValid(code)) return;
  ctx.hits.push(makeHit('ICD10', 'high', where, colon + 1, ce, 'health', ['pattern:icd10cm', 'table:icd10cm-fy2026', 'x12:hi'], `${code} in an X12 HI segment: a valid ICD-10-CM diagnosis code`));
}
