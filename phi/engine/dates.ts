/** Dates as written in mail, numeric or with month names (en/es/fr/de). */
import { matchAt, PATTERNS } from './patterns.ts';

/** End of a date starting exactly at pos, or -1. */
export function dateAt(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c >= 48 && c <= 57) {
    const numeric = matchAt(PATTERNS.dateNumeric, text, pos);
    if (numeric > 0 && plausibleNumericDate(text.slice(pos, numeric))) return numeric;
    const dayFirst = matchAt(PATTERNS.dateDayFirst, text, pos);
    return dayFirst > 0 ? dayFirst : matchAt(PATTERNS.dateWords, text, pos); // "9th of July 1949"
  }
  const monthFirst = matchAt(PATTERNS.dateMonthFirst, text, pos);
  if (monthFirst > 0) return monthFirst;
  // "the ninth of July, nineteen forty-nine": a date (of birth, mostly) written in words.
  return c === 116 || c === 84 /* t, T */ || isMonthInitial(c) ? matchAt(PATTERNS.dateWords, text, pos) : -1;
}

/** First letters of an ordinal day word or an English month name (f s t e n: first… ; j m a o d: months). */
function isMonthInitial(c: number): boolean {
  const l = c | 32;
  return l === 102 || l === 115 || l === 101 || l === 110 || l === 106 || l === 109 || l === 97 || l === 111 || l === 100;
}

function plausibleNumericDate(s: string): boolean {
  const parts = s.split(/[/.-]/).map(Number);
  if (parts[0] > 1000) return parts[1] >= 1 && parts[1] <= 12 && parts[2] >= 1 && parts[2] <= 31;
  const [a, b] = parts;
  // US month/day or European day/month: one of the two must be a month.
  return a >= 1 && b >= 1 && ((a <= 12 && b <= 31) || (b <= 12 && a <= 31));
}
