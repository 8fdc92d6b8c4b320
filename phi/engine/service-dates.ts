/**
 * Dates of service written in prose: "your visit on March 3", "seen 4/2", "appt Thu 5/8",
 * "collected 4/8", "DOS 06/13/2025". A date right after a word of care (a visit, an admission, a
 * specimen drawn) is when someone received it. Reported as a finding (type DATE_OF_SERVICE) so the
 * add-ins can show it; it does not weigh in the decision (role "contact"): a date alone identifies
 * nobody, and "closed on 3/4" must not make a message PHI. On a bill it does: the date of care of
 * the person billed.
 */
import { lowerBound, overlapIndex, type PartContext, wordsBefore } from './context.ts';
import { dateAt } from './dates.ts';
import { makeHit, quote } from './hit.ts';
import { F_ALPHA, tokenEquals, tokenText } from './tokenizer.ts';
import { hashWord } from './fold.ts';

/** Words of care that a date of service follows within a few words. */
const SERVICE_CUES = new Set(['visit', 'visits', 'seen', 'appt', 'appointment', 'admitted', 'admit', 'admission', 'discharged', 'discharge', 'surgery',
  'procedure', 'dos', 'collected', 'drawn', 'placed', 'scheduled', 'inj', 'injection', 'infusion', 'delivered', 'transmission', 'session', 'encounter',
  'exam', 'bx', 'biopsy', 'scan', 'mri', 'ct', 'xray', 'colonoscopy', 'mammogram', 'fu', 'followup', 'visita', 'cita', 'consulta', 'ingreso',
  'alta', 'rendez', 'rdv', 'consultation', 'termin', 'aufnahme', 'entlassung', 'untersuchung', 'service']);
/** A bill or a collection letter: its dates of care belong to the person billed. */
const BILLING = /\b(?:balance due|amount due|past due|payment plan|statement date|collect (?:a|this) debt|co-?pays?|refund(?:ed)?|overpa(?:id|yment)|patient responsibility|insurance paid)\b/i;
const MONTH_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|januar|februar|marz|juni|juli|oktober|dezember)$/;
const MONTH_HASHES = new Set(MONTH_WORD.source.slice(4, -2).split('|').map(hashWord));
/** Is token k a month's name? Its hash first, then its text (no string for most tokens). */
function isMonth(ctx: PartContext, k: number): boolean {
  return ctx.tokens.end[k] - ctx.tokens.start[k] <= 10 && MONTH_HASHES.has(ctx.tokens.hash[k]) && MONTH_WORD.test(tokenText(ctx.text, ctx.tokens, k));
}

const digit = (c: number): boolean => c >= 48 && c <= 57;
/** End of "4/2", "12/31" (month and day without a year, not part of a longer number or date) at s, or -1. */
function shortDateAt(text: string, s: number): number {
  let p = s;
  let month = 0;
  while (p < text.length && p - s < 2 && digit(text.charCodeAt(p))) month = month * 10 + text.charCodeAt(p++) - 48;
  if (p === s || digit(text.charCodeAt(p)) || text.charCodeAt(p) !== 47 /* / */) return -1;
  const d0 = ++p;
  let day = 0;
  while (p < text.length && p - d0 < 2 && digit(text.charCodeAt(p))) day = day * 10 + text.charCodeAt(p++) - 48;
  if (p === d0) return -1;
  const c = text.charCodeAt(p);
  if (digit(c) || c === 47 || ((c === 46 || c === 44) && digit(text.charCodeAt(p + 1)))) return -1;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? p : -1;
}

/** Does the line of token k open with a bullet or a number ("- ", "• ", "2. ")? Its first token found by binary search. */
function listItemLine(ctx: PartContext, k: number): boolean {
  const { text, tokens } = ctx;
  const q = lowerBound(tokens.lineFirstToken, k + 1, tokens.lineFirstCount) - 1;
  if (q < 0) return false;
  const f = tokens.lineFirstToken[q];
  if (tokens.line[f] !== tokens.line[k]) return false;
  // What stands before the line's first token, after the line break (a short run: a bullet and its spaces).
  const from = Math.max(f > 0 ? tokens.end[f - 1] : 0, tokens.start[f] - 8);
  const head = text.slice(from, tokens.start[f]);
  const nl = head.lastIndexOf('\n');
  if (nl < 0 && from > 0) return false;
  const lead = head.slice(nl + 1);
  if (/^[ \t]*[-*•·–][ \t]+$/.test(lead)) return true;
  // "2. Waiver deadline": the number is the line's first token.
  return /^[ \t]*$/.test(lead) && /^\d{1,2}[.)][ \t]/.test(text.slice(tokens.start[f], tokens.start[f] + 4));
}

const STATEMENT_PERIODS = new Set(['period', 'month', 'months']);
const DELIVERY_CUES = new Set(['delivered', 'shipped', 'delivery']);
const GATHERING_SERVICES = new Set(['memorial', 'funeral', 'worship', 'church', 'chapel', 'prayer', 'remembrance', 'candlelight', 'graveside', 'interfaith', 'community', 'volunteer']);

export function recognizeServiceDates(ctx: PartContext): void {
  const { text, tokens } = ctx;
  // Findings made before this reading: a date inside one is taken (indexed on the first date with a cue).
  let taken: ReturnType<typeof overlapIndex> | null = null;
  let billing: boolean | null = null;
  for (let q = 0; q < tokens.digitCount; q++) {
    const k = tokens.digitToken[q];
    if ((tokens.flags[k] & F_ALPHA) !== 0) continue;
    let s = tokens.start[k];
    const p = s > 0 ? text.charCodeAt(s - 1) : 0;
    if ((p >= 48 && p <= 57) || p === 47 || p === 46 || p === 45) continue; // inside a longer number or date
    let e = dateAt(text, s);
    let first = k;
    if (e < 0) e = shortDateAt(text, s);
    // "March 3", "3 de junio" without a year: the month word before the day.
    if (e < 0 && k > 0 && tokens.end[k] - s <= 2 && tokens.line[k - 1] === tokens.line[k] && s - tokens.end[k - 1] <= 2 && isMonth(ctx, k - 1)) {
      first = k - 1;
      s = tokens.start[k - 1];
      e = tokens.end[k];
    }
    // "5 de junio", "3 juin", "5. Juni": the day before the month word.
    if (e < 0 && tokens.end[k] - s <= 2 && k + 1 < tokens.count && tokens.line[k + 1] === tokens.line[k]) {
      let j = k + 1;
      if (j + 1 < tokens.count && tokenEquals(text, tokens, j, 'de')) j++;
      if (tokens.start[j] - tokens.end[j - 1] <= 3 && isMonth(ctx, j)) e = tokens.end[j];
    }
    if (e < 0) continue;
    // A list item is a line of its own ("- Mental health visits covered\n- Waiver deadline: September 15"): its cue is on it.
    const words = wordsBefore(ctx, first, 6, 60);
    const at = words.findIndex((w) => SERVICE_CUES.has(w));
    const cue = at < 0 ? undefined : tokens.line[first - 1 - at] === tokens.line[first] || !listItemLine(ctx, first) ? words[at] : undefined;
    if (!cue) continue;
    // "community memorial service 10/20", "Sunday worship service": a gathering, no one's care.
    if (cue === 'service' && GATHERING_SERVICES.has(words[at + 1] ?? '')) continue;
    // "2 infusion recliners delivered 5/28": a quantity before the delivery makes it goods'.
    if (DELIVERY_CUES.has(cue) && words.slice(at + 1, at + 5).some((w) => w.length <= 4 && /^\d+$/.test(w))) continue;
    // "Service period 05/01/2025 - 05/31/2025": a statement's month, no one's visit.
    if (cue === 'service' && at > 0 && STATEMENT_PERIODS.has(words[at - 1])) continue;
    taken ??= overlapIndex(ctx.hits, () => true);
    if (taken.overlaps(s, e)) continue;
    billing ??= BILLING.test(text);
    const hit = makeHit('DATE_OF_SERVICE', 'medium', ctx.where, s, e, billing ? 'strong' : 'contact', ['pattern:date', `keyword:${cue}`, ...(billing ? ['billing'] : [])], `${quote(text, s, e)} after '${cue}': a date of care${billing ? ' on a bill' : ''}`);
    taken.add(hit);
    ctx.hits.push(hit);
  }
}
