/**
 * Patient names: after a patient label, an honorific ("Mrs. Gonzalez", "Herr Müller") or a
 * greeting, and right before an identifier label ("John Smith, DOB ..."). Doctors' names ("Dr.")
 * are providers, not patients.
 */
import { foldTerm, hashWord } from './fold.ts';
import { type PartContext, tokenIndexAt } from './context.ts';
import { makeHit, quote, type Hit } from './hit.ts';
import { matchAt, PATTERNS } from './patterns.ts';
import { F_ALL_UPPER, F_ALPHA, F_DIGIT, F_UPPER_FIRST, tokenText } from './tokenizer.ts';

/** Capitalised words that start sentences, label things or address groups: never a name. */
const NAME_STOP = new Set(('the this that these those there their they then than thanks thank please dear hi hello hey regards best sincerely ' +
  're fw fwd subject from to cc sent date attached attachment see note notes update reminder important urgent confidential ' +
  'patient patients pt doctor dr doc nurse team staff all everyone colleagues friends members member customer customers client clients ' +
  'portal access services service education safety experience care information support advocate satisfaction resources center centre clinic hospital ' +
  'health medical pharmacy office department billing insurance plan group program newsletter news monday tuesday wednesday thursday friday saturday sunday ' +
  'january february march april may june july august september october november december today tomorrow yesterday ' +
  'is was has have had will would can could should our your my his her its we you he she it i a an and or but of in on at for with by ' +
  'name dob mrn id no number date birth male female unknown n/a na none yes ok okay good great new old next last first ' +
  'estimado estimada hola paciente señor señora bonjour madame monsieur cher chère hallo liebe lieber sehr geehrte geehrter frau herr ' +
  'mr mrs ms miss mx sr sra srta mme mlle').split(' '));
const NAME_DICT_KINDS = new Set(['c', 'x', 'L', 'p', 'l', 'r', 's', 'g', 'b']);

function isNameWord(ctx: PartContext, word: string): boolean {
  const folded = foldTerm(word);
  if (folded.length < 2 || NAME_STOP.has(folded)) return false;
  const entries = ctx.dict.byFirstToken.get(hashWord(folded));
  if (entries) for (const e of entries) if (e.tokens.length === 1 && e.term === folded && NAME_DICT_KINDS.has(e.kind)) return false;
  return true;
}

/** End of a person's name starting at pos (one to four capitalised words), or -1. */
export function nameAt(ctx: PartContext, pos: number, minWords = 1): number {
  const comma = matchAt(PATTERNS.nameCommaForm, ctx.text, pos);
  if (comma > 0) {
    const words = ctx.text.slice(pos, comma).split(/,\s*/);
    if (words.every((w) => isNameWord(ctx, w))) return comma;
  }
  const end = matchAt(PATTERNS.name, ctx.text, pos);
  if (end < 0) return -1;
  // Keep the leading run of name words ("John Smith Thanks" → "John Smith").
  const re = /[^\s]+/g;
  const span = ctx.text.slice(pos, end);
  let kept = 0;
  let keptEnd = pos;
  let leadingInitial = false;
  for (let m = re.exec(span); m; m = re.exec(span)) {
    const w = m[0];
    if (/^[A-ZÀ-Þ]\.$/.test(w)) { // an initial: "J. Whitaker", "Ana M. Ruiz"
      if (m.index === 0) leadingInitial = true;
      else keptEnd = pos + m.index + w.length;
      continue;
    }
    if (!isNameWord(ctx, w.replace(/\.$/, ''))) break;
    kept++;
    keptEnd = pos + m.index + w.length;
  }
  // "J. Whitaker": the initial and the surname name one person, as two words would.
  if (leadingInitial && kept > 0) kept++;
  return kept >= minWords && kept > 0 ? keptEnd : -1;
}

/** The capitalised words right before token k on the same line: [start, end] or null. */
export function nameBefore(ctx: PartContext, k: number): [number, number] | null {
  const { text, tokens } = ctx;
  let j = k - 1;
  let first = -1;
  let words = 0;
  while (j >= 0 && words < 4 && tokens.line[j] === tokens.line[k]) {
    const gap = text.slice(tokens.end[j], j + 1 < tokens.count ? tokens.start[j + 1] : tokens.end[j]);
    if (!/^[\s,()\-–:_]{0,4}$/.test(gap)) break;
    const fl = tokens.flags[j];
    if ((fl & F_UPPER_FIRST) === 0 || (fl & F_DIGIT) !== 0 || (fl & F_ALPHA) === 0) break;
    if (!isNameWord(ctx, text.slice(tokens.start[j], tokens.end[j]))) break;
    first = j;
    words++;
    j--;
  }
  if (words < 2) return null;
  return [tokens.start[first], tokens.end[k - 1]];
}

const GREETINGS = new Set(['dear', 'hi', 'hello', 'hola', 'estimado', 'estimada', 'querido', 'querida', 'bonjour', 'cher', 'chere', 'hallo', 'liebe', 'lieber']);
const GREETING_HASHES = new Set([...GREETINGS].map(hashWord));

/** "Mrs. Gonzalez", "Sra. López", "Herr Müller", and greetings "Dear John," / "Hola María:". */
export function recognizeAddressedNames(ctx: PartContext): void {
  const { text, tokens } = ctx;
  for (const m of ctx.terms) {
    if (m.kind !== 'h' || (tokens.flags[m.first] & F_UPPER_FIRST) === 0) continue;
    let pos = tokens.end[m.last];
    if (text.charCodeAt(pos) === 46 /* . */) pos++;
    else if (m.entry.term.length === 1) continue; // "M. Lefebvre", never a bare "M"
    const spaces = /^[ \t]{1,2}/.exec(text.slice(pos, pos + 2));
    if (!spaces) continue;
    pos += spaces[0].length;
    const end = nameAt(ctx, pos);
    if (end < 0) continue;
    const start = tokens.start[m.first];
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, start, end, 'named', ['name:honorific', `honorific:${m.entry.term}`], `${quote(text, start, end)} names a person (honorific '${text.slice(start, tokens.end[m.last])}')`));
  }
  for (let q = 0; q < tokens.lineFirstCount; q++) {
    const k = tokens.lineFirstToken[q]; // greetings open a line
    if (k + 1 >= tokens.count || !GREETING_HASHES.has(tokens.hash[k])) continue;
    if (!GREETINGS.has(tokenText(text, tokens, k))) continue;
    const pos = tokens.start[k + 1];
    if (!/^[ \t,]{1,3}$/.test(text.slice(tokens.end[k], pos))) continue;
    const end = nameAt(ctx, pos);
    if (end < 0) continue;
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, pos, end, 'named', ['name:greeting'], `${quote(text, pos, end)} is addressed by name`));
  }
  // "Good morning Tadeusz," / "Buenos días Marta:" / "Guten Morgen Jonas,"
  for (let q = 0; q < tokens.lineFirstCount; q++) {
    const k = tokens.lineFirstToken[q];
    if (k + 2 >= tokens.count || tokens.line[k + 2] !== tokens.line[k]) continue;
    if (!TIME_GREETING_HASHES.has(tokens.hash[k]) || !TIME_GREETING_FIRST.has(tokenText(text, tokens, k))) continue;
    if (!TIME_GREETING_SECOND.has(tokenText(text, tokens, k + 1))) continue;
    const pos = tokens.start[k + 2];
    if (!/^[ \t,]{1,3}$/.test(text.slice(tokens.end[k + 1], pos))) continue;
    const end = nameAt(ctx, pos);
    if (end < 0 || !/^[ \t]{0,2}[,:!]/.test(text.slice(end, end + 3))) continue;
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, pos, end, 'named', ['name:greeting'], `${quote(text, pos, end)} is addressed by name`));
  }
  recognizeVocative(ctx);
}

const TIME_GREETING_FIRST = new Set(['good', 'buenos', 'buenas', 'guten', 'bonne']);
const TIME_GREETING_HASHES = new Set([...TIME_GREETING_FIRST].map(hashWord));
const TIME_GREETING_SECOND = new Set(['morning', 'afternoon', 'evening', 'day', 'dias', 'tardes', 'noches', 'morgen', 'tag', 'abend', 'journee', 'soiree']);
/** Capitalised words that open a sentence with a comma or dash without addressing anyone. */
const VOCATIVE_STOP = new Set(('also however so yes no ok okay well sorry again meanwhile therefore first second third finally next now then today tonight tomorrow ' +
  'reminder fyi note update important attention welcome congratulations congrats remember please parents guardians folks guys ladies gentlemen ' +
  'unfortunately fortunately additionally otherwise instead still yet here as if when while after before since because although though ' +
  'good great sure right alright agreed understood done perfect noted correct sadly luckily honestly overall anyway besides plus ' +
  'hola hallo bonjour salut gracias merci danke bitte si oui ja nein non').split(' '));

const VOCATIVE_HEADINGS = new Set(['reminder', 'fyi', 'update', 'note', 'important', 'attention', 'recordatorio', 'aviso', 'rappel', 'erinnerung', 'hinweis']);

/**
 * A message that opens by addressing someone by name: "Rosalind, your colonoscopy is…",
 * "Marguerite - the PT team needs to move your…". A weak cue (role named, reason name:vocative):
 * the decision counts it only with health content tied to a person ("your", "his"…).
 */
function recognizeVocative(ctx: PartContext): void {
  const { text, tokens, where } = ctx;
  // Bodies only: a subject line ("Healthy Living - May") is a title more often than an address.
  if (tokens.count < 3 || where !== 'body') return;
  // Only at the very start of the part (after blank space), or after a one-word heading ("Reminder: Ana, your…").
  for (let i = 0; i < tokens.start[0]; i++) if (text.charCodeAt(i) > 32) return;
  let k = 0;
  if (text.charCodeAt(tokens.end[0]) === 58 /* : */ && tokens.end[0] - tokens.start[0] <= 12 && VOCATIVE_HEADINGS.has(tokenText(text, tokens, 0)) && /^:[ \t]{1,2}$/.test(text.slice(tokens.end[0], tokens.start[1]))) k = 1;
  if ((tokens.flags[k] & F_UPPER_FIRST) === 0 || (tokens.flags[k] & F_DIGIT) !== 0 || (tokens.flags[k] & F_ALL_UPPER) !== 0) return;
  const pos = tokens.start[k];
  const end = nameAt(ctx, pos);
  if (end < 0 || end - pos > 40) return;
  const first = tokenText(text, tokens, k);
  if (VOCATIVE_STOP.has(first) || first.endsWith('ly')) return;
  // Followed by a comma or a dash, then more words.
  const after = text.slice(end, end + 4);
  if (!/^(?:,|[ \t]{1,2}[-–—])[ \t\r\n]/.test(after)) return;
  ctx.hits.push(makeHit('PATIENT_NAME', 'low', where, pos, end, 'named', ['name:vocative'], `${quote(text, pos, end)} is addressed by name at the start of the message`));
}

/** Exposed for the signature logic. */
export function nameLineAt(ctx: PartContext, lineStart: number, lineEnd: number): [number, number] | null {
  let pos = lineStart;
  while (pos < lineEnd && /[\s\->—–]/.test(text(ctx, pos))) pos++;
  if (pos >= lineEnd) return null;
  const end = nameAt(ctx, pos, 1);
  if (end < 0 || end > lineEnd) return null;
  return [pos, end];
}

function text(ctx: PartContext, i: number): string {
  return ctx.text.charAt(i);
}

export { tokenIndexAt };

const PROVIDER_TITLES = new Set(['dr', 'dra', 'doctor', 'doctora', 'docteur', 'prof', 'professor', 'nurse', 'np', 'pa']);

/** "Maria Gonzalez" anywhere: a common given name followed by a capitalised surname (not a doctor's). */
export function recognizeGivenNames(ctx: PartContext): void {
  const { text, tokens } = ctx;
  for (const m of ctx.terms) {
    if (m.kind !== 'f') continue;
    const k = m.first;
    if ((tokens.flags[k] & F_UPPER_FIRST) === 0 || k + 1 >= tokens.count) continue;
    if (k > 0 && PROVIDER_TITLES.has(tokenText(text, tokens, k - 1)) && tokens.start[k] - tokens.end[k - 1] <= 2) continue;
    const s = tokens.start[k];
    if (!/^[ \t]{1,2}$/.test(text.slice(tokens.end[k], tokens.start[k + 1]))) continue;
    if ((tokens.flags[k + 1] & F_UPPER_FIRST) === 0 || (tokens.flags[k + 1] & F_DIGIT) !== 0) continue;
    const end = nameAt(ctx, s, 2);
    if (end < 0) continue;
    if (/^,? ?(?:MD|DO|RN|NP|PA-C|PharmD|PhD|FNP|DDS|LCSW)\b/.test(text.slice(end, end + 9))) continue;
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s, end, 'named', ['name:given-name'], `${quote(text, s, end)} looks like a person's name`));
  }
}

const NAME_HEALTH_GAP = /^[ \t]{0,2}[–—\-:,(][ \t]{0,2}$/;

const FOR_NAME = /^[ \t]{1,2}(?:for|of|re|para|pour|für|von)[ \t]{1,2}/;

/**
 * "Wanda Kessler – invasive ductal carcinoma": a name set right against a diagnosis or drug; and
 * "K 2.9 for Ms. Huang", "MRI for Paul Grant": clinical content followed by "for" and a name found
 * by another recognizer.
 */
export function recognizeNamesNextToHealth(ctx: PartContext): void {
  const { text, tokens } = ctx;
  const health = ctx.hits.filter((h) => h.role === 'health');
  const healthStarts = health.map((h) => h.start);
  const names = new Map<number, Hit>();
  for (const h of ctx.hits) if (h.type === 'PATIENT_NAME') names.set(h.start, h);
  if (names.size > 0) {
    for (const h of health) {
      const gap = FOR_NAME.exec(text.slice(h.end, h.end + 8));
      const name = gap ? names.get(h.end + gap[0].length) : undefined;
      if (name && !name.reasons.includes('name:next-to-health')) name.reasons.push('name:next-to-health');
    }
  }
  for (const start of healthStarts) {
    let k = tokenIndexAt(tokens, start);
    if (k >= tokens.count) continue;
    // Allow a few lower-case modifiers in between: "Wanda Kessler – invasive ductal carcinoma".
    // …and a procedure cue before them: "Gunther Vogel, s/p right total knee replacement".
    for (let m = 0; m < 4 && k > 0; m++) {
      const cue = skipProcedureCue(ctx, k);
      if (cue !== k) { k = cue; break; }
      if (m === 3 || tokens.line[k - 1] !== tokens.line[k] || (tokens.flags[k - 1] & (F_UPPER_FIRST | F_DIGIT)) !== 0 || !/^[ \t]{1,2}$/.test(text.slice(tokens.end[k - 1], tokens.start[k]))) break;
      k--;
    }
    if (k === 0) continue;
    if (!NAME_HEALTH_GAP.test(text.slice(tokens.end[k - 1], tokens.start[k]))) continue;
    const span = nameBefore(ctx, k);
    if (!span) continue;
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, span[0], span[1], 'named', ['name:next-to-health'], `${quote(text, span[0], span[1])} stands right next to clinical content`));
  }
}

/** "s/p" or "status post" right before token k (on its line): the index of its first token, else k. */
function skipProcedureCue(ctx: PartContext, k: number): number {
  const { text, tokens } = ctx;
  if (k < 2 || tokens.line[k - 2] !== tokens.line[k] || !/^[ \t]{1,2}$/.test(text.slice(tokens.end[k - 1], tokens.start[k]))) return k;
  const a = tokenText(text, tokens, k - 2);
  const b = tokenText(text, tokens, k - 1);
  const gap = text.slice(tokens.end[k - 2], tokens.start[k - 1]);
  if ((a === 's' && b === 'p' && gap === '/') || (a === 'status' && b === 'post' && gap === ' ')) return k - 2;
  return k;
}

/** Age and sex written after a name: "Eleanor Vance, 84F", "Jaylen Brooks (grade 4)", "Ana Ruiz, 34 yo". */
const AGE_UNITS = new Set(['yo', 'yr', 'yrs', 'year', 'years', 'female', 'male', 'ans', 'anos', 'jahre', 'jahrig', 'jahrige', 'jahriger']);
const AGE_WORDS = new Set(['age', 'aged', 'grade', 'edad', 'alter']);
const AGE_TOKEN = /^\d{1,3}(?:F|M|yo)$/;

export function recognizeNamesWithAge(ctx: PartContext): void {
  const { text, tokens } = ctx;
  const { start, end, flags, line } = tokens;
  for (let q = 0; q < tokens.digitCount; q++) {
    const k = tokens.digitToken[q];
    const len = end[k] - start[k];
    let first = -1;
    if ((flags[k] & F_ALPHA) !== 0) {
      if (len <= 5 && AGE_TOKEN.test(text.slice(start[k], end[k]))) first = k; // "84F", "9yo"
    } else if (len <= 3) {
      const next = k + 1 < tokens.count && line[k + 1] === line[k] && start[k + 1] - end[k] <= 1 ? k + 1 : -1;
      if (next >= 0) {
        const c = text.charCodeAt(start[next]);
        const oneLetter = end[next] - start[next] === 1 && (c === 70 || c === 77); // "84 F", "84-M"
        if (oneLetter || (end[next] - start[next] <= 8 && AGE_UNITS.has(tokenText(text, tokens, next)))) first = k;
      }
      if (first < 0 && k > 0 && line[k - 1] === line[k] && start[k] - end[k - 1] <= 2 && AGE_WORDS.has(tokenText(text, tokens, k - 1))) first = k - 1;
    }
    if (first <= 0) continue;
    const span = nameBefore(ctx, first);
    if (!span) continue;
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, span[0], span[1], 'named', ['name:with-age'], `${quote(text, span[0], span[1])} is followed by an age: a person's name`));
  }
}
