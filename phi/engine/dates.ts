/** Dates as written in mail, numeric or with month names (en/es/fr/de). */
import { matchAt, PATTERNS } from './patterns.ts';

/** End of a date starting exactly at pos, or -1. */
export function dateAt(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c >= 48 && c <= 57) {
    const numeric = matchAt(PATTERNS.dateNumeric, text, pos);
    if (numeric > 0 && plausibleNumericDate(text.slice(pos, numeric))) return numeric;
    return matchAt(PATTERNS.dateDayFirst, text, pos);
  }
  return matchAt(PATTERNS.dateMonthFirst, text, pos);
}

function plausibleNumericDate(s: string): boolean {
  const parts = s.split(/[/.-]/).map(Number);
  if (parts[0] > 1000) return parts[1] >= 1 && parts[1] <= 12 && parts[2] >= 1 && parts[2] <= 31;
  const [a, b] = parts;
  // US month/day or European day/month: one of the two must be a month.
  return a >= 1 && b >= 1 && ((a <= 12 && b <= 31) || (b <= 12 && a <= 31));
}
