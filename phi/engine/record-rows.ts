/**
 * Work lists keyed by record number: "00571204  K 6.1 (hemolyzed?) redraw sent", "BHW884213907  03/04/2025
 * 99214-25  E11.65", "TC-0051388 A53.9 - 3rd bicillin done". A long number (alone, after two or three capitals, or
 * after a short prefix and a dash) opening a line that holds a diagnosis code or a definite result is the chart (MRN)
 * or member number (plan ID) of that line's patient, label or not. A line with only a drug on it is not read this way
 * (order and catalogue numbers open those).
 */
import type { PartContext } from './context.ts';
import { type Hit, makeHit, quote } from './hit.ts';
import { F_ALL_DIGIT, F_DIGIT, tokenText } from './tokenizer.ts';

const RECORD_NUMBER = /^(?:\d{7,10}|[A-Z]{2,3}\d{8,10}|[A-Za-z]{1,4}-\d{7,10})$/;
const BED_WORDS = new Set(['bed', 'rm', 'room', 'bay', 'bd']);
const BED_GAP = /^[ \t]{1,2}[\/|,-][ \t]{1,2}$/;
/** After the number: spaces, or a dash or slash between spaces, then the row goes on. */
const ROW_GAP = /^(?:[ \t]{1,4}|[ \t]{1,2}[-–/|][ \t]{1,2})\S/;

export function recognizeRecordRows(ctx: PartContext): void {
  const { text, tokens } = ctx;
  // A test with a whole number ("ALT 141") is a result here only right at the number's gap (opensRow below).
  const rowHealth = ctx.hits.filter((h) => h.type === 'ICD10' ? h.confidence !== 'low' : h.role === 'health' && (h.type === 'LAB_RESULT' || h.type === 'DIAGNOSIS') && (h.confidence === 'high' || (h.type === 'LAB_RESULT' && h.reasons.includes('pattern:lab-value'))));
  if (rowHealth.length === 0) return;
  // Lines come in text order: one sweep over the findings sorted by start keeps this linear.
  rowHealth.sort((a, b) => a.start - b.start);
  // Sorted only once a line opens with a record number (most parts with a code have none).
  let taken: Hit[] | null = null;
  let h = 0, t = 0, takenEnd = -1;
  const found: Hit[] = [];
  for (let q = 0; q < tokens.lineFirstCount; q++) {
    let k = tokens.lineFirstToken[q];
    // "bed 14 / 40031877 / 7-2-44 -- K 6.1": a bed or room first, then the record number.
    if (k + 2 < tokens.count && tokens.line[k + 2] === tokens.line[k] && (tokens.flags[k + 1] & F_ALL_DIGIT) !== 0 && tokens.end[k + 1] - tokens.start[k + 1] <= 4 && tokens.end[k] - tokens.start[k] <= 4 && BED_WORDS.has(tokenText(text, tokens, k)) && BED_GAP.test(text.slice(tokens.end[k + 1], tokens.start[k + 2]))) k += 2;
    const s = tokens.start[k];
    // "TC-0051388 A53.9 - …", "lrp-0049560 am k 6.1": a short prefix and a dash before the number.
    const prefixed = (tokens.flags[k] & F_DIGIT) === 0 && tokens.end[k] - s <= 4 && k + 1 < tokens.count && text.charCodeAt(tokens.end[k]) === 45 && tokens.start[k + 1] === tokens.end[k] + 1;
    if ((tokens.flags[k] & F_DIGIT) === 0 && !prefixed) continue;
    const e = tokens.end[prefixed ? k + 1 : k];
    if (!RECORD_NUMBER.test(text.slice(s, e)) || !ROW_GAP.test(text.slice(e, e + 6))) continue;
    const lineEnd = text.indexOf('\n', e);
    const end = lineEnd < 0 ? text.length : lineEnd;
    while (h < rowHealth.length && rowHealth[h].start <= e) h++;
    if (h === rowHealth.length || rowHealth[h].start >= end) continue;
    // "00633904 - ALT 141 today": a whole-number result counts when it opens the row; a definite finding anywhere on it.
    if (!definite(rowHealth[h]) && !opensRow(text, e, rowHealth[h].start)) {
      let d = h + 1;
      while (d < rowHealth.length && rowHealth[d].start < end && !definite(rowHealth[d])) d++;
      if (d === rowHealth.length || rowHealth[d].start >= end) continue;
    }
    // Not part of something found already (a phone, a labelled number).
    taken ??= ctx.hits.slice().sort((a, b) => a.start - b.start);
    while (t < taken.length && taken[t].start < s) takenEnd = Math.max(takenEnd, taken[t++].end);
    if (takenEnd > s || (t < taken.length && taken[t].start < e)) continue;
    // Capitals run into the digits ("BHW884213907") are a plan's member number; a prefix and a dash a chart's.
    const plan = text.charCodeAt(s) > 57 && !prefixed;
    found.push(makeHit(plan ? 'HEALTH_PLAN_ID' : 'MRN', 'medium', ctx.where, s, e, 'strong', ['pattern:record-row'],
      `${quote(text, s, e)} opens a line with a diagnosis code or a result: that patient's ${plan ? 'member number' : 'record number'}`));
  }
  ctx.hits.push(...found);
}

const definite = (h: Hit): boolean => h.confidence === 'high' || h.type === 'ICD10';
/** Does the finding at `at` follow the number ending at e with only the row's gap between? */
function opensRow(text: string, e: number, at: number): boolean {
  return at - e <= 5 && /^(?:[ \t]{1,4}|[ \t]{1,2}[-–/|][ \t]{1,2})$/.test(text.slice(e, at));
}
