/** Dates as written in mail, numeric or with month names (en/es/fr/de), and year-month-day in CJK. */
import { matchAt, PATTERNS } from './patterns.ts';

/** End of a date starting exactly at pos, or -1. */
export function dateAt(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c >= 48 && c <= 57) {
    // Every date form has 1–4 digits, then a separator ("/", ".", "-"), a space or a letter ("9th", "12Mar"):
    // one look at the character after the digits spares the regexes most numbers.
    let p = pos + 1;
    while (p < text.length && p - pos < 5 && text.charCodeAt(p) >= 48 && text.charCodeAt(p) <= 57) p++;
    const after = p < text.length ? text.charCodeAt(p) : 0;
    const letter = (after | 32) >= 97 && (after | 32) <= 122;
    if (p - pos === 4 && (cjkYear(after) || (after === 32 && cjkYear(text.charCodeAt(p + 1))))) {
      const cjk = matchAt(PATTERNS.dateCjk, text, pos); // 1949年6月2日, 1995년 3월 2일
      if (cjk > 0) return cjk;
    }
    if (p - pos > 4 || !(after === 47 || after === 46 || after === 45 || after === 32 || letter)) return -1;
    if (after !== 32 && !letter) {
      const numeric = matchAt(PATTERNS.dateNumeric, text, pos);
      if (numeric > 0 && plausibleNumericDate(text.slice(pos, numeric))) return numeric;
      // "/" only in numeric dates; "." also in "12. Mai 1970", "-" in "11-Feb-1958" (trial and lab forms).
      if (after !== 46 && !(after === 45 && isMonthInitial(text.charCodeAt(p + 1)))) return -1;
    } else if (after === 32) {
      // "12 March 1961", "9 of July", "3 de mayo": a month (or "of", "de") is the next word.
      let q = p;
      while (q < text.length && q - p < 3 && text.charCodeAt(q) === 32) q++;
      if (!isMonthInitial(text.charCodeAt(q))) return -1;
    }
    // The remaining forms open with a day: one or two digits ("9th", "12 March", "3-Feb-1958").
    if (p - pos > 2) return -1;
    const dayFirst = matchAt(PATTERNS.dateDayFirst, text, pos);
    return dayFirst > 0 ? dayFirst : matchAt(PATTERNS.dateWords, text, pos); // "9th of July 1949"
  }
  const monthFirst = matchAt(PATTERNS.dateMonthFirst, text, pos);
  if (monthFirst > 0) return monthFirst;
  // "the ninth of July, nineteen forty-nine": a date (of birth, mostly) written in words.
  const words = c === 116 || c === 84 /* t, T */ || isMonthInitial(c) ? matchAt(PATTERNS.dateWords, text, pos) : -1;
  if (words > 0) return words;
  // "cinco de mayo de mil novecientos ochenta y cuatro": the same in Spanish.
  return SPANISH_DAY_INITIALS.has(c | 32) ? matchAt(PATTERNS.dateWordsEs, text, pos) : -1;
}

/** First letters of Spanish day numbers in words (primero, uno … treinta). */
const SPANISH_DAY_INITIALS = new Set([...'pudtcsonqv'].map((ch) => ch.charCodeAt(0)));

/** 年 or 년: the year's mark in a Chinese, Japanese or Korean date. */
function cjkYear(c: number): boolean {
  return c === 0x5e74 || c === 0xb144;
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
