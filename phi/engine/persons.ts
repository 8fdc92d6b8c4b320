/**
 * People named with no label, title or known given name: two to four capitalised words that are not
 * dictionary terms (names.ts nameBefore: hyphens, apostrophes, particles such as "Van", family name
 * first all read as words). Such a run is a person's name only with a cue that a patient is meant:
 *  - a patient verb right after it ("… was seen", "…, seen at", "… (802-555-0119) called",
 *    "… presented / underwent / was admitted"), with clinical content in the same sentence;
 *  - a line that introduces clinical content below it ("Trend for <name> before Thursday's visit:"
 *    above a table of lab results).
 * Never next to a clinician's title or credential, never in a heading typed in title case, never with
 * an organisation or place word (Room, Street, Clinic…). The hit is a named person at clinical content.
 */
import { type PartContext, tokenIndexAt } from './context.ts';
import { hashWord } from './fold.ts';
import { makeHit, quote, type Hit } from './hit.ts';
import { acronymsOnly, CREDENTIAL_AFTER, nameBefore, notAPerson } from './names.ts';
import { isPlaceholderName } from './placeholders.ts';
import { F_ALL_UPPER, F_ALPHA, F_DIGIT, F_UPPER_FIRST, tokenText } from './tokenizer.ts';

/** Dictionary kind person-verb: these follow a name directly; the others ("scheduled", "found"…) only after "was"/"is". */
const VERBS = new Set(['called', 'calls', 'presented', 'presents', 'underwent', 'complains', 'complained', 'reports', 'reported', 'denies', 'endorses',
  'died', 'expired', 'fell', 'seen', 'admitted', 'discharged', 'diagnosed', 'tested', 'missed', 'declined', 'arrived', 'developed',
  // A visit: "<name> came in this morning, A1c up to …", "<name> came back through walk-in".
  'came in', 'comes in', 'came back', 'comes back', 'showed up', 'stopped by', 'walked in', 'returned',
  // A trial's and a hospice's: "<name> screened today for …", "<name> is dying".
  'screened', 'enrolled', 'consented', 'randomized', 'dying',
  // "Roberta Whitefeather got her RhoGAM", "Wilfredo Ayala had a PPD placed".
  'got', 'received', 'had', 'due']);
const AUX = new Set(['was', 'is', 'has', 'had', 'were']); // "has been admitted" reads as "been" + verb: not counted
const AUX_HASHES = new Set([...AUX].map(hashWord));
/** Titles and credentials of clinicians: a name next to one is a provider's. */
const CLINICIAN_BEFORE = new Set(['dr', 'dra', 'doctor', 'doctora', 'docteur', 'prof', 'professor', 'nurse', 'np', 'pa', 'rn', 'speaker', 'presenter', 'moderator', 'faculty', 'host', 'hosted', 'by', 'with']);
/** A ship's prefix before its name ("MV Cape Arlen", "SS Norway"): a vessel, no person. */
const SHIP_PREFIXES = new Set(['mv', 'ss', 'hms', 'rv', 'mt', 'msc']);
export function recognizePersonShapes(ctx: PartContext): void {
  const { text, tokens } = ctx;
  const { flags, hash, line } = tokens;
  const health = ctx.hits.filter((h) => h.role === 'health');
  if (health.length === 0) return;
  let names: Set<number> | null = null;
  for (const m of ctx.terms) {
    if (m.kind !== 'e') continue;
    let k = m.first;
    if (k < 2 || (flags[k] & F_UPPER_FIRST) !== 0) continue;
    const word = m.entry.term;
    // "was seen", "is scheduled": the auxiliary stands between the name and the verb.
    if (k > 2 && line[k - 1] === line[k] && AUX_HASHES.has(hash[k - 1]) && AUX.has(tokenText(text, tokens, k - 1))) k--;
    else if (!VERBS.has(word)) continue;
    // The name ends right before the verb, or before a phone number in parentheses ("Name (802-555-0119) called").
    let j = k;
    const closes = text.charCodeAt(tokens.start[k] - 2) === 41 || text.charCodeAt(tokens.start[k] - 1) === 41;
    const phone = closes ? ctx.hits.find((h) => h.type === 'PHONE' && h.end <= tokens.start[k] && tokens.start[k] - h.end <= 3) : undefined;
    if (phone) j = tokenIndexAt(tokens, phone.start);
    if (j < 2 || line[j - 1] !== line[k]) continue;
    const gap = text.slice(tokens.end[j - 1], tokens.start[j]);
    if (!/^(?:[ \t]{1,2}|,[ \t]{1,2}|[ \t]{0,2}\(?)$/.test(gap)) continue;
    const span = personSpan(ctx, j);
    if (!span) continue;
    if (!sentenceHasHealth(text, span[0], tokens.end[k], health, true)) continue;
    names ??= new Set(ctx.hits.filter((h) => h.type === 'PATIENT_NAME').map((h) => h.start));
    if (names.has(span[0])) {
      // Known already (from the phone after it, say): the verb adds that a patient is meant.
      const known = ctx.hits.find((h) => h.type === 'PATIENT_NAME' && h.start === span[0]);
      if (known && !known.reasons.includes('name:with-verb')) known.reasons.push('name:with-verb');
      continue;
    }
    names.add(span[0]);
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, span[0], span[1], 'named', ['name:shape', 'name:with-verb', 'name:next-to-health'], `${quote(text, span[0], span[1])} is followed by '${word}' in a sentence with clinical content: a patient's name`));
  }
  names = conditionAfterVerb(ctx, health, names);
  introducedContent(ctx, health, names);
  reportFor(ctx, health, names);
}

/** "Isaiah Legare is actively dying", "Maria Lopez was hypotensive": a name, "is"/"was", then a condition. */
function conditionAfterVerb(ctx: PartContext, health: Hit[], names: Set<number> | null): Set<number> | null {
  const { text, tokens } = ctx;
  for (const h of health) {
    if (h.type !== 'DIAGNOSIS' || h.confidence === 'low') continue;
    const k = tokenIndexAt(tokens, h.start);
    if (k < 3 || tokens.start[k] !== h.start || tokens.line[k - 1] !== tokens.line[k] || !AUX_HASHES.has(tokens.hash[k - 1])) continue;
    const verb = tokenText(text, tokens, k - 1);
    if (verb !== 'is' && verb !== 'was' || !/^[ \t]{1,2}$/.test(text.slice(tokens.end[k - 2], tokens.start[k - 1]))) continue;
    const span = personSpan(ctx, k - 1);
    if (!span) continue;
    names ??= new Set(ctx.hits.filter((x) => x.type === 'PATIENT_NAME').map((x) => x.start));
    if (names.has(span[0])) continue;
    names.add(span[0]);
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, span[0], span[1], 'named', ['name:shape', 'name:with-verb', 'name:next-to-health'], `${quote(text, span[0], span[1])} ${verb} ${quote(text, h.start, h.end)}: a patient's name`));
  }
  return names;
}

/** Report and result words: "<word> for <name>" says whose the report is. */
const REPORT_WORDS = new Set(['pathology', 'path', 'results', 'result', 'report', 'labs', 'biopsy', 'imaging', 'cytology', 'findings', 'referral', 'consult', 'consultation', 'workup', 'orders', 'culture', 'specimen']);
const FOR_HASH = hashWord('for');

/**
 * "Final pathology for <Given Surname> (accession …): … carcinoma": a person-shaped name right after
 * "<report word> for", in a sentence with clinical content, is whose report it is.
 */
function reportFor(ctx: PartContext, health: Hit[], names: Set<number> | null): void {
  const { text, tokens } = ctx;
  const { hash, flags, line } = tokens;
  // sentenceHasHealth counts only findings above "low" and looks at most 300 characters either
  // side of the name: only " for " near such a finding can pass, so only those windows are read.
  const windows = forWindows(health, text.length);
  for (const [from, to] of windows) {
    for (let p = text.indexOf(' for ', Math.max(1, from)); p >= 0 && p <= to; p = text.indexOf(' for ', p + 4)) {
      // The name after "for" is capitalised: a lower-case letter or a digit there ends it (no binary search).
      const next = text.charCodeAt(p + 5);
      if ((next >= 97 && next <= 122) || (next >= 48 && next <= 57)) continue;
      const k = tokenIndexAt(tokens, p + 1);
      if (k < 1 || k + 2 >= tokens.count || tokens.start[k] !== p + 1) continue;
      if (hash[k] !== FOR_HASH || line[k - 1] !== line[k] || line[k + 1] !== line[k]) continue;
      if ((flags[k + 1] & F_UPPER_FIRST) === 0 || (flags[k + 1] & F_DIGIT) !== 0) continue;
      if (tokens.end[k - 1] - tokens.start[k - 1] > 12 || !REPORT_WORDS.has(tokenText(text, tokens, k - 1)) || tokenText(text, tokens, k) !== 'for') continue;
      // The run of capitalised words after "for", read from its end.
      let j = k + 1;
      while (j + 1 < tokens.count && j - k < 4 && line[j + 1] === line[k] && (flags[j + 1] & F_UPPER_FIRST) !== 0 && /^(?:[ \t]|-)$/.test(text.slice(tokens.end[j], tokens.start[j + 1]))) j++;
      // nameBefore reads the words before a token on the same line: the name must be followed on its line.
      if (j + 1 >= tokens.count || line[j + 1] !== line[k]) continue;
      const span = personSpan(ctx, j + 1);
      if (!span || span[0] !== tokens.start[k + 1]) continue;
      if (!sentenceHasHealth(text, span[0], span[1], health)) continue;
      names ??= new Set(ctx.hits.filter((h) => h.type === 'PATIENT_NAME').map((h) => h.start));
      if (names.has(span[0])) continue;
      names.add(span[0]);
      ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, span[0], span[1], 'named', ['name:shape', 'name:report-for', 'name:next-to-health'], `${quote(text, span[0], span[1])} is whose report it is, in a sentence with clinical content: a patient's name`));
    }
  }
}

/**
 * Merged ranges around the findings above "low" that hold every " for " whose name could share a
 * sentence with one of them (300 characters each way, plus the name itself, with margin).
 */
function forWindows(health: Hit[], length: number): Array<[number, number]> {
  const REACH = 800;
  const spans = health.filter((h) => h.confidence !== 'low').map((h) => [Math.max(0, h.start - REACH), Math.min(length, h.end + REACH)] as [number, number]);
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push(s);
  }
  return merged;
}

/** A person-shaped name ending right before token j, or null (clinicians, places, headings excluded). */
function personSpan(ctx: PartContext, j: number): [number, number] | null {
  const { text, tokens } = ctx;
  const span = nameBefore(ctx, j);
  if (!span) return null;
  const first = tokenIndexAt(tokens, span[0]);
  if (notAPerson(text, span[0], span[1])) return null;
  if (first > 0 && tokens.line[first - 1] === tokens.line[first] && CLINICIAN_BEFORE.has(tokenText(text, tokens, first - 1))) return null;
  if (CREDENTIAL_AFTER.test(text.slice(span[1], span[1] + 10))) return null;
  if (first > 0 && tokens.line[first - 1] === tokens.line[first] && (tokens.flags[first - 1] & F_ALL_UPPER) !== 0 && SHIP_PREFIXES.has(tokenText(text, tokens, first - 1))) return null;
  if (isPlaceholderName(text.slice(span[0], span[1]))) return null;
  if (titleCaseLine(ctx, first)) return null;
  if (acronymsOnly(ctx, span)) return null;
  return span;
}

/** Is most of the line of token k capitalised (a heading or a subject typed in title case)? */
function titleCaseLine(ctx: PartContext, k: number): boolean {
  const { tokens } = ctx;
  const l = tokens.line[k];
  let a = k;
  while (a > 0 && tokens.line[a - 1] === l) a--;
  let alpha = 0;
  let caps = 0;
  for (let i = a; i < tokens.count && tokens.line[i] === l && alpha < 40; i++) {
    const fl = tokens.flags[i];
    if ((fl & F_ALPHA) === 0 || (fl & F_DIGIT) !== 0 || tokens.end[i] - tokens.start[i] < 3) continue;
    alpha++;
    if ((fl & F_UPPER_FIRST) !== 0) caps++;
  }
  return alpha >= 4 && caps * 10 >= alpha * 7;
}

/** Is there clinical content between the sentence's start (before `from`) and its end (after `to`)? */
function sentenceHasHealth(text: string, from: number, to: number, health: Hit[], nextToo = false): boolean {
  let s = from;
  for (let n = 0; s > 0 && n < 300; s--, n++) {
    const c = text.charCodeAt(s - 1);
    if (c === 10 || ((c === 46 || c === 33 || c === 63) && text.charCodeAt(s) === 32)) break;
  }
  // With a patient verb, this sentence and the next: "<name> came back this morning. Sugars in the 380s…".
  let e = sentenceEnd(text, to);
  if (nextToo && e < text.length && !(text.charCodeAt(e) === 10 && text.charCodeAt(e + 1) === 10)) e = sentenceEnd(text, e + 1);
  return health.some((h) => h.confidence !== 'low' && h.start >= s && h.end <= e);
}

/** Where the sentence holding `from` ends: at ". ", "! ", "? " or a blank line, at most 300 characters on. */
function sentenceEnd(text: string, from: number): number {
  let e = from;
  for (let n = 0; e < text.length && n < 300; e++, n++) {
    const c = text.charCodeAt(e);
    if ((c === 10 && text.charCodeAt(e + 1) === 10) || ((c === 46 || c === 33 || c === 63) && (e + 1 >= text.length || text.charCodeAt(e + 1) <= 32))) break;
  }
  return e;
}

/**
 * "Trend for <name> before Thursday's visit:" above a table of results: a line ending in a colon
 * introduces what follows; a person-shaped name on it is at the clinical content of the next lines
 * (high-confidence findings: table cells, results with values).
 */
function introducedContent(ctx: PartContext, health: Hit[], names: Set<number> | null): void {
  const { text, tokens } = ctx;
  const high = health.filter((h) => h.confidence === 'high');
  if (high.length === 0) return;
  for (let p = text.indexOf(':\n'); p >= 0; p = text.indexOf(':\n', p + 2)) {
    const below = high.some((h) => h.start > p && h.start - p < 200);
    if (!below) continue;
    let ls = text.lastIndexOf('\n', p - 1) + 1;
    if (p - ls > 200) ls = p - 200;
    const a = tokenIndexAt(tokens, ls);
    const b = tokenIndexAt(tokens, p);
    // Each capitalised run on the line, read from its end.
    for (let k = a + 1; k <= b; k++) {
      const endsRun = k === b || (tokens.flags[k] & F_UPPER_FIRST) === 0 || text.slice(tokens.end[k - 1], tokens.start[k]).trim() !== '';
      if (!endsRun || (tokens.flags[k - 1] & F_UPPER_FIRST) === 0) continue;
      const span = personSpan(ctx, k);
      if (!span || span[0] < ls) continue;
      names ??= new Set(ctx.hits.filter((h) => h.type === 'PATIENT_NAME').map((h) => h.start));
      if (names.has(span[0])) continue;
      names.add(span[0]);
      ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, span[0], span[1], 'named', ['name:shape', 'name:next-to-health'], `${quote(text, span[0], span[1])} is named on the line introducing clinical results: a patient's name`));
    }
  }
}
