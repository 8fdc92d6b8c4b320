/**
 * Patient names: after a patient label, an honorific ("Mrs. Gonzalez", "Herr Müller") or a
 * greeting, and right before an identifier label ("John Smith, DOB ..."). Doctors' names ("Dr.")
 * are providers, not patients.
 */
import { foldTerm, hashWord, personKey } from './fold.ts';
import { clinicalTermBetween, healthBetween, isPolish, isServiceDesk, isTagalog, lineNear, lowerBound, overlapIndex, type PartContext, tokenIndexAt, tokensBeforeHealth, wordsBefore } from './context.ts';
import type { TermMatch } from './terms.ts';
import { makeHit, quote, type Hit } from './hit.ts';
import { matchAt, PATTERNS } from './patterns.ts';
import { F_ALL_DIGIT, F_ALL_UPPER, F_ALPHA, F_DIGIT, F_UPPER_FIRST, tokenEquals, tokenText } from './tokenizer.ts';
import { casualNameAt, casualNameBefore, isCasual, isCasualNameWord, SAINT_WORDS } from './casual.ts';
import { dateAt } from './dates.ts';
import { CAMERA_PREFIX, clinicalDocument, DOCUMENT_FIRST, fileNameIdentifiers, linkFileSegment, ORDER_PREFIX } from './file-names.ts';
import { isPlaceholderDate, isPlaceholderName } from './placeholders.ts';

/** Capitalised words that start sentences, label things or address groups: never a name. */
const NAME_STOP = new Set(('the this that these those there their they then than thanks thank please dear hi hello hey regards best sincerely ' +
  're fw fwd subject from to cc sent date attached attachment see note notes update reminder important urgent confidential rounds ' +
  'patient patients pt doctor dr doc nurse team staff all everyone colleagues friends members member customer customers client clients prescriber prescribers call ' +
  'portal access services service education safety experience care information support advocate satisfaction resources center centre clinic hospital ' +
  'health medical pharmacy office department billing insurance plan group program newsletter news monday tuesday wednesday thursday friday saturday sunday ' +
  'january february march april may june july august september october november december today tomorrow yesterday ' +
  'is was has have had will would can could should our your my his her its we you he she it i a an and or but of in on at for with by ' +
  'name dob mrn id no number date birth male female unknown n/a na none yes ok okay good great new old next last first ' +
  'estimado estimada prezado prezada szanowny szanowna szanowni drodzy państwo panstwo hola paciente señor señora bonjour madame monsieur cher chère hallo liebe lieber sehr geehrte geehrter frau herr ' +
  'mr mrs ms miss mx sr sra srta mme mlle это ' +
  // Roles addressed or signing in place of a name: "Dear Parent/Guardian of …", "Reviewer note:".
  'parent guardian family student reviewer editor author admin sir madam friend friends ' +
  // Groups addressed in greetings: "Liebe Kolleginnen und Kollegen", "Estimados colegas", "Chers collègues".
  'kolleginnen kollegen kollege kollegin colegas colega collegues collegue companeros companeras amigos mitarbeitende mitarbeiter team teams equipo equipe équipe pacjenci pacjentki pacjencie residents providers clinicians nurses physicians fellows interns attendings students ' +
  'leserinnen leser patientinnen patienten eltern mitglieder damen herren kunden kundinnen lectores lecteurs lectrices ' +
  // "Liebe Familien", "Liebe Angehörige", "Queridas familias", "Chères familles": the families of residents or patients.
  'familien familie angehorige angehörige angehoerige bewohner bewohnerinnen familias familles families ' +
  // "eine Frau Anfang 80": a woman in her early eighties, an age, no name.
  'anfang mitte ' +
  // "Student A. Let's keep…": a sentence opening with "Let's" after a letter standing for a student.
  'let lets ' +
  // A newsletter's footer link closing the text where a signature would stand.
  'unsubscribe subscribe ' +
  // "updated over Wi-Fi": a network's name, capitalised like one.
  'wi-fi wifi ' +
  // Roles in the plural and triage desks: "Triage RNs: please book…".
  'triage rns lpns cnas mas dra ' +
  // Column and statistics words: "Alter Median 63 Jahre" (German "Alter" is age).
  'alter median mean mittelwert edad age âge ' +
  // Headings of mass mail and handouts: "Breathe Easy Tips: spring pollen and your asthma".
  'tips tip guide corner digest bulletin spotlight checklist facts basics series workshop webinar ' +
  // Spanish and Portuguese route words naming mobile clinics and programmes ("Ruta Verde", "Camino Sano"), and newsletters ("Boletim").
  'ruta camino sendero boletim boletin boletín ' +
  // "Caso A: hombre de 50 a 55 años": a case presented, not a surname.
  'caso ' +
  // A firm's or a county's abbreviation after its name: "Hollis Co EMS", "Brightline Inc".
  'co inc llc ltd corp ' +
  // Groups of staff and holidays: "Skin Champions: pressure injury staging", "Tết Nguyên Đán".
  'champions heroes ambassadors superusers squad crew tết tet ' +
  // A handout's title: "Ejercicios de Brandt-Daroff (folleto)".
  'ejercicios exercises exercices folleto ' +
  // A brace maker's or a prosthetist's trading name: "Stridewell Bracing - INVOICE".
  'bracing orthotics prosthetics ' +
  // Question words opening a handout's title: "When_a_Friend_Has_Diabetes_handout.txt".
  'when what where why how who').split(' '));
const NAME_DICT_KINDS = new Set(['c', 'x', 'L', 'p', 'l', 'r', 's', 'g', 'b']);

function isNameWord(ctx: PartContext, word: string): boolean {
  const folded = foldTerm(word);
  if (folded.length < 2 || NAME_STOP.has(folded)) return false;
  const entries = ctx.dict.byFirstToken.get(hashWord(folded));
  if (!entries) return true;
  // "Ana" is a given name, "ANA" a lab test: written capitalised, a listed given name reads as a name.
  const capitalised = word !== word.toUpperCase();
  if (capitalised && entries.some((e) => e.kind === 'f' && e.tokens.length === 1 && e.term === folded)) return true;
  for (const e of entries) if (e.tokens.length === 1 && e.term === folded && NAME_DICT_KINDS.has(e.kind)) return false;
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
  let trailingInitial = false;
  for (let m = re.exec(span); m; m = re.exec(span)) {
    const w = m[0];
    if (/^[A-ZÀ-Þ]\.$/.test(w)) { // an initial: "J. Whitaker", "Ana M. Ruiz"
      if (m.index === 0) leadingInitial = true;
      else {
        keptEnd = pos + m.index + w.length;
        trailingInitial = true;
      }
      continue;
    }
    // "Ayaan W - ARFID", "Maria W, 45": a surname's initial without its period, closing the name before a dash or comma.
    // Only after a listed given name: "Building C - flu shots" is a place.
    if (m.index > 0 && /^[A-ZÀ-Þ]$/.test(w)) {
      if (kept === 1 && INITIAL_CLOSES.test(ctx.text.slice(pos + m.index + 1, pos + m.index + 4)) && isGivenName(ctx, pos)) {
        keptEnd = pos + m.index + 1;
        trailingInitial = true;
      }
      break;
    }
    trailingInitial = false;
    if (!isNameWord(ctx, w.replace(/\.$/, ''))) break;
    kept++;
    keptEnd = pos + m.index + w.length;
  }
  // "J. Whitaker": the initial and the surname name one person, as two words would; so do a listed
  // given name and the initial of a surname ("Bobby T.").
  if (leadingInitial && kept > 0) kept++;
  else if (trailingInitial && kept === 1 && minWords === 2 && isGivenName(ctx, pos)) kept++;
  return kept >= minWords && kept > 0 ? keptEnd : -1;
}

const INITIAL_CLOSES = /^(?: [-–—]|,|:|\r?\n|$)/;
/** An initial other than "M." before a capitalised word: "J. Fox", "K. Adair". */
const OTHER_INITIAL = /(?:^|[\s,(])[A-LN-Z]\. [A-Z][a-z]/;
/** A journal reference's year, volume and pages: "2025;12(3):201-9", "2024;51:88". */
const CITATION = /\b(?:19|20)\d\d; ?\d{1,4}(?:\(\d{1,3}\))?: ?\d/;

/** The capitalised words right before token k on the same line: [start, end] or null. */
export function nameBefore(ctx: PartContext, k: number): [number, number] | null {
  const { text, tokens } = ctx;
  let j = k - 1;
  let first = -1;
  let words = 0;
  while (j >= 0 && words < 4 && tokens.line[j] === tokens.line[k]) {
    const gap = text.slice(tokens.end[j], j + 1 < tokens.count ? tokens.start[j + 1] : tokens.end[j]);
    // Between the name and what follows: punctuation; between the words of a name: a space, a comma or a hyphen.
    if (!(j === k - 1 ? /^[\s,()\-–:_]{0,4}$/ : INNER_NAME_GAP).test(gap)) break;
    // "Soo-ah", "Jean-marc": a lower-case part joined by a hyphen to a capitalised one is one word.
    if (j > 0 && (tokens.flags[j] & (F_UPPER_FIRST | F_DIGIT)) === 0 && (tokens.flags[j] & F_ALPHA) !== 0 && tokens.line[j - 1] === tokens.line[j] &&
      tokens.start[j] - tokens.end[j - 1] === 1 && text.charCodeAt(tokens.end[j - 1]) === 45 /* - */ && tokens.end[j] - tokens.start[j] <= 4) {
      // "Mid-year", "Follow-up": an English compound, not a name.
      if (HYPHEN_WORD_ENDS.has(tokenText(text, tokens, j))) break;
      j--;
    }
    const fl = tokens.flags[j];
    if ((fl & F_UPPER_FIRST) === 0 || (fl & F_DIGIT) !== 0 || (fl & F_ALPHA) === 0) break;
    // "FYI Roberta Whitefeather got …": an acronym before a name in mixed case is not part of it.
    if (words > 0 && (fl & F_ALL_UPPER) !== 0 && tokens.end[j] - tokens.start[j] > 1 && (tokens.flags[first] & F_ALL_UPPER) === 0) break;
    // A middle initial without its period ("Ana M Gomez", "Gomez, Ana M") belongs to the name, as one more letter.
    if (tokens.end[j] - tokens.start[j] === 1 && words + (k - 1 - j) < 3 && j > 0 && tokens.line[j - 1] === tokens.line[j]) { j--; continue; }
    if (!isNameWord(ctx, text.slice(tokens.start[j], tokens.end[j]))) break;
    first = j;
    words++;
    j--;
  }
  if (words < 2) return null;
  return [tokens.start[first], tokens.end[k - 1]];
}

const HYPHEN_WORD_ENDS = new Set(['year', 'old', 'day', 'week', 'term', 'time', 'end', 'up', 'in', 'out', 'on', 'off', 'side', 'care', 'site', 'wide', 'like', 'free', 'long', 'ago', 'way', 'line', 'type', 'risk', 'dose']);

/**
 * Between the words of a name: spaces, a comma, a hyphen or an apostrophe, or the quotes around a nickname
 * ("Margaret 'Peggy' Lindqvist"); a tab is a table's cell border.
 */
const INNER_NAME_GAP = /^(?: {1,2}|,[ \t]{0,2}|[-'’]| ['"‘“]|['"’”] )$/;

/** nameBefore, or in a part typed in lower case, two or three lower-case name words. */
export function personBefore(ctx: PartContext, k: number, givenFirst = false): [number, number] | null {
  const span = nameBefore(ctx, k);
  if (span || !isCasual(ctx)) return span;
  const casual = casualNameBefore(ctx, k);
  // Where the cue is weaker (a name merely next to content), the first word must be a known given name.
  if (casual && givenFirst && !isGivenName(ctx, casual[0])) return null;
  return casual;
}

/** Is the word starting at pos in the given-name list? */
export function isGivenName(ctx: PartContext, pos: number): boolean {
  const k = tokenIndexAt(ctx.tokens, pos);
  if (k >= ctx.tokens.count || ctx.tokens.start[k] !== pos) return false;
  const entries = ctx.dict.byFirstToken.get(ctx.tokens.hash[k]);
  const word = tokenText(ctx.text, ctx.tokens, k);
  return (entries !== undefined && entries.some((e) => e.kind === 'f' && e.term === word)) || ctx.dict.wideGivenNames.has(word);
}

/**
 * Words that introduce a person in languages of many US patients' families: Vietnamese "ông" / "bà" / "chị" /
 * "anh" (Mr / Mrs / Ms / Mr to a younger man, written with their accents), Tagalog "si" / "ni" / "kay" (person markers, lower case).
 * A full name (two capitalised words at least) must follow: "ni Conchita Dimaculangan", "ông Trần Văn Phúc".
 */
const PERSON_MARKERS = new Set(['ong', 'ba', 'chị', 'anh', 'si', 'ni', 'kay']); // folded: 'ị' has no plain form in fold.ts
const MARKER_SPELLING = /^(?:ông|Ông|bà|Bà|chị|Chị|anh|si|ni|kay)$/;
const TAGALOG_MARKERS = new Set(['si', 'ni', 'kay']);
function markedName(ctx: PartContext, m: TermMatch): void {
  const { text, tokens } = ctx;
  const s0 = tokens.start[m.first];
  if (m.first !== m.last || !MARKER_SPELLING.test(text.slice(s0, tokens.end[m.last])) || text.charCodeAt(tokens.end[m.last]) !== 32) return;
  // "no es necesaria para Lima, Cusco ni Machu Picchu": outside Tagalog, "si" and "ni" are Spanish "if" and "nor".
  if (TAGALOG_MARKERS.has(m.entry.term) && !isTagalog(ctx)) return;
  const pos = tokens.end[m.last] + 1;
  const k = tokenIndexAt(tokens, pos);
  if (k + 1 >= tokens.count || tokens.start[k] !== pos || (tokens.flags[k] & F_UPPER_FIRST) === 0 || (tokens.flags[k + 1] & F_UPPER_FIRST) === 0) return;
  const end = nameAt(ctx, pos, 2);
  if (end < 0 || notAPerson(text, pos, end)) return;
  // "chị Thủy Nguyễn Trần, nhân viên y tế cộng đồng": a job after the name, a colleague's.
  if (jobAfter(text, end)) { (ctx.staffNames ??= []).push(personKey(text.slice(pos, end))); return; }
  ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s0, end, 'named', ['name:honorific', `honorific:${m.entry.term}`], `${quote(text, s0, end)} names a person (the word '${text.slice(s0, tokens.end[m.last])}' introduces a person)`));
}

/**
 * Korean writes the honorific after the name, apart: "김민정 님", "이정민 씨". The name is the Hangul word
 * right before it (two to four syllables).
 */
const KOREAN_SUFFIXES = new Set(['님', '씨']);
/** Roles that take the same honorific: customer, member, patient, guardian, teacher, doctor, nurse, parents, staff, everyone. */
const KOREAN_ROLES = new Set(['고객', '고객센터', '회원', '환자', '보호자', '선생', '의사', '간호사', '부모', '학부모', '담당자', '관리자', '여러분', '원장', '교수']);
function koreanSuffixedName(ctx: PartContext, m: TermMatch): void {
  const { text, tokens } = ctx;
  const k = m.first - 1;
  if (k < 0 || tokens.line[k] !== tokens.line[m.first] || tokens.start[m.first] - tokens.end[k] !== 1) return;
  const s = tokens.start[k];
  const e = tokens.end[k];
  if (e - s < 2 || e - s > 4 || KOREAN_ROLES.has(text.slice(s, e))) return;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xac00 || c > 0xd7a3) return; // Hangul syllables only
  }
  ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s, tokens.end[m.last], 'named', ['name:honorific', `honorific:${m.entry.term}`], `${quote(text, s, e)} with the honorific '${m.entry.term}' after it names a person`));
}

/**
 * "이정민님, 안녕하세요": the honorific written onto the name. Read only for a full name of three syllables opening with
 * a common surname, not a role's word (이사장님, the chairman; 주치의님, the attending).
 */
const KOREAN_SURNAMES = new Set([...'김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄변채원천방공현함염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용']);
const KOREAN_ATTACHED_ROLES = new Set(['이사장', '사무장', '주치의', '전문의', '부원장', '조합원', '상담원', '안내원', '지도자', '보호자', '관리자', '담당자']);
function koreanAttachedHonorifics(ctx: PartContext): void {
  const { text } = ctx;
  for (let i = text.indexOf('님'); i >= 0; i = text.indexOf('님', i + 1)) {
    const s = i - 3;
    if (s < 0 || (s > 0 && isHangulSyllable(text.charCodeAt(s - 1)))) continue;
    if (!isHangulSyllable(text.charCodeAt(s)) || !isHangulSyllable(text.charCodeAt(s + 1)) || !isHangulSyllable(text.charCodeAt(s + 2))) continue;
    const name = text.slice(s, i);
    // Given names seldom end in a profession's 사 or 의 (간호사, 약사 are roles).
    if (!KOREAN_SURNAMES.has(name.charAt(0)) || KOREAN_ATTACHED_ROLES.has(name) || KOREAN_ROLES.has(name) || /[사의]$/.test(name)) continue;
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s, i + 1, 'named', ['name:honorific', 'honorific:님'], `${quote(text, s, i)} with the honorific '님' written onto it names a person`));
  }
}
const isHangulSyllable = (c: number): boolean => c >= 0xac00 && c <= 0xd7a3;

const SALUTATION_END = /^[ \t]*[:,][ \t]*\r?\n/;
const GREETINGS = new Set(['dear', 'hi', 'hello', 'hola', 'estimado', 'estimada', 'querido', 'querida', 'prezado', 'prezada', 'szanowny', 'szanowna', 'szanowni', 'drodzy', 'bonjour', 'cher', 'chere', 'hallo', 'liebe', 'lieber', 'bonjou', 'ola', 'oi', 'caro', 'cara', 'gentile', 'buongiorno', 'salut']);
const GREETING_HASHES = new Set([...GREETINGS].map(hashWord));

/** "Mrs. Gonzalez", "Sra. López", "Herr Müller", and greetings "Dear John," / "Hola María:". */
export function recognizeAddressedNames(ctx: PartContext): void {
  const { text, tokens } = ctx;
  koreanAttachedHonorifics(ctx);
  for (const m of ctx.terms) {
    if (m.kind !== 'h') continue;
    // Polish "p. Nowicki" (pan, pani): elsewhere "p." is a page or an initial.
    if (m.entry.term === 'p' && !isPolish(ctx)) continue;
    if (PERSON_MARKERS.has(m.entry.term)) {
      markedName(ctx, m);
      continue;
    }
    if (KOREAN_SUFFIXES.has(m.entry.term)) {
      koreanSuffixedName(ctx, m);
      continue;
    }
    if ((tokens.flags[m.first] & F_UPPER_FIRST) === 0) {
      if (!CASUAL_HONORIFICS.has(m.entry.term)) continue;
      // "QTc is over 500 ms. Start no higher…": milliseconds after a number, no "Ms.".
      if (m.entry.term === 'ms' && m.first > 0 && (tokens.flags[m.first - 1] & F_ALL_DIGIT) !== 0 && tokens.line[m.first - 1] === tokens.line[m.first]) continue;
      let p = tokens.end[m.last];
      const dot = text.charCodeAt(p) === 46; /* . */
      if (dot) p++;
      if (text.charCodeAt(p) !== 32) continue;
      // "la sra. Peña no llegó", "la señora Reyes": a lower-case honorific (abbreviated with its dot, or a
      // full word), then a capitalised name.
      if ((dot || m.entry.term.length >= 5) && p + 1 < text.length && (tokens.flags[tokenIndexAt(tokens, p + 1)] & F_UPPER_FIRST) !== 0) {
        const e = nameAt(ctx, p + 1);
        const s0 = tokens.start[m.first];
        if (e > 0 && !notAPerson(text, p + 1, e)) ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s0, e, 'named', ['name:honorific', `honorific:${m.entry.term}`], `${quote(text, s0, e)} names a person (honorific '${text.slice(s0, p)}')`));
        continue;
      }
      // "call mrs adebayo back", "pre-op bay 4: mrs lindqvist BP 188/102": an honorific typed in lower case
      // says the name after it is typed so too (casualNameAt keeps to words that are no common or clinical ones).
      // In mail typed with capitals, a lower-case "miss" is the verb ("thresholds miss women").
      if (m.entry.term === 'miss' && !isCasual(ctx)) continue;
      const e = casualNameAt(ctx, p + 1, 1);
      if (e < 0) continue;
      const s0 = tokens.start[m.first];
      ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s0, e, 'named', ['name:honorific', `honorific:${m.entry.term}`, 'name:lower-case'], `${quote(text, s0, e)} names a person (honorific, mail typed in lower case)`));
      continue;
    }
    let pos = tokens.end[m.last];
    if (text.charCodeAt(pos) === 46 /* . */) pos++;
    else if (m.entry.term.length === 1) continue; // "M. Lefebvre", never a bare "M"
    // "M&M. Per policy…": a letter joined to the word before it is no honorific.
    if (m.entry.term.length === 1 && tokens.start[m.first] > 0 && /[&\w/]/.test(text[tokens.start[m.first] - 1])) continue;
    const spaces = /^[ \t]{1,2}/.exec(text.slice(pos, pos + 2));
    if (!spaces) continue;
    pos += spaces[0].length;
    const end = nameAt(ctx, pos);
    if (end < 0) continue;
    // "Aprobado: Dra. M. Ortega": after a doctor's title "M." is her initial.
    if (m.entry.term.length === 1 && CLINICIAN_TITLE_BEFORE.test(text.slice(Math.max(0, tokens.start[m.first] - 24), tokens.start[m.first]))) continue;
    // "Checked by: M. Ibarra RN": a clinician's credential after the name says who they are; "(presenter: M. Oyelaran)" a role.
    if (m.entry.term.length === 1 && (CREDENTIAL_AFTER.test(text.slice(end, end + 10)) || (m.first > 0 && /^:[ \t]{1,2}$/.test(text.slice(tokens.end[m.first - 1], tokens.start[m.first])) && ROLE_LABELS.has(tokenText(text, tokens, m.first - 1).toLowerCase())))) continue;
    const start = tokens.start[m.first];
    // "Alder - M. Ortega (M/W/F), J. Fox aide daily": beside other initials near it, "M." is an initial too; so on a
    // citation's line ("Ortiz-Lane M. Compression adherence … 2025;8:14-22"), an author's.
    // A table's column of initials ("D. Okafor" a line above) reads the same.
    if (m.entry.term.length === 1 && (OTHER_INITIAL.test(text.slice(Math.max(0, start - 160), Math.min(text.length, start + 160))) || CITATION.test(text.slice(...lineNear(text, start, start, 240))))) continue;
    // "Mrs. Gonzalez from facilities will be in the infusion room", "Mr. Patel, Practice Manager": a colleague.
    if (jobAfter(text, end)) { (ctx.staffNames ??= []).push(personKey(text.slice(pos, end))); continue; }
    const titled = makeHit('PATIENT_NAME', 'medium', ctx.where, start, end, 'named', ['name:honorific', `honorific:${m.entry.term}`], `${quote(text, start, end)} names a person (honorific '${text.slice(start, tokens.end[m.last])}')`);
    // "Sr. Medina:" opening a letter on a line of its own is its salutation: the reader greeted.
    if (m.first === 0 && SALUTATION_END.test(text.slice(end, end + 6))) titled.reasons.push('name:greeting');
    ctx.hits.push(titled);
  }
  for (let q = 0; q < tokens.lineFirstCount; q++) {
    const k = tokens.lineFirstToken[q]; // greetings open a line
    if (k + 1 >= tokens.count || !GREETING_HASHES.has(tokens.hash[k])) continue;
    if (!GREETINGS.has(tokenText(text, tokens, k))) continue;
    const pos = tokens.start[k + 1];
    if (!/^[ \t,]{1,3}$/.test(text.slice(tokens.end[k], pos))) continue;
    // "Hi Mr. Dhaliwal,": the name read by its title is the one greeted (a letter's "Dear Mr. …", "Liebe Frau …" is
    // markLetterAddressees' to judge).
    const titled = !EMAIL_GREETINGS.has(tokenText(text, tokens, k)) ? undefined : ctx.hits.find((h) => h.start === pos && h.type === 'PATIENT_NAME' && h.reasons.includes('name:honorific'));
    if (titled) {
      if (/^[ \t]{0,2}[,:!]/.test(text.slice(titled.end, titled.end + 3)) && !titled.reasons.includes('name:greeting')) titled.reasons.push('name:greeting');
      continue;
    }
    const end = greetedName(ctx, pos);
    if (end < 0 || notAPerson(text, pos, end) || GROUP_AFTER.test(text.slice(end, end + 14)) || endsWithGroupNoun(text.slice(pos, end))) continue;
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
    // "Buenos días Sr. Paredes:": the name read by its title is the one greeted.
    const titled = end < 0 ? ctx.hits.find((h) => h.start === pos && h.type === 'PATIENT_NAME' && h.reasons.includes('name:honorific')) : undefined;
    if (titled) {
      if (/^[ \t]{0,2}[,:!]/.test(text.slice(titled.end, titled.end + 3)) && !titled.reasons.includes('name:greeting')) titled.reasons.push('name:greeting');
      continue;
    }
    if (end < 0 || !/^[ \t]{0,2}[,:!]/.test(text.slice(end, end + 3)) || notAPerson(text, pos, end)) continue;
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, pos, end, 'named', ['name:greeting'], `${quote(text, pos, end)} is addressed by name`));
  }
  recognizeVocative(ctx);
  markLetterAddressees(ctx);
}

/** Words that head a subject line with a dash as titles do ("Minutes - …", "Recall - …"), not surnames. */
const SUBJECT_TITLES = new Set(['minutes', 'template', 'draft', 'recall', 'shortage', 'backorder', 'agenda', 'newsletter', 'webinar', 'workshop', 'training',
  'question', 'questions', 'formulary', 'protocol', 'policy', 'guideline', 'guidelines', 'handout', 'campaign', 'survey', 'report', 'summary', 'invoice',
  'penurie', 'infolettre', 'lieferavis', 'boletin', 'plantilla', 'borrador', 'vorlage', 'entwurf']);

/**
 * "Re: Okafor - PJI, aspirate grew MSSA", "Re: Gutierrez - HCV viral load 2.1M, start Epclusa?": a reply's
 * subject that is one capitalised word, a dash, and two findings of health content right after it is a
 * clinician's shorthand for whom the thread is about; so is one with a test's value right after the dash.
 */
function subjectSurnameShorthand(ctx: PartContext): void {
  const { text, tokens, where } = ctx;
  if (tokens.count < 3) return;
  const prefix = SUBJECT_PREFIX.exec(text);
  if (!prefix || !prefix[0].includes(':')) return;
  const k = tokenIndexAt(tokens, prefix[0].length);
  if (k >= tokens.count - 1 || tokens.start[k] !== prefix[0].length) return;
  if ((tokens.flags[k] & F_UPPER_FIRST) === 0 || (tokens.flags[k] & (F_ALL_UPPER | F_DIGIT)) !== 0) return;
  const word = tokenText(text, tokens, k);
  if (SUBJECT_TITLES.has(word) || VOCATIVE_STOP.has(word) || VOCATIVE_HEADINGS.has(word) || !isNameWord(ctx, text.slice(tokens.start[k], tokens.end[k]))) return;
  const dash = /^[ \t]{1,2}[-–—][ \t]{1,2}/.exec(text.slice(tokens.end[k], tokens.end[k] + 6));
  if (!dash) return;
  const from = tokens.end[k] + dash[0].length;
  const health = ctx.hits.filter((h) => h.start >= from && h.confidence !== 'low' && LETTER_HEALTH.has(h.type));
  // "RE: Kaczmarek – ALT 212 again": a test's value right after the dash is one patient's result, definite enough alone.
  // (Not without the dash: "RE: Target INR 2.5 for valves" opens with a common word, and no word list here tells those
  // from surnames.)
  const valued = health.some((h) => h.start === from && h.type === 'LAB_RESULT' && h.reasons.includes('pattern:lab-value'));
  if (!valued && (health.length < 2 || !health.some((h) => h.start === from))) return;
  ctx.hits.push(makeHit('PATIENT_NAME', 'medium', where, tokens.start[k], tokens.end[k], 'named', ['name:heading', 'name:next-to-health'], `${quote(text, tokens.start[k], tokens.end[k])} heads a reply about clinical content: whom it is about`));
}

const DEAR_HASH = hashWord('dear');
/** Greetings of e-mail rather than of letters. */
const EMAIL_GREETINGS = new Set(['hi', 'hello', 'hey', 'hiya', 'hola']);
/** A diagnosis, a drug or a result: not a service word, which names the sender as often ("Lakeview Hospice Foundation"). */
const LETTER_HEALTH = new Set(['DIAGNOSIS', 'MEDICATION', 'LAB_RESULT', 'ICD10']);
const ORGANISATION_AFTER = /^ (?:Center|Centre|Foundation|Clinic|Association|Society|Program|Institute|Hospital|Alliance|Network)\b/;
const SECOND_PERSON_WORD = /\b(?:you|your|yours)\b/i;
const THANKS_AND_GIFTS = /\bthank you\b|\b(?:your|you)[ \t]+(?:(?:generous|kind|recent)[ \t]+)?(?:gift|donation|contribution|pledge|generosity)\b/gi;
/**
 * "Dear Mrs. Abena Mensah, / Your genetic test found … you have Lynch syndrome": a letter that tells the person it
 * greets about their own health names its patient. The opening paragraph (up to a blank line, at most 600
 * characters) must speak to them and hold the clinical content.
 */
function markLetterAddressees(ctx: PartContext): void {
  const { text, tokens } = ctx;
  for (let q = 0; q < tokens.lineFirstCount; q++) {
    const k = tokens.lineFirstToken[q];
    if (tokens.hash[k] !== DEAR_HASH || !tokenEquals(text, tokens, k, 'dear')) continue;
    const nl = text.indexOf('\n', tokens.end[k]);
    if (nl < 0) continue;
    const greeted = ctx.hits.filter((h) => h.type === 'PATIENT_NAME' && h.start > tokens.start[k] && h.start < nl && (h.reasons.includes('name:greeting') || h.reasons.includes('name:honorific')) && !h.reasons.some((r) => r.startsWith('honorific:d')));
    if (greeted.length === 0) continue;
    const blank = text.indexOf('\n\n', nl + 2);
    const end = Math.min(text.length, nl + 600, blank < 0 ? text.length : blank);
    // A thanks for the reader's gift ("Thank you for your generous gift … for uninsured wound patients") speaks to a
    // donor: the care in the letter is others'.
    if (!SECOND_PERSON_WORD.test(text.slice(nl, end).replace(THANKS_AND_GIFTS, '')) || !ctx.hits.some((h) => h.start > nl && h.start < end && LETTER_HEALTH.has(h.type) && h.role === 'health' && h.confidence !== 'low' && !ORGANISATION_AFTER.test(text.slice(h.end, h.end + 14)))) continue;
    for (const h of greeted) if (!h.reasons.includes('name:next-to-health')) h.reasons.push('name:next-to-health');
  }
}

/**
 * The name after a greeting word: a listed-name reading first; else one to three capitalised words that
 * close the greeting ("Hi Pa Nhia," where "PA" is also a credential), none of them a stop word.
 */
function greetedName(ctx: PartContext, pos: number): number {
  const end = nameAt(ctx, pos);
  // "Hi Marisol, Kylie Brennan's vent settings…": after a greeting the comma closes the name greeted; a record's
  // "Surname, Given" is not how anyone is greeted.
  if (end >= 0) {
    const comma = ctx.text.slice(pos, end).indexOf(',');
    return comma > 0 ? pos + comma : end;
  }
  const m = GREETED_WORDS.exec(ctx.text.slice(pos, pos + 48));
  if (!m) return -1;
  const words = m[1].split(/[ \t]+/);
  if (words.some((w) => NAME_STOP.has(foldTerm(w)) || w === w.toUpperCase())) return -1;
  return pos + m[1].length;
}
const GREETED_WORDS = /^([A-ZÀ-Þ][a-zà-ÿ'’-]{1,20}(?:[ \t][A-ZÀ-Þ][a-zà-ÿ'’-]{1,20}){0,2})[ \t]?[,:!](?:[ \t]*(?:\r?\n|$))/;

/**
 * "Dear Investigators", "- Tri-River Renal Dietitians": a plural of a role or an agent noun closes the
 * words, so they address or sign for a group. Surnames of that shape ("Rogers", "Summers") come after a
 * given name or an honorific, which these greeting and signature readings never see alone.
 */
export function endsWithGroupNoun(words: string): boolean {
  return GROUP_NOUN.test(words);
}
const GROUP_NOUN = /(?:^|[\s-])[A-Z][a-z]*(?:ors|ists|ians|ants|ents|ees|ives|agues|eurs|eures|innen)$/;

/** A group word after the greeted words: "Hi Lakeshore team,", "Hello Billing folks". */
// "Dear Kettle Ford neighbor,": a town's people greeted by its name.
const GROUP_AFTER = /^[ \t]{1,2}(?:team|teams|folks|crew|staff|group|all|everyone|colleagues|friends|family|families|members|neighbou?rs?|residents|community|parishioners)\b/i;

/** A clinician's credential right after a name ("Ana Ruiz, MD", "M. Ibarra RN"): the name is a clinician's. */
export const CREDENTIAL_AFTER = /^,?[ \t]{0,2}(?:MD|DO|RN|NP|PA|PA-C|PharmD|PhD|FNP|DNP|APRN|DDS|DMD|LCSW|CNM|CRNA|MPH|MSN|BSN|OD|DPM|AuD|CPC|CCM|RD|LPN|LVN|CNA|RRT|Dr\.?)\b/;
const CASUAL_HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'sr', 'sra', 'mme', 'herr', 'frau', 'senor', 'senora', 'senorita', 'madame', 'monsieur', 'pani', 'pana', 'panu', 'pania', 'p']);

const TIME_GREETING_FIRST = new Set(['good', 'buenos', 'buenas', 'guten', 'bonne', 'nyob']);
const TIME_GREETING_HASHES = new Set([...TIME_GREETING_FIRST].map(hashWord));
const TIME_GREETING_SECOND = new Set(['morning', 'afternoon', 'evening', 'day', 'dias', 'tardes', 'noches', 'morgen', 'tag', 'abend', 'journee', 'soiree', 'zoo']);
/** Capitalised words that open a sentence with a comma or dash without addressing anyone. */
const VOCATIVE_STOP = new Set(('also however so yes no ok okay well sorry again meanwhile therefore first second third finally next now then today tonight tomorrow ' +
  'reminder fyi note update important attention welcome congratulations congrats remember please parents guardians folks guys ladies gentlemen ' +
  'unfortunately fortunately additionally otherwise instead still yet here as if when while after before since because although though ' +
  'good great sure right alright agreed understood done perfect noted correct sadly luckily honestly overall anyway besides plus ' +
  'hola hallo bonjour salut gracias merci danke bitte si oui ja nein non ' +
  // Greetings of other languages opening a message ("Hej,", "Ciao,", "Olá,", "Halo,", "Ahoj,").
  'hej hejsan halla hoi ciao salve buongiorno ola oi halo ahoj hei moi terve szia czesc kumusta merhaba privet').split(' '));

const NOT_NAME_ENDING = /(?:ly|ness|ment|tion|sion)$/;
const VOCATIVE_HEADINGS = new Set(['reminder', 'fyi', 'update', 'note', 'important', 'attention', 'recordatorio', 'aviso', 'rappel', 'erinnerung', 'hinweis']);

/**
 * A message that opens by addressing someone by name: "Rosalind, your colonoscopy is…",
 * "Marguerite - the PT team needs to move your…". A weak cue (role named, reason name:vocative):
 * the decision counts it only with health content tied to a person ("your", "his"…).
 */
/**
 * "adeyemi K 3.1, repleting po. hold or go?": in mail typed in lower case, a word that is no common or clinical one
 * opening the note, a result with its value right after it, is whom the note is about.
 */
/** Words that head a result in a note and name no one ("reminder K 3.0 or lower…", "repeat K 5.9"). */
const LAB_HEADING_WORDS = new Set(['reminder', 'repeat', 'latest', 'baseline', 'serum', 'stat', 'post', 'pre', 'target', 'goal', 'normal', 'critical', 'panic', 'abnormal', 'result', 'results', 'admission', 'admit', 'discharge', 'morning', 'evening', 'overnight', 'current', 'last', 'first', 'initial', 'random', 'fasting', 'trough', 'peak']);
function casualHeadingName(ctx: PartContext, k: number): void {
  const { text, tokens, where } = ctx;
  const s = tokens.start[k];
  const e = tokens.end[k];
  const word = text.slice(s, e);
  if (e - s < 3 || LAB_HEADING_WORDS.has(word) || VOCATIVE_HEADINGS.has(word) || NOT_NAME_ENDING.test(word) || !isCasual(ctx) || !isCasualNameWord(ctx, word)) return;
  if (!ctx.hits.some((h) => h.type === 'LAB_RESULT' && h.confidence === 'high' && h.start > e && h.start - e <= 2)) return;
  ctx.hits.push(makeHit('PATIENT_NAME', 'medium', where, s, e, 'named', ['name:heading', 'name:lower-case', 'name:next-to-health'], `${quote(text, s, e)} opens a note with a result right after it: whom it is about`));
}

function recognizeVocative(ctx: PartContext): void {
  const { text, tokens, where } = ctx;
  // Bodies only: a subject line ("Healthy Living - May") is a title more often than an address.
  if (tokens.count < 3 || where !== 'body') return;
  // Only at the very start of the part (after blank space), or after a one-word heading ("Reminder: Ana, your…").
  for (let i = 0; i < tokens.start[0]; i++) if (text.charCodeAt(i) > 32) return;
  let k = 0;
  if (text.charCodeAt(tokens.end[0]) === 58 /* : */ && tokens.end[0] - tokens.start[0] <= 12 && VOCATIVE_HEADINGS.has(tokenText(text, tokens, 0)) && /^:[ \t]{1,2}$/.test(text.slice(tokens.end[0], tokens.start[1]))) k = 1;
  if ((tokens.flags[k] & F_UPPER_FIRST) === 0 && (tokens.flags[k] & F_DIGIT) === 0) { casualHeadingName(ctx, k); return; }
  if ((tokens.flags[k] & F_UPPER_FIRST) === 0 || (tokens.flags[k] & F_DIGIT) !== 0 || (tokens.flags[k] & F_ALL_UPPER) !== 0) return;
  const pos = tokens.start[k];
  const end = nameAt(ctx, pos);
  if (end < 0 || end - pos > 40) return;
  const first = tokenText(text, tokens, k);
  // "Soreness, redness and tiredness…", "Treatment, …": a noun's or an adverb's ending, no one's name.
  if (VOCATIVE_STOP.has(first) || NOT_NAME_ENDING.test(first)) return;
  // Followed by a comma or a dash, then more words.
  const after = text.slice(end, end + 4);
  if (!/^(?:,|[ \t]{1,2}[-–—])[ \t\r\n]/.test(after)) return;
  // "Nguyen Thi Hoa, CLN418207736-01, Ozempic 1mg. Dx E11.65": a full name (a listed given name or a
  // surname written first) heading a note with clinical content on its line is whom it is about, not a greeting.
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const listed = isGivenName(ctx, pos) || SURNAMES_WRITTEN_FIRST.has(first);
  // "Nwachukwu – trop 2.3 (was 0.9), K 5.9": one name, a dash, and a result with its value at once is whom the note is about.
  const dash = /^[ \t]{1,2}[-–—][ \t]{1,2}/.exec(text.slice(end, end + 6));
  // "Thornbury — I50.42, Z95.811, Z79.01": a run of valid codes after the dash reads the same as one code called a code.
  const codesAfterDash = (from: number): boolean => ctx.hits.filter((h) => h.type === 'ICD10' && h.start >= from && h.start < lineEnd).length >= 2;
  // "Delacroix - C34.11 - start moved to 3/20": one code set between dashes, a row of a work list, reads the same.
  const codeRow = (h: Hit): boolean => /^[ \t]{1,2}[-–—][ \t]{1,2}\S/.test(text.slice(h.end, h.end + 6));
  const resultAfterDash = dash !== null && ctx.hits.some((h) => h.start === end + dash[0].length && (h.type === 'LAB_RESULT' || h.type === 'ICD10') && (h.confidence === 'high' || (h.type === 'ICD10' && (codesAfterDash(h.start) || (h.confidence === 'medium' && codeRow(h))))));
  if (resultAfterDash || (listed && /[ \t]/.test(text.slice(pos, end)) && !notAPerson(text, pos, end) && healthBetween(ctx, end, lineEnd))) {
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', where, pos, end, 'named', ['name:heading', 'name:next-to-health'], `${quote(text, pos, end)} heads a note with clinical content: whom it is about`));
    return;
  }
  ctx.hits.push(makeHit('PATIENT_NAME', 'low', where, pos, end, 'named', ['name:vocative'], `${quote(text, pos, end)} is addressed by name at the start of the message`));
}

/** Exposed for the signature logic. */
export function nameLineAt(ctx: PartContext, lineStart: number, lineEnd: number): [number, number] | null {
  let pos = lineStart;
  while (pos < lineEnd && /[\s\->—–]/.test(text(ctx, pos))) pos++;
  if (pos >= lineEnd) return null;
  let end = nameAt(ctx, pos, 1);
  // "amara nwosu" signing a message typed in lower case.
  if (end < 0 && isCasual(ctx)) end = casualNameAt(ctx, pos, 2);
  if (end < 0 || end > lineEnd) return null;
  // "Ignacio "Nacho" Valenzuela": a nickname in quotes between the given name and the surname.
  const nick = QUOTED_NICKNAME.exec(ctx.text.slice(end, end + 20));
  if (nick) {
    const rest = nameAt(ctx, end + nick[0].length, 1);
    if (rest > 0 && rest <= lineEnd) end = rest;
  }
  return [pos, end];
}

const QUOTED_NICKNAME = /^ ["“'‘][A-Z][a-z]{1,12}["”'’] /;

function text(ctx: PartContext, i: number): string {
  return ctx.text.charAt(i);
}

export { tokenIndexAt };

/** Where a sentence ends: a full stop, a question or an exclamation mark before a space. */
const SENTENCE_STOP = /[.?!][ \t]/;
const PROVIDER_TITLES = new Set(['dr', 'dra', 'dre', 'lic', 'licda', 'licdo', 'paramedic', 'capt', 'captain', 'medic', 'врач', 'доктор', 'медсестра', 'фельдшер', 'doctor', 'doctora', 'docteur', 'docteure', 'dott', 'dottoressa', 'prof', 'professor', 'nurse', 'np', 'pa', 'enfermera', 'enfermero']);
// "RN Beatriz Salas", "MA Kendra Pratt", "Tech Ola Brandt": a rota's job titles, in capitals (a lower-case "ma" is a mother).
const STAFF_TITLES_IN_CAPITALS = new Set(['rn', 'lpn', 'lvn', 'cna', 'crna', 'ma', 'cma', 'emt']);

/** Is token k, a name's first word, written right after a clinician's or staff member's title on its line? */
function staffTitleBefore(ctx: PartContext, k: number): boolean {
  const { text, tokens } = ctx;
  if (k === 0 || tokens.line[k - 1] !== tokens.line[k] || tokens.start[k] - tokens.end[k - 1] > 2) return false;
  const title = tokenText(text, tokens, k - 1);
  // "Dr. med. Friederike Aust": a German degree between the title and the name.
  if (title === 'med' && k > 1 && tokens.line[k - 2] === tokens.line[k] && tokenEquals(text, tokens, k - 2, 'dr')) return true;
  // Italian "la Dott.ssa Giulia Ferraro", "Prof.ssa": the feminine title's ending after its dot.
  if (title === 'ssa' && k > 1 && tokens.line[k - 2] === tokens.line[k] && (tokenEquals(text, tokens, k - 2, 'dott') || tokenEquals(text, tokens, k - 2, 'prof'))) return true;
  return PROVIDER_TITLES.has(title) || title === 'tech' || (STAFF_TITLES_IN_CAPITALS.has(title) && (tokens.flags[k - 1] & F_ALL_UPPER) !== 0);
}

/** "Maria Gonzalez" anywhere: a common given name followed by a capitalised surname (not a doctor's). */
export function recognizeGivenNames(ctx: PartContext): void {
  const { text, tokens } = ctx;
  for (const m of ctx.terms) {
    if (m.kind !== 'f') continue;
    const k = m.first;
    if (k + 1 >= tokens.count) continue;
    if ((tokens.flags[k] & F_UPPER_FIRST) === 0) {
      // "jamal whitfield's INR…": a known given name and a surname, typed in lower case.
      if ((tokens.flags[k] & F_ALL_UPPER) !== 0 || !isCasual(ctx)) continue;
      // "dr. miranda vale diagnoses…": a doctor, typed in lower case too.
      if (staffTitleBefore(ctx, k)) continue;
      const s0 = tokens.start[k];
      const e = casualNameAt(ctx, s0, 2);
      if (e < 0) continue;
      // "andre lefebvre's dialysis run sheets": clinical content after it in its sentence is that person's.
      const [, lineEnd] = lineNear(text, s0, e, 160);
      const stop = SENTENCE_STOP.exec(text.slice(e, lineEnd));
      const reasons = healthBetween(ctx, e, stop ? e + stop.index : lineEnd) ? ['name:given-name', 'name:lower-case', 'name:next-to-health'] : ['name:given-name', 'name:lower-case'];
      ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s0, e, 'named', reasons, `${quote(text, s0, e)} looks like a person's name (typed in lower case)`));
      continue;
    }
    const s = tokens.start[k];
    if ((tokens.flags[k] & F_ALL_UPPER) !== 0) {
      const e = capitalsNameFrom(ctx, k);
      if (e > 0) ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s, e, 'named', ['name:given-name', 'name:capitals'], `${quote(text, s, e)} looks like a person's name (in capitals)`));
      continue;
    }
    const end = capitalisedNameFrom(ctx, k);
    if (end < 0) continue;
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s, end, 'named', ['name:given-name'], `${quote(text, s, end)} looks like a person's name`));
  }
}

/**
 * "A prescription for IGNACIO FERREYRA is ready": a listed given name and a surname in capitals, as pharmacy and
 * records systems print them, inside a sentence in mixed case (a heading in capitals is no one's name). End or -1.
 */
function capitalsNameFrom(ctx: PartContext, k: number): number {
  const { text, tokens } = ctx;
  const n = k + 1;
  if (n >= tokens.count || tokens.line[n] !== tokens.line[k] || tokens.start[n] - tokens.end[k] !== 1 || text.charCodeAt(tokens.end[k]) !== 32) return -1;
  if (tokens.end[k] - tokens.start[k] < 3 || (tokens.flags[n] & F_ALL_UPPER) === 0 || (tokens.flags[n] & F_DIGIT) !== 0 || tokens.end[n] - tokens.start[n] < 3) return -1;
  const mixedCase = (j: number): boolean => j >= 0 && j < tokens.count && tokens.line[j] === tokens.line[k] && (tokens.flags[j] & F_ALPHA) !== 0 && (tokens.flags[j] & (F_ALL_UPPER | F_DIGIT)) === 0;
  if (!mixedCase(k - 1) || !mixedCase(n + 1)) return -1;
  const surname = tokenText(text, tokens, n);
  const titled = surname.charAt(0).toUpperCase() + surname.slice(1);
  if (!isNameWord(ctx, titled) || NOT_PERSON_WORDS.has(surname) || staffTitleBefore(ctx, k)) return -1;
  const end = tokens.end[n];
  if (credentialAfter(ctx, end) || jobAfter(text, end) || organisationAfter(text, end)) return -1;
  return end;
}

/**
 * End of a person's full name opening at token k, a capitalised given name ("Maria Gonzalez"), or -1
 * when it is a clinician's ("Dr. …", "…, MD", a job title after it), a role on a programme, or opens
 * an organisation's or a place's name.
 */
function capitalisedNameFrom(ctx: PartContext, k: number): number {
  const { text, tokens } = ctx;
  if (staffTitleBefore(ctx, k)) return -1;
  // "Dra. Ana Lucía Benavides": a second given name is read with the first, whose reading decided.
  if (k > 0 && tokens.line[k - 1] === tokens.line[k] && tokens.start[k] - tokens.end[k - 1] === 1 && (tokens.flags[k - 1] & F_UPPER_FIRST) !== 0 && isGivenName(ctx, tokens.start[k - 1])) return -1;
  // "San Miguel Cuevas", "Santa Rosa Valley", "São João": a saint's name before a given name makes a place.
  if (k > 0 && tokens.line[k - 1] === tokens.line[k] && tokens.start[k] - tokens.end[k - 1] === 1 && (tokens.flags[k - 1] & F_UPPER_FIRST) !== 0 && SAINT_WORDS.has(tokenText(text, tokens, k - 1))) return -1;
  const s = tokens.start[k];
  if (!/^[ \t]{1,2}$/.test(text.slice(tokens.end[k], tokens.start[k + 1]))) return -1;
  if ((tokens.flags[k + 1] & F_UPPER_FIRST) === 0 || (tokens.flags[k + 1] & F_DIGIT) !== 0) return -1;
  const end = nameAt(ctx, s, 2);
  // "Rive Claire Santé", "Virginia Beach", "Charlotte Convention Center": a given name opening an organisation's or a place's name.
  if (end < 0 || notAPerson(text, s, end) || organisationAfter(text, end)) return -1;
  // A clinician or a colleague by the credential or the job after the name: staff wherever the message names them
  // ("Meet the team: Rita Vance, mammographer" over "Rita Vance has performed 12,000 mammograms").
  if (THERAPY_CREDENTIAL_AFTER.test(text.slice(end, end + 12)) || /^,?[ \t]{0,2}(?:MD|DO|RN|NP|PA-C|PharmD|RPh|CPhT|PhD|FNP|DDS|DMD|RDH|LCSW|LICSW|MSW|MA|CMA|LPN|LVN|CNA|CRNA|DNP|ATC|RCIS|RCES|RDCS|RVT|RRT|CCT|PMHNP|AGNP|AGACNP|ACNP|ANP|PNP|WHNP|CNM|CNS|LMFT|LPC|LMHC|LCADC|CADC|PsyD|RD|RDN|AuD|D[1-4]|MS[1-4]|PGY-?[1-7])\b/.test(text.slice(end, end + 10)) || credentialAfter(ctx, end) || jobAfter(text, end)) {
    (ctx.staffNames ??= []).push(personKey(text.slice(s, end)));
    return -1;
  }
  // "Facilitator: Rosa …", "Speaker: …": a role on a programme, a staff member's name.
  // "Presenter Maria …" reads the same without the colon.
  if (k > 0 && tokens.line[k - 1] === tokens.line[k] && tokens.start[k] - tokens.end[k - 1] <= 2 && ROLE_LABELS.has(tokenText(text, tokens, k - 1))) return -1;
  // "Navigator on site: Teresa …", "Coordinator on duty: …".
  // Both need a colon (or "by") right before the name: checked by character before either expression runs.
  const colonBefore = text.charCodeAt(s - 2) === 58 || text.charCodeAt(s - 3) === 58;
  const onDuty = colonBefore ? ROLE_ON_DUTY_BEFORE.exec(text.slice(Math.max(0, s - 40), s)) : null;
  if (onDuty && (onDuty[2] !== undefined || ROLE_LABELS.has(onDuty[1].toLowerCase()))) return -1;
  // "Requested by: Marcus Obi", "Prepared by: …": who filed or checked the paperwork, a colleague.
  if ((colonBefore || (text.charCodeAt(s - 2) | 32) === 121) && FILED_BY_BEFORE.test(text.slice(Math.max(0, s - 24), s))) return -1;
  // "Resolution (Kyle Mercer): cache cleared": in a ticket, who wrote its resolution or an update.
  if (text.charCodeAt(s - 1) === 40 && text.charCodeAt(end) === 41 && text.charCodeAt(end + 1) === 58 && TICKET_ENTRY_BEFORE.test(text.slice(Math.max(0, s - 16), s)) && isServiceDesk(ctx)) return -1;
  // "\"The Explosive Child\" by Ross W. Greene": after a quoted title, "by" names its author.
  if (AUTHOR_BEFORE.test(text.slice(Math.max(0, s - 8), s))) return -1;
  // "Presenters: Jonah Feld, Priya Raman": the role covers every name of its list on the line.
  if (roleListBefore(text, s)) return -1;
  // "Questions to Raymond Cho.", "send comments to …": whom readers write to, a colleague.
  if (k > 1 && tokens.line[k - 2] === tokens.line[k] && (tokenEquals(text, tokens, k - 1, 'to') || tokenEquals(text, tokens, k - 1, 'a')) && WRITE_TO.has(tokenText(text, tokens, k - 2))) return -1;
  // "sign in with Fatima Benali", "sign up with …", "RSVP with …": who keeps the attendance, a colleague.
  if (SIGN_IN_WITH.test(text.slice(Math.max(0, s - 32), s))) return -1;
  // "Para más información llame a Hana Kowalczyk", "For more information, contact …": whom readers ask, a colleague.
  // (Its words are looked for natively first: most names have none of them before.)
  const lead = text.slice(Math.max(0, s - 64), s);
  if ((lead.includes('nform') || lead.includes('earn more') || lead.includes('omun')) && INFO_CONTACT_BEFORE.test(lead)) return -1;
  return end;
}


/** "Priya Raman OT (am only)", "Jordan Pike PT, …": a therapist's credential closing the item ("… PT eval" is a patient's therapy). */
// A table's cell ends at a bar, a pair of therapists at a slash ("Ben Halvorsen PT / Priya Raman OT | -").
const THERAPY_CREDENTIAL_AFTER = /^,?[ \t]{0,2}(?:PT|OT|SLP|PTA|COTA|OTR(?:\/L)?|CCC-SLP|DPT)(?=[,;)\n]|[ \t]*$|[ \t]+[(\/|])/;
const TICKET_ENTRY_BEFORE = /\b(?:resolution|update|note|comment|work ?notes?|response|reply)[ \t]?\($/i;
const AUTHOR_BEFORE = /["”»][ \t]{1,2}by[ \t]{1,2}$/i;
const FILED_BY_BEFORE = /\b(?:requested|submitted|opened|entered|created|assigned|approved|reviewed|checked|counted|verified|prepared|updated|resolved|closed) by:?[ \t]{1,2}$/i;
// "Primary RN on-call: Tanya …", "Administrator on call: …": whoever a rota puts on call is staff, whatever the post.
const ROLE_ON_DUTY_BEFORE = /\b([A-Za-z]+) on(?: (?:site|duty|shift|the floor)|[ -](call))[ \t]*:[ \t]{1,2}$/;
// Spanish "Informes con Efraín Santiago al 541-…", "comuníquese con …".
const INFO_CONTACT_BEFORE = /\b(?:para m[aá]s informaci[oó]n|for more information|to learn more|for more info|pour plus d'informations|f[uü]r weitere informationen|informes con|comun[ií]quese con)\b[^.\n]{0,28}$/i;
// Spanish "Confirmen asistencia con Yesenia Cárdenas", "inscríbase con …".
const SIGN_IN_WITH = /\b(?:(?:sign|signs|signing)[ \t-]?(?:in|up)|register|rsvp)[ \t]with[ \t]$|\b(?:confirm(?:en|e|ar) (?:su |la )?asistencia|inscr[ií]b(?:ase|anse|irse))[ \t]con[ \t]$/i;
/** Does the line before s read "<role>: <names>, " (a role of ROLE_LABELS, a list of names going on)? */
function roleListBefore(text: string, s: number): boolean {
  // A bounded look back (on a megabyte line every name would otherwise scan to its start) that copies nothing unless
  // the line holds a colon: most names stand on none.
  let ls = -1;
  let colon = false;
  for (let i = s - 1; i >= 0 && s - i <= 160; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) { ls = i + 1; break; }
    if (c === 58) colon = true;
  }
  if (ls < 0 && s > 160) return false;
  if (!colon) return false;
  const m = ROLE_LIST.exec(text.slice(Math.max(0, ls), s));
  return m !== null && (ROLE_LABELS.has(foldTerm(m[2])) || /\bon[ \t-]call$/i.test(m[1] + m[2]));
}
// "Presenters:", "Nursing supervisor:", "Admissions on call:": a role (its last word) before the colon.
// A schedule's time may open the line ("08:30 Candidates: Amara Nwosu, …").
// A doctor's title may stand in the list ("Participantes: Ana Ferrer (CHU), Dr. Héctor Villanueva (…), Keisha Rowe").
const ROLE_LIST = /^[ \t]*(?:\d{1,2}[:.]\d\d[ \t]{1,2})?((?:[A-Za-zÀ-ÿ]+[ \t-]){0,2})([A-Za-zÀ-ÿ]+)[ \t]*:(?:[^.;:\n]|(?<=\bDra?)\.){1,150},[ \t]*(?:and[ \t]+|y[ \t]+)?$/;

/**
 * "Saw Hodan Abdi Mohamed and baby in clinic today", "interpreter … for Hodan Abdi Nur, hearing retest":
 * a care word right before a capitalised full name, with clinical content after it on its line, says
 * whom the care is for: after "saw"/"seen", any name; after "for"/"regarding", one the lists know.
 */
export function recognizeNamesAfterCareCues(ctx: PartContext): void {
  const { text, tokens } = ctx;
  let known: ReturnType<typeof nameIndex> | undefined;
  tokensBeforeHealth(ctx, (k, lineEnd) => {
    const n = k + 1;
    // Cheapest tests first: most tokens are not followed by a capitalised word.
    if (n >= tokens.count || (tokens.flags[n] & F_UPPER_FIRST) === 0 || (tokens.flags[n] & (F_ALL_UPPER | F_DIGIT)) !== 0) return;
    if (!CARE_CUE_HASHES.has(tokens.hash[k]) || !CARE_CUES.has(tokenText(text, tokens, k))) return;
    if (tokens.line[n] !== tokens.line[k] || !/^[ \t]{1,2}$/.test(text.slice(tokens.end[k], tokens.start[n]))) return;
    const s = tokens.start[n];
    const cue = tokenText(text, tokens, k);
    // "for Fort Wayne", "for Dry Needling Level 1": after "for" (or "pour", "para", "für"), a place or a course as often as a person,
    // so the name must open with a listed given name or a surname written first.
    // "codes for Raskin T. from yesterday - G40.219": or a surname with the given name's initial and its period.
    const initialled = surnameAndInitial(ctx, n);
    if (!ENCOUNTER_CUES.has(cue) && !FAMILY_CUES.has(cue) && !isGivenName(ctx, s) && !SURNAMES_WRITTEN_FIRST.has(tokenText(text, tokens, n)) && initialled < 0) return;
    // A child is named by the given name alone.
    const e = FAMILY_CUES.has(cue) ? familyName(ctx, n) : initialled > 0 ? initialled : capitalisedNameFrom(ctx, n);
    if (e < 0 || !healthBetween(ctx, e, lineEnd)) return;
    known ??= nameIndex(firmNames(ctx));
    if (known.named(s, e)) {
      // Found already by its shape alone ("for Maria Lopez use F41.1"): the cue says the care is theirs.
      const found = known.at(s);
      if (found && found.end === e && found.role === 'named' && !found.reasons.includes('name:next-to-health')) found.reasons.push('name:care-cue', 'name:next-to-health');
      return;
    }
    known.add(e);
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s, e, 'named', ['name:care-cue', 'name:next-to-health'], `${quote(text, s, e)} after ${quote(text, tokens.start[k], tokens.end[k])}, with clinical content after it: whom the care is for`));
  });
}
/** End of "Raskin T.", "Villalba H." at token n (a surname, a blank, a capital and its period), or -1. */
export function surnameAndInitial(ctx: PartContext, n: number): number {
  const { text, tokens } = ctx;
  const g = n + 1;
  if (g >= tokens.count || tokens.line[g] !== tokens.line[n] || tokens.start[g] !== tokens.end[n] + 1 || tokens.end[g] - tokens.start[g] !== 1) return -1;
  if ((tokens.flags[g] & F_ALL_UPPER) === 0 || text.charCodeAt(tokens.end[g]) !== 46 || !surnameWord(ctx, n)) return -1;
  return tokens.end[g] + 1;
}
/** "saw Ana Ruiz for…", "Enrolled Kateryna Shevchenko in postpartum HTN monitoring": a verb of care before a name. */
const ENCOUNTER_CUES = new Set(['saw', 'seen', 'seeing', 'enrolled', 'admitted', 'discharged', 'referred', 'transferred', 'evaluated', 'examined', 'treated']);
/** "baby Arjun now 31w corrected", "son Mateo has croup": a family word before a given name alone. */
const FAMILY_CUES = new Set(['baby', 'son', 'daughter', 'grandson', 'granddaughter']);
const CARE_CUES = new Set(['for', 'regarding', 'pour', 'para', 'fur', ...ENCOUNTER_CUES, ...FAMILY_CUES]);
const CARE_CUE_HASHES = new Set([...CARE_CUES].map(hashWord));

/** Names found so far above "low": a weak cue on the same words (a sign-off, an address) does not keep a firmer reading out. */
function firmNames(ctx: PartContext): Hit[] {
  return ctx.hits.filter((h) => h.type === 'PATIENT_NAME' && h.confidence !== 'low');
}

/** End of a given name (and a surname, if one follows) after a family word, or -1. */
function familyName(ctx: PartContext, n: number): number {
  const { text, tokens } = ctx;
  const s = tokens.start[n];
  const e = nameAt(ctx, s, 1);
  return e < 0 || notAPerson(text, s, e) || organisationAfter(text, e) ? -1 : e;
}

/** "Kavya's annual ICSI competency is complete": what follows the possessive is a colleague's file, not their care. */
const STAFF_FILE_AFTER = /^['’]s (?:[\w/-]+ ){0,3}(?:competenc(?:y|ies)|orientation|onboarding|training|evaluation|performance review|credentialing|certification|sign-off|timesheet|PTO)\b/i;
/**
 * "Dmitri's screening is back: QuantiFERON negative", "Ngozi's A1c was 9.1": a listed given name in the
 * possessive with a definite finding (a result, a dose) right after it on its line is that person's.
 */
export function recognizePossessiveGivenNames(ctx: PartContext): void {
  const { text, tokens } = ctx;
  let high: Int32Array | null = null;
  let known: ReturnType<typeof nameIndex> | undefined;
  tokensBeforeHealth(ctx, (k, lineEnd) => {
    if (k + 1 >= tokens.count || (tokens.flags[k] & F_UPPER_FIRST) === 0 || (tokens.flags[k] & (F_ALL_UPPER | F_DIGIT)) !== 0) return;
    const e = tokens.end[k];
    const apostrophe = text.charCodeAt(e);
    if ((apostrophe !== 39 && apostrophe !== 0x2019) || text.charCodeAt(e + 1) !== 115 || tokens.start[k + 1] !== e + 1) return;
    const s = tokens.start[k];
    // "St. Patrick's Day": a saint's, a holiday.
    if (!isGivenName(ctx, s) || (k > 0 && SAINT_WORDS.has(tokenText(text, tokens, k - 1)))) return;
    if (STAFF_FILE_AFTER.test(text.slice(e, e + 64))) return;
    if (!high) {
      const starts: number[] = [];
      for (const h of ctx.hits) if (h.confidence === 'high' && (h.type === 'LAB_RESULT' || h.type === 'MEDICATION' || h.type === 'ICD10')) starts.push(h.start);
      high = Int32Array.from(starts).sort();
    }
    const lo = lowerBound(high, e);
    if (lo >= high.length || high[lo] >= Math.min(lineEnd, e + 80)) return;
    known ??= nameIndex(firmNames(ctx));
    if (known.named(s, e)) return;
    known.add(e);
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s, e, 'named', ['name:possessive', 'name:next-to-health'], `${quote(text, s, e)}'s, then a clinical finding: that person's`));
  });
}

/**
 * "Yazzie family asked for more chux … the morphine is down to 5 mL", "the Marsh twins - behind on DTaP": a
 * surname with "family", "twins" or "baby", clinical content after it on its line, names the patient's household.
 * Not after a number ("2 West family newsletter") nor a weekday ("the Tuesday family meeting").
 */
// "the Nassar baby - HLHS": a newborn is known by the family's surname until it has a name of its own.
const HOUSEHOLD_WORDS = new Set(['family', 'twins', 'triplets', 'baby', 'infant', 'newborn']);
const HOUSEHOLD_HASHES = new Set([...HOUSEHOLD_WORDS].map(hashWord));
const FAMILY_THING_AFTER = /^[ \t](?:handouts?|newsletters?|letters?|meetings?|education|guides?|packets?|resources|nights?|events?|materials|brochures?|info|information|conferences?|forms?)\b/i;
export function recognizeHouseholdNames(ctx: PartContext): void {
  const { text, tokens } = ctx;
  let known: ReturnType<typeof nameIndex> | undefined;
  tokensBeforeHealth(ctx, (k, lineEnd) => {
    const f = tokens.flags[k];
    if (k + 1 >= tokens.count || !HOUSEHOLD_HASHES.has(tokens.hash[k + 1]) || (f & F_UPPER_FIRST) === 0 || (f & (F_ALL_UPPER | F_DIGIT)) !== 0) return;
    const s = tokens.start[k];
    const e = tokens.end[k];
    if (tokens.start[k + 1] !== e + 1 || text.charCodeAt(e) !== 32 || !HOUSEHOLD_WORDS.has(tokenText(text, tokens, k + 1))) return;
    // "Kim Family Medicine", "the Harrowgate Infant Feeding Study": a title-case run goes on, naming a practice or a study.
    if ((tokens.flags[k + 1] & F_UPPER_FIRST) !== 0 && k + 2 < tokens.count && tokens.line[k + 2] === tokens.line[k] && (tokens.flags[k + 2] & F_UPPER_FIRST) !== 0 && tokens.start[k + 2] === tokens.end[k + 1] + 1) return;
    if (k > 0 && tokens.line[k - 1] === tokens.line[k] && (tokens.flags[k - 1] & F_DIGIT) !== 0) return;
    // "Updated family handout attached": a document or an event for families, no household.
    if (FAMILY_THING_AFTER.test(text.slice(tokens.end[k + 1], tokens.end[k + 1] + 16))) return;
    const word = text.slice(s, e);
    // isNameWord leaves out weekdays and months ("the Tuesday family meeting").
    if (!isNameWord(ctx, word) || isPlaceholderName(word) || !healthBetween(ctx, tokens.end[k + 1], lineEnd)) return;
    known ??= nameIndex(firmNames(ctx));
    if (known.named(s, e)) return;
    known.add(e);
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s, e, 'named', ['name:household', 'name:next-to-health'], `${quote(text, s, tokens.end[k + 1])}, then clinical content: a patient's household`));
  });
}

/** A capitalised Cyrillic word with a surname's ending ("Бондаренко", "Иванова", "Ковальчук"). */
export function cyrillicSurname(text: string, tokens: PartContext['tokens'], k: number): boolean {
  const c = text.charCodeAt(tokens.start[k]);
  return c >= 0x400 && c <= 0x42f && CYRILLIC_SURNAME_END.test(tokenText(text, tokens, k));
}
const CYRILLIC_SURNAME_END = /(?:енко|ко|ук|юк|ак|як|ич|ов|ова|ев|ева|ёв|ёва|ин|ина|ін|іна|ський|ська|цький|цька|ский|ская|цкий|цкая)$/;

/**
 * "Tayo Ogunleye is 11 wks out from the ACL recon": a given name of the wide list (phi/data section 4),
 * or a surname written first ("Nguyen Van Minh"), opening a full name, with clinical content after it on its line. Trusted less than the curated list,
 * so only there; a roster of staff names ("Adaeze Okoro - Tuesdays") stays a roster.
 */
export function recognizeWideGivenNames(ctx: PartContext): void {
  const { text, tokens } = ctx;
  const wide = ctx.dict.wideGivenNames;
  const wideHashes = ctx.dict.wideGivenNameHashes;
  if (wide.size === 0) return;
  let known: ReturnType<typeof nameIndex> | undefined;
  tokensBeforeHealth(ctx, (k, lineEnd) => {
    const f = tokens.flags[k];
    if (k + 1 >= tokens.count || (f & (F_ALL_UPPER | F_DIGIT)) !== 0 || tokens.line[k + 1] !== tokens.line[k]) return;
    const capitalised = (f & F_UPPER_FIRST) !== 0;
    if (capitalised !== ((tokens.flags[k + 1] & F_UPPER_FIRST) !== 0) || (!capitalised && !isCasual(ctx))) return;
    // "Dr. Minh-Chau Pham": the second half of a hyphenated word does not start a name; nor of "min/max log".
    if (k > 0 && (text.charCodeAt(tokens.start[k] - 1) === 45 || text.charCodeAt(tokens.start[k] - 1) === 47)) return;
    // A listed first word, or a common surname after it ("jihoon kim's A1c").
    const listedFirst = wideHashes.has(tokens.hash[k]) || SURNAME_HASHES.has(tokens.hash[k]);
    // "Бондаренко Григорій — біопсія": Ukrainian and Russian records write the surname first, without a comma.
    const cyrillicSurnameFirst = !listedFirst && capitalised && wideHashes.has(tokens.hash[k + 1]) && wide.has(tokenText(text, tokens, k + 1)) && cyrillicSurname(text, tokens, k);
    // In lower case only a listed first word: "add nguyen bao an" starts at "nguyen", not at "add".
    if (!listedFirst && !cyrillicSurnameFirst && (!capitalised || !SURNAME_AFTER_HASHES.has(tokens.hash[k + 1]))) return;
    if (listedFirst) {
      const word = tokenText(text, tokens, k);
      if (!wide.has(word) && !SURNAMES_WRITTEN_FIRST.has(word)) return;
    } else if (!cyrillicSurnameFirst && !SURNAMES_WRITTEN_FIRST.has(tokenText(text, tokens, k + 1))) return;
    const s = tokens.start[k];
    // "tran van minh - humalog arrived warm": in mail typed in lower case, the same names in lower case.
    const end = capitalised ? capitalisedNameFrom(ctx, k) : staffTitleBefore(ctx, k) ? -1 : casualNameAt(ctx, s, 2);
    if (end < 0 || !healthBetween(ctx, afterDepartment(text, end), lineEnd)) return;
    known ??= nameIndex(firmNames(ctx));
    if (known.named(s, end)) return;
    known.add(end);
    const reasons = capitalised ? ['name:given-name', 'name:next-to-health'] : ['name:given-name', 'name:lower-case', 'name:next-to-health'];
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s, end, 'named', reasons, `${quote(text, s, end)} looks like a person's name, with clinical content after it`));
  });
}

/** A name and the room after it: one blank, a comma before it allowed. */
const ROOM_GAP = /^,? $/;
/** "in 7 days": a number of these is a time, not a bed. */
const TIME_UNITS = new Set(['min', 'mins', 'minutes', 'hr', 'hrs', 'hours', 'h', 'd', 'day', 'days', 'wk', 'wks', 'week', 'weeks', 'mo', 'mos', 'month', 'months', 'yr', 'yrs', 'years', 'am', 'pm']);
/**
 * Initials written with a birth date ("labs J.M. 04/17/1988", "re JK 3/22/1961"): the initials
 * stand for a patient and the last-century date is their birth date. And a census line
 * ("rm 412 Archuleta s/p IMN…"): a room or bed number, then a surname, then clinical content.
 */
export function recognizeInitialsAndCensus(ctx: PartContext): void {
  const { text, tokens } = ctx;
  invertedNameRows(ctx);
  surnameInitialBeforeCodes(ctx);
  initialSurnameItems(ctx);
  recordNumberNameLines(ctx);
  // Overlap questions are asked per room or date in text order: indexes built at the first one keep 1 MB census lines linear.
  let index: { any: ReturnType<typeof overlapIndex>; names: ReturnType<typeof overlapIndex>; honorificEnds: Map<number, Hit>; nameEnds: Map<number, Hit> } | null = null;
  const indexes = () => (index ??= {
    any: overlapIndex(ctx.hits, () => true),
    names: overlapIndex(ctx.hits, (h) => h.type === 'PATIENT_NAME'),
    honorificEnds: new Map(ctx.hits.filter((h) => h.type === 'PATIENT_NAME' && h.role === 'named' && h.reasons.some((r) => r.startsWith('honorific:'))).map((h) => [h.end, h])),
    nameEnds: new Map(ctx.hits.filter((h) => h.type === 'PATIENT_NAME' && h.role === 'named').map((h) => [h.end, h])),
  });
  const add = (h: Hit) => {
    ctx.hits.push(h);
    if (index) { index.any.add(h); index.names.add(h); }
  };
  for (let q = 0; q < tokens.digitCount; q++) {
    const k = tokens.digitToken[q];
    const s = tokens.start[k];
    // "Dorothy in 214B (by the nurses station) found on floor": a known given name in a room number.
    if (k >= 2 && (tokens.flags[k] & F_ALPHA) !== 0 && tokens.line[k - 2] === tokens.line[k] && tokenEquals(text, tokens, k - 1, 'in') &&
      ROOM_NUMBER.test(text.slice(s, tokens.end[k])) && (tokens.flags[k - 2] & F_UPPER_FIRST) !== 0 && isGivenName(ctx, tokens.start[k - 2]) &&
      healthBetween(ctx, s + 1, text.length)) {
      add(makeHit('PATIENT_NAME', 'medium', ctx.where, tokens.start[k - 2], tokens.end[k - 2], 'named', ['name:census'], `${quote(text, tokens.start[k - 2], tokens.end[k - 2])} in room ${quote(text, s, tokens.end[k])}: a resident's name`));
      continue;
    }
    // "is lakshmi in 7 ok for another zofran 4 mg?": in mail typed in lower case, a listed given name in a bed's number.
    if (k >= 2 && (tokens.flags[k] & F_ALL_DIGIT) !== 0 && tokens.end[k] - s <= 3 && tokens.line[k - 2] === tokens.line[k] && tokenEquals(text, tokens, k - 1, 'in') &&
      (tokens.flags[k - 2] & (F_UPPER_FIRST | F_DIGIT)) === 0 && !(k + 1 < tokens.count && TIME_UNITS.has(tokenText(text, tokens, k + 1))) && isCasual(ctx) &&
      isGivenName(ctx, tokens.start[k - 2]) && healthOnLineAfter(ctx, k)) {
      add(makeHit('PATIENT_NAME', 'medium', ctx.where, tokens.start[k - 2], tokens.end[k - 2], 'named', ['name:census', 'name:lower-case'], `${quote(text, tokens.start[k - 2], tokens.end[k - 2])} in bed ${quote(text, s, tokens.end[k])}: a patient's name`));
      continue;
    }
    // "the card for E. Walsh (204B)", "Mrs. Walsh (204B)": a name with its room and bed in parentheses is a resident's.
    if (k > 0 && text.charCodeAt(s - 1) === 40 && text.charCodeAt(tokens.end[k]) === 41 && ROOM_NUMBER.test(text.slice(s, tokens.end[k]))) {
      const h = nameBeforeRoom(ctx, k, indexes());
      if (h) add(h);
      continue;
    }
    if (k === 0 || (tokens.flags[k] & F_ALPHA) !== 0 || tokens.line[k - 1] !== tokens.line[k]) continue;
    // "the flowsheet for Beatrice Fennimore (BCR-598310)": a chart number in brackets right after a full name.
    if (text.charCodeAt(tokens.end[k]) === 41 /* ) */) {
      const found = chartInBrackets(ctx, k, indexes().names);
      if (found) {
        for (const h of found) add(h);
        continue;
      }
    }
    const pair = recordNumberAndBirthDate(ctx, k);
    if (pair && !indexes().any.overlaps(pair[0].start, pair[1].end)) {
      add(pair[0]);
      add(pair[1]);
      continue;
    }
    // Initials end right before the date: a capital or its period, then a space (a cheap test before the regex).
    const c = text.charCodeAt(tokens.end[k - 1] - 1);
    // Or, opening a line of a list, an initial and a surname: "J. Alvarado  3/4/61   eGFR 28".
    const init = s - tokens.end[k - 1] <= 3 && ((c >= 65 && c <= 90) || c === 46) ? INITIALS_BEFORE.exec(text.slice(Math.max(0, s - 10), s))
      : s - tokens.end[k - 1] <= 3 && (tokens.flags[k - 1] & F_UPPER_FIRST) !== 0 ? INITIAL_SURNAME_LINE.exec(text.slice(Math.max(0, s - 32), s)) : null;
    if (init) {
      const e = dateAt(text, s);
      // A year long past, written in full or in two digits ("J.M. 7/9/41"): a birth date, not a visit's.
      if (e > 0 && /(?:^|\D)(?:19\d|[3-9])\d$/.test(text.slice(s, e)) && !indexes().any.overlaps(s, e)) {
        const is = s - init[0].length + (init[0].length - init[0].trimStart().length);
        const ie = is + init[1].length;
        add(makeHit('DOB', 'high', ctx.where, s, e, 'strong', ['pattern:date', 'date:after-initials'], `${quote(text, s, e)} after initials: a date of birth`));
        add(makeHit('PATIENT_NAME', 'medium', ctx.where, is, ie, 'named', ['name:initials'], `${quote(text, is, ie)} are a patient's initials, with a date of birth`));
        continue;
      }
    }
    const room = roomStart(ctx, k);
    if (room < 0) continue;
    // Census: "rm 412 Archuleta s/p …", "bed 9 Okafor - …", "4W-12 Hollis - CHF …", "MICU-3 Yancey - septic shock".
    if (k + 1 < tokens.count && tokens.line[k + 1] === tokens.line[k] && /^,?[ \t]{1,3}(?:[-–][ \t]{1,2})?$/.test(text.slice(tokens.end[k], tokens.start[k + 1]))) {
      const n = k + 1;
      // "bed 4 J. Whitfield POD2 Norwood/Sano, lactate 3.1": an initial before the surname.
      const surname = initialBefore(ctx, n);
      if (surname > 0 && healthOnLineAfter(ctx, surname)) {
        add(makeHit('PATIENT_NAME', 'medium', ctx.where, tokens.start[n], tokens.end[surname], 'named', ['name:census', 'name:next-to-health'], `${quote(text, tokens.start[n], tokens.end[surname])} after a room number, with clinical content: a patient's name`));
        continue;
      }
      if (surnameWord(ctx, n) && healthOnLineAfter(ctx, n)) {
        add(makeHit('PATIENT_NAME', 'medium', ctx.where, tokens.start[n], tokens.end[n], 'named', ['name:census', 'name:next-to-health'], `${quote(text, tokens.start[n], tokens.end[n])} after a room number, with clinical content: a patient's name`));
        continue;
      }
      // "5W-522 benitez ortega - seizure x1 fri": typed in lower case, one or two name words closed by a dash.
      const ne = lowerCaseCensusName(ctx, n);
      if (ne > 0 && healthOnLineAfter(ctx, n)) {
        add(makeHit('PATIENT_NAME', 'medium', ctx.where, tokens.start[n], ne, 'named', ['name:census', 'name:next-to-health'], `${quote(text, tokens.start[n], ne)} after a room number, with clinical content: a patient's name`));
        continue;
      }
    }
    // "Ty in rm 6 asking for his seroquel": one capitalised word, "in", a room, clinical content on the line.
    if (room === k - 1 && room >= 2 && tokens.line[room - 2] === tokens.line[k] && tokenEquals(text, tokens, room - 1, 'in') && healthOnLineAfter(ctx, k)) {
      const n = room - 2;
      // "okafor in 4w-22 (hx ESRD…)": in mail typed in lower case, a lower-case name word.
      const casualName = (tokens.flags[n] & (F_UPPER_FIRST | F_DIGIT)) === 0 && isCasual(ctx) && isCasualNameWord(ctx, tokenText(text, tokens, n));
      if ((surnameWord(ctx, n) || casualName) && !VOCATIVE_STOP.has(tokenText(text, tokens, n))) {
        add(makeHit('PATIENT_NAME', 'medium', ctx.where, tokens.start[n], tokens.end[n], 'named', ['name:census', 'name:next-to-health'], `${quote(text, tokens.start[n], tokens.end[n])} in a room, with clinical content: a patient's name`));
        continue;
      }
    }
    // A full name right before a unit-bed code: "Lamar Whitsett 5E-14 MRSA …", "Varner, Odell (5E-03)".
    if (room < k) {
      // "pt kowalczyk bed 14 stoma dusky": after "pt", one name word right before a room, clinical content after it.
      const n = room - 1;
      if (n >= 1 && tokens.line[n - 1] === tokens.line[room] && tokenEquals(text, tokens, n - 1, 'pt') && (tokens.flags[n] & F_DIGIT) === 0 &&
        (surnameWord(ctx, n) || ((tokens.flags[n] & F_UPPER_FIRST) === 0 && isCasualNameWord(ctx, tokenText(text, tokens, n)))) && healthOnLineAfter(ctx, k) && !indexes().names.overlaps(tokens.start[n], tokens.end[n])) {
        add(makeHit('PATIENT_NAME', 'medium', ctx.where, tokens.start[n], tokens.end[n], 'named', ['name:census', 'name:next-to-health'], `${quote(text, tokens.start[n], tokens.end[n])} after "pt" and before a room, with clinical content: a patient's name`));
        continue;
      }
      // "kwame boateng rm 2 w/ diarrhea again": a name another reading found, right before a room, is an inpatient's.
      const found = indexes().nameEnds.get(tokens.start[room] - 1) ?? indexes().nameEnds.get(tokens.start[room] - 2);
      if (found && ROOM_GAP.test(text.slice(found.end, tokens.start[room]))) {
        const t = tokenIndexAt(tokens, found.start);
        const doctor = t > 0 && PROVIDER_TITLES.has(tokenText(text, tokens, t - 1));
        if (!doctor && !found.reasons.includes('name:room')) found.reasons.push('name:room');
        continue;
      }
      const span = nameBefore(ctx, room);
      // "ED CT room 2": departments' and machines' acronyms before a room are a place, no one's name.
      if (span && !notAPerson(text, span[0], span[1]) && !acronymsOnly(ctx, span) && !indexes().names.overlaps(span[0], span[1])) {
        // With a unit and bed it is an inpatient's, unless a doctor's title shows whose ("Dr. Khalil (PGY-2)").
        const t = tokenIndexAt(tokens, span[0]);
        const doctor = t > 0 && PROVIDER_TITLES.has(tokenText(text, tokens, t - 1)) && span[0] - tokens.end[t - 1] <= 2;
        add(makeHit('PATIENT_NAME', 'medium', ctx.where, span[0], span[1], 'named', doctor ? ['name:census'] : ['name:census', 'name:room'], `${quote(text, span[0], span[1])} with a unit and bed (${quote(text, tokens.start[room], tokens.end[k])}): a patient's name`));
      } else if (!span) {
        const h = roomAfterName(ctx, room, k, indexes());
        if (h) add(h);
      }
    }
  }
}

/**
 * A full name, then in brackets a record number: a short prefix in capitals and five to ten digits ("(BCR-598310)"),
 * or the digits alone. The number is the person's chart; an order's, a camera's or an employee's prefix is none.
 */
function chartInBrackets(ctx: PartContext, k: number, names: { overlaps: (s: number, e: number) => boolean }): Hit[] | null {
  const { text, tokens } = ctx;
  const digits = tokens.end[k] - tokens.start[k];
  if (digits < 5 || digits > 10 || (tokens.flags[k] & F_ALL_DIGIT) === 0) return null;
  const prefixed = (tokens.flags[k - 1] & F_ALL_UPPER) !== 0 && (tokens.flags[k - 1] & F_DIGIT) === 0 && tokens.end[k - 1] - tokens.start[k - 1] <= 4 && /^-?$/.test(text.slice(tokens.end[k - 1], tokens.start[k]));
  const first = prefixed ? k - 1 : k;
  if (text.charCodeAt(tokens.start[first] - 1) !== 40 /* ( */) return null;
  const id = text.slice(tokens.start[first], tokens.end[k]);
  if (ORDER_PREFIX.test(id) || CAMERA_PREFIX.test(id) || NOT_CHART_PREFIX.test(id)) return null;
  // A full name, or an initial and a surname ("J. Fenwick (PB-0391177)").
  const open = tokens.start[first] - 1;
  const initialed = text.charCodeAt(open - 1) === 32 ? INITIAL_SURNAME_BEFORE.exec(text.slice(Math.max(0, open - 31), open - 1)) : null;
  const span: [number, number] | null = nameBefore(ctx, first) ?? (initialed ? [open - 1 - initialed[1].length, open - 1] : null);
  if (!span || !/\s/.test(text.slice(span[0], span[1])) || notAPerson(text, span[0], span[1])) return null;
  if (CLINICIAN_TITLE_BEFORE.test(text.slice(Math.max(0, span[0] - 24), span[0])) || CREDENTIAL_AFTER.test(text.slice(span[1], span[1] + 10))) return null;
  const chart = makeHit('MRN', 'medium', ctx.where, tokens.start[first], tokens.end[k], 'high-risk', ['pattern:chart-number-after-name'], `${quote(text, tokens.start[first], tokens.end[k])} in brackets after a person's name: their record number`);
  // A name another reading found keeps its hit; the number is still theirs.
  if (names.overlaps(span[0], span[1])) return [chart];
  return [makeHit('PATIENT_NAME', 'medium', ctx.where, span[0], span[1], 'named', ['name:with-chart'], `${quote(text, span[0], span[1])} with a record number in brackets: a patient's name`), chart];
}
/** Staff numbers: an employee's, a badge's, a licence's. */
const NOT_CHART_PREFIX = /^(?:E|EMP|EE|EID|ID|HR|BADGE|LIC|NPI|DEA|EXT)-?\d/;

/** The surname's token when token n is an initial with its period ("J. Whitfield", "L.Nez") before a surname; else -1. */
function initialBefore(ctx: PartContext, n: number): number {
  const { text, tokens } = ctx;
  const m = n + 1;
  if (m >= tokens.count || tokens.end[n] - tokens.start[n] !== 1 || (tokens.flags[n] & F_ALL_UPPER) === 0 || tokens.line[m] !== tokens.line[n]) return -1;
  if (text.charCodeAt(tokens.end[n]) !== 46 /* . */ || tokens.start[m] - tokens.end[n] > 2) return -1;
  return surnameWord(ctx, m) ? m : -1;
}

/**
 * A case list's line: "a. L. Nez — R foot DFU now with suspected osteomyelitis", "- T. Bitsui: L heel pressure injury".
 * An initial and a surname open the item, a dash or a colon closes them, and a condition, a result or a dose follows
 * on the line: the patient discussed.
 */
function initialSurnameItems(ctx: PartContext): void {
  const { text, tokens } = ctx;
  // The starts of the definite health findings, sorted once at the first item (most parts have none).
  let definite: Int32Array | undefined;
  for (let q = 0; q < tokens.lineFirstCount; q++) {
    let k = tokens.lineFirstToken[q];
    // A list marker: "a.", "4)", "12." (bullets and dashes are no tokens).
    if (k + 1 < tokens.count && tokens.end[k] - tokens.start[k] <= 2 && listMarkerEnd(text, tokens.end[k]) && tokens.line[k + 1] === tokens.line[k] &&
      (tokens.end[k] - tokens.start[k] === 1 ? (tokens.flags[k] & F_ALL_UPPER) === 0 : (tokens.flags[k] & F_ALL_DIGIT) !== 0)) k++;
    const surname = initialBefore(ctx, k);
    if (surname < 0 || !ITEM_CLOSE.test(text.slice(tokens.end[surname], tokens.end[surname] + 4))) continue;
    const lineEnd = text.indexOf('\n', tokens.end[surname]);
    const e = lineEnd < 0 ? text.length : lineEnd;
    definite ??= Int32Array.from(ctx.hits.filter((h) => DEFINITE_HEALTH.has(h.type) && h.role === 'health' && h.confidence !== 'low' && !h.reasons.includes('supply')), (h) => h.start).sort();
    const lo = lowerBound(definite, tokens.end[surname]);
    if (lo >= definite.length || definite[lo] >= e) continue;
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, tokens.start[k], tokens.end[surname], 'named', ['name:initial', 'name:next-to-health'], `${quote(text, tokens.start[k], tokens.end[surname])} opens a list item about clinical content: the patient discussed`));
  }
}
/**
 * A line that is a record's header, as a chart system prints it: a record number, then the name in capitals, surname
 * first ("LV20533172  DELGADO IBARRA, ROSA"). The number is the chart's, the name its patient's.
 */
function recordNumberNameLines(ctx: PartContext): void {
  const { text, tokens } = ctx;
  for (let q = 0; q < tokens.lineFirstCount; q++) {
    const k = tokens.lineFirstToken[q];
    if ((tokens.flags[k] & F_DIGIT) === 0 || (tokens.flags[k] & F_ALPHA) === 0) continue;
    const s = tokens.start[k];
    const m = RECORD_NAME_LINE.exec(text.slice(s, s + 90));
    if (!m || ORDER_PREFIX.test(m[1]) || CAMERA_PREFIX.test(m[1])) continue;
    const ns = s + m[0].length - m[2].length;
    ctx.hits.push(makeHit('MRN', 'medium', ctx.where, s, s + m[1].length, 'high-risk', ['pattern:record-number-with-name'], `${quote(text, s, s + m[1].length)} opens a line with a name in capitals: the record number of a chart`));
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, ns, ns + m[2].length, 'named', ['name:with-chart', 'name:capitals'], `${quote(text, ns, ns + m[2].length)} after a record number, surname first: the chart's patient`));
  }
}
const RECORD_NAME_LINE = /^([A-Z]{1,4}\d{6,10})[ \t]{1,4}([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2}, [A-Z][A-Z'’-]+(?: [A-Z]\.?)?)(?=[ \t]*(?:\r?\n|$))/;

/** Does a list marker's "." or ")" and a blank follow at i ("a. ", "4) ")? */
function listMarkerEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  return (c === 46 || c === 41) && (d === 32 || d === 9);
}
const ITEM_CLOSE = /^[ \t]{0,2}(?:[—–:]|-[ \t])/;
/** A condition, a result or a drug: content that is someone's, unlike a service's name ("wound clinic"). */
const DEFINITE_HEALTH = new Set(['DIAGNOSIS', 'LAB_RESULT', 'MEDICATION', 'ICD10']);

/**
 * "20418835 / 04-17-1958 - needs repeat PSA": a line (or a field set off by dashes) opening with a bare number of seven to ten digits, then a
 * date long past: a chart is looked up by its record number and the patient's birth date, written so in
 * shorthand. The year must be of the last century, in full or from '30 in two digits (a visit's or an order's date is recent).
 */
function recordNumberAndBirthDate(ctx: PartContext, k: number): [Hit, Hit] | null {
  const { text, tokens } = ctx;
  const n = k - 1;
  const len = tokens.end[n] - tokens.start[n];
  if (len < 7 || len > 10 || (tokens.flags[n] & F_ALL_DIGIT) === 0 || !RECORD_DATE_GAP.test(text.slice(tokens.end[n], tokens.start[k]))) return null;
  // "fatima — 1182734 — 7/12/71 — stelara": after a field set off by a dash as well as at a line's start (not after a
  // comma: a CSV row's lot number and expiry date are no chart's).
  if (n > 0 && tokens.line[n - 1] === tokens.line[n] && !DASH_FIELD_GAP.test(text.slice(tokens.end[n - 1], tokens.start[n]))) return null;
  const s = tokens.start[k];
  const e = dateAt(text, s);
  if (e < 0 || !/(?:^|\D)(?:19\d\d|[3-9]\d)$/.test(text.slice(s, e))) return null;
  return [
    makeHit('MRN', 'medium', ctx.where, tokens.start[n], tokens.end[n], 'high-risk', ['pattern:record-number-with-birth-date'], `${quote(text, tokens.start[n], tokens.end[n])} opens a line with a birth date: the record number a chart is found by`),
    makeHit('DOB', 'high', ctx.where, s, e, 'strong', ['pattern:date', 'date:after-record-number'], `${quote(text, s, e)} after a record number: a date of birth`),
  ];
}
const RECORD_DATE_GAP = /^(?: ?[/,|] ?| [-–—] )$/;
const DASH_FIELD_GAP = /^ [-–—] $/;

/** End of one or two lower-case name words from token n closed by " - " ("benitez ortega - …"), or -1. */
function lowerCaseCensusName(ctx: PartContext, n: number): number {
  const { text, tokens } = ctx;
  const nameWord = (j: number): boolean => (tokens.flags[j] & (F_UPPER_FIRST | F_DIGIT)) === 0 && isCasualNameWord(ctx, tokenText(text, tokens, j)) && !VOCATIVE_STOP.has(tokenText(text, tokens, j));
  for (let j = n; j <= n + 1 && j < tokens.count && tokens.line[j] === tokens.line[n]; j++) {
    if (!nameWord(j) || (j > n && tokens.start[j] !== tokens.end[j - 1] + 1)) return -1;
    if (/^[ \t]{1,2}[-–—][ \t]/.test(text.slice(tokens.end[j], tokens.end[j] + 4))) return tokens.end[j];
  }
  return -1;
}

const ROOM_ABBREVIATIONS = new Set(['rm', 'bed']);
/**
 * "Mrs. Halvorsen rm 3", "Re: Babatunde, rm 604": a name found already (by its honorific), or one listed given
 * name, right before "rm" or "bed" and a number is an inpatient's or a resident's. ("Room 204" after a name is
 * as often a meeting room, and "bay 3" a scanner's, so only these two words count.)
 */
function roomAfterName(ctx: PartContext, room: number, k: number, index: { names: ReturnType<typeof overlapIndex>; honorificEnds: Map<number, Hit> }): Hit | null {
  const { text, tokens } = ctx;
  if (!ROOM_ABBREVIATIONS.has(tokenText(text, tokens, room)) || room === 0 || tokens.line[room - 1] !== tokens.line[room]) return null;
  if (!/^,?[ \t]{1,2}$/.test(text.slice(tokens.end[room - 1], tokens.start[room]))) return null;
  const known = index.honorificEnds.get(tokens.end[room - 1]);
  if (known) {
    if (!known.reasons.includes('name:room')) known.reasons.push('name:room');
    return null;
  }
  const n = room - 1;
  if (!surnameWord(ctx, n) || !isGivenName(ctx, tokens.start[n]) || index.names.overlaps(tokens.start[n], tokens.end[n])) return null;
  return makeHit('PATIENT_NAME', 'medium', ctx.where, tokens.start[n], tokens.end[n], 'named', ['name:room'], `${quote(text, tokens.start[n], tokens.end[n])} with a room (${quote(text, tokens.start[room], tokens.end[k])}): a resident's name`);
}

/**
 * The name right before a parenthesised room and bed ("E. Walsh (204B)"): a name already found there is marked as a
 * resident's; an initial and a surname are one. Not a clinician's ("Dr. Walsh (204B)" is an office).
 */
function nameBeforeRoom(ctx: PartContext, k: number, index: { nameEnds: Map<number, Hit> }): Hit | null {
  const { text, tokens } = ctx;
  const nameEnd = tokens.start[k] - 2;
  if (text.charCodeAt(nameEnd) !== 32) return null;
  const known = index.nameEnds.get(nameEnd);
  if (known) {
    const t = tokenIndexAt(tokens, known.start);
    const doctor = t > 0 && PROVIDER_TITLES.has(tokenText(text, tokens, t - 1));
    if (!doctor && !known.reasons.includes('name:room')) known.reasons.push('name:room');
    return null;
  }
  const m = INITIAL_SURNAME_BEFORE.exec(text.slice(Math.max(0, nameEnd - 30), nameEnd));
  if (!m) return null;
  const ns = nameEnd - m[1].length;
  const t = tokenIndexAt(tokens, ns);
  if (t > 0 && PROVIDER_TITLES.has(tokenText(text, tokens, t - 1))) return null;
  return makeHit('PATIENT_NAME', 'medium', ctx.where, ns, nameEnd, 'named', ['name:initial-surname', 'name:room'], `${quote(text, ns, nameEnd)} with a room and bed (${quote(text, tokens.start[k], tokens.end[k])}): a resident's name`);
}
/** "E. Walsh", "R. Baptiste-Noel" closing the text before a room: an initial and a surname. */
const INITIAL_SURNAME_BEFORE = /(?:^|[\s(:,])([A-Z]\. ?[A-Z][a-z]{1,20}(?:[-'][A-Z][a-z]{1,20})?)$/;

/** Token n reads as one name word on a census line: capitalised, no digits, not all capitals, no common or place word. */
/**
 * Handoff and census rows that open with "Surname, Given" ("- Bitsuie, Roy ch8: c/o chest tightness"):
 * a listed given name after the comma, clinical content further on the line.
 */
/**
 * "09/29/2025  80053  Comprehensive metabolic panel   Solberg, Maren   $38.00": a name written surname first in a
 * column of its own (two blanks or a tab on each side), a listed given name after the comma, with clinical content on its line.
 */
function invertedNameColumns(ctx: PartContext): void {
  const { text, tokens } = ctx;
  const gapBefore = (i: number): boolean => text.charCodeAt(i - 1) === 9 || (text.charCodeAt(i - 1) === 32 && text.charCodeAt(i - 2) === 32);
  for (let c = text.indexOf(', '); c >= 0; c = text.indexOf(', ', c + 2)) {
    // The column's gap before the surname, found by walking back over its letters, before any token lookup.
    let w = c;
    while (w > 0 && c - w < 26 && text.charCodeAt(w - 1) > 32 && text.charCodeAt(w - 1) !== 44) w--;
    if (w === c || !gapBefore(w)) continue;
    const k = tokenIndexAt(tokens, c);
    const surname = k - 1;
    const g = k;
    if (surname < 0 || g >= tokens.count || tokens.end[surname] !== c || tokens.start[g] !== c + 2 || tokens.line[g] !== tokens.line[surname]) continue;
    if ((tokens.flags[surname] & F_UPPER_FIRST) === 0 || (tokens.flags[g] & F_UPPER_FIRST) === 0 || !gapBefore(tokens.start[surname])) continue;
    const e = tokens.end[g];
    if (!(text.charCodeAt(e) === 9 || (text.charCodeAt(e) === 32 && text.charCodeAt(e + 1) === 32))) continue;
    if (!isGivenName(ctx, tokens.start[g]) || !surnameWord(ctx, surname) || nameOverlaps(ctx.hits, tokens.start[surname], e)) continue;
    const ls = text.lastIndexOf('\n', c) + 1;
    const nl = text.indexOf('\n', c);
    if (!healthBetween(ctx, ls, nl < 0 ? text.length : nl) && !clinicalTermBetween(ctx, ls, nl < 0 ? text.length : nl)) continue;
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, tokens.start[surname], e, 'named', ['name:inverted', 'name:next-to-health'], `${quote(text, tokens.start[surname], e)} in a column of its own, surname first, with clinical content on its line: a patient's name`));
  }
}

function invertedNameRows(ctx: PartContext): void {
  const { text, tokens } = ctx;
  invertedNameColumns(ctx);
  for (let q = 0; q < tokens.lineFirstCount; q++) {
    let k = tokens.lineFirstToken[q];
    // "3     Kettleburn, Noah - RT home visits …": an invoice's line number before the row.
    if ((tokens.flags[k] & F_ALL_DIGIT) !== 0 && tokens.end[k] - tokens.start[k] <= 2 && k + 1 < tokens.count && tokens.line[k + 1] === tokens.line[k] && text.charCodeAt(tokens.end[k + 1]) === 44 && /^[ \t]{2,}$/.test(text.slice(tokens.end[k], tokens.start[k + 1]))) k++;
    const initialRow = surnameInitialRow(ctx, k);
    if (initialRow) {
      ctx.hits.push(initialRow);
      continue;
    }
    if ((tokens.flags[k] & F_UPPER_FIRST) === 0) continue;
    // "Thu | Clinic: Okonkwo, Reyes | Wound clinic: Ortega RN": a rota's day opens the line; its names are who works.
    if (WEEKDAY_INITIALS.has(text.charCodeAt(tokens.start[k])) && WEEKDAY_OPENS.test(text.slice(tokens.start[k], tokens.start[k] + 14))) continue;
    // "PA needed: Oduya, Grace - K0823 / G12.21": the row may open with a short heading and a colon.
    if (text.charCodeAt(tokens.end[k]) !== 44) {
      const colon = headingColon(text, tokens.start[k]);
      if (colon < 0) continue;
      k = tokenIndexAt(tokens, colon + 2);
      if (k >= tokens.count || tokens.start[k] !== colon + 2 || text.charCodeAt(tokens.end[k]) !== 44) continue;
    }
    const g = k + 1;
    if (g >= tokens.count || tokens.line[g] !== tokens.line[k] || !INVERTED_GAP.test(text.slice(tokens.end[k], tokens.start[g]))) continue;
    // "ODOM, CLARENCE   G30.0": a record's rows may write the whole name in capitals.
    const capsRow = (tokens.flags[k] & tokens.flags[g] & F_ALL_UPPER) !== 0 && capitalsSurname(ctx, k);
    if ((tokens.flags[g] & F_UPPER_FIRST) === 0 || !(capsRow || surnameWord(ctx, k)) || !isGivenName(ctx, tokens.start[g]) || !(healthOnLineAfter(ctx, g) || healthInSubList(ctx, g))) continue;
    // "Congratulations, Lucía …", "Welcome, Omar …": a word addressing the reader, not a surname.
    if (VOCATIVE_STOP.has(tokenText(text, tokens, k))) continue;
    // "- Hmong, Thu 1-3 (2 LTBI follow-ups)": a weekday with its hours, not a given name.
    if (g + 1 < tokens.count && tokens.line[g + 1] === tokens.line[g] && (tokens.flags[g + 1] & F_DIGIT) !== 0 && WEEKDAY_SHORT.has(tokenText(text, tokens, g).toLowerCase())) continue;
    // "Gomez, Ana M - …": a middle initial closes the name.
    const m = g + 1;
    const e = m < tokens.count && tokens.line[m] === tokens.line[g] && tokens.end[m] - tokens.start[m] === 1 && tokens.start[m] === tokens.end[g] + 1 && (tokens.flags[m] & F_ALL_UPPER) !== 0 && INITIAL_CLOSES.test(text.slice(tokens.end[m], tokens.end[m] + 3)) ? tokens.end[m] : tokens.end[g];
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, tokens.start[k], e, 'named', ['name:inverted', 'name:next-to-health'], `${quote(text, tokens.start[k], e)} opens a row with clinical content, surname first: a patient's name`));
  }
}
const INVERTED_GAP = /^,[ \t]{1,2}$/;
/** M, T, W, F, S: the first letters WEEKDAY_OPENS can start with (a test before the slice). */
const WEEKDAY_INITIALS = new Set([77, 84, 87, 70, 83]);
/** "Thu |", "Monday:", "Tues -": a weekday and a separator ("Sunita -" is no day). */
const WEEKDAY_OPENS = /^(?:Mon(?:day)?|Tue(?:s|sday)?|Wed(?:nesday)?|Thu(?:r|rs|rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\.?[ \t]*[|:–-]/;
const WEEKDAY_SHORT = new Set(['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun']);

/**
 * "- Abney C — Eliquis 5 mg #60", "flores a. – F20.9, Z59.01", "Pena, G  M17.11": a row opening with a surname and
 * a given name's initial, then a dash, comma or colon (or spaces after "Surname, G") and clinical content on the line. Typed in lower case, the initial needs its
 * period ("brooks j."), since a lone letter is also a word.
 */
function surnameInitialRow(ctx: PartContext, k: number): Hit | null {
  const { text, tokens } = ctx;
  const g = k + 1;
  if (g >= tokens.count || tokens.line[g] !== tokens.line[k] || tokens.end[g] - tokens.start[g] !== 1) return null;
  // "Pena, G  M17.11": written surname first with a comma, spaces alone may close the name.
  const comma = tokens.start[g] === tokens.end[k] + 2 && text.charCodeAt(tokens.end[k]) === 44 && text.charCodeAt(tokens.end[k] + 1) === 32;
  if (tokens.start[g] !== tokens.end[k] + 1 && !comma) return null;
  let e = tokens.end[g];
  const period = text.charCodeAt(e) === 46;
  if (period) e++;
  if (!SURNAME_INITIAL_CLOSES.test(text.slice(e, e + 2)) && !(comma && /^[ \t]{1,3}\S/.test(text.slice(e, e + 4)))) return null;
  const capitalised = (tokens.flags[k] & F_UPPER_FIRST) !== 0;
  const initialUpper = (tokens.flags[g] & F_ALL_UPPER) !== 0;
  if (LETTERED_LABELS.has(tokenText(text, tokens, k).toLowerCase())) return null;
  const named = capitalised
    ? initialUpper && surnameWord(ctx, k)
    : period && !initialUpper && (tokens.flags[g] & F_ALPHA) !== 0 && isCasual(ctx) && isCasualNameWord(ctx, tokenText(text, tokens, k)) && !VOCATIVE_STOP.has(tokenText(text, tokens, k));
  if (!named || !healthOnLineAfter(ctx, g)) return null;
  return makeHit('PATIENT_NAME', 'medium', ctx.where, tokens.start[k], e, 'named', ['name:surname-initial', 'name:next-to-health'], `${quote(text, tokens.start[k], e)} opens a row with clinical content, a surname and an initial: a patient's name`);
}
// "Farrugia D  J44.1  Trelegy …": a column's gap closes it too.
const SURNAME_INITIAL_CLOSES = /^(?: [-–—]|,|:| {2}|\t)/;

/** "SIHARATH B. (J45.50, K35.80)": a surname (capitalised or in capitals) and an initial, then diagnosis codes in brackets. */
const SURNAME_INITIAL_BRACKET = /(?:^|[\s:;,])([A-Z][A-Za-z'’-]{2,}),? ([A-Z])\. ?\($/;
function surnameInitialBeforeCodes(ctx: PartContext): void {
  const { text } = ctx;
  let names: ReturnType<typeof overlapIndex> | null = null;
  // Names pushed below are no codes: reading up to the count before them needs no copy of the list.
  const count = ctx.hits.length;
  for (let i = 0; i < count; i++) {
    const h = ctx.hits[i];
    if (h.type !== 'ICD10' || h.start < 6 || text.charCodeAt(h.start - 1) !== 40 /* ( */) continue;
    const from = Math.max(0, h.start - 40);
    const m = SURNAME_INITIAL_BRACKET.exec(text.slice(from, h.start));
    if (!m) continue;
    const surname = m[1];
    if (!isNameWord(ctx, surname) || NOT_PERSON_WORDS.has(surname.toLowerCase()) || LETTERED_LABELS.has(surname.toLowerCase())) continue;
    const s = from + m.index + m[0].indexOf(surname);
    const e = from + m.index + m[0].lastIndexOf('.') + 1;
    names ??= overlapIndex(ctx.hits, (x) => x.type === 'PATIENT_NAME');
    if (names.overlaps(s, e)) continue;
    const hit = makeHit('PATIENT_NAME', 'medium', ctx.where, s, e, 'named', ['name:surname-initial', 'name:next-to-health'], `${quote(text, s, e)} before diagnosis codes, a surname and an initial: a patient's name`);
    ctx.hits.push(hit);
    names.add(hit);
  }
}
/** Words that take a letter as a label ("Case A: 60s male…", "Vitamin D – 2000 IU", "Wing B - flu clinic"). */
const LETTERED_LABELS = new Set(('case patient pt client resident scenario example vignette group team cohort arm plan phase step stage level grade ' +
  'type tier part section option vitamin hepatitis hep building wing unit zone pod room bed bay site clinic lot batch class schedule form ' +
  'appendix exhibit table figure item question station track dose panel kit bin box shelf cart lab floor tower suite hall door gate lane').split(' '));
/** The ": " closing a short heading that starts at s on the same line (at most 24 characters on), or -1. */
function headingColon(text: string, s: number): number {
  const limit = Math.min(text.length - 1, s + 25);
  for (let i = s; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return -1;
    if (c === 58 && text.charCodeAt(i + 1) === 32) return i;
  }
  return -1;
}

function surnameWord(ctx: PartContext, n: number): boolean {
  const { text, tokens } = ctx;
  if ((tokens.flags[n] & F_UPPER_FIRST) === 0 || (tokens.flags[n] & (F_DIGIT | F_ALL_UPPER)) !== 0) return false;
  const word = text.slice(tokens.start[n], tokens.end[n]);
  return isNameWord(ctx, word) && !NOT_PERSON_WORDS.has(word.toLowerCase());
}

/** A surname in capitals ("ODOM"): letters only, three or more, no acronym of the dictionary ("CHF", "MRI"). */
function capitalsSurname(ctx: PartContext, n: number): boolean {
  const { text, tokens } = ctx;
  const word = text.slice(tokens.start[n], tokens.end[n]);
  return word.length >= 3 && (tokens.flags[n] & F_DIGIT) === 0 && !NOT_PERSON_WORDS.has(word.toLowerCase()) && !clinicalWord(ctx, word) && isNameWord(ctx, word.charAt(0) + word.slice(1).toLowerCase());
}

/**
 * "Pettibone, Shawna  Bkg 24-017990" over "  - sertraline 100 mg tab…": the row's own list, indented or bulleted
 * lines right below it (at most the next three), carries its clinical content.
 */
function healthInSubList(ctx: PartContext, k: number): boolean {
  const { text } = ctx;
  let from = text.indexOf('\n', ctx.tokens.end[k]);
  for (let n = 0; n < 3 && from >= 0; n++) {
    const c = text.charCodeAt(from + 1);
    if (c !== 32 && c !== 9 && c !== 45 && c !== 42 && c !== 0x2022) return false;
    const to = text.indexOf('\n', from + 1);
    if (healthBetween(ctx, from + 1, to < 0 ? text.length : to)) return true;
    from = to;
  }
  return false;
}

function healthOnLineAfter(ctx: PartContext, k: number): boolean {
  const lineEnd = ctx.text.indexOf('\n', ctx.tokens.end[k]);
  return healthBetween(ctx, ctx.tokens.end[k], lineEnd < 0 ? ctx.text.length : lineEnd);
}

/**
 * "Automatic reply: CRITICAL K 2.9 - Solberg, Maren - please review": a subject's part between dashes that is a name
 * written surname first (a listed given name after the comma), beside clinical content in the subject.
 */
const SUBJECT_INVERTED = /(?:^|[-–—|:] )(\p{Lu}[\p{Ll}'’-]{1,24}(?: \p{Lu}[\p{Ll}'’-]{1,24})?, (\p{Lu}[\p{Ll}'’-]{1,24}))(?= [-–—|]|[ \t]*$)/gu;
function subjectInvertedName(ctx: PartContext): void {
  const { text, where } = ctx;
  if (text.indexOf(', ') < 0 || text.length > 200) return;
  SUBJECT_INVERTED.lastIndex = 0;
  for (let m = SUBJECT_INVERTED.exec(text); m; m = SUBJECT_INVERTED.exec(text)) {
    const s = m.index + m[0].indexOf(m[1]);
    const e = s + m[1].length;
    if (!isGivenName(ctx, e - m[2].length) || nameOverlaps(ctx.hits, s, e) || !healthBetween(ctx, 0, text.length)) continue;
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', where, s, e, 'named', ['name:subject', 'name:inverted', 'name:next-to-health'], `${quote(text, s, e)}, surname first, between a subject's dashes beside clinical content: whom it is about`));
  }
}
const RU_SUBJECT_SURNAME = /^[ \t]*(?:(?:re|fw|fwd|aw):[ \t]*)*по[ \t]+([а-яёА-ЯЁ][а-яё]{1,20}(?:ов|ев|ёв|ин|ын)(?:у|ой))[ \t]*$/i;
/** A subject line that is only a person's given name, perhaps with an initial or surname: "amber w", "Hank", "Re: Tasha Greer". */
const MONTH_GIVEN_NAMES = new Set(['april', 'may', 'june', 'july', 'august', 'january']);
const SUBJECT_NAME = /^[ \t]*(?:(?:re|fw|fwd|aw|tr):[ \t]*)?([A-Za-zÀ-ÿ][a-zà-ÿ'’-]{1,20})(?:[ \t]+[A-Za-zÀ-ÿ][a-zà-ÿ'’-]{0,20}\.?)?[ \t]*$/i;
export function recognizeSubjectName(ctx: PartContext): void {
  const { text, where } = ctx;
  if (where !== 'subject' && !where.endsWith(':subject')) return;
  subjectHeadedByName(ctx);
  subjectInvertedName(ctx);
  if (text.length > 48) return;
  subjectCodeAndSurname(ctx);
  const m = SUBJECT_NAME.exec(text);
  if (!m) {
    // Russian "по гаврилову" (about Gavrilov): a surname in the dative after "по" is the whole subject.
    const ru = RU_SUBJECT_SURNAME.exec(text);
    if (ru) {
      const s = ru.index + ru[0].indexOf(ru[1]);
      ctx.hits.push(makeHit('PATIENT_NAME', 'medium', where, s, s + ru[1].length, 'named', ['name:subject'], `the subject is only "about" a surname, ${quote(text, s, s + ru[1].length)}: the person the message is about`));
    }
    return;
  }
  const s = m.index + m[0].indexOf(m[1]);
  if (!isGivenName(ctx, s)) return;
  const e = m.index + m[0].trimEnd().length;
  // "June coverage", "May schedule": a month that is also a given name, then a word in lower case, is the month's.
  if (MONTH_GIVEN_NAMES.has(m[1].toLowerCase()) && /[ \t][a-zà-ÿ]/.test(text.slice(s, e))) return;
  ctx.hits.push(makeHit('PATIENT_NAME', 'medium', where, s, e, 'named', ['name:subject'], `the subject is only a name, ${quote(text, s, e)}: the person the message is about`));
}

/**
 * "SUMMARY:Stroke clinic f/u - Melancon, Alcide": a calendar event titled by a visit and a person's full
 * name after the last dash is that person's appointment.
 */
const EVENT_NAME_END = /^[ \t\r]*(?:\(|[-–—] |$)/;
// "Hep A - Ifrah Mohamud (food handler)": a short note in brackets may close the subject after the name.
// "… - Lindqvist, Harriet P.": a middle initial may close the name.
const SUBJECT_NAME_END = /^(?:[ \t]\p{Lu}\.?)?\s*(?:\([^()\n]{1,30}\)\s*)?$/u;
/**
 * A full name starting at s (after a dash and spaces) and followed by what `after` allows up to `end`:
 * not an organisation, not a clinician ("Dr. …"), not already a name. [start, end] or null.
 */
function nameAfterDash(ctx: PartContext, s: number, end: number, after: RegExp, named: (s: number, e: number) => boolean = (a, b) => nameOverlaps(ctx.hits, a, b)): [number, number] | null {
  const { text } = ctx;
  while (text.charCodeAt(s) === 32) s++;
  const e = nameAt(ctx, s, 2);
  if (e < 0 || !after.test(text.slice(e, end)) || notAPerson(text, s, e) || CLINICIAN_TITLE_BEFORE.test(text.slice(Math.max(0, s - 24), s))) return null;
  return named(s, e) ? null : [s, e];
}
function nameOverlaps(hits: Hit[], s: number, e: number): boolean {
  return hits.some((h) => h.type === 'PATIENT_NAME' && h.start < e && s < h.end);
}
/**
 * The same question for a calendar's many titles, read in text order: the names known before, sorted
 * once, and those found since (in order), so a calendar of thousands of events is read in linear time.
 */
function nameIndex(hits: Hit[]): { named: (s: number, e: number) => boolean; add: (e: number) => void; at: (s: number) => Hit | undefined } {
  const names = hits.filter((h) => h.type === 'PATIENT_NAME').sort((a, b) => a.start - b.start);
  const starts = Int32Array.from(names, (h) => h.start);
  let lastEnd = -1;
  return {
    /** The name found before that starts at s, if any. */
    at(s) {
      const lo = lowerBound(starts, s);
      return lo < starts.length && starts[lo] === s ? names[lo] : undefined;
    },
    named(s, e) {
      if (s < lastEnd) return true;
      const lo = lowerBound(starts, e);
      // Spans starting before e: the nearest few may reach past s (names are short).
      for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) if (names[i].end > s) return true;
      return false;
    },
    add(e) { lastEnd = Math.max(lastEnd, e); },
  };
}

const GROUP_EVENT = /\b(?:class|classes|group|workshop|fair|huddle|meeting|training|in-service|inservice|webinar|support group|clase|taller|reuni[oó]n)\b/i;
export function recognizeEventNames(ctx: PartContext): void {
  const { text, where } = ctx;
  if (!where.endsWith('.ics')) return;
  const index = nameIndex(ctx.hits);
  const push = (s: number, e: number, lineEnd: number): void => {
    index.add(e);
    // "OB US - Yesenia Cux Chávez - 28wk - f/u placenta previa": the title's clinical content is theirs.
    const reasons = healthBetween(ctx, e, lineEnd) ? ['name:event', 'name:next-to-health'] : ['name:event'];
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', where, s, e, 'named', reasons, `${quote(text, s, e)} titles a calendar event: whose appointment it is`));
  };
  for (let i = text.indexOf('SUMMARY'); i >= 0; i = text.indexOf('SUMMARY', i + 7)) {
    const colon = text.indexOf(':', i);
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    if (colon < 0 || colon > end) continue;
    // A title that opens with a full name: "Zuri Mwangi - Stim day 1: Gonal-f 225 IU", when the name is a
    // listed given name's or clinical content follows on the line.
    const lead = nameAfterDash(ctx, colon + 1, end, EVENT_NAME_END, index.named);
    if (lead && (isGivenName(ctx, lead[0]) || healthBetween(ctx, lead[1], end))) push(lead[0], lead[1], end);
    // Each part after a dash: "IME – Owen Castellanos (RM-0407745) – ortho lumbar".
    for (let dash = text.indexOf(' ', colon); dash >= 0 && dash < end; dash = text.indexOf(' ', dash + 1)) {
      const c = text.charCodeAt(dash + 1);
      if ((c !== 45 && c !== 0x2013 && c !== 0x2014) || text.charCodeAt(dash + 2) !== 32) continue;
      // "Diabetes group class - Van Verde": after a group's event, the place (a mobile van's name), no one's visit.
      if (GROUP_EVENT.test(text.slice(colon + 1, dash))) break;
      const span = nameAfterDash(ctx, dash + 3, end, EVENT_NAME_END, index.named);
      if (span) push(span[0], span[1], end);
      else {
        // Found already (a listed given name): the title's clinical content is theirs all the same.
        const known = index.at(dash + 3);
        if (known && !known.reasons.includes('name:next-to-health') && healthBetween(ctx, known.end, end)) known.reasons.push('name:event', 'name:next-to-health');
      }
    }
  }
}

/**
 * "Tomasz Wierzbicki - path back - melanoma in situ": a subject that opens with a full name and a dash
 * or colon, with clinical content further on, is about that person.
 */
const SUBJECT_PREFIX = /^[ \t]*(?:(?:re|fw|fwd|aw|tr|wg):[ \t]*)*/i;
const SUBJECT_NAME_CLOSE = /^[ \t]{0,2}(?:\([^()\n]{1,24}\)[ \t]{0,2})?(?:[\w/]{1,8}[ \t]{1,2})?[-–—:|]/;
/** "Spanish interp for Quiñones, Eduardo 3/14 ID clinic – new HIV dx": whom a subject's request is for, written surname first. */
const FOR_INVERTED_NAME = /\b(?:for|re|about)[: ]{1,2}([A-ZÀ-Þ][a-zß-ÿ'’-]+(?: [A-ZÀ-Þ][a-zß-ÿ'’-]+)?), ([A-ZÀ-Þ][a-zß-ÿ'’-]+)\b/g;
function invertedNameAfterFor(ctx: PartContext): void {
  const { text, where } = ctx;
  if (text.length > 200) return;
  FOR_INVERTED_NAME.lastIndex = 0;
  for (let m = FOR_INVERTED_NAME.exec(text); m; m = FOR_INVERTED_NAME.exec(text)) {
    const s = m.index + m[0].indexOf(m[1]);
    const e = m.index + m[0].length;
    if (!m[1].split(' ').every((w) => isNameWord(ctx, w)) || !isGivenName(ctx, e - m[2].length) || !healthBetween(ctx, e, text.length)) continue;
    if (nameOverlaps(ctx.hits, s, e) || notAPerson(text, s, e)) continue;
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', where, s, e, 'named', ['name:subject', 'name:next-to-health'], `${quote(text, s, e)}, surname first, is whom the subject's request is for, with clinical content after it`));
  }
}

function subjectHeadedByName(ctx: PartContext): void {
  const { text, where } = ctx;
  // "auth VA0031177402 - Pete Grinnell": a subject ending in a full name (a known given name first) after a dash names whom it concerns.
  // The dash may be typed as a hyphen or set as an en or em dash ("Return-to-learn plan – Owen Park").
  const dash = Math.max(text.lastIndexOf(' - '), text.lastIndexOf(' – '), text.lastIndexOf(' — '));
  const tail = dash > 0 ? nameAfterDash(ctx, dash + 3, text.length, SUBJECT_NAME_END, () => false) : null;
  // A listed given name, or clinical content before the dash ("QFT positive - Baltazar Chox Ixcoy"), says it is a person.
  if (tail && (isGivenName(ctx, tail[0]) || healthBetween(ctx, 0, dash))) {
    const reasons = healthBetween(ctx, 0, dash) ? ['name:subject', 'name:next-to-health'] : ['name:subject'];
    // Found already ("everolimus trough – Amara Nwosu", a listed given name): the subject's shape still says whose the content is.
    const known = ctx.hits.find((h) => h.type === 'PATIENT_NAME' && h.start < tail[1] && tail[0] < h.end);
    if (known) { for (const r of reasons) if (!known.reasons.includes(r)) known.reasons.push(r); }
    else ctx.hits.push(makeHit('PATIENT_NAME', 'medium', where, tail[0], tail[1], 'named', reasons, `${quote(text, tail[0], tail[1])} ends the subject: the person the message concerns`));
  }
  // "ePCR 25-118732 - Oduya, Felix - refusal AMA after hypoglycemia": a name between dashes, clinical content after it.
  if (text.length <= 200) {
    for (let d = text.indexOf(' - '), n = 0; d >= 0 && n < 6; d = text.indexOf(' - ', d + 3), n++) {
      const mid = nameAfterDash(ctx, d + 3, text.length, EVENT_NAME_END);
      if (mid && /^[ \t]*[-–—] /.test(text.slice(mid[1], mid[1] + 4)) && healthBetween(ctx, mid[1], text.length)) {
        ctx.hits.push(makeHit('PATIENT_NAME', 'medium', where, mid[0], mid[1], 'named', ['name:subject', 'name:next-to-health'], `${quote(text, mid[0], mid[1])} stands between dashes in a subject about clinical content`));
      }
    }
  }
  invertedNameAfterFor(ctx);
  const s = SUBJECT_PREFIX.exec(text)![0].length;
  const c = text.charCodeAt(s);
  if (!(c >= 65 && c <= 90) && !(c >= 0xc0 && c <= 0xde)) {
    lowerCaseSubjectName(ctx, s);
    return;
  }
  subjectSurnameShorthand(ctx);
  const e = nameAt(ctx, s, 2);
  // "FW: Okoye, Ngozi", "Venkataraman, Lakshmi": a subject that is only a full name (a listed given name, or a
  // surname written first) is the person the whole message is about.
  // "Welcome Hana", "Congratulations Ruth": a word greeting someone opens the subject, not a name.
  if (e > 0 && VOCATIVE_STOP.has(tokenText(text, ctx.tokens, tokenIndexAt(ctx.tokens, s)))) return;
  if (e > 0 && SUBJECT_NAME_END.test(text.slice(e)) && !notAPerson(text, s, e) && listedNameIn(ctx, s, e)) {
    const known = ctx.hits.find((h) => h.type === 'PATIENT_NAME' && h.start < e && s < h.end);
    if (known) { if (!known.reasons.includes('name:subject-only')) known.reasons.push('name:subject-only'); }
    else ctx.hits.push(makeHit('PATIENT_NAME', 'medium', where, s, e, 'named', ['name:subject', 'name:subject-only'], `the subject is only a name, ${quote(text, s, e)}: the person the message is about`));
    return;
  }
  if (e < 0) {
    subjectHeadingSurname(ctx, s);
    return;
  }
  // "Hannah Stoltzfus (Ben's Hannah) 28wk - GDM screen": a bracketed nickname and a few words may come before the dash.
  // "Evening Star Hospice - referrals accepted": a name opening an organisation's is none.
  if (!SUBJECT_NAME_CLOSE.test(text.slice(e, e + 48)) || notAPerson(text, s, e) || organisationAfter(text, e)) return;
  const known = ctx.hits.find((h) => h.type === 'PATIENT_NAME' && h.start < e && s < h.end);
  if (!ctx.hits.some((h) => h.role === 'health' && h.confidence !== 'low' && h.start >= e)) {
    // "Kim Seo-yeon - bone health labs", "Nguyen Thi Hoa - AFB x3": a listed given name or a common surname
    // written first still heads the subject with a person; whose health the body holds, decide.ts weighs.
    // "Adeyemi, Oluwaseun - GBS": surname first, the listed given name after it.
    if (!known && listedNameIn(ctx, s, e)) {
      ctx.hits.push(makeHit('PATIENT_NAME', 'medium', where, s, e, 'named', ['name:subject'], `${quote(text, s, e)} opens the subject: the person the message concerns`));
    }
    return;
  }
  if (known) {
    // Found already (a listed given name): the subject's shape says the clinical content is theirs.
    if (!known.reasons.includes('name:next-to-health')) known.reasons.push('name:subject', 'name:next-to-health');
    return;
  }
  ctx.hits.push(makeHit('PATIENT_NAME', 'medium', where, s, e, 'named', ['name:subject', 'name:next-to-health'], `${quote(text, s, e)} opens a subject about clinical content`));
}

/**
 * "Abernathy - POLST signed, hydromorphone started": a subject opening with a name and a dash, then care given to its
 * owner (a drug or a procedure with its verb) or a measured result, is a note's heading: whom the note is about.
 */
function subjectHeadingSurname(ctx: PartContext, s: number): void {
  const { text, tokens, where } = ctx;
  const k = tokenIndexAt(tokens, s);
  if (k + 2 >= tokens.count || tokens.start[k] !== s || (tokens.flags[k] & (F_DIGIT | F_ALL_UPPER)) !== 0) return;
  const end = nameAt(ctx, s);
  if (end < 0 || end - s > 40 || !/^[ \t]{1,2}[-–—][ \t]/.test(text.slice(end, end + 4))) return;
  const first = tokenText(text, tokens, k);
  if (VOCATIVE_STOP.has(first) || NOT_NAME_ENDING.test(first) || notAPerson(text, s, end) || organisationAfter(text, end)) return;
  const cared = ctx.hits.some((h) => h.role === 'health' && h.start > end && (h.type === 'MEDICATION' || h.type === 'OTHER') && CARE_EVENT_AFTER.test(text.slice(h.end, h.end + 16)));
  // "Harcourt - phos 1.8 again, call me": a measured result right after the dash.
  const dash = end + (/^[ \t]{1,2}[-–—][ \t]{1,2}/.exec(text.slice(end, end + 6))?.[0].length ?? 0);
  const measured = ctx.hits.some((h) => h.start === dash && h.type === 'LAB_RESULT' && h.confidence === 'high');
  if (!cared && !measured) return;
  ctx.hits.push(makeHit('PATIENT_NAME', 'medium', where, s, end, 'named', ['name:subject', 'name:next-to-health'], `${quote(text, s, end)} heads a subject of care given or a result: whom it is about`));
}
const CARE_EVENT_AFTER = /^[ \t]{1,2}(?:started|stopped|increased|decreased|held|signed|given|titrated|discontinued|restarted|initiated|resumed|d\/c'?d)\b/i;

/** "C50.911 / Pruitt", "Kowalski - M17.11": a subject that is only a valid diagnosis code and a surname pairs the two. */
const SUBJECT_CODE_NAME = /^[ \t]*(?:(?:re|fw|fwd):[ \t]*)?(?:[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?[ \t]{0,2}[\/–—-][ \t]{0,2}(\p{Lu}[\p{Ll}'’-]{1,24})|(\p{Lu}[\p{Ll}'’-]{1,24})[ \t]{0,2}[\/–—-][ \t]{0,2}[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?)[ \t]*$/iu;
function subjectCodeAndSurname(ctx: PartContext): void {
  const { text, where } = ctx;
  const m = SUBJECT_CODE_NAME.exec(text);
  if (!m || !ctx.hits.some((h) => h.type === 'ICD10' && h.confidence !== 'low')) return;
  const name = m[1] ?? m[2];
  const s = m.index + m[0].lastIndexOf(name);
  if (!isNameWord(ctx, name) || NOT_PERSON_WORDS.has(name.toLowerCase())) return;
  // Typed in lower case ("c50.911 / pruitt"), only in mail typed so throughout.
  if ((ctx.tokens.flags[tokenIndexAt(ctx.tokens, s)] & F_UPPER_FIRST) === 0 && !isCasual(ctx)) return;
  ctx.hits.push(makeHit('PATIENT_NAME', 'medium', where, s, s + name.length, 'named', ['name:subject', 'name:next-to-health'], `the subject pairs a diagnosis code with ${quote(text, s, s + name.length)}: whose code it is`));
}

/** Whether a listed given name, or a surname written first, is among the words of [s, e). */
function listedNameIn(ctx: PartContext, s: number, e: number): boolean {
  const { tokens, text } = ctx;
  for (let k = tokenIndexAt(tokens, s); k < tokens.count && tokens.start[k] < e; k++) {
    if (isGivenName(ctx, tokens.start[k]) || SURNAMES_WRITTEN_FIRST.has(tokenText(text, tokens, k))) return true;
  }
  return false;
}

/**
 * "re: nguyen thi hoa": a lower-case subject that is only a name, two to four words, one a surname written
 * first (Nguyen, Kim, Zhang…) and another a listed given name. Other lower-case pairs are too often words.
 */
function lowerCaseSubjectName(ctx: PartContext, s: number): void {
  const { text, tokens, where } = ctx;
  const end = text.trimEnd().length;
  if (end - s > 40 || end <= s) return;
  const first = tokenIndexAt(tokens, s);
  let surname = false, given = false, words = 0;
  for (let k = first; k < tokens.count; k++) {
    if ((tokens.flags[k] & F_DIGIT) !== 0 || (k > first && !/^[ \t]+$/.test(text.slice(tokens.end[k - 1], tokens.start[k])))) return;
    const word = tokenText(text, tokens, k);
    if (!isNameWord(ctx, word)) return;
    if (SURNAMES_WRITTEN_FIRST.has(word) && !surname) surname = true;
    else if (isGivenName(ctx, tokens.start[k])) given = true;
    words++;
  }
  if (words < 2 || words > 4 || !surname || !given || tokens.end[tokens.count - 1] !== end) return;
  ctx.hits.push(makeHit('PATIENT_NAME', 'medium', where, s, end, 'named', ['name:subject', 'name:subject-only'], `the subject is only a name, ${quote(text, s, end)}: the person the message is about`));
}

/**
 * The commonest Vietnamese, Korean and Chinese surnames, which open a name written surname first
 * ("Nguyen Thi Hoa", "Park Ji-hoon", "Zhang Wei"); only those that are no English word ("Do", "Song",
 * "Ma", "He" are left out).
 */
export const SURNAMES_WRITTEN_FIRST = new Set(
  ('nguyen tran pham hoang huynh phan dang bui ngo duong truong dinh ' +
    'kim lee park choi jung jeong kang cho yoon jang lim shin kwon hwang ahn ' +
    'wang zhang liu chen yang huang zhao zhou zhu guo luo zheng liang xie tang').split(' '),
);
const SURNAME_HASHES = new Set([...SURNAMES_WRITTEN_FIRST].map(hashWord));
/** The same surnames after a given name, less "Park" ("Cedar Park", "Oak Park" are places). */
const SURNAME_AFTER_HASHES = new Set([...SURNAMES_WRITTEN_FIRST].filter((w) => w !== 'park').map(hashWord));

/**
 * First token of a room or bed written before the number token k: "rm 412", "bed 9", "bay 22", or a unit
 * code joined by a hyphen ("4W-12", "MICU-3", "5E-03"): letters in capitals, at most five characters. -1 if none.
 */
function roomStart(ctx: PartContext, k: number): number {
  const { text, tokens } = ctx;
  if ((tokens.flags[k] & F_ALL_DIGIT) === 0 || tokens.end[k] - tokens.start[k] > 4) return -1;
  const j = k - 1;
  const len = tokens.end[j] - tokens.start[j];
  const gap = tokens.start[k] - tokens.end[j];
  // "4W-12", "MICU-3", or typed in lower case with its digit ("4w-22").
  const unitShape = (tokens.flags[j] & F_ALL_UPPER) !== 0 || ((tokens.flags[j] & F_DIGIT) !== 0 && (tokens.flags[j] & F_ALPHA) !== 0);
  if (gap === 1 && text.charCodeAt(tokens.end[j]) === 45 /* - */ && len <= 5 && unitShape && (tokens.flags[k] & F_ALL_DIGIT) !== 0) {
    // Not a phone's or a code's middle part ("555-0147", "CO-45" adjustment codes): the unit code holds a digit
    // or three capitals or more, the bed one to three digits.
    const unit = (tokens.flags[j] & F_DIGIT) !== 0 || len >= 3;
    if (!unit || tokens.end[k] - tokens.start[k] > 3 || (j > 0 && text.charCodeAt(tokens.start[j] - 1) === 45)) return -1;
    // A code with a number is a term's ("ICD-10", "PHQ-9", "COVID-19"), not a unit's.
    const word = tokenText(text, tokens, j);
    return ctx.dict.byFirstToken.get(tokens.hash[j])?.some((e) => e.tokens[0] === word) ? -1 : j;
  }
  if (len <= 5 && gap >= 1 && gap <= 2 && CENSUS_HASHES.has(tokens.hash[j]) && CENSUS_WORDS.has(tokenText(text, tokens, j))) return j;
  return -1;
}
/** A line opening with an initial and a surname, then a space or three: "J. Alvarado  ", "R. Baptiste-Noel ". */
const INITIAL_SURNAME_LINE = /(?:^|\n)[ \t]*([A-Z]\. ?[A-Z][a-z]{1,20}(?:[-'][A-Z][a-z]{1,20})?)[ \t]{1,3}$/;
/** "JM ", "R.T.  ", "L.McD ": two or three initials (a "Mc" surname's kept) and a space or two. */
const INITIALS_BEFORE = /(?:^|[\s(:,])([A-Z]\.?(?:Mc)?[A-Z]\.?(?:[A-Z]\.?)?)[ \t]{1,2}$/;
/** A room number with its bed letter: "214B", "12A". */
const ROOM_NUMBER = /^\d{2,4}[A-D]$/;
// A dialysis or infusion chair is a bed: "in chair 12".
const CENSUS_WORDS = new Set(['rm', 'room', 'bed', 'bay', 'chair', 'hab', 'cama', 'chambre', 'zimmer']);
const CENSUS_HASHES = new Set([...CENSUS_WORDS].map(hashWord));

/** Roles on a programme or a rota, written as "<role>: <name>". */
/** "Tyler Vanover - Peer Recovery Coach,", "Hannah Lykins, Grants Manager", "Ben Okoro | IT Systems": a staff member with a job title. */
/** The words a job title or an office ends with ("Billing Coordinator", "Revenue Cycle", "Admisiones"). */
const JOB_ENDS = String.raw`(?:Safety|Quality|Compliance|Affairs|Resources|Coach|Supervisor|Manager|Director|Coordinator|Specialist|Technician|Assistant|Counselor|Officer|Administrator|Analyst|Navigator|Educator|Pharmacist|Therapist|Liaison|Representative|Executive|Associate|Scheduler|Receptionist|Operations|Programs|Program|Services|Department|Division|Office|Cycle|Management|Improvement|Prevention|Control|Informatics|Systems|Support|Registry|Team|Committee|Facturación|Admisiones|Enfermería|Farmacia|Recepción|Administración|Coordinación|Cobranza)`;
const JOB_TITLE_AFTER = new RegExp(String.raw`^ ?[-–—,|] ?(?:(?:[A-Z][a-z]+|[A-Z]{2,4}|&) ){0,3}${JOB_ENDS}(?=[,.;)|\n\r]|$| \(| \|)`);
/** "Marisol Ortega\nPre-determination & Billing Coordinator": a job title on the line under a name alone on its line. */
const JOB_TITLE_NEXT_LINE = new RegExp(String.raw`^[ \t]*\r?\n(?:(?:[A-Z][A-Za-z'’-]+|[A-Z]{2,4}|&) ){0,4}${JOB_ENDS}[ \t]*(?=\r?\n|$)`);
/** "Rosa Delgado, enfermera, 555-…", "Ana Ruiz, social worker.": a job written in lower case after the name, in English or Spanish (or Vietnamese and Polish: ", nhân viên y tế …", ", terapeutka oddechowa"). */
// A job named by its ending in English too: ", mammographer", ", sonographer", ", phlebotomist", ", radiologist".
const LOWER_JOB_AFTER = /^,[ \t]{0,2}(?:(?:educador[a]? en|instructor[a]? de)(?= )|(?:nurse|educador[a]?|instructor[a]?|enfermer[ao]|social worker|trabajador[a]? social|coordinador[a]?|recepcionista|receptionist|int[eé]rprete|interpreter|dietitian|dietista|nutricionista|chaplain|capell[aá]n|pharmacist|farmac[eé]utic[ao]|navegador[a]?(?: de pacientes)?|promotor[a]?(?: de salud)?|navigator|[a-z]{2,20}(?:ographer|ologist|otomist|ician)|(?:[a-z]{3,20} ){1,2}(?:coordinator|navigator|educator|abstractor|liaison))(?=[,.;)!]|\n|$| \()|(?:nhân viên|y tá|điều dưỡng|dược sĩ|thông dịch viên|(?:fizjo)?terapeut(?:a|ka)|pielęgniar(?:ka|z)|lekarz|koordynator(?:ka)?|dietety(?:k|czka))(?=[ ,.;]))/;
/** A job, a colleague's cover or a new hire's post written right after a name: staff, not a patient. */
/** "anh Phạm Quốc Bảo (PT)", "Dana Cho (RN)": a discipline in brackets after a name. */
const DISCIPLINE_AFTER = /^ ?\((?:PT|OT|SLP|RN|NP|PA|MD|DO|MA|LPN|RD|RT|CNA|DPT|OTR|CCC-SLP|CHT|CWS|CWOCN|ATC|RRT|PharmD)\)/;
function jobAfter(text: string, end: number): boolean {
  return DISCIPLINE_AFTER.test(text.slice(end, end + 12)) || JOB_TITLE_AFTER.test(text.slice(end, end + 48)) || JOB_TITLE_NEXT_LINE.test(text.slice(end, end + 64)) || LOWER_JOB_AFTER.test(text.slice(end, end + 36)) || COVERING_AFTER.test(text.slice(end, end + 64)) || NEW_HIRE_AFTER.test(text.slice(end, end + 64));
}
/**
 * "Renata Navarro, our new infusion nurse manager,", "…, our new senior embryologist", "…, who joins us from HIM as a
 * sepsis abstractor": a colleague introduced with the job they take up (a job noun, or after "new"/"incoming"/"interim" any "-ist", "-ian", "-ographer": "the cyclist" alone
 * may be a patient).
 */
const NEW_HIRE_AFTER = /^,? who (?:joins|joined|is joining|will join|will be joining) (?:our team\b|the team\b|us (?:from [^,.;\n]{1,40} |(?:on |this |next )?[A-Za-z]{3,6}day |next week |this week )?as\b)|^, (?:our|the|a|an) (?:new |newest |incoming |interim |acting |lead |senior )?(?:[A-Za-z-]+ ){0,3}(?:nurse|manager|director|coordinator|physician|pharmacist|therapist|technician|assistant|navigator|educator|specialist|scheduler|receptionist|supervisor|chaplain|dietitian|social worker|hospitalist|surgeon|nurse practitioner)(?![\w'’])|^, (?:our|the|a|an) (?:new|newest|incoming|interim|acting) (?:[A-Za-z-]+ ){0,3}(?!guardian)[a-z]{3,}(?:ist|ian|ographer)s?(?![\w'’])/;
/** "Marcus Bell is covering my post-op calls", "Tomas has the Thursday clinic": a colleague taking over work. */
// "Dana Whitfield has invited you to: Diabetes QI huddle": a calendar's organiser; "see Linda Bowman in HR": a department's.
const COVERING_AFTER = /^,? (?:is |will be |will )?(?:covering|cover|covers|on call|on-call|has the [A-Za-z]+ (?:clinic|shift|list|calls|rounds))\b|^ (?:has )?invited you\b|^ is (?:out )?on (?:PTO|vacation)\b|^ (?:cubrir[áa]|cubre|estar[áa] a cargo|atender[áa] la|atender[áa] el)(?=[ ,.;]|$)|^ is out (?:Mon|Tue|Wed|Thu|Fri|today|tomorrow|this|next|until|through)|^ runs (?:the )?(?:[A-Za-z]+ ){0,3}(?:clinic|clinics|group|groups|list|session|sessions|class|classes)\b|^ will (?:present|speak|lecture|moderate|teach|demo)\b|^ (?:va a (?:hablar|presentar|dar una charla)|hablar[áa]|presentar[áa]) (?:en|sobre|de|a las|el|la)\b|^ (?:presents|runs|leads|teaches|moderates) the\b|^(?: and [A-Z][A-Za-z'’-]{1,20}(?: [A-Z][A-Za-z'’-]{1,20})?)? (?:is|are) (?:presenting|teaching|leading|running|hosting|co-leading)\b|^ will (?:do|give|lead) (?:\d{1,2} minutes|a (?:short |quick |brief )?(?:talk|session|segment|demo|presentation|review|refresher))\b|^ is (?:the |our )?(?:charge|lead|triage|float|on-call) nurse\b|^ will (?:handle|run|cover|take|do) (?:the )?(?:[A-Za-z-]+ ){0,4}(?:list|rounds|rounding|calls|call|consults|clinic|shift|pager|queue|inbox)\b|^ (?:in|from) (?:HR|IT|Human Resources|Payroll|Billing|Registration|Scheduling|Medical Records|Purchasing|Facilities|facilities|maintenance|housekeeping|biomed|security|Finance|Accounting|Marketing|Compliance|Legal|Procurement|Risk Management|Quality|Patient Safety|Patient Relations|Patient Experience|Infection Prevention|Infection Control|HIM|Health Information Management|Pharmacy)\b/;
/** Staff job nouns: a role written as "<role>: <name>", or right before a colleague's name. */
const STAFF_JOB_NOUNS = ['coordinator', 'coordinators', 'navigator', 'navigators', 'facilitator', 'instructor', 'trainer', 'organizer', 'organiser', 'engineer', 'technician', 'representative', 'rep', 'courier', 'driver', 'installer'];
// "Route cardiology clearance faxes to Keisha Thornton": whom the paperwork goes to.
// Spanish "Dudas a Rosa Imbert", "Preguntas a …".
const WRITE_TO = new Set(['questions', 'question', 'inquiries', 'comments', 'concerns', 'feedback', 'rsvp', 'preguntas', 'faxes', 'fax', 'paperwork', 'dudas', 'consultas']);
const ROLE_LABELS = new Set([...STAFF_JOB_NOUNS, 'questions', 'inquiries', 'contacto', 'informes',
  // "Candidates: Amara Nwosu, Diego Valverde": people interviewing for a post.
  'candidates', 'candidate', 'applicants', 'interviewees',
  // A Spanish class's staff: "Instructora: Carmen Loza", "Ponente: …".
  'instructora', 'instructoras', 'educadora', 'educador', 'facilitadora', 'ponente',
  // A handout's credits: "Revisión: Marta Gillespie, PharmD", "Traducción: Yesenia Ruiz".
  'revision', 'traduccion', 'translation', 'translator', 'reviewed', 'traductora', 'traductor', 'speaker', 'speakers',
  // A book talk's or an article's author: "a talk by hospice nurse and author Corinne Abara".
  'author', 'authors', 'novelist', 'journalist', 'poet',
  // Spanish credits: "Presenta: Lucía Ferrer", "Información: Lidia Saavedra, (541) …".
  'presenta', 'presentan', 'imparte', 'informacion', 'information', 'presenter', 'presenters', 'facilitators', 'instructors', 'trainers', 'moderator', 'faculty', 'host', 'lead', 'leads', 'contact', 'attendees', 'attendee', 'invitees',
  // A meeting's list of who attends: "Participantes: Ana Lucía Ferrer (CHU), …".
  // "Nurses: Imogen Sat, Carla Sun": a rota's nurses listed by name and day.
  'nurses',
  'participants', 'participantes', 'asistentes', 'teilnehmer', 'teilnehmende',
  // Service and ticket roles: "Field engineer: Tyler …", "Assignee: …"; a delivery's addressee ("attention Renata Solís").
  // Korean "강사:" (instructor).
  '강사',
  // A ticket's "Assigned: Marcus Feld"; a journal club's "discussant: Priya Venkataraman".
  'assigned', 'discussant', 'discussants',
  'attention', 'attn', 'agent', 'assignee', 'approver', 'reviewer', 'requester', 'requestor', 'submitter', 'ponente', 'formateur', 'referent', 'referentin', 'dozent', 'dozentin',
  // A rota's desk: "Recepción: Yesenia Caro y Marta Lugo"; "Nursing supervisor: Jenna Whitlock (days)".
  'reception', 'recepcion', 'receptionist', 'recepcionista', 'supervisor', 'supervisors',
  // A Spanish on-call rota's posts: "Enfermera de enlace: Leila …" (the liaison nurse), "Guardia: …".
  'enlace', 'guardia', 'turno',
  // "Técnica de apoyo: Priya Aldana", "Médico de guardia: …": a Spanish rota's roles.
  'tecnica', 'tecnico', 'apoyo', 'guardia',
  // A training's Spanish credits: "Instructora: Lupe Carrasco", "Facilitadora: …", "Expositor: …".
  'instructora', 'capacitadora', 'capacitador', 'facilitadora', 'facilitador', 'expositora', 'expositor', 'coordinadora', 'coordinador']);

/**
 * ", CDE." / ", RDN\n" / ", FNP-BC,": an upper-case credential after a name (a dictionary credential, or the
 * shape of one: two to six capitals, maybe "-BC", closing the phrase), not an identifier label such as "MRN".
 */
function credentialAfter(ctx: PartContext, end: number): boolean {
  const after = ctx.text.slice(end, end + 16);
  const m = CREDENTIAL_SHAPE.exec(after);
  // ", PT, DPT", ", OT": therapists' credentials that are also clinical abbreviations (physical therapy).
  if (m) return THERAPIST_CREDENTIALS.has(m[1]) || !clinicalWord(ctx, m[1]);
  // Without the comma ("Maria Tavares OTR/L CHT"), only a credential of the dictionary or a slashed one.
  const bare = BARE_CREDENTIAL.exec(after);
  return bare !== null && (bare[1].includes('/') || isCredential(ctx, bare[1]));
}
const THERAPIST_CREDENTIALS = new Set(['PT', 'OT', 'DPT', 'SLP', 'ST', 'RT', 'ATC']);
// "Anika Patel, CPNP (DEA …)": a bracket may follow the credential.
// A degree written with periods ("Lucía Barragán, M.S., CCC-SLP", "Ph.D.") too; a dash may follow ("…, CHT – Orthoses for …").
// A colon or a column's gap may follow in a roster ("Tomasz Wierzbicki, BHT   naloxone admin exp 07/15"); a welcome's "!" too.
// A trainee's year is one ("Sofia Kim, MS2", "PGY-2").
const CREDENTIAL_SHAPE = /^, ?([A-Z]{2,6}(?:[-/][A-Z]{1,3}|-?[1-9])?|(?:[A-Z][a-z]?\.){2,3}|AuD|PsyD|PharmD|EdD|ScD|DrPH)(?:[.,;:)!]|\s*$|\n|[ \t]{3}| {1,2}(?:[A-Z][a-z]|and |\||\(|[-–—] |(?:for|will|who|leads|presents|teaches) ))/;
const BARE_CREDENTIAL = /^ ([A-Z]{2,5}(?:\/[A-Z]{1,2})?)(?:[.,;)]|\s*$|\n| [A-Z]{2,5}\b)/;

/** An identifier label, condition, lab or procedure written in capitals ("MRN", "CHF"), not a credential. */
function clinicalWord(ctx: PartContext, word: string): boolean {
  const term = foldTerm(word.toLowerCase());
  const entries = ctx.dict.byFirstToken.get(hashWord(term));
  return entries !== undefined && entries.some((e) => e.term === term && (e.kind === 'L' || e.kind === 'c' || e.kind === 'l' || e.kind === 'p'));
}
function isCredential(ctx: PartContext, word: string): boolean {
  const term = foldTerm(word.toLowerCase());
  return ctx.dict.byFirstToken.get(hashWord(term))?.some((e) => e.term === term && e.kind === 'r') ?? false;
}

const NAME_HEALTH_GAP = /^[ \t]{0,2}[–—\-:,(][ \t]{0,2}$/;

const FOR_NAME = /^[ \t]{1,2}(?:for|of|re|para|pour|für|von)[ \t]{1,2}/;

/**
 * "Wanda Kessler – invasive ductal carcinoma": a name set right against a diagnosis or drug; and
 * "K 2.9 for Ms. Huang", "MRI for Paul Grant": clinical content followed by "for" and a name found
 * by another recognizer.
 */
/** Where a lab written with its value or a dosed drug starts (one pass, not a search per finding). */
function valuedHealthStarts(health: Hit[]): Set<number> {
  const out = new Set<number>();
  for (const h of health) if (h.reasons.includes('pattern:lab-value') || h.reasons.includes('pattern:dose')) out.add(h.start);
  return out;
}

/** First token of two to four capitalised name words ending at token n, one space apart, or -1. */
function fullNameEndingAt(ctx: PartContext, n: number): number {
  const { text, tokens } = ctx;
  let first = n;
  while (first > 0 && n - first < 3 && tokens.line[first - 1] === tokens.line[n] && tokens.start[first] - tokens.end[first - 1] === 1 &&
    (text.charCodeAt(tokens.end[first - 1]) === 32 || text.charCodeAt(tokens.end[first - 1]) === 45) && (tokens.flags[first - 1] & F_UPPER_FIRST) !== 0 && (tokens.flags[first - 1] & (F_ALL_UPPER | F_DIGIT)) === 0) first--;
  if (first === n) return -1;
  for (let k = first; k <= n; k++) if (!isNameWord(ctx, text.slice(tokens.start[k], tokens.end[k]))) return -1;
  return notAPerson(text, tokens.start[first], tokens.end[n]) ? -1 : first;
}

/**
 * "for Pete's lumbar stenosis", "Shirley's Invega shots", "Noah's asthma": a known given name in the
 * possessive right before clinical content (one modifier word may stand between) is whose it is.
 */
function possessiveGivenNames(ctx: PartContext, health: Hit[], names: Map<number, Hit>, namesByEnd: Map<number, Hit>): void {
  const { text, tokens } = ctx;
  for (const h of health) {
    if (h.confidence === 'low') continue;
    let k = tokenIndexAt(tokens, h.start);
    if (k < 2 || tokens.start[k] !== h.start) continue;
    // One lower-case modifier: "Shirley's monthly Invega", "Noah's severe asthma".
    if ((tokens.flags[k - 1] & (F_UPPER_FIRST | F_DIGIT)) === 0 && !(tokens.end[k - 1] - tokens.start[k - 1] === 1) && k >= 3 && tokens.start[k] - tokens.end[k - 1] === 1) k--;
    const s = k - 1; // the "s" of "'s"
    if (tokens.end[s] - tokens.start[s] !== 1 || (text.charCodeAt(tokens.start[s]) | 32) !== 115 || tokens.start[k] - tokens.end[s] !== 1) continue;
    const apostrophe = text.charCodeAt(tokens.start[s] - 1);
    if (apostrophe !== 39 && apostrophe !== 0x2019) continue;
    const n = s - 1;
    // In mail typed in lower case, "ana's hgb" as "Ana's hgb".
    if (tokens.end[n] !== tokens.start[s] - 1 || ((tokens.flags[n] & F_UPPER_FIRST) === 0 && !isCasual(ctx)) || (tokens.flags[n] & F_ALL_UPPER) !== 0) continue;
    // "Mrs. Celestin's dialysis": a name found with its title owns what follows its possessive.
    const titled = namesByEnd.get(tokens.end[n]);
    if (titled && titled.reasons.includes('name:honorific')) {
      if (!titled.reasons.includes('name:next-to-health')) titled.reasons.push('name:next-to-health');
      continue;
    }
    // A listed given name, or a full name of two to four capitalised words ("Naw Paw Htoo's diabetes").
    let from = isGivenName(ctx, tokens.start[n]) ? n : fullNameEndingAt(ctx, n);
    // "moradi's a1c came back 9.4", "Okafor's INR 3.8": before a result with its value, a surname alone.
    if (from < 0 && h.reasons.includes('pattern:lab-value') && possessiveSurname(ctx, n)) from = n;
    if (from < 0) continue;
    // "Dr. Priya Raman's Clozapine REMS certification": a clinician's, her prescribing, no one's care.
    if (CLINICIAN_TITLE_BEFORE.test(text.slice(Math.max(0, tokens.start[from] - 24), tokens.start[from])) || STAFF_FILE_AFTER.test(text.slice(tokens.end[n], tokens.end[n] + 64))) continue;
    const existing = names.get(tokens.start[from]);
    if (existing) {
      if (!existing.reasons.includes('name:next-to-health')) existing.reasons.push('name:next-to-health');
      continue;
    }
    const hit = makeHit('PATIENT_NAME', 'medium', ctx.where, tokens.start[from], tokens.end[n], 'named', ['name:possessive', 'name:next-to-health'], `${quote(text, tokens.start[from], tokens.end[n])} owns the clinical content after it`);
    names.set(tokens.start[from], hit);
    ctx.hits.push(hit);
  }
}

/**
 * Token n may be a surname alone in the possessive: a word the casual-name reading would take (no pronoun, relation,
 * day or clinical word: "today's A1c", "mom's INR", "the lab's TSH"), a surname when capitalised.
 */
function possessiveSurname(ctx: PartContext, n: number): boolean {
  const word = tokenText(ctx.text, ctx.tokens, n);
  if (VOCATIVE_STOP.has(word) || !isCasualNameWord(ctx, word)) return false;
  return (ctx.tokens.flags[n] & F_UPPER_FIRST) === 0 || surnameWord(ctx, n);
}

/**
 * "maria elena rodriguez there again, out of quetiapine since fri", "Bunny Kowalski's port won't draw … alteplase 2 mg":
 * a person's name (a listed given name and a surname) with their own clinical content later in the same sentence,
 * close by, is whom the content is about. Their own: tied to a person by the pronouns around it ("out of her
 * quetiapine"), or definite (a dose, a value); "Maria Lopez will teach the diabetes class" is not.
 */
const SENTENCE_REACH = 100;
/**
 * "Gerald Pike, a surgical patient in room 5102, sustained…": a name followed by an appositive calling them a patient
 * is a patient's, as firmly as after a "Patient:" label.
 */
export function markPatientAppositives(ctx: PartContext): void {
  const { text } = ctx;
  for (const h of ctx.hits) {
    if (h.type !== 'PATIENT_NAME' || h.role !== 'named' || text.charCodeAt(h.end) !== 44) continue;
    if (!PATIENT_APPOSITIVE.test(text.slice(h.end, h.end + 70))) continue;
    h.role = 'strong';
    h.confidence = 'high';
    h.reasons.push('name:patient-appositive');
  }
}
const PATIENT_APPOSITIVE = /^,[ \t]{1,2}(?:a|an|our)[ \t]{1,2}(?:[a-z][a-z-]{1,19}[ \t]{1,2}){0,3}(?:patient|inpatient|outpatient|resident)\b/;

/** "out of quetiapine", "on the seroquel", "refused his Haldol": a drug someone takes (or does not). */
const TAKING_BEFORE = new Set(['on', 'of', 'off', 'refused', 'refuses', 'stopped', 'started', 'starting', 'taking', 'takes', 'missed', 'restarted', 'needs', 'ran']);
/** "on the vancomycin", "on oral vancomycin": words that may stand between taking and the drug. */
const TAKEN_BRIDGE = new Set(['the', 'oral', 'po', 'iv', 'topical', 'inhaled', 'his', 'her']);
function takenDrug(ctx: PartContext, h: Hit): boolean {
  if (h.type !== 'MEDICATION') return false;
  const k = tokenIndexAt(ctx.tokens, h.start);
  const before = wordsBefore(ctx, k, 2, 20);
  return before.length > 0 && (TAKING_BEFORE.has(before[0]) || (TAKEN_BRIDGE.has(before[0]) && before.length > 1 && TAKING_BEFORE.has(before[1])));
}

const POSSESSIVE_END = /^['’]s$/;
const MAX_REPEATS = 8;
/**
 * "Mrs. Delacroix's son called … Delacroix is one of them and is still on oral vancomycin": a surname named with an
 * honorific and written again alone later is the same person. The bare mention is read like a full name (its
 * sentence's health content, markNamesBeforeHealthInSentence).
 */
export function recognizeRepeatedSurnames(ctx: PartContext): void {
  const { text, tokens } = ctx;
  let surnames = 0;
  // Starts of the names already read, sorted once: a mention inside one has its own hit. Bounded work per
  // surname (MAX_REPEATS pushes), so a text repeating "Mrs. Lee … Lee …" a million times stays linear.
  let named: Int32Array | null = null;
  const seen: string[] = [];
  for (let i = 0, n = ctx.hits.length; i < n && surnames < 3; i++) {
    const h = ctx.hits[i];
    if (h.type !== 'PATIENT_NAME' || h.inSignature || !h.reasons.includes('name:honorific')) continue;
    // The token holding the hit's last character (tokenIndexAt finds the first token starting at or after a position).
    const last = tokenIndexAt(tokens, h.end) - 1;
    if (last < 0 || (tokens.flags[last] & F_UPPER_FIRST) === 0) continue;
    // The surname as the hit ends it: a possessive ("Mrs. Delacroix's") is one token, its hit ends before "'s".
    const word = text.slice(tokens.start[last], Math.min(h.end, tokens.end[last]));
    if (word.length < 3 || seen.includes(word)) continue;
    seen.push(word);
    surnames++;
    const first = word.charCodeAt(0);
    named ??= Int32Array.from(ctx.hits.filter((x) => x.type === 'PATIENT_NAME'), (x) => x.start).sort();
    let pushed = 0;
    for (let k = last + 1; k < tokens.count && pushed < MAX_REPEATS; k++) {
      const s = tokens.start[k];
      const len = tokens.end[k] - s;
      if (text.charCodeAt(s) !== first || len < word.length || len > word.length + 2 || !text.startsWith(word, s)) continue;
      if (len > word.length && !POSSESSIVE_END.test(text.slice(s + word.length, tokens.end[k]))) continue;
      // Not a second honorific mention ("… Mrs. Delacroix"): that one has its own hit.
      // (An honorific's name starts at most a few characters before its surname: "Mrs. ", "Sra. ".)
      const j = lowerBound(named, s - 6);
      if (j < named.length && named[j] <= s) continue;
      pushed++;
      ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s, s + word.length, 'named', ['name:repeated'], `${quote(text, s, s + word.length)} names again the person introduced as ${quote(text, h.start, h.end)}`));
    }
  }
}
/** Is there a line break in text[s, e)? (A short gap: no search past it.) */
function newlineBetween(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

export function markNamesBeforeHealthInSentence(ctx: PartContext): void {
  const { text, tokens } = ctx;
  let owned: Int32Array | null = null;
  let procedures: Int32Array | null = null;
  for (const h of ctx.hits) {
    // "la sra. pineda ya pagó lo del ultrasonido pélvico": after an honorific the name is a person's for certain, so a
    // procedure in the sentence is theirs (labeling rule 5). Not any condition: "Mrs. Adeyemi is our new asthma
    // educator", "her stroke team" name a job and a team.
    if (h.type !== 'PATIENT_NAME' || h.reasons.includes('name:next-to-health')) continue;
    const honorific = h.reasons.includes('name:honorific') && !notAPerson(text, h.start, h.end);
    if (!(honorific || h.reasons.includes('name:given-name') || h.reasons.includes('name:repeated'))) continue;
    // "Mateo Ibarra: …" addresses someone; a term right after the name ("Priya Vantongeren diabetes
    // follow-up") is recognizeNamesNextToHealth's to judge: read from the second word on.
    if (text.charCodeAt(h.end) === 58) continue;
    const next = tokenIndexAt(tokens, h.end);
    if (next >= tokens.count) continue;
    // "Dear Mrs. Engebretson,\n\nThank you for…": a greeting's line ends the sentence before the next word.
    if (newlineBetween(text, h.end, tokens.start[next])) continue;
    const from = tokens.end[next];
    const limit = Math.min(text.length, h.end + SENTENCE_REACH);
    let end = from;
    while (end < limit) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 33 || c === 63 || (c === 46 && (end + 1 >= text.length || text.charCodeAt(end + 1) <= 32))) break;
      end++;
    }
    const starts = honorific
      ? (procedures ??= Int32Array.from(ctx.hits.filter((x) => x.role === 'health' && x.type === 'OTHER' && x.confidence !== 'low'), (x) => x.start).sort())
      : (owned ??= Int32Array.from(ctx.hits.filter((x) => x.role === 'health' && x.confidence !== 'low' && (x.confidence === 'high' || x.personal || takenDrug(ctx, x))), (x) => x.start).sort());
    const lo = lowerBound(starts, from);
    if (lo < starts.length && starts[lo] < end) h.reasons.push('name:next-to-health');
  }
}

export function recognizeNamesNextToHealth(ctx: PartContext): void {
  const { text, tokens } = ctx;
  const health = ctx.hits.filter((h) => h.role === 'health');
  const healthStarts = health.map((h) => h.start);
  const names = new Map<number, Hit>();
  const namesByEnd = new Map<number, Hit>();
  for (const h of ctx.hits) if (h.type === 'PATIENT_NAME') { names.set(h.start, h); namesByEnd.set(h.end, h); }
  if (names.size > 0) {
    for (const h of health) {
      const gap = FOR_NAME.exec(text.slice(h.end, h.end + 8));
      const name = gap ? names.get(h.end + gap[0].length) : undefined;
      if (name && !name.reasons.includes('name:next-to-health')) name.reasons.push('name:next-to-health');
    }
  }
  possessiveGivenNames(ctx, health, names, namesByEnd);
  let valuedStarts: Set<number> | null = null;
  for (let i = 0; i < health.length; i++) {
    const start = healthStarts[i];
    let k = tokenIndexAt(tokens, start);
    if (k >= tokens.count) continue;
    // Allow a few lower-case modifiers in between: "Wanda Kessler – invasive ductal carcinoma".
    // …and a procedure cue before them: "Gunther Vogel, s/p right total knee replacement".
    for (let m = 0; m < 4 && k > 0; m++) {
      const cue = skipProcedureCue(ctx, k);
      if (cue !== k) { k = cue; break; }
      // A side written as one capital counts as a modifier too: "Rosalinda Pena (L breast ca".
      const side = tokens.end[k - 1] - tokens.start[k - 1] === 1 && /[LR]/.test(text[tokens.start[k - 1]]);
      if (m === 3 || tokens.line[k - 1] !== tokens.line[k] || ((tokens.flags[k - 1] & (F_UPPER_FIRST | F_DIGIT)) !== 0 && !side) || !/^[ \t]{1,2}$/.test(text.slice(tokens.end[k - 1], tokens.start[k]))) break;
      k--;
    }
    if (k === 0) continue;
    // "Ayesha Siddiqui re: TSH 8.9", "Omar Haddad regarding his A1c": a subject cue between name and content.
    if (k > 1 && tokens.line[k - 1] === tokens.line[k] && RE_CUES.has(tokenText(text, tokens, k - 1)) && /^[ \t:]{1,3}$/.test(text.slice(tokens.end[k - 1], tokens.start[k]))) k--;
    const reCue = RE_CUES.has(tokenText(text, tokens, k));
    // "Ayesha Siddiqui at 541-555-0172 re: TSH": the person's phone number between name and cue.
    if (reCue) {
      let j = k - 1;
      while (j > 0 && k - j <= 4 && tokens.line[j] === tokens.line[k] && (tokens.flags[j] & F_ALL_DIGIT) !== 0) j--;
      if (j < k - 1 && j > 0 && tokens.line[j] === tokens.line[k] && (tokenEquals(text, tokens, j, 'at') || tokenEquals(text, tokens, j, 'on'))) k = j;
    }
    // "Hilda Grenier rm 214 - C diff POSITIVE": a room or bed number between the name and the content.
    let room = false;
    if (!reCue && k > 2 && (tokens.flags[k - 1] & F_ALL_DIGIT) !== 0 && tokens.line[k - 2] === tokens.line[k] && tokens.end[k - 2] - tokens.start[k - 2] <= 11 &&
      ROOM_WORDS.has(tokenText(text, tokens, k - 2)) && NAME_HEALTH_GAP.test(text.slice(tokens.end[k - 1], tokens.start[k])) && /^[ \t,]{1,3}$/.test(text.slice(tokens.end[k - 3], tokens.start[k - 2]))) {
      k -= 2;
      room = true;
    }
    const gap = room ? ' - ' : text.slice(tokens.end[k - 1], tokens.start[k]);
    // "Bed 2 — Héctor Salazar (Valle Verde) glucose 412": a place or unit in brackets between a name and a result.
    if (!reCue && !room && /^\)[ \t]{1,2}$/.test(gap) && (valuedStarts ??= valuedHealthStarts(health)).has(tokens.start[k])) {
      const from = Math.max(0, tokens.end[k - 1] - 40);
      const open = from + text.slice(from, tokens.end[k - 1]).lastIndexOf('(');
      if (open > from && BRACKETED_PLACE.test(text.slice(open, tokens.end[k - 1] + 1))) {
        const named = namesByEnd.get(open - (text.charCodeAt(open - 1) === 32 ? 1 : 0));
        if (named && !named.reasons.includes('name:next-to-health')) named.reasons.push('name:next-to-health');
        continue;
      }
    }
    // "Mark Stone A1c 9.2", "Li Na INR 4.1 today": a lab written with its value (or a dosed drug) right after a
    // name, with only a space between, reads like a chart line; a bare condition word does not ("Jordan Diabetes").
    const valued = !reCue && /^[ \t]{1,2}$/.test(gap) && (valuedStarts ??= valuedHealthStarts(health)).has(tokens.start[k]);
    // "Mr. Whitcombe on vancomycin", "out with Whitcombe on vanco q12": someone on a drug is taking it; a capitalised
    // word counts after a preposition that introduces a person ("with", "for", "to").
    if (k > 1 && gap === ' ' && health[i].type === 'MEDICATION' && tokenEquals(text, tokens, k, 'on') && tokens.line[k - 1] === tokens.line[k]) {
      const named = namesByEnd.get(tokens.end[k - 1]);
      if (named) {
        if (!named.reasons.includes('name:next-to-health')) named.reasons.push('name:next-to-health');
      } else onDrug(ctx, k);
      continue;
    }
    // "Mrs. Okafor is latex allergic", "Hollis is septic": a name found already, "is", then the condition.
    // Not a role ("is our new diabetes educator", "is the asthma nurse").
    if (k > 1 && gap === ' ' && COPULA.has(tokenText(text, tokens, k)) && tokens.line[k - 1] === tokens.line[k]) {
      const named = namesByEnd.get(tokens.end[k - 1]);
      if (named && !named.reasons.includes('name:next-to-health') && !roleAfterCopula(ctx, k, start)) named.reasons.push('name:next-to-health');
      continue;
    }
    if (!(NAME_HEALTH_GAP.test(gap) || valued || (reCue && /^[ \t,]{1,3}$/.test(gap)))) continue;
    // A cell of a delimited row ("Salem East,E11.9,212"): the columns say what a cell is, not its neighbour.
    if (delimitedRow(text, tokens.end[k - 1], gap)) continue;
    // "Kidney Pre-Transplant": a hyphen with no space joins a compound word, it sets no name apart.
    if (gap === '-') continue;
    // "Reported by: Dana Whitlock (Palliative Care)": a department in capitals and parentheses is the person's unit.
    if (gap.endsWith('(') && afterDepartment(text, tokens.end[k - 1]) > tokens.end[k - 1]) continue;
    // A name another recognizer found ends right there ("LVM for Thandiwe re: potassium 6.1").
    const found = namesByEnd.get(tokens.end[k - 1]);
    if (found) {
      // "Questions to Marisol Fuentes, stroke coordinator": the clinical word names her job.
      if (!found.reasons.includes('name:next-to-health') && !jobAfter(text, found.end)) found.reasons.push('name:next-to-health');
      continue;
    }
    const span = personBefore(ctx, k, true);
    if (!span || notAPerson(ctx.text, span[0], span[1])) continue;
    // "der Alzheimer-Krankheit, Medikamente (Donepezil…": the second half of a compound opens no name.
    if (span[0] > 0 && text.charCodeAt(span[0] - 1) === 45) continue;
    // "EMPA-KIDNEY, empagliflozin in CKD": capitals joined by a hyphen, no space, name a trial, not a person.
    const words = text.slice(span[0], span[1]);
    if (words.indexOf(' ') < 0 && words === words.toUpperCase()) continue;
    // "STANDING ORDER: anaphylaxis", "ZONA ROJA – albuterol": words in capitals head a section; a name in
    // capitals ("MARIA LOPEZ: CHF") opens with a listed given name.
    if (words === words.toUpperCase() && !isGivenName(ctx, span[0])) continue;
    // "ASA II (mild asthma)", "NYHA III": a class in capitals ends in a Roman numeral, a listed given name ("Asa") or not.
    if (words === words.toUpperCase() && ROMAN_CLASS_END.test(words)) continue;
    // "Dr. Aaliyah Mansour, cardiology, presents …": a clinician next to their specialty or topic.
    if (CLINICIAN_TITLE_BEFORE.test(text.slice(Math.max(0, span[0] - 24), span[0]))) continue;
    // A quoted title ("Beyond SSRIs: Esketamine …") is a talk's, not a person's.
    if (span[0] > 0 && /["“«]/.test(text[span[0] - 1])) continue;
    // "Jamal Whitaker, Cardiac Rehab Coordinator", "Renata Navarro, our new infusion nurse manager": the clinical words name a staff member's job.
    if (jobAfter(text, span[1])) continue;
    // With only a space before the value, an unknown capitalised pair may be a lab's or a product's name: a known given name must open it.
    if (valued && !NAME_HEALTH_GAP.test(gap) && !isGivenName(ctx, span[0])) continue;
    const same = names.get(span[0]);
    if (same && same.end === span[1]) {
      if (!same.reasons.includes('name:next-to-health')) same.reasons.push('name:next-to-health');
      continue;
    }
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, span[0], span[1], 'named', ['name:next-to-health'], `${quote(text, span[0], span[1])} stands right next to clinical content`));
  }
}

/** A capitalised word after "with", "for" or "to" and before "on" (token k) and a drug: a person taking it. */
const PERSON_PREPOSITIONS = new Set(['with', 'for', 'to']);
function onDrug(ctx: PartContext, k: number): void {
  const { text, tokens } = ctx;
  const w = k - 1;
  if (w < 1 || (tokens.flags[w] & (F_UPPER_FIRST | F_ALL_UPPER | F_DIGIT)) !== F_UPPER_FIRST || tokens.line[w - 1] !== tokens.line[w] || text.charCodeAt(tokens.end[w - 1]) !== 32 || tokens.start[w] !== tokens.end[w - 1] + 1) return;
  if (!PERSON_PREPOSITIONS.has(tokenText(text, tokens, w - 1))) return;
  const s = tokens.start[w];
  const e = tokens.end[w];
  if (e - s < 3 || !isNameWord(ctx, text.slice(s, e)) || notAPerson(text, s, e)) return;
  ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s, e, 'named', ['name:next-to-health'], `${quote(text, s, e)} is on the drug named after it: a person taking it`));
}

const ROMAN_CLASS_END = / (?:I{1,3}|IV|V|VI)$/;
/** "Mrs. Okafor is latex allergic": the verb between a name and the condition it is told to have. */
const COPULA = new Set(['is', 'was']);
/** "is our new diabetes educator": an article or possessive after "is", or a role noun after the health word. */
function roleAfterCopula(ctx: PartContext, k: number, healthStart: number): boolean {
  const { text, tokens } = ctx;
  const hk = tokenIndexAt(tokens, healthStart);
  for (let j = k + 1; j < hk; j++) if (ROLE_DETERMINERS.has(tokenText(text, tokens, j))) return true;
  let after = hk;
  while (after < tokens.count && tokens.start[after] < healthStart + 40 && tokens.line[after] === tokens.line[hk] && (tokens.flags[after] & F_ALPHA) !== 0 && after - hk < 4) {
    if (ROLE_NOUNS.has(tokenText(text, tokens, after))) return true;
    after++;
  }
  return false;
}
const ROLE_DETERMINERS = new Set(['a', 'an', 'the', 'our', 'my', 'your', 'their', 'new', 'lead', 'head']);
const ROLE_NOUNS = new Set(['educator', 'nurse', 'coordinator', 'specialist', 'navigator', 'coach', 'champion', 'manager', 'director', 'lead', 'team', 'clinic', 'program', 'programme', 'researcher', 'expert', 'advocate', 'doctor', 'physician', 'therapist', 'counselor', 'counsellor']);
const ROOM_WORDS = new Set(['rm', 'room', 'bed', 'hab', 'habitacion', 'cuarto', 'chambre', 'zimmer', 'unit']);
// German degrees follow the title: "Dr. med. Friederike Aust", "Dr. rer. nat. …".
const CLINICIAN_TITLE_BEFORE = /\b(?:Dr|Dra|Doctor|Doctora|Docteur|Prof|Professor)\.?(?:[ \t](?:med|med\. dent|rer\. nat|phil)\.)?[ \t]{1,2}$/i;

/** Words of organisations, places and events: "Quarry Room", "Grand Rounds", "National DPP", "Heart Month". */
const NOT_PERSON_WORDS = new Set(('th thu thur thurs tue tues wed fri ' + // weekdays in a schedule ("Yuki Th-F")
  'core data research committee council board desk quality compliance operations borough heights village township upper lower nos ' + // "Research Data Core", "Houston Board Room 3"
  'union ballroom lobby fieldhouse auditorium gym gymnasium cafeteria ' + // venues: "Student Union Ballroom"
  'falls springs beach harbor harbour bay rapids ridge creek hollow glen pines ' + // towns and sites: "training in Sioux Falls", "Cedar Ridge service unit"
  'acres estates gardens meadows manor terrace orchard orchards farms ranch camp basin canyon mesa prairie plains bluffs ' + // housing, camps, land: "Sunny Acres Labor Camp", "condado Cedar Basin"
  'house lodge inn hotel motel hostel shelter ' + // lodging: "Lantern House tendrá 6 habitaciones"
  'process grievance grievances rights policy policies procedure procedures handbook manual protocol pathway survey surveys satisfaction form forms monitoring ' + // "(Patient Grievance Process)", "Patient Monitoring Form"
  'authorized representative representatives ' + // "Dear Authorized Representative,"
  'st sq blvd hwy pkwy ' + // street abbreviations: "80 Canal St, Boston, 617-555-0160"
  'contact plus droplet airborne enteric precautions isolation ' + // isolation orders: "Contact Plus (C. diff)"
  'feb apr jul aug sep sept oct nov dec ' + // months in a range ("Jul-Sep"); not "Jan", "Mar", "May", "Jun": names too ("Min-jun")
  'part parte physician physicians provider providers referring children women men sports physicals ' + // "Ryan White Part B", "Dear Referring Physician", "Bramblewood Children's", "Larkspur Women's Health"
  'code attn ' + // hospital codes ("call Code Blue", "Code Stroke"); "Ship to: …, Attn: Rehab Gym"
  // US states whose names are no one's given name ("Florida Blue", "Ohio Valley"): Virginia, Georgia, Dakota stay names.
  'alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana iowa kansas kentucky ' +
  'louisiana maine maryland massachusetts michigan minnesota mississippi missouri nebraska nevada ohio oklahoma oregon pennsylvania ' +
  'tennessee texas utah vermont wisconsin wyoming ' +
  'room clinic hospital center centre care health medical street avenue ave road rd drive lane way building hall wing floor unit suite ' +
  'group associates partners foundation institute university college school county city valley community family practice services service pharmacy labs diagnostics ' +
  'inc llc corp company compounding department dept office north south east west memorial general regional saint urgent campus plaza station ' +
  'grand rounds national annual training conference convention summit webinar workshop series symposium lecture seminar course session sessions program programme ' +
  'month week awareness journal club forum update review coach coaches day network alliance association society council committee initiative project ' +
  // Schools, job ads and headings in capitals: "Dear Lincoln Elementary families", "NOW HIRING".
  'pharm ' + // "Nadia Okafor PharmD" read in two pieces
  'elementary middle academy families parents staff infant infants newborn feeding now hiring apply join wanted position positions job jobs career careers opening openings ' +
  // Departments and practices: "Rio Verde Pediatrics", "Lakeshore Dermatology".
  'pediatrics paediatrics cardiology oncology urology dermatology orthopedics orthopaedics orthopedic orthopaedic neurology radiology gastroenterology nephrology obgyn gynecology ' +
  'obstetrics psychiatry rehabilitation rehab hospice dental dentistry surgery surgical medicine internal therapy therapies nursing imaging laboratory laboratories ' +
  // A reference lab ("Crestline Toxicology: new fentanyl cutoff"), a library's meeting room.
  'toxicology pathology library meeting ' +
  'orthodontics periodontics endodontics prosthodontics otolaryngology ophthalmology optometry endocrinology rheumatology pulmonology hematology podiatry audiology ' +
  // Business addressees: "Hello Rio Verde Central Supply,".
  'supply supplies shipping receiving warehouse billing accounts payable purchasing procurement customer customers vendor vendors ' +
  // Back offices signing a mail ("Thanks,\nMarketing"): no one's name; a landlord's office ("Alder Park Property Management").
  'management property marketing communications admissions registration scheduling credentialing recruiting recruitment payroll accounting finance facilities maintenance housekeeping ' +
  // Cardholders and payees that are institutions: "Northwind Mutual Life", "Lakeshore Cord Blood Bank".
  'bank mutual insurance underwriting ministry fund wellness ' +
  // Drug makers: "Vantara Pharma: aflibercept biosimilar now available".
  'pharma pharmaceutical pharmaceuticals therapeutics biosciences bioscience biotech biologics biopharma ' +
  // Job titles: "Certified Genetic Counselor", "Registered Dietitian".
  'certified registered licensed counselor counsellor coordinator manager director specialist technician technologist therapist dietitian navigator ' +
  // Phone lists: "Patient Financial Svcs ....".
  'financial svcs svc intake switchboard desk line lines fax beyond revenue ' +
  // Patient-facing offices and their mailings: "Patient Relations Quarterly", "Patient Experience News".
  'relations experience advocacy portal safety quarterly monthly weekly newsletter bulletin digest news ' +
  // Places: "Pacific Northwest", "sub-Saharan Africa", "Vancouver Island".
  'pacific atlantic northwest northeast southwest southeast northern southern eastern western island islands coast bay lake river mountain mountains beach harbor harbour springs heights ' +
  'africa america americas asia europe saharan arctic peds endo ortho ' +
  // The same in Spanish, French and German: "Rive Claire Santé", "Klarfluss Klinik", "Centro de Salud".
  'santé sante salud clínica clinica clinique klinik klinikum praxis krankenhaus hôpital hopital centro gesundheit médical medico médico partos infantil ' +
  // Emergency departments: "indicar Urgencias Ridgeview 413-…", "Urgences de Montfort".
  'urgencias emergencias urgences notaufnahme ' +
  // Foundations and associations: "Resumen para la Fundación Valle Verde".
  'fundación fundacion fundação fundacao fondation stiftung fondazione asociación asociacion associação associacao verein ' +
  // Languages named in their own tongue: "Waalidiinta ku hadla Af-Soomaaliga" (parents who speak Somali).
  'soomaali soomaaliga ' +
  // Languages named in English, no one's surname ("taglines in Spanish and Vietnamese"); English, French and German are.
  'spanish vietnamese mandarin cantonese korean japanese russian arabic portuguese tagalog somali polish haitian creole ukrainian farsi amharic nepali hindi burmese khmer hmong punjabi ' +
  // Quantifiers opening a capitalised run: "Several DERs asked", "Many MROs".
  'several various numerous many most few both each every ' +
  // German weekdays and staff training: "Fortbildung Mittwoch: Fallvignette Lithium".
  'montag dienstag mittwoch donnerstag freitag samstag sonntag fortbildung schulung besprechung ' +
  // Stations and places of worship: "Radio Ñuu Savi", "St. James Church".
  'radio church chapel cathedral parish temple mosque synagogue masjid ' +
  // Portuguese saints in places' names: "em São Paulo", "Hospital São João".
  'são sao ' +
  // A team signing in Polish: "Zespół Opieki" (the care team); a Spanish unit's name ("Unidad de Recuperación Respiratoria").
  'zespół zespol unidad recuperación recuperacion quirúrgica quirurgica quirúrgico quirurgico ' +
  // Spanish departments signing a handout with their line: "línea de enfermería de Oncología Radioterápica, 412-…".
  'oncología oncologia radioterápica radioterapica cardiología cardiologia pediatría pediatria neurología neurologia').split(' '));

/**
 * "Mr. Gonzalez from Lakeside Medical Supply will drop off the cart": a person named with the company they come from
 * is a vendor's or a colleague's representative, not a patient. Their name hits are dropped. So is one named with the
 * programme or association they speak for ("les escribe Anselmo Ortiz del programa …", "soy Efrén López, de la mesa directiva").
 */
const FROM_COMPANY = /^,?[ \t]{1,2}(?:from|of|at|with)[ \t]{1,2}(?:the[ \t])?(?:[A-Z][\w&'’-]*[ \t]){0,4}(?:Supply|Supplies|Pharmaceuticals?|Inc|LLC|Labs?|Laboratories|Company|Corp|Solutions|Systems|Biomedical|Diagnostics|Surgical|Logistics|Couriers?|Partners|Consulting|Technologies|Properties|Realty|Construction)\b|^,?[ \t]{1,2}from[ \t]{1,2}(?:[A-Z][\w&'’-]*[ \t]){1,4}(?:building|property|facilities) management\b|^,?[ \t]{1,2}from[ \t]{1,2}the[ \t]{1,2}(?:manufacturer|vendor|distributor|supplier|drug company|device company)\b|^,?[ \t]{1,2}(?:del|de[ \t]la|de[ \t]los)[ \t]{1,2}(?:programa|asociaci[oó]n|mesa directiva|comit[eé]|iglesia|parroquia|escuela|radio|organizaci[oó]n|cooperativa|sindicato|consulado|fundaci[oó]n)\b/;
export function dropCompanyRepresentatives(ctx: PartContext): void {
  const { text } = ctx;
  const followedByCompany = (h: Hit): boolean => {
    const c = text.charCodeAt(h.end);
    return (c === 32 || c === 9 || c === 44) && FROM_COMPANY.test(text.slice(h.end, h.end + 90));
  };
  const representative = (h: Hit): boolean => h.type === 'PATIENT_NAME' && followedByCompany(h);
  if (ctx.hits.some(representative)) ctx.hits = ctx.hits.filter((h) => !representative(h));
}

/**
 * Care programmes named after a person ("Ryan White" eligibility, "Ryan White Part B"), and Ronald McDonald House in any
 * language's order ("la Casa Ronald McDonald"): the programme, not a patient. Their name hits are dropped.
 */
const PROGRAMME_NAMES = new Set(['ryan white', 'ronald mcdonald']);
export function dropProgrammeNames(ctx: PartContext): void {
  // Read as a name by its words alone: with an age or a label ("Ryan White, 45, …") it is someone's.
  const programme = (h: Hit): boolean => h.type === 'PATIENT_NAME' && h.end - h.start <= 15 && h.reasons.every((r) => r === 'name:given-name' || r === 'name:next-to-health') && PROGRAMME_NAMES.has(ctx.text.slice(h.start, h.end).toLowerCase());
  if (ctx.hits.some(programme)) ctx.hits = ctx.hits.filter((h) => !programme(h));
}

/** A capitalised organisation word right after a name-shaped run: "Client: Rio Verde Health". */
export function organisationAfter(text: string, e: number): boolean {
  const m = /^[ \t]{1,2}([A-Z][a-z]{2,14})\b/.exec(text.slice(e, e + 18));
  return (m !== null && NOT_PERSON_WORDS.has(m[1].toLowerCase())) || COMPANY_AFTER.test(text.slice(e, e + 80));
}
/** "Ridgeview Orthodontics & Oral Surgery LLC": a run closed by a company's legal form a few words on. */
const COMPANY_AFTER = /^,?[ \t]{1,2}(?:&[ \t]{1,2})?(?:[A-Z][\w'’-]*[ \t]{1,2}){0,4}(?:LLC|L\.L\.C\.|Inc|Ltd|Corp|PLLC|LLP|GmbH)\b/;

/** A capitalised run that names an organisation, a place or an event, or mixes an acronym with words ("National DPP"). */
/** "Q1 summary (Jan-Mar 2025)": two months joined by a dash are a period ("Jun" alone may be a given name). */
const MONTH_RANGE = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]{0,6}[-–](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]{0,6}$/;
export function notAPerson(text: string, s: number, e: number): boolean {
  if (e - s <= 19 && MONTH_RANGE.test(text.slice(s, e))) return true;
  // "Saint-Fleur", "Sainte-Marie" joined by a hyphen are surnames; "Saint Luke's" a hospital.
  // "Ferreira-Hall", "Ortiz-Lane": a place's word that is also a surname, after a surname's hyphen, is no hall or lane.
  const span = text.slice(s, e);
  const words = (span.includes('-') ? span.replace(/\bSainte?-/g, 'Saint_').replace(DOUBLE_BARRELLED, '$1') : span).split(/[\s,'’-]+/);
  let acronym = false;
  let mixed = false;
  for (const w of words) {
    if (!w || /^[A-ZÀ-Þ]\.?$/.test(w)) continue; // an initial ("J. Whitaker") or the O of "O'DELL" is neither
    if (NOT_PERSON_WORDS.has(w.toLowerCase())) return true;
    if (w.length >= 2 && w === w.toUpperCase() && /[A-Z]/.test(w)) acronym = true;
    else mixed = true;
  }
  // "ESPINOZA-BAYE, Camila": a surname in capitals before the given name is a record's way of writing a name.
  return acronym && mixed && !SURNAME_CAPS_FIRST.test(text.slice(s, e));
}
const DOUBLE_BARRELLED = /(\p{Lu}\p{Ll}+)-(?:Hall|Lane|Hill|Park|Banks|Brooks|Wells|Ford|Rivers|Fields|Wood|Woods|Street|Marsh|Cross|Chase|West|North|South|East|Church|Gardens)\b/gu;
const SURNAME_CAPS_FIRST = /^[A-ZÀ-Þ][A-ZÀ-Þ'’-]+, [A-ZÀ-Þ][a-zß-ÿ]/;

/** " (Palliative Care)", " (Wound Ostomy Nursing)": two to four capitalised words in parentheses after a name. */
const DEPARTMENT_AFTER_NAME = /^[ \t]{0,2}\([A-Z][a-z]+(?:[ &/-]{1,3}[A-Z][a-z]+){1,3}\)/;

/** After "Dana Whitlock (Palliative Care)": where the text past the person's department starts (or `end` when none follows). */
function afterDepartment(text: string, end: number): number {
  const m = DEPARTMENT_AFTER_NAME.exec(text.slice(end, end + 52));
  return m ? end + m[0].length : end;
}

/** "(Valle Verde)", "(4 West)": one to four capitalised words or a unit number in brackets. */
const BRACKETED_PLACE = /^\((?:[A-Z][a-z]+|\d{1,2})(?:[ &/-]{1,3}[A-Z][a-z]+){0,3}\)$/;

const RE_CUES = new Set(['re', 'regarding', 'about', 'concerning', 'wegen', 'betreffend', 'sobre', 'acerca', 'concernant']);

/** Does the gap hold a delimiter that the line repeats (a CSV/TSV row)? Looks at most 300 characters each way. */
function delimitedRow(text: string, at: number, gap: string): boolean {
  for (const d of [',', '\t', ';', '|']) {
    if (!gap.includes(d)) continue;
    const code = d.charCodeAt(0);
    let n = 0;
    // Commas in prose are followed by a space ("Wanda Kessler, breast cancer, stage 2"); CSV commas are not.
    const cell = (i: number): boolean => text.charCodeAt(i) === code && (code !== 44 || text.charCodeAt(i + 1) !== 32);
    for (let i = at - 1; i >= 0 && at - i < 300 && text.charCodeAt(i) !== 10; i--) if (cell(i)) n++;
    for (let i = at; i < text.length && i - at < 300 && text.charCodeAt(i) !== 10; i++) if (cell(i)) n++;
    if (n >= 2) return true;
  }
  return false;
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
// "Nasrin Karimi, 28 wks": weeks of pregnancy describe the person as an age does.
const AGE_UNITS = new Set(['yo', 'yr', 'yrs', 'year', 'years', 'female', 'male', 'ans', 'anos', 'jahre', 'jahrig', 'jahrige', 'jahriger', 'wks', 'wk']);
const AGE_WORDS = new Set(['age', 'aged', 'grade', 'edad', 'alter']);
const AGE_UNIT_HASHES = new Set([...AGE_UNITS].map(hashWord));
const AGE_WORD_HASHES = new Set([...AGE_WORDS].map(hashWord));
const AGE_TOKEN = /^(?:\d{1,3}(?:F|M|yo)|[1-9]0s)$/;
const YEARS_OLD = /^[/.][oO]/;

/** A known given name (and an initial) right before the age token k: "Jordan (16", "Jaylen P. (12)", "Hector, 50s". */
function givenNameBeforeBracket(ctx: PartContext, k: number): [number, number] | null {
  const { text, tokens } = ctx;
  let j = k - 1;
  if (tokens.line[j] !== tokens.line[k] || tokens.start[k] - tokens.end[j] > 3) return null;
  let e = tokens.end[j];
  if (tokens.end[j] - tokens.start[j] === 1 && (tokens.flags[j] & F_ALL_UPPER) !== 0 && j > 0 && tokens.line[j - 1] === tokens.line[k]) j--; // an initial
  // "ESI (7)", "ANA (2)": an acronym in capitals counts procedures or tests, whatever given name it spells.
  if ((tokens.flags[j] & F_UPPER_FIRST) === 0 || ((tokens.flags[j] & F_ALL_UPPER) !== 0 && tokens.end[j] - tokens.start[j] <= 4) || !isGivenName(ctx, tokens.start[j])) return null;
  if (j < k - 1) e = text.charCodeAt(tokens.end[k - 1]) === 46 ? tokens.end[k - 1] + 1 : tokens.end[k - 1];
  return [tokens.start[j], e];
}

const DASH_AFTER_AGE = /^ ?[-–—] /;
export function recognizeNamesWithAge(ctx: PartContext): void {
  const { text, tokens } = ctx;
  const { start, end, flags, line } = tokens;
  for (let q = 0; q < tokens.digitCount; q++) {
    const k = tokens.digitToken[q];
    const len = end[k] - start[k];
    let first = -1;
    if ((flags[k] & F_ALPHA) !== 0) {
      // "84F", "9yo"; not a part number's last segment ("KO-LSO-220M") nor past any age.
      if (len <= 5 && AGE_TOKEN.test(text.slice(start[k], end[k])) && parseInt(text.slice(start[k], end[k]), 10) <= 110 && !(text.charCodeAt(start[k] - 1) === 45 && k > 0 && end[k - 1] === start[k] - 1)) first = k;
    } else if (len <= 3) {
      const next = k + 1 < tokens.count && line[k + 1] === line[k] && start[k + 1] - end[k] <= 1 ? k + 1 : -1;
      if (next >= 0) {
        const c = text.charCodeAt(start[next]);
        const oneLetter = end[next] - start[next] === 1 && (c === 70 || c === 77 || ((c === 121 || c === 89) && YEARS_OLD.test(text.slice(end[next], end[next] + 2)))); // "84 F", "84-M", "16 y/o", "16 y.o."
        // Not past any age ("SKU OWB-220-M" is a part), nor a length of service ("1 year of experience").
        if ((oneLetter || (end[next] - start[next] <= 8 && AGE_UNIT_HASHES.has(tokens.hash[next]) && AGE_UNITS.has(tokenText(text, tokens, next)))) && Number(text.slice(start[k], end[k])) <= 110 && !EXPERIENCE_AFTER.test(text.slice(end[next], end[next] + 20))) first = k;
      }
      // "Student: Omar Qureshi   Grade: 2": a school form's grade field is the form's, not an age told of someone.
      if (first < 0 && k > 0 && line[k - 1] === line[k] && start[k] - end[k - 1] <= 2 && AGE_WORD_HASHES.has(tokens.hash[k - 1]) && AGE_WORDS.has(tokenText(text, tokens, k - 1)) &&
        !(text.charCodeAt(end[k - 1]) === 58 && tokenText(text, tokens, k - 1) === 'grade')) first = k - 1;
      // "Norma Jean Kittredge, 74, 570-…": a bare age between commas after a full name.
      // "1. Georgios Vlachos, 72 - dense cataract OD": or closed by a dash opening what follows.
      if (first < 0 && k > 1 && text.charCodeAt(start[k] - 2) === 44 && text.charCodeAt(start[k] - 1) === 32 && (text.charCodeAt(end[k]) === 44 || DASH_AFTER_AGE.test(text.slice(end[k], end[k] + 3))) && len === 2 && nameBefore(ctx, k)) first = k;
      // "Ava Whitaker (17)", "Jordan (16, seen 2/11)": an age alone in brackets after a name; not a number's thousands
      // ("Calderon Freight (1,240 covered employees)").
      const thousands = text.charCodeAt(end[k]) === 44 && text.charCodeAt(end[k] + 1) >= 48 && text.charCodeAt(end[k] + 1) <= 57;
      if (first < 0 && k > 0 && text.charCodeAt(start[k] - 1) === 40 && (text.charCodeAt(end[k]) === 41 || (text.charCodeAt(end[k]) === 44 && !thousands)) && Number(text.slice(start[k], end[k])) <= 110) {
        first = k;
        const given = givenNameBeforeBracket(ctx, k);
        if (given && !nameBefore(ctx, k)) {
          ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, given[0], given[1], 'named', ['name:with-age'], `${quote(text, given[0], given[1])} is followed by an age: a person's name`));
          continue;
        }
      }
    }
    // "19F Xochitl R. c/o dysuria": an age and sex written first, then the name (two words, or a word and an initial).
    // A decade ("a woman in her 60s developed …") is an age with no sex: nobody's name follows it.
    if (first === k && (flags[k] & F_ALPHA) !== 0 && text.charCodeAt(start[k] - 1) !== 36 /* "$34M Series B" */ && (text.charCodeAt(end[k] - 1) | 32) !== 115 && k + 1 < tokens.count && line[k + 1] === line[k] && start[k + 1] - end[k] === 1) {
      // "67M arjun bhattacharya, CP since 1400": after an age and sex, a name may be typed in lower case.
      // In capitalised mail a lower-case run there is a name only from a known given name ("PowerPort 8F titanium kit" is a part).
      const ne = (flags[k + 1] & F_UPPER_FIRST) !== 0 ? nameAt(ctx, start[k + 1], 1) : isCasual(ctx) || isGivenName(ctx, start[k + 1]) ? casualNameAt(ctx, start[k + 1], 2) : -1;
      if (ne > 0 && text.slice(start[k + 1], ne).includes(' ') && !notAPerson(text, start[k + 1], ne)) {
        ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, start[k + 1], ne, 'named', ['name:with-age'], `${quote(text, start[k + 1], ne)} follows an age and sex: a person's name`));
        continue;
      }
    }
    if (first <= 0) continue;
    // "Hector, 50s, no ins": one known given name before the age.
    if (first === k && (flags[k] & F_ALPHA) !== 0 && !nameBefore(ctx, k)) {
      const given = givenNameBeforeBracket(ctx, k);
      if (given) ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, given[0], given[1], 'named', ['name:with-age'], `${quote(text, given[0], given[1])} is followed by an age: a person's name`));
      continue;
    }
    const span = personBefore(ctx, first);
    if (!span || notAPerson(text, span[0], span[1]) || acronymsOnly(ctx, span)) continue; // "in the Pacific Northwest: 20 years after …"
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, span[0], span[1], 'named', ['name:with-age'], `${quote(text, span[0], span[1])} is followed by an age: a person's name`));
  }
}

const EXPERIENCE_AFTER = /^[ \t]{1,2}(?:of|de)[ \t]{1,2}(?:\w+[ \t]{1,2})?(?:experience|experiencia|exp[ée]rience|erfahrung|service)\b/i;
/**
 * "Restock for the ED FNE pocket arrived", "CHT or CHRN, BLS, 1 year", "ED CT room 2": capitals of four letters or fewer,
 * none a listed given name, are units', credentials' and programmes' acronyms ("JOSE DIAZ" stays a name).
 */
export function acronymsOnly(ctx: PartContext, span: [number, number]): boolean {
  const { tokens } = ctx;
  for (let k = tokenIndexAt(tokens, span[0]); k < tokens.count && tokens.start[k] < span[1]; k++) {
    if ((tokens.flags[k] & F_ALL_UPPER) === 0 || tokens.end[k] - tokens.start[k] > 4 || isGivenName(ctx, tokens.start[k])) return false;
  }
  return true;
}

/**
 * "Elena Vasquez 4/9/88 — positive hCG": a date written right after a person's name is their date of
 * birth (a year long past) or a date of care. The name counts as a person's, as with an age; a birth
 * year also gives a DOB finding. Placeholder dates (01/01/1900) identify nobody.
 */
export function recognizeNamesWithDate(ctx: PartContext): void {
  const { text, tokens } = ctx;
  const { start, end, flags, line } = tokens;
  for (let q = 0; q < tokens.digitCount; q++) {
    const k = tokens.digitToken[q];
    if ((flags[k] & F_ALPHA) !== 0 || k === 0 || end[k] - start[k] > 4) continue;
    if (line[k - 1] !== line[k]) {
      if (line[k - 1] === line[k] - 1) nameLineThenBirthDate(ctx, k);
      continue;
    }
    const ds = start[k];
    // Numeric dates only ("4/9/88", "1988-04-09", "09.04.1988"): the number is followed by a separator.
    const sep = text.charCodeAt(end[k]);
    if (sep !== 47 && sep !== 45 && sep !== 46) continue;
    // "fenwick 00482913 4/9/52 K 5.9": the surname opening the line, the chart number, then the birth date.
    if (k >= 2 && (flags[k - 1] & F_ALL_DIGIT) !== 0 && end[k - 1] - start[k - 1] >= 6 && end[k - 1] - start[k - 1] <= 10 && ds - end[k - 1] === 1 && start[k - 1] - end[k - 2] === 1 && line[k - 2] === line[k]) {
      chartNumberBetween(ctx, k, ds);
      continue;
    }
    // "Name (4/9/88)", "Name, 4/9/88", "Name – 4/9/88"; the word before must be capitalised or lower-case alpha.
    if (ds - end[k - 1] > 5 || (flags[k - 1] & (F_ALPHA | F_DIGIT)) !== F_ALPHA) continue;
    const gap = text.slice(end[k - 1], ds);
    if (!/^[ \t]{0,2}[,(–—\-:]?[ \t]{0,2}$/.test(gap)) continue;
    const de = dateAt(text, ds);
    if (de < 0) {
      // "Halvorsen 11/22: K51.90 …": a day of the year without one.
      const md = sep === 47 ? MONTH_DAY_COLON.exec(text.slice(ds, ds + 7)) : null;
      const named = md ? surnameBeforeDatedCodes(ctx, k - 1, ds + md[0].length - 1) : null;
      if (named) ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, named[0], named[1], 'named', ['name:with-date', 'name:next-to-health'], `${quote(text, named[0], named[1])} before a visit's day and diagnosis codes: whose codes they are`));
      continue;
    }
    if (isPlaceholderDate(text.slice(ds, de))) continue;
    const year = dateYear(text.slice(ds, de));
    // In a part typed in lower case a date is a weak cue: "scoring queue,2025-05-13" in an inventory's status column.
    const span = personBefore(ctx, k, true) ?? lineOpeningSurname(ctx, k - 1, year);
    if (!span || isPlaceholderName(text.slice(span[0], span[1]))) continue;
    const birth = year > 0 && year < 2010;
    // A birth date gives the person's age, as "84F" does; a recent date (a meeting, a visit) only names them.
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, span[0], span[1], 'named', birth ? ['name:with-age', 'name:with-date'] : ['name:with-date'], `${quote(text, span[0], span[1])} is followed by a date: a person's name`));
    if (birth) {
      ctx.hits.push(makeHit('DOB', 'medium', ctx.where, ds, de, 'named', ['pattern:date', 'date:after-name'], `${quote(text, ds, de)} written right after a name, a year long past: a date of birth`));
    }
  }
}

/**
 * "Halvorsen 11/22: K51.90 primary + D12.2": a surname opening the line, the day of the visit and a colon, then diagnosis
 * codes on the line: a coding question about that patient's visit.
 */
const MONTH_DAY_COLON = /^(?:1[0-2]|0?[1-9])\/(?:3[01]|[12]\d|0?[1-9]):/;
function surnameBeforeDatedCodes(ctx: PartContext, n: number, de: number): [number, number] | null {
  const { text, tokens } = ctx;
  if (text.charCodeAt(de) !== 58 || (n > 0 && tokens.line[n - 1] === tokens.line[n]) || !surnameWord(ctx, n)) return null;
  if (DATE_LEAD_WORDS.has(tokenText(text, tokens, n).toLowerCase())) return null;
  let lineEnd = text.indexOf('\n', de);
  if (lineEnd < 0) lineEnd = text.length;
  return ctx.hits.some((h) => h.type === 'ICD10' && h.confidence !== 'low' && h.start > de && h.start < lineEnd) ? [tokens.start[n], tokens.end[n]] : null;
}

/** The surname before a chart number and a birth date (token k): both a person's, pushed as name and date of birth. */
function chartNumberBetween(ctx: PartContext, k: number, ds: number): void {
  const { text } = ctx;
  const de = dateAt(text, ds);
  if (de < 0 || isPlaceholderDate(text.slice(ds, de))) return;
  const year = dateYear(text.slice(ds, de));
  const span = (ctx.tokens.flags[k - 2] & (F_ALPHA | F_DIGIT)) === F_ALPHA ? lineOpeningSurname(ctx, k - 2, year) : null;
  if (!span || isPlaceholderName(text.slice(span[0], span[1]))) return;
  ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, span[0], span[1], 'named', ['name:with-age', 'name:with-date'], `${quote(text, span[0], span[1])} opens a line with a record number and a birth date: a patient's name`));
  ctx.hits.push(makeHit('DOB', 'medium', ctx.where, ds, de, 'named', ['pattern:date', 'date:after-name'], `${quote(text, ds, de)} after a name and a record number, a year long past: a date of birth`));
}

/** Words that open a line before a date of their own ("Revised 03/22/1999", "Since 4/9/88"): no surname. */
const DATE_LEAD_WORDS = new Set(['revised', 'updated', 'dated', 'effective', 'issued', 'signed', 'since', 'established', 'est', 'printed', 'created', 'modified', 'reviewed', 'approved', 'adopted', 'version', 'rev', 'as', 'until', 'through', 'thru', 'before', 'after', 'circa', 'ca', 'copyright', 'founded', 'opened', 'closed', 'built', 'married', 'died', 'deceased', 'expires', 'expired', 'exp', 'valid']);

/**
 * "Szabo 03/22/1951 M18.12 BHP448102937": a surname alone opening a line, then a date of the last century, is a
 * worklist's shorthand for a patient and their birth date. A single word needs the older year and the line start.
 */
function lineOpeningSurname(ctx: PartContext, n: number, year: number): [number, number] | null {
  const { tokens } = ctx;
  if (year < 1900 || year >= 2000) return null;
  // "pruitt d 03/14/1971", "Pruitt D 03/14/1971": the surname opening the line, then the given name's initial.
  if (n > 0 && tokens.end[n] - tokens.start[n] === 1 && (tokens.flags[n] & F_ALPHA) !== 0 && tokens.line[n - 1] === tokens.line[n] && tokens.start[n] === tokens.end[n - 1] + 1 && tokens.end[n - 1] - tokens.start[n - 1] > 1) {
    const surname = lineOpeningSurname(ctx, n - 1, year);
    return surname ? [surname[0], tokens.end[n]] : null;
  }
  if (n > 0 && tokens.line[n - 1] === tokens.line[n]) return null;
  // "ashworth 4/17/58 ahi 41": in mail typed in lower case, a word that is no common or clinical one, the same.
  if (!surnameWord(ctx, n) && !((tokens.flags[n] & F_UPPER_FIRST) === 0 && isCasual(ctx) && isCasualNameWord(ctx, tokenText(ctx.text, tokens, n)))) return null;
  return DATE_LEAD_WORDS.has(tokenText(ctx.text, tokens, n).toLowerCase()) ? null : [tokens.start[n], tokens.end[n]];
}

/** "Pruitt, Colleen" alone on a line: a record's way of writing a patient's name. */
const NAME_LINE = /^[ \t]*([A-ZÀ-Þ][a-zß-ÿ'’-]+(?:[ -][A-ZÀ-Þ][a-zß-ÿ'’-]+)?), ([A-ZÀ-Þ][a-zß-ÿ'’-]+)(?: [A-Z]\.?)?[ \t]*$/;

/**
 * "Pruitt, Colleen\n11/02/1990\nW5521083946": a header block that puts a date of the last century alone on the line
 * under a name written surname first. The date is that person's birth date, as on a chart's banner.
 */
function nameLineThenBirthDate(ctx: PartContext, k: number): void {
  const { text, tokens } = ctx;
  const ds = tokens.start[k];
  const nl = text.lastIndexOf('\n', ds - 1);
  if (nl < 0 || !/^[ \t]*$/.test(text.slice(nl + 1, ds))) return;
  const de = dateAt(text, ds);
  if (de < 0 || !/^[ \t]*(?:\r?\n|$)/.test(text.slice(de, de + 3)) || isPlaceholderDate(text.slice(ds, de))) return;
  const year = dateYear(text.slice(ds, de));
  if (year < 1900 || year >= 2000) return;
  const lineStart = text.lastIndexOf('\n', nl - 1) + 1;
  const m = NAME_LINE.exec(text.slice(lineStart, nl).replace(/\r$/, ''));
  if (!m || !m[1].split(/[ -]/).every((w) => isNameWord(ctx, w)) || !isNameWord(ctx, m[2])) return;
  const s = lineStart + m.index + m[0].indexOf(m[1]);
  const e = lineStart + m.index + m[0].indexOf(m[2], m[1].length) + m[2].length;
  if (notAPerson(text, s, e) || isPlaceholderName(text.slice(s, e))) return;
  ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s, e, 'named', ['name:with-age', 'name:with-date'], `${quote(text, s, e)} heads a block with a birth date under it: a person's name`));
  ctx.hits.push(makeHit('DOB', 'medium', ctx.where, ds, de, 'named', ['pattern:date', 'date:after-name'], `${quote(text, ds, de)} alone under a name, a year long past: a date of birth`));
}

/** Year of a numeric or written date (two-digit years: 30–99 → 19xx, else 20xx); 0 when unknown. */
function dateYear(d: string): number {
  // "2024-11-04": the year written first (its last two digits are the day).
  if (d.length >= 8 && /^\d{4}[-/.]/.test(d)) return Number(d.slice(0, 4));
  let i = d.length;
  while (i > 0 && d.charCodeAt(i - 1) >= 48 && d.charCodeAt(i - 1) <= 57) i--;
  const tail = d.slice(i);
  if (tail.length === 4) return Number(tail);
  if (tail.length === 2) { const y = Number(tail); return y >= 30 ? 1900 + y : 2000 + y; }
  return 0;
}

/** Job nouns written right before a colleague's name ("contact recruiter Sam Ortega, 608-…"). */
// "Palliative pharmacist Jen Albrecht, (414) 555-…": a clinical job too.
const STAFF_ROLE_BEFORE = new Set([...STAFF_JOB_NOUNS, 'recruiter', 'manager', 'director', 'supervisor', 'scheduler', 'administrator', 'specialist', 'receptionist', 'liaison', 'navigator', 'analyst',
  'pharmacist', 'chaplain', 'dietitian', 'educator', 'interpreter']);

/**
 * "LVM for Ayesha Siddiqui at 541-555-0172", "Omar Haddad (541) 555-0100": a name written with a
 * phone number. The name is a person's (role named) and the number theirs, not a switchboard's.
 */
/**
 * "Arliss Kettering of 12 Feedlot Rd, Cedar Fork": a name and "of" before a street address, as news and newsletters write
 * where someone lives. The name is a person's, the address their home.
 */
export function recognizeNamesWithAddress(ctx: PartContext): void {
  const { text, tokens } = ctx;
  const count = ctx.hits.length;
  for (let i = 0; i < count; i++) {
    const h = ctx.hits[i];
    if (h.type !== 'ADDRESS' || h.role !== 'weak') continue;
    const k = tokenIndexAt(tokens, h.start);
    if (k < 2 || k >= tokens.count || tokens.start[k] !== h.start || line(ctx, k - 1) !== line(ctx, k) || !tokenEquals(text, tokens, k - 1, 'of')) continue;
    const span = nameBefore(ctx, k - 1);
    if (!span) continue;
    // Two words, or three with a middle initial: "Cedar Fork Feed Store of 12 Sandbar Rd" is a business.
    const words = text.slice(span[0], span[1]).split(' ');
    if (words.length < 2 || words.length > 3 || (words.length === 3 && words[1].replace('.', '').length !== 1)) continue;
    if (isPlaceholderName(text.slice(span[0], span[1])) || notAPerson(text, span[0], span[1]) || organisationAfter(text, span[1])) continue;
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, span[0], span[1], 'named', ['name:with-address'], `${quote(text, span[0], span[1])} of a street address: a person's name`));
    h.role = 'strong';
    h.reasons.push('keyword:home');
  }
}

export function recognizeNamesWithPhone(ctx: PartContext): void {
  const { text, tokens } = ctx;
  for (const h of ctx.hits) {
    if (h.type !== 'PHONE') continue;
    let k = tokenIndexAt(tokens, h.start);
    if (k >= tokens.count || k === 0) continue;
    if (line(ctx, k - 1) !== line(ctx, k)) continue;
    const prev = tokenText(text, tokens, k - 1);
    // "VM from 575-…", "missed call from …", "voicemail de …": the number of whoever called in, a person's own
    // (the decision still needs health content tied to a person: "caller says she…").
    if (h.role === 'contact' && k >= 2 && (prev === 'from' || prev === 'de' || prev === 'von') && line(ctx, k - 2) === line(ctx, k) && CALLER_WORDS.has(tokenText(text, tokens, k - 2))) {
      h.role = 'weak';
      h.reasons.push('keyword:caller');
    }
    if ((prev === 'at' || prev === 'on' || prev === 'cell' || prev === 'mobile' || prev === 'tel' || prev === 'phone') && tokens.end[k - 1] - tokens.start[k - 1] <= 6) k--;
    // "Please call Rhiannon back at 860-555-0142": one capitalised name word between a call verb and "back".
    if (k >= 3 && line(ctx, k - 3) === line(ctx, k) && tokenEquals(text, tokens, k - 1, 'back') && CALL_VERBS.has(tokenText(text, tokens, k - 3))) {
      const n = k - 2;
      const word = text.slice(tokens.start[n], tokens.end[n]);
      if ((tokens.flags[n] & F_UPPER_FIRST) !== 0 && (tokens.flags[n] & (F_DIGIT | F_ALL_UPPER)) === 0 && isNameWord(ctx, word) && !isPlaceholderName(word)) {
        ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, tokens.start[n], tokens.end[n], 'named', ['name:callback'], `${quote(text, tokens.start[n], tokens.end[n])} is to be called back: a person's name`));
        if (h.role === 'contact') { h.role = 'weak'; h.reasons.push('keyword:person'); }
        continue;
      }
    }
    const span = personBefore(ctx, k);
    if (!span) continue;
    // "Joanne Beachy, HR, 330-…": a department or credential in capitals after the name: staff.
    if (isPlaceholderName(text.slice(span[0], span[1])) || notAPerson(text, span[0], span[1])) continue;
    // "contact recruiter Sam Ortega, 608-…", "our scheduler Dana Reyes at …": a staff member's number.
    const n = tokenIndexAt(tokens, span[0]);
    if (n > 0 && line(ctx, n - 1) === line(ctx, n) && STAFF_ROLE_BEFORE.has(tokenText(text, tokens, n - 1))) continue;
    // "Dra. Carmen Ibáñez (305-…)", "RN Lena Fischer, x4412": a clinician's or staff member's own number.
    if (staffTitleBefore(ctx, n)) continue;
    // "Informes: Yesenia Ruiz, (541) 555-…", "Contact: …": a role written as a label before the name.
    if (n > 0 && line(ctx, n - 1) === line(ctx, n) && text.charCodeAt(tokens.end[n - 1]) === 58 && ROLE_LABELS.has(tokenText(text, tokens, n - 1))) continue;
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, span[0], span[1], 'named', ['name:with-phone'], `${quote(text, span[0], span[1])} is written with a phone number: a person's name`));
    if (h.role === 'contact') { h.role = 'weak'; h.reasons.push('keyword:person'); }
  }
}

/** What a caller leaves: "VM from", "voicemail from", "missed call from", "message from", "llamada de", "Anruf von". */
const CALLER_WORDS = new Set(['vm', 'voicemail', 'voicemails', 'call', 'calls', 'message', 'msg', 'callback', 'mensaje', 'llamada', 'appel', 'anruf', 'nachricht', 'text', 'sms']);

const CALL_VERBS = new Set(['call', 'called', 'calling', 'ring', 'phone', 'text', 'return']);

function line(ctx: PartContext, k: number): number {
  return ctx.tokens.line[k];
}

const SELF_INTRO: string[][] = [['this', 'is'], ['my', 'name', 'is'], ['its'], ['it', 's'], ['soy'], ['me', 'llamo'], ['mi', 'nombre', 'es'], ['je', 'm', 'appelle'], ['mon', 'nom', 'est'], ['mein', 'name', 'ist'], ['hier', 'ist']];
const HESITATIONS = new Set(['um', 'umm', 'uh', 'uhh', 'er', 'erm', 'yeah', 'hi', 'hey']);
const SELF_INTRO_FIRST = new Set(SELF_INTRO.map((p) => hashWord(p[0])));

/**
 * "hi this is amara from tuesday's visit — the rash…", "My name is Tomás Ruiz, I had…": the writer
 * names themselves near the start. Treated like a signer's name: it counts only when the message is
 * about the writer's own health, in the first person.
 */
export function recognizeSelfIntro(ctx: PartContext): void {
  const { text, tokens, where } = ctx;
  if (where !== 'body' && where !== 'html' && !where.endsWith(':body')) return;
  const limit = Math.min(tokens.count, 40);
  for (let k = 0; k < limit; k++) {
    if (!SELF_INTRO_FIRST.has(tokens.hash[k])) continue;
    for (const phrase of SELF_INTRO) {
      const n = phrase.length;
      if (k + n >= tokens.count) continue;
      let ok = true;
      for (let j = 0; j < n && ok; j++) ok = tokenEquals(text, tokens, k + j, phrase[j]);
      if (!ok) continue;
      // A voicemail's "this is um Dale, Dale Whitfield": hesitation words before the name.
      let m = k + n;
      while (m < tokens.count - 1 && m - (k + n) < 2 && HESITATIONS.has(tokenText(text, tokens, m))) m++;
      const pos = tokens.start[m];
      if (pos - tokens.end[m - 1] > 3) continue;
      // "it's Marlene Tolliver" needs a full name: "it's swollen" is no introduction.
      const minWords = phrase[0] === 'its' || phrase[0] === 'it' || phrase[0] === 'soy' ? 2 : 1;
      let e = (tokens.flags[m] & F_UPPER_FIRST) !== 0 ? nameAt(ctx, pos, minWords) : -1;
      if (e < 0 && isCasual(ctx)) e = casualNameAt(ctx, pos, minWords);
      if (e < 0 || e - pos > 40) continue;
      const h = makeHit('PATIENT_NAME', 'low', where, pos, e, 'named', ['name:signature', 'name:self-intro'], `${quote(text, pos, e)} introduces themselves`);
      h.inSignature = true;
      ctx.hits.push(h);
      return;
    }
  }
  patientOfIntro(ctx);
}

/** "<name>, your patient", "<name> (a patient of Dr. Lee)": the writer names themselves as a patient. */
const PATIENT_OF = /^[ \t]{0,2}[,(–-][ \t]{0,2}(?:your|a|one of your|a longtime|an old) (?:patient|client)s?\b/i;
function patientOfIntro(ctx: PartContext): void {
  const { text, tokens, where } = ctx;
  const limit = Math.min(tokens.count, 40);
  for (let k = 1; k < limit; k++) {
    if ((tokens.flags[k - 1] & F_UPPER_FIRST) === 0 || !PATIENT_OF.test(text.slice(tokens.end[k - 1], tokens.end[k - 1] + 30))) continue;
    const span = nameBefore(ctx, k);
    if (!span) continue;
    const h = makeHit('PATIENT_NAME', 'low', where, span[0], span[1], 'named', ['name:signature', 'name:self-intro'], `${quote(text, span[0], span[1])} introduces themselves as a patient`);
    h.inSignature = true;
    ctx.hits.push(h);
    return;
  }
}

/**
 * Attachment file names: "wound_photo_Tupou_0516.jpg", "Referral-Okafor.pdf". A capitalised word
 * among the parts of a file name may be a patient's surname: a weak cue (like a name addressed at
 * the start of a message), counted only with health content tied to a person.
 */
const TITLE_IN_FILE = /(?:^|[_\- .])(?:Dr|Dra|Prof|MD|DO|NP|RN)[_\- .]/i;
/** "HP_Gutierrez_Luis_MRN40733126_cellulitis.docx": a record number written into a file name. */
/** A file named after its holder that is no record of their care: a CV, a badge photo, a licence, a timesheet. */
const NOT_A_RECORD_FILE = /(?:^|[_\-. ])(?:cv|resume|r[ée]sum[ée]|bio|headshot|badge|licen[cs]e|cert|certificate|credentials?|cover[_\- ]?letter|w-?9|i-?9|timesheet|payroll|offer)(?:[_\-. ]|$)/i;

const CLINICIAN_FILE = /[_\- ](?:MD|DO|NP|RN|PA-C|DDS|DMD|PhD|PharmD|FNP|CNM|LCSW|DPM)\.[A-Za-z0-9]{2,4}\s*$/;
export function recognizeFileNames(ctx: PartContext): void {
  const { text, tokens, where } = ctx;
  if (where !== 'attachment-name' && !where.endsWith(':attachment-name')) {
    linkFileNames(ctx);
    return;
  }
  // One file name per line: the lines that name a CV, a badge photo, a clinician's own card ("…_MD.vcf") hold no patient's name.
  const notRecords = text.split('\n').map((line) => NOT_A_RECORD_FILE.test(line) || CLINICIAN_FILE.test(line));
  // The last token after the final dot is the extension.
  const dot = text.lastIndexOf('.');
  const extension = dot >= 0 ? text.slice(dot + 1).trim().toLowerCase() : '';
  const imageFile = IMAGE_EXTENSIONS.has(extension);
  const contactCard = extension === 'vcf';
  // A date among the name's parts: 2025-03-12, 20250312, 03-12-2025.
  const datedName = imageFile && FILE_NAME_DATE.test(text.slice(0, dot));
  fileNameIdentifiers(ctx, text, 0);
  // A result or a condition glued into the name ("…_LVEF30_…", "…MelanomaPathReport…") is health content too.
  const hasHealth = ctx.hits.some((h) => h.role === 'health' && h.confidence !== 'low');
  if (imageFile && datedName) photoRecordNumbers(ctx, dot);
  for (let k = 0; k < tokens.count; k++) {
    const fl = tokens.flags[k];
    if ((fl & F_DIGIT) !== 0) continue;
    const s = tokens.start[k];
    const e = tokens.end[k];
    if (e - s < 3 || (dot >= 0 && s > dot) || notRecords[tokens.line[k]]) continue;
    if ((fl & F_UPPER_FIRST) === 0) {
      // "kessler_dorothy_skin_tear_L_forearm.jpg": a name typed in lower case, on a file named for a condition.
      const pairEnd = contactCard ? -1 : lowerCaseFileNamePairEnd(ctx, k, dot);
      if (pairEnd > 0) {
        ctx.hits.push(fullNameInFile(ctx, s, pairEnd));
        k++;
      }
      continue;
    }
    if ((fl & F_ALL_UPPER) !== 0) {
      // "preop_workup_HADDAD_Samira.txt", "audiogram_KIM_JIHOON.csv": a surname in capitals beside a listed given name.
      const pairEnd = contactCard || (k > 0 && TITLE_IN_FILE.test(text.slice(0, s))) ? -1 : fileNamePairEnd(ctx, k, dot);
      if (pairEnd > 0) {
        ctx.hits.push(fullNameInFile(ctx, s, pairEnd));
        k++;
      }
      continue;
    }
    const word = text.slice(s, e);
    if (!isNameWord(ctx, word) || FILE_WORDS.has(word.toLowerCase())) continue;
    // "Dr_Grace_Lau.vcf": a clinician's own file.
    if (k > 0 && TITLE_IN_FILE.test(text.slice(0, s))) continue;
    if (hasInnerCapital(text, s + 1, e) && !PREFIXED_SURNAME.test(word)) {
      // "Audiogram_BeaumontHarold_2025-01-14.pdf": a surname and a listed given name run together.
      if (!contactCard && joinedFullName(ctx, word, s)) ctx.hits.push(fullNameInFile(ctx, s, e));
      continue; // "WoundPhoto", "PowerPoint": not a surname
    }
    // "Ramirez_Hector_MSE_0502.txt", "Fatima_Hassan_labs.pdf": a surname and a listed given name, in either
    // order, name someone as a full name does in text.
    // A contact card is named after its holder, who is no patient by that alone.
    // Right after the kind of document opening the name ("Referral_Hadeel_Mansour_GDM.pdf") stands whose it is,
    // whether or not the given name is listed.
    const [lineStart] = lineNear(text, s, s, 32);
    const afterDocument = s > lineStart && (lineStart === 0 || text.charCodeAt(lineStart - 1) === 10) && DOCUMENT_FIRST.exec(text.slice(lineStart, s))?.[0].length === s - lineStart;
    // "Kakar_Benafsha_HIV_viral_load_2024-11-12.pdf": a dated clinical document opening with the pair is filed under whom it is.
    const datedRecord = s === lineStart && hasHealth && FILE_NAME_DATE.test(text.slice(s, dot >= 0 && dot > s ? dot : text.length));
    const pairEnd = contactCard ? -1 : fileNamePairEnd(ctx, k, dot, afterDocument || datedRecord);
    if (pairEnd > 0) {
      ctx.hits.push(fullNameInFile(ctx, s, pairEnd));
      k++;
      continue;
    }
    // "ulcer_L_heel_<Surname>_0603.jpg": a file name that names clinical content, then a capitalised word and a
    // date, is a photo or scan of someone's condition: the word is at the clinical content.
    const next = k + 1 < tokens.count && tokens.line[k + 1] === tokens.line[k] && /^[_\- ]$/.test(text.slice(e, tokens.start[k + 1])) ? k + 1 : -1;
    // "Bondarenko_H_PTSD_eval.pdf": a given name's initial after the word, with clinical content in the name.
    const initial = next > 0 && tokens.end[next] - tokens.start[next] === 1 && (tokens.flags[next] & F_ALL_UPPER) !== 0 && (tokens.flags[next] & F_DIGIT) === 0;
    const clinical = hasHealth && next > 0 && ((tokens.flags[next] & F_ALL_DIGIT) !== 0 || initial) && !notAPerson(text, s, e);
    // "<Surname>_sacrum_2025-03-12.jpg": a photo or scan whose name holds a capitalised word and a date is a picture
    // taken of someone on a day; with clinical content in the message it counts like a name (decide.ts).
    const photo = !clinical && imageFile && datedName && !notAPerson(text, s, e);
    const reasons = clinical ? ['name:file-name', 'name:next-to-health'] : photo ? ['name:file-name', 'name:photo'] : ['name:file-name'];
    const end = clinical && initial ? tokens.end[next] : e;
    ctx.hits.push(makeHit('PATIENT_NAME', clinical || photo ? 'medium' : 'low', where, s, end, 'named', reasons, `${quote(text, s, end)} in a file name may be a person's name`));
  }
}

const FILE_NAME_DATE = /(?:^|[_\- ])(?:\d{4}[-_]?\d{2}[-_]?\d{2}|\d{2}[-_]\d{2}[-_]\d{2,4})(?:[_\- .]|$)/;

/**
 * A share link is named like the file it serves ("…/records/Tanaka_Hiro_underbite_ceph.zip"): a surname and a listed
 * given name in its last segment are a full name, on a clinical document when the segment names clinical content.
 */
function linkFileNames(ctx: PartContext): void {
  const { text } = ctx;
  const links = ctx.hits.filter((h) => h.type === 'URL');
  for (const link of links) {
    const file = linkFileSegment(text.slice(link.start, link.end));
    if (file) fullNameInFileSegment(ctx, link.start + file.start, link.start + file.end);
  }
  for (const [s, e] of fileNamesInText(ctx, links)) {
    fileNameIdentifiers(ctx, text.slice(s, e), s);
    fullNameInFileSegment(ctx, s, e);
  }
}

/**
 * A file's name written out in the text ("File name: ROI_<Surname>_<Given>_….pdf" in a scanner's notice): its parts
 * joined by "_", as names a system gives files. Outside links, which are read as links.
 */
const FILE_EXTENSION_IN_TEXT = /\.(?:pdf|docx?|jpe?g|png|tiff?|heic|txt|csv|rtf|xlsx?)(?![A-Za-z0-9])/gi;
function fileNamesInText(ctx: PartContext, links: Hit[]): Array<[number, number]> {
  const { text } = ctx;
  const found: Array<[number, number]> = [];
  // Most text joins nothing with "_": one native search spares the pattern's walk over every full stop.
  if (text.indexOf('_') < 0) return found;
  // Links and matches both come in text order: one pointer tells whether a match lies in a link (linear, however many).
  const sorted = links.length > 1 ? links.slice().sort((a, b) => a.start - b.start) : links;
  let l = 0;
  FILE_EXTENSION_IN_TEXT.lastIndex = 0;
  for (let m = FILE_EXTENSION_IN_TEXT.exec(text); m; m = FILE_EXTENSION_IN_TEXT.exec(text)) {
    const dot = m.index;
    let s = dot;
    let joins = 0;
    while (s > 0 && dot - s < 120) {
      const c = text.charCodeAt(s - 1);
      if (c <= 32 || c === 34 || c === 39 || c === 40 || c === 58 || c === 60 || c === 91 || c === 47 || c === 92) break;
      if (c === 95) joins++;
      s--;
    }
    while (l < sorted.length && sorted[l].end <= dot) l++;
    if (joins < 2 || (l < sorted.length && sorted[l].start <= dot)) continue;
    found.push([s, dot + m[0].length]);
  }
  return found;
}

/** The first surname and listed given name in a file's name at [segmentStart, segmentEnd) of the text (fullNameInFile). */
function fullNameInFileSegment(ctx: PartContext, segmentStart: number, segmentEnd: number): void {
  const { text, tokens } = ctx;
  const dot = text.lastIndexOf('.', segmentEnd - 1);
  for (let k = tokenIndexAt(tokens, segmentStart); k < tokens.count && tokens.start[k] < dot; k++) {
    if ((tokens.flags[k] & F_UPPER_FIRST) === 0 || (tokens.flags[k] & (F_DIGIT | F_ALL_UPPER)) !== 0 || !isNameWord(ctx, text.slice(tokens.start[k], tokens.end[k]))) continue;
    const pairEnd = fileNamePairEnd(ctx, k, dot);
    if (pairEnd < 0) continue;
    ctx.hits.push(fullNameInFile(ctx, tokens.start[k], pairEnd, [segmentStart, segmentEnd]));
    return;
  }
  surnameAndInitialInFile(ctx, segmentStart, dot);
}

/**
 * "CourtOrder_CivilCommitment_HALVERSEN_K_2024-03-08.pdf" in a scanner's notice: a clinical document filed under a
 * surname (in capitals or not) and an initial, as records systems name their files.
 */
function surnameAndInitialInFile(ctx: PartContext, segmentStart: number, dot: number): void {
  const { text, tokens } = ctx;
  if (dot < segmentStart) return;
  const name = text.slice(segmentStart, dot);
  if (!clinicalDocument(name) && !healthBetween(ctx, segmentStart, dot)) return;
  for (let k = tokenIndexAt(tokens, segmentStart); k + 1 < tokens.count && tokens.start[k + 1] < dot; k++) {
    const s = tokens.start[k];
    const e = tokens.end[k];
    const j = k + 1;
    if (e - s < 3 || (tokens.flags[k] & (F_UPPER_FIRST | F_DIGIT)) !== F_UPPER_FIRST || text.charCodeAt(e) !== 95 /* _ */ || tokens.start[j] !== e + 1) continue;
    if (tokens.end[j] - tokens.start[j] !== 1 || (tokens.flags[j] & F_ALL_UPPER) === 0 || !/[_.-]/.test(text.charAt(tokens.end[j]))) continue;
    const word = text.slice(s, e);
    if ((tokens.flags[k] & F_ALL_UPPER) === 0 && hasInnerCapital(text, s + 1, e) && !PREFIXED_SURNAME.test(word)) continue;
    if (!isNameWord(ctx, word) || FILE_WORDS.has(word.toLowerCase()) || NOT_PERSON_WORDS.has(word.toLowerCase()) || notAPerson(text, s, tokens.end[j])) continue;
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s, tokens.end[j], 'named', ['name:file-name', 'name:next-to-health'], `${quote(text, s, tokens.end[j])} in the name of a clinical document: a surname and an initial`));
    return;
  }
}

/** A record number as a chart's prefix and digits ("LPR00612290"), not a camera's own ("IMG", "DSC", "PXL"). */
const PHOTO_RECORD_NUMBER = /^[A-Za-z]{1,4}-?\d{6,10}$/;

/**
 * "woundphoto_LPR00612290_wk3_2024-06-20.jpg": a dated photo filed under a record number. Like a capitalised word in a
 * dated photo's name (name:photo), it identifies whom the picture shows when the message has clinical content (decide.ts).
 */
function photoRecordNumbers(ctx: PartContext, dot: number): void {
  const { text, tokens, where } = ctx;
  for (let q = 0; q < tokens.digitCount; q++) {
    const k = tokens.digitToken[q];
    const s = tokens.start[k];
    const e = tokens.end[k];
    if ((tokens.flags[k] & F_ALPHA) === 0 || (dot >= 0 && s > dot)) continue;
    const word = text.slice(s, e);
    if (!PHOTO_RECORD_NUMBER.test(word) || CAMERA_PREFIX.test(word)) continue;
    ctx.hits.push(makeHit('MRN', 'medium', where, s, e, 'named', ['file-name', 'name:photo', 'pattern:record-number'], `${quote(text, s, e)} in a dated photo's file name: the record number of the person photographed`));
  }
}

/**
 * A full name in a file name; "PSG_Hollister_Renata_2025-03-11.pdf", "Halevi_Noa_PGT-A_report.pdf": with a test or a
 * condition named in the same file name, the file is that person's record.
 */
function fullNameInFile(ctx: PartContext, s: number, e: number, file?: [number, number]): Hit {
  const { text, where } = ctx;
  // The file's own name: its line in an attachment-name part, or the last segment of a link.
  const lineStart = text.lastIndexOf('\n', s) + 1;
  const nl = text.indexOf('\n', e);
  const clinical = file ? healthBetween(ctx, file[0], file[1]) : healthBetween(ctx, lineStart, nl < 0 ? text.length : nl);
  const reasons = clinical ? ['name:file-name', 'name:full', 'name:next-to-health'] : ['name:file-name', 'name:full'];
  return makeHit('PATIENT_NAME', 'medium', where, s, e, 'named', reasons, `${quote(text, s, e)} in a file name: a person's full name${clinical ? ', on a clinical document' : ''}`);
}

/**
 * End of the second word when token k and the next, joined by "_", "-" or a space, are a surname and a listed given name
 * (either, when the pair is filed under a document's kind or opens a dated clinical document: `filed`); else -1.
 */
function fileNamePairEnd(ctx: PartContext, k: number, dot: number, filed = false): number {
  const { text, tokens } = ctx;
  const j = k + 1;
  if (j >= tokens.count || (dot >= 0 && tokens.start[j] > dot)) return -1;
  // Either word may be written in capitals ("HADDAD_Samira", "KIM_JIHOON"), not both unless one is listed.
  const upper = (tokens.flags[k] & F_ALL_UPPER) !== 0;
  const secondUpper = (tokens.flags[j] & F_ALL_UPPER) !== 0;
  if ((tokens.flags[j] & F_UPPER_FIRST) === 0 || (tokens.flags[j] & F_DIGIT) !== 0 || !/^[_\- ]$/.test(text.slice(tokens.end[k], tokens.start[j]))) return -1;
  const first = text.slice(tokens.start[k], tokens.end[k]);
  const second = text.slice(tokens.start[j], tokens.end[j]);
  // "Uwimana_JeanPaul_…": two listed given names run together, as a double given name is written in a file name.
  const doubleGiven = !secondUpper && joinedGivenNames(ctx, second);
  if (second.length < 2 || !isNameWord(ctx, second) || FILE_WORDS.has(second.toLowerCase()) || (!secondUpper && !doubleGiven && hasInnerCapital(text, tokens.start[j] + 1, tokens.end[j]) && !PREFIXED_SURNAME.test(second))) return -1;
  if ((upper || secondUpper) && (!isNameWord(ctx, first) || FILE_WORDS.has(first.toLowerCase()) || NOT_PERSON_WORDS.has(first.toLowerCase()) || NOT_PERSON_WORDS.has(second.toLowerCase()))) return -1;
  const givenFirst = isGivenName(ctx, tokens.start[k]);
  const givenSecond = doubleGiven || isGivenName(ctx, tokens.start[j]);
  // "Lee_Kaying_medhx…", "Nguyen_Lan_…": a surname written first stands where a listed given name would.
  const surnameFirst = !upper && SURNAMES_WRITTEN_FIRST.has(first.toLowerCase());
  if (!givenFirst && !givenSecond && !surnameFirst && (!filed || upper || secondUpper)) return -1;
  // Both in capitals: a listed given name and a surname written first ("KIM_JIHOON"), two listed names, or a
  // record's "SURNAME_GIVEN" order ("SAVOIE_JACQUES_HIV_genotype.pdf").
  if (upper && secondUpper && !(givenFirst && givenSecond) && !givenSecond && !SURNAMES_WRITTEN_FIRST.has(first.toLowerCase()) && !SURNAMES_WRITTEN_FIRST.has(second.toLowerCase())) return -1;
  return notAPerson(text, tokens.start[k], tokens.end[j]) ? -1 : tokens.end[j];
}

/**
 * End of the second word when token k and the next are two lower-case name words joined by "_", "-" or a space,
 * one of them a listed given name, and the file name names clinical content; else -1.
 */
function lowerCaseFileNamePairEnd(ctx: PartContext, k: number, dot: number): number {
  const { text, tokens } = ctx;
  const j = k + 1;
  // The name opens the file name ("asthma_measures_april.tsv" is dated, not named).
  if (k > 0 && tokens.line[k - 1] === tokens.line[k]) return -1;
  if (j >= tokens.count || tokens.line[j] !== tokens.line[k] || (dot >= 0 && tokens.start[j] > dot)) return -1;
  if ((tokens.flags[j] & (F_UPPER_FIRST | F_DIGIT)) !== 0 || !/^[_\- ]$/.test(text.slice(tokens.end[k], tokens.start[j]))) return -1;
  const first = tokenText(text, tokens, k);
  const second = tokenText(text, tokens, j);
  const nameWord = (w: string): boolean => isCasualNameWord(ctx, w) && !FILE_WORDS.has(w) && !NOT_PERSON_WORDS.has(w) && !MONTH_NAMES.has(w);
  if (!nameWord(first) || !nameWord(second) || (!isGivenName(ctx, tokens.start[k]) && !isGivenName(ctx, tokens.start[j]))) return -1;
  const lineStart = text.lastIndexOf('\n', tokens.start[k]) + 1;
  const nl = text.indexOf('\n', tokens.end[j]);
  if (!healthBetween(ctx, lineStart, nl < 0 ? text.length : nl)) return -1;
  return notAPerson(text, tokens.start[k], tokens.end[j]) ? -1 : tokens.end[j];
}

const MONTH_NAMES = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/** "BeaumontHarold", "HaroldBeaumont": two capitalised halves, one a given name of the curated list, the other a name word. */
const TWO_HALVES = /^([A-Z][a-z]{2,})([A-Z][a-z]{2,})$/;
/** A given name of the main list, asked of one word. */
function listedGivenName(ctx: PartContext, w: string): boolean {
  return (ctx.dict.byFirstToken.get(hashWord(foldTerm(w))) ?? []).some((e) => e.kind === 'f' && e.tokens.length === 1);
}
function joinedGivenNames(ctx: PartContext, word: string): boolean {
  const m = TWO_HALVES.exec(word);
  return m !== null && listedGivenName(ctx, m[1]) && listedGivenName(ctx, m[2]);
}

function joinedFullName(ctx: PartContext, word: string, s: number): boolean {
  const m = TWO_HALVES.exec(word);
  if (!m) return false;
  const listed = (w: string): boolean => listedGivenName(ctx, w);
  const [, a, b] = m;
  const nameWord = (w: string): boolean => isNameWord(ctx, w) && !FILE_WORDS.has(w.toLowerCase()) && !NOT_PERSON_WORDS.has(w.toLowerCase());
  if ((listed(b) && nameWord(a) && !listed(a)) || (listed(a) && nameWord(b) && !listed(b))) return true;
  // "…_ZoeAlvarez_ondansetron_4mg.pdf": on a file named for clinical content, a given name of the wide list opens it too.
  if (!ctx.dict.wideGivenNames.has(foldTerm(a)) || !nameWord(b) || listed(b)) return false;
  const [lineStart, lineEnd] = lineNear(ctx.text, s, s, 200);
  return healthBetween(ctx, lineStart, lineEnd);
}

/** Surnames written with a capital inside, as file names drop the apostrophe or space: "ODwyer", "McKenna", "DeLuca". */
const PREFIXED_SURNAME = /^(?:O|Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)[A-Z][a-z]{2,}$/;

function hasInnerCapital(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'heic', 'heif', 'tif', 'tiff', 'bmp', 'gif', 'webp', 'dcm']);

/** Capitalised words common in file names. */
const FILE_WORDS = new Set(('report reports final draft copy scan scanned image img photo picture pic document doc file form forms letter memo notes summary agenda minutes ' +
  'schedule budget invoice quote order receipt statement policy procedure template flyer handout brochure newsletter presentation slides deck training guide manual ' +
  'update review results result lab labs referral consent request export data list roster census log sheet table chart version rev signed new old backup test sample ' +
  'spring summer fall autumn winter week month quarter annual final').split(' '));

/**
 * In mail typed in lower case, a name after a word that introduces the person the note is about:
 * "p2p for anjali raghunathan (DKA …)", "spoke w/ nizhoni tsinajinnie re: her suboxone", "call back
 * jaswinder singh re his lasix". Two name words at least (casualNameAt keeps off common and clinical
 * words), and clinical content later on the line.
 */
export function recognizeCasualNamesAfterCues(ctx: PartContext): void {
  const { text, tokens } = ctx;
  if (!isCasual(ctx)) return;
  let known: Set<number> | undefined;
  for (let k = 0; k + 2 < tokens.count; k++) {
    if (!CASUAL_CUE_HASHES.has(tokens.hash[k]) || !CASUAL_CUES.has(tokenText(text, tokens, k))) continue;
    let pos = tokens.end[k];
    if (text.charCodeAt(pos) === 47) pos++; // "w/"
    if (text.charCodeAt(pos) !== 32) continue;
    const s = pos + 1;
    const e = casualNameAt(ctx, s, 2);
    if (e < 0 || tokens.line[tokenIndexAt(tokens, s)] !== tokens.line[k]) continue;
    // "for school nurses": words that address groups or name places are no one's name.
    if (notAPerson(text, s, e) || text.slice(s, e).split(' ').some((w) => NAME_STOP.has(w))) continue;
    const lineEnd = text.indexOf('\n', e);
    if (!healthBetween(ctx, e, lineEnd < 0 ? text.length : lineEnd)) continue;
    known ??= new Set(ctx.hits.filter((h) => h.type === 'PATIENT_NAME').map((h) => h.start));
    if (known.has(s)) continue;
    known.add(s);
    ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s, e, 'named', ['name:lower-case', 'name:next-to-health'], `${quote(text, s, e)} is whom the note is about (typed in lower case)`));
  }
}
const CASUAL_CUES = new Set(['for', 'w', 'with', 'called', 'call', 'back', 'bump', 'about', 're', 'pt', 'see']);
const CASUAL_CUE_HASHES = new Set([...CASUAL_CUES].map(hashWord));

// Read in steps at an item's start (sticky): its lead (a bullet, a number, a day's label), "Dr.", the name, a credential, the separator.
const ITEM_LEAD = /[ \t]{0,4}(?:[-*•·]|\d{1,2}[.)]|\p{Lu}\p{Ll}{2,9}:)?[ \t]{0,3}/uy;
const ITEM_DR = /Dra?\.?[ \t]/y;
const ITEM_NAME = /\p{Lu}[\p{L}'’]{1,24}(?:[ \t-]\p{Lu}[\p{L}'’]{1,24}){0,3}/uy;
const ITEM_CREDENTIAL = /,[ \t]?(?:RN|LPN|NP|PA-C|MD|DO|LCSW|LICSW|AuD|PharmD|MSW)\b/y;
const ITEM_SEPARATOR = /[ \t]{0,3}[-–—:][ \t]/y;
const stickyAt = (re: RegExp, text: string, p: number): number => {
  re.lastIndex = p;
  return re.test(text) ? re.lastIndex : -1;
};
/** What may stand before an item's "Dr." since its line or its "; " began (a bullet, a number, a day's label). */
const DR_ITEM_LEAD = /(?:\n|; )[ \t]*(?:[-*•·][ \t]+|\d{1,2}[.)][ \t]+|\p{Lu}\p{Ll}{2,9}:[ \t]+)?$/u;
const AGENDA = /\b(?:agenda|orden del d[ií]a|ordre du jour|tagesordnung)\b/i;
/**
 * "1. Dr. Karimi - sinusitis stewardship update / 2. Mariana Ruiz - strep PCR turnaround", "Lunes: Dra. Salcedo –
 * clínica de vértigo; Julián Ortega – audífonos": a rota or an agenda pairing people with topics. With two or more
 * clinicians' items in it ("Dr. …" at least once, "…, RN"), or one in an agenda, the other names opening items the same
 * way are colleagues, unless their item holds a definite finding (a result, a dose). Lists under a rota's heading and
 * an agenda's presenters in brackets are read here too (`onCallLists`, `agendaPresenters`).
 */
export function recognizeClinicianRosters(ctx: PartContext): void {
  const { text } = ctx;
  onCallLists(ctx);
  agendaPresenters(ctx);
  rotaTableRows(ctx);
  // A roster read here has at least one "Dr." item: most parts hold no "Dr" at all, and most that do hold it in prose.
  let drItem = false;
  for (let i = text.indexOf('Dr'); i >= 0 && !drItem; i = text.indexOf('Dr', i + 2)) {
    const lead = text.slice(Math.max(0, i - 16), i);
    drItem = DR_ITEM_LEAD.test(i <= 16 ? `\n${lead}` : lead);
  }
  if (!drItem) return;
  let clinicians = 0;
  const others: Array<[number, number]> = [];
  // Items open a line or follow "; " on it: read at each such place (sticky), not searched for through the text.
  const itemAt = (p: number): void => {
    let q = stickyAt(ITEM_LEAD, text, p);
    const dr = stickyAt(ITEM_DR, text, q);
    if (dr >= 0) q = dr;
    const nameEnd = stickyAt(ITEM_NAME, text, q);
    if (nameEnd < 0) return;
    const credential = stickyAt(ITEM_CREDENTIAL, text, nameEnd);
    if (stickyAt(ITEM_SEPARATOR, text, credential >= 0 ? credential : nameEnd) < 0) return;
    if (dr >= 0 || credential >= 0) clinicians++;
    else if (/[ \t-]/.test(text.slice(q, nameEnd))) others.push([q, nameEnd]);
  };
  itemAt(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) itemAt(i + 1);
  for (let i = text.indexOf('; '); i >= 0; i = text.indexOf('; ', i + 2)) itemAt(i + 2);
  // One doctor's item is enough in an agenda ("Agenda: 1. Dr. Okafor - … 2. Lena Two Bulls - …").
  if (others.length === 0 || clinicians === 0 || (clinicians < 2 && !AGENDA.test(text))) return;
  for (const [s, e] of others) {
    // The item runs to the end of its line or the next "; ".
    const nl = text.indexOf('\n', e);
    const semi = text.indexOf('; ', e);
    const itemEnd = Math.min(nl < 0 ? text.length : nl, semi < 0 ? text.length : semi);
    if (ctx.hits.some((h) => h.role === 'health' && h.confidence === 'high' && h.start >= e && h.start < itemEnd)) continue;
    (ctx.staffNames ??= []).push(personKey(text.slice(s, e)));
  }
}

/**
 * "Apr 1-6 | Dr. Okonkwo-Hale | Renata Vogel | Samir Haddad 508-555-0133" under "Week | Attending | NP | RT (pager)": a
 * rota's table, its header naming staff roles and no patient's column; the names in the cells of a row with a doctor's
 * cell work beside that doctor.
 */
const ROTA_COLUMNS = /\b(?:attending|NP|RN|RT|resident|fellow|on[- ]call|provider|nurse|pager|physician|backup|charge|APP|PA)\b/i;
const PATIENT_COLUMNS = /\b(?:patient|pt|name|MRN|DOB|resident name|client|diagnosis|dx)\b/i;
const CELL_NAME = /^[ \t]*(\p{Lu}[\p{L}'’-]{1,24}(?:[ \t]\p{Lu}[\p{L}'’-]{1,24}){1,2})(?:[ \t,]+(?:[A-Z]{2,5}|\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}|x\d{3,5}))?[ \t]*$/u;
function rotaTableRows(ctx: PartContext): void {
  const { text } = ctx;
  let header: boolean | undefined;
  let lastRow = -1;
  for (let i = text.indexOf('| Dr'); i >= 0; i = text.indexOf('| Dr', i + 4)) {
    const ls = text.lastIndexOf('\n', i) + 1;
    if (ls === lastRow) continue;
    lastRow = ls;
    // The header: the first line of the block of '|' rows this one stands in.
    if (header === undefined) {
      let h = ls;
      for (let n = 0; n < 60 && h > 0; n++) {
        const prev = text.lastIndexOf('\n', h - 2) + 1;
        if (text.slice(prev, h).indexOf('|') < 0) break;
        h = prev;
      }
      const headerEnd = text.indexOf('\n', h);
      const line = text.slice(h, headerEnd < 0 ? text.length : headerEnd);
      header = h < ls && ROTA_COLUMNS.test(line) && !PATIENT_COLUMNS.test(line);
    }
    if (!header) return;
    const nl = text.indexOf('\n', i);
    for (const cell of text.slice(ls, nl < 0 ? text.length : nl).split('|')) {
      const m = CELL_NAME.exec(cell);
      if (m) (ctx.staffNames ??= []).push(personKey(m[1]));
    }
  }
}

/**
 * "1. EPOC: nuevo flujo para oxígeno en casa (Tess Marlowe)": in an agenda, the name in brackets closing an item is
 * who presents it.
 */
const PRESENTER_CLOSING = /\((\p{Lu}[\p{L}'’]{1,24}(?:[ \t-]\p{Lu}[\p{L}'’]{1,24}){1,3})(?:,[ \t]?[A-Za-z-]{2,8})?\)$/u;
function agendaPresenters(ctx: PartContext): void {
  const { text } = ctx;
  // Only lines closing with a bracket are read, and only in an agenda: most parts have neither.
  let agenda: boolean | undefined;
  const lines = linesEndingWith(text, ')');
  for (const [ls, le] of lines) {
    const m = PRESENTER_CLOSING.exec(text.slice(Math.max(ls, le - 90), le));
    // Items closed by a doctor in brackets ("… - A1c >9 measure (Dr. Okafor)") make a list an agenda, whatever its heading.
    if (m && (agenda ??= AGENDA.test(text) || lines.some(([a, b]) => DR_CLOSING.test(text.slice(Math.max(a, b - 40), b))))) (ctx.staffNames ??= []).push(personKey(m[1]));
  }
  // "4. Immunization compliance dashboard - Jenna Liu": a numbered item closing with its presenter after a dash, in an
  // agenda or beside an item a doctor closes ("5. Naloxone in schools - Dr. Peter Okonkwo").
  // Read only where a doctor closes an item after a dash, or an agenda was found above: most parts have neither.
  if (agenda !== true && text.indexOf('- Dr') < 0 && text.indexOf('\u2013 Dr') < 0 && text.indexOf('\u2014 Dr') < 0) return;
  let dashed: string[] | undefined;
  let doctorDash = false;
  for (let ls = 0; ls < text.length;) {
    const nl = text.indexOf('\n', ls);
    const le = nl < 0 ? text.length : nl;
    const c = text.charCodeAt(ls);
    if (c >= 48 && c <= 57 && NUMBERED_ITEM.test(text.slice(ls, ls + 4))) {
      const m = PRESENTER_DASH.exec(text.slice(Math.max(ls, le - 80), le));
      if (m) { if (/^Dra?\.? /.test(m[1])) doctorDash = true; else (dashed ??= []).push(m[1]); }
    }
    if (nl < 0) break;
    ls = nl + 1;
  }
  if (dashed && (doctorDash || (agenda ??= AGENDA.test(text) || lines.some(([a, b]) => DR_CLOSING.test(text.slice(Math.max(a, b - 40), b)))))) {
    for (const name of dashed) (ctx.staffNames ??= []).push(personKey(name));
  }
}
const NUMBERED_ITEM = /^\d{1,2}[.)][ \t]/;
const PRESENTER_DASH = /[ \t][-–—][ \t]((?:Dra?\.? )?\p{Lu}[\p{L}'’-]{1,24}(?: \p{Lu}[\p{L}'’-]{1,24}){1,2})(?:,[ \t]?[A-Za-z-]{2,8})?[ \t]*$/u;
const DR_CLOSING = /\(Dra?\.? \p{Lu}[\p{L}'’-]{1,24}(?: \p{Lu}[\p{L}'’-]{1,24})?\)$/u;

/** [start, end) of each line whose last character other than blank space is `c`, found by native search. */
function linesEndingWith(text: string, c: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
    let j = i + 1;
    while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 13)) j++;
    if (j < text.length && text.charCodeAt(j) !== 10) continue;
    out.push([text.lastIndexOf('\n', i) + 1, i + 1]);
  }
  return out;
}

/**
 * "On-call dietitians for TPN consults, June:" over "1-9: Ruth Abiodun, 503-555-0121": the names listed under an
 * on-call heading, up to the first blank line, are who takes the calls.
 */
const ON_CALL_STAFF = /\b(?:dietitians?|nurses?|physicians?|doctors?|providers?|staff|schedule|rota|roster|coverage|pharmacists?|therapists?|RDs|RNs|NPs|team|residents|interpreters?|chaplains?)\b/i;
/** "On-call dietitians, June:", "Así quedan los turnos de noviembre:", "Coverage for the week of 11/18:": a heading over a list of who works when. */
// Portuguese "a escala de maio" (the rota), "plantões"; a Spanish "Horario de septiembre:" over who works (not "horario de citas");
// Somali "Jadwalka toddobaadkan:" (this week's schedule; not "jadwalka ballamaha", the appointments').
const ROTA_HEADING = /on[- ]call|\bafter[- ]hours coverage\b|\bweekend(?: [a-z]{2,12})? coverage\b|\bturnos\b|\bguardias\b|\brota\b|\bescalas?\b|\bplant[õo]es\b|\bhorario(?! de (?:citas|pacientes|consultas))\b|\bjadwal(?:ka)?\b(?![ \t]+ballam)|\bcoverage (?:for|next|this|while|during|over)\b/i;
function onCallLists(ctx: PartContext): void {
  const { text } = ctx;
  let after = -1;
  // "Guardias de consejería (crisis / walk-ins) - noviembre": a part may open with its heading, without a colon.
  const firstNl = text.indexOf('\n');
  if (firstNl > 0 && firstNl <= 120 && text.charCodeAt(firstNl - 1) !== 58 && rotaHeading(text.slice(0, firstNl))) after = staffListed(ctx, firstNl);
  // Headings end with a colon: only those lines are read (few), not the whole part.
  for (const [ls, colon] of linesEndingWith(text, ':')) {
    if (ls < after || colon - ls > 160 || !rotaHeading(text.slice(ls, colon))) continue;
    const nl = text.indexOf('\n', colon);
    if (nl < 0) continue;
    after = staffListed(ctx, nl);
  }
}
/** A heading of who is on call ("On-call dietitians …", "on-call schedule"), not of what to watch overnight. */
function rotaHeading(heading: string): boolean {
  const m = ROTA_HEADING.exec(heading);
  return m !== null && !(/^on/i.test(m[0]) && !ON_CALL_STAFF.test(heading));
}
/** The names listed under a rota's heading (whose line ends at nl), up to the list's first blank line; where the list ends. */
function staffListed(ctx: PartContext, nl: number): number {
  const { text } = ctx;
  let p = nl + 1;
  let listed = false;
  for (let n = 0; n < 40 && p < text.length; n++) {
    const e = text.indexOf('\n', p);
    const lineEnd = e < 0 ? text.length : e;
    // Blank lines may stand between the heading and its list; the first one after the list ends it.
    if (text.slice(p, lineEnd).trim() === '') {
      if (listed) break;
      p = lineEnd + 1;
      continue;
    }
    listed = true;
    // Every name of two words or more on the line ("Lunes: Carmen Loza y Rocío Benítez, charla …").
    for (let q = p; q < lineEnd; q++) {
      const c = text.charCodeAt(q);
      if (!(c >= 65 && c <= 90) && !(c >= 0xc0 && c <= 0xde)) continue;
      if (q > p && /[\p{L}'’]/u.test(text.charAt(q - 1))) continue;
      const nameEnd = stickyAt(ITEM_NAME, text, q);
      if (nameEnd < 0) continue;
      if (/[ \t-]/.test(text.slice(q, nameEnd))) (ctx.staffNames ??= []).push(personKey(text.slice(q, nameEnd)));
      q = nameEnd;
    }
    p = lineEnd + 1;
  }
  return p;
}
