/**
 * Dates of service written in prose: "your visit on March 3", "seen 4/2", "appt Thu 5/8",
 * "collected 4/8", "DOS 06/13/2025". A date right after a word of care (a visit, an admission, a
 * specimen drawn) is when someone received it. Reported as a finding (type DATE_OF_SERVICE) so the
 * add-ins can show it; it does not weigh in the decision (role "contact"): a date alone identifies
 * nobody, and "closed on 3/4" must not make a message PHI. On a bill it does: the date of care of
 * the person billed.
 */
import { type PartContext, wordsBefore } from './context.ts';
import { dateAt } from './dates.ts';
import { makeHit, quote } from './hit.ts';
import { F_ALPHA, tokenText } from './tokenizer.ts';

/** Words of care that a date of service follows within a few words. */
const SERVICE_CUES = new Set(['visit', 'visits', 'seen', 'appt', 'appointment', 'admitted', 'admit', 'admission', 'discharged', 'discharge', 'surgery',
  'procedure', 'dos', 'collected', 'drawn', 'placed', 'scheduled', 'inj', 'injection', 'infusion', 'delivered', 'transmission', 'session', 'encounter',
  'exam', 'bx', 'biopsy', 'scan', 'mri', 'ct', 'xray', 'colonoscopy', 'mammogram', 'fu', 'followup', 'visita', 'cita', 'consulta', 'ingreso',
  'alta', 'rendez', 'rdv', 'consultation', 'termin', 'aufnahme', 'entlassung', 'untersuchung', 'service']);
/** A bill or a collection letter: its dates of care belong to the person billed. */
const BILLING = /\b(?:balance due|amount due|past due|payment plan|statement date|collect (?:a|this) debt|copay)\b/i;
const MONTH_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|januar|februar|marz|juni|juli|oktober|dezember)$/;
/** "4/2", "5/8": month and day without a year. */
const SHORT_DATE = /(\d{1,2})\/(\d{1,2})(?![\d/]|[.,]\d)/y;

export function recognizeServiceDates(ctx: PartContext): void {
  const { text, tokens } = ctx;
  const taken = ctx.hits;
  let billing: boolean | null = null;
  for (let q = 0; q < tokens.digitCount; q++) {
    const k = tokens.digitToken[q];
    if ((tokens.flags[k] & F_ALPHA) !== 0) continue;
    let s = tokens.start[k];
    if (s > 0 && /[\d/.-]/.test(text[s - 1])) continue; // inside a longer number or date
    let e = dateAt(text, s);
    let first = k;
    if (e < 0) {
      SHORT_DATE.lastIndex = s;
      const m = SHORT_DATE.exec(text);
      if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12 && Number(m[2]) >= 1 && Number(m[2]) <= 31) e = SHORT_DATE.lastIndex;
    }
    // "March 3", "3 de junio" without a year: the month word before the day.
    if (e < 0 && k > 0 && tokens.end[k] - s <= 2 && tokens.line[k - 1] === tokens.line[k] && s - tokens.end[k - 1] <= 2 && tokens.end[k - 1] - tokens.start[k - 1] <= 10 &&
      MONTH_WORD.test(tokenText(text, tokens, k - 1))) {
      first = k - 1;
      s = tokens.start[k - 1];
      e = tokens.end[k];
    }
    // "5 de junio", "3 juin", "5. Juni": the day before the month word.
    if (e < 0 && tokens.end[k] - s <= 2 && k + 1 < tokens.count && tokens.line[k + 1] === tokens.line[k]) {
      let j = k + 1;
      if (j + 1 < tokens.count && tokens.end[j] - tokens.start[j] === 2 && tokenText(text, tokens, j) === 'de') j++;
      if (tokens.start[j] - tokens.end[j - 1] <= 3 && tokens.end[j] - tokens.start[j] <= 10 && MONTH_WORD.test(tokenText(text, tokens, j))) e = tokens.end[j];
    }
    if (e < 0) continue;
    const cue = wordsBefore(ctx, first, 6, 60).find((w) => SERVICE_CUES.has(w));
    if (!cue) continue;
    if (taken.some((h) => h.start < e && s < h.end)) continue;
    billing ??= BILLING.test(text);
    taken.push(makeHit('DATE_OF_SERVICE', 'medium', ctx.where, s, e, billing ? 'strong' : 'contact', ['pattern:date', `keyword:${cue}`, ...(billing ? ['billing'] : [])], `${quote(text, s, e)} after '${cue}': a date of care${billing ? ' on a bill' : ''}`));
  }
}
