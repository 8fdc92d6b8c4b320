/**
 * Every regular expression the engine runs, in one registry so the ReDoS test can lint them all.
 * All are sticky (y): they run anchored at a token the tokenizer already found, never as a scan
 * over the whole text, and every repetition is bounded.
 */

const MONTHS = [
  'jan(?:uary|uar)?', 'feb(?:ruary|ruar)?', 'mar(?:ch)?', 'apr(?:il)?', 'may', 'jun(?:e)?', 'jul(?:y)?',
  'aug(?:ust)?', 'sep(?:t|tember)?', 'oct(?:ober)?', 'nov(?:ember)?', 'dec(?:ember)?',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 's[ei]?ptiembre', 'octubre', 'noviembre', 'diciembre',
  'janvier', 'f[eé]vrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'ao[uû]t', 'septembre', 'octobre', 'novembre', 'd[eé]cembre',
  'j[aä]nner', 'm[aä]rz', 'juni', 'juli', 'oktober', 'dezember',
  // Portuguese, Italian, Dutch and Indonesian/Malay ("9 de março de 1975", "12 Agustus 1990").
  'janeiro', 'fevereiro', 'mar[cç]o', 'maio', 'junho', 'julho', 'setembro', 'outubro', 'dezembro',
  'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre',
  'januari', 'februari', 'maart', 'maret', 'mei', 'augustus', 'agustus', 'desember',
  // Haitian Creole ("dat nesans 12 out 1965").
  'janvye', 'fevriye', 'mas', 'me', 'jen', 'jiy[eè]', 'out', 'septanm', 'okt[oò]b', 'novanm', 'desanm',
].join('|');

/** O'Brien, McDonald, García-López, Müller */
const NAME_WORD = "(?:[A-Z]['’])?[A-ZÀ-Þ][a-zß-ÿ]{1,24}(?:[A-Z][a-zß-ÿ]{1,24})?(?:-[A-ZÀ-Þ]?[a-zß-ÿ]{1,24})?";
/**
 * A name word in any script's letters ("Michał", "Dvořák", "Şahin", "Nguyễn", "Иван"): used with the
 * "u" flag by the person-name patterns; the address patterns keep NAME_WORD.
 */
const PERSON_WORD = "(?:\\p{Lu}['’])?\\p{Lu}[\\p{Ll}\\p{M}]{1,24}(?:\\p{Lu}[\\p{Ll}\\p{M}]{1,24})?(?:-\\p{Lu}?[\\p{Ll}\\p{M}]{1,24})?";
const ANY_UPPER_WORD = "[A-ZÀ-Þ][A-ZÀ-Þ'’-]{1,24}";

/** Ordinal day numbers in words: "ninth", "twenty-first", "thirtieth". */
const ORDINAL_UNITS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth';
const DAY_WORD = `(?:(?:twenty|thirty)[ -]{1,2}(?:${ORDINAL_UNITS})|${ORDINAL_UNITS}|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)`;
const DAY = `(?:${DAY_WORD}|\\d{1,2}(?:st|nd|rd|th)?)`;
const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
/** A year in words: "nineteen forty-nine", "nineteen oh five", "two thousand and three", or in digits. */
const YEAR_WORDS = `(?:(?:eighteen|nineteen)[ -]{1,2}(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -]{1,2}(?:${UNITS}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|(?:oh|o) {1,2}(?:${UNITS}))|two thousand(?: and)?(?: {1,2}(?:${UNITS}|ten|eleven|twelve))?)`;
const YEAR = `(?:\\d{4}(?!\\d)|${YEAR_WORDS}\\b)`;
/** The same in Spanish: "cinco de mayo de mil novecientos ochenta y cuatro", "primero de abril de dos mil tres". */
const ES_UNITS = 'uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve';
const ES_TEENS = 'diez|once|doce|trece|catorce|quince|diecis[eé]is|diecisiete|dieciocho|diecinueve|veinte|veinti(?:uno|d[oó]s|tr[eé]s|cuatro|cinco|s[eé]is|siete|ocho|nueve)';
const ES_DAY = `(?:primero|treinta(?: {1,2}y {1,2}uno)?|${ES_TEENS}|${ES_UNITS})`;
const ES_YEAR_WORDS = `(?:mil {1,2}novecientos|dos {1,2}mil)(?: {1,2}(?:(?:treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)(?: {1,2}y {1,2}(?:${ES_UNITS}))?|${ES_TEENS}|${ES_UNITS}))?`;

export const PATTERNS = {
  /** A date in words: "the ninth of July, nineteen forty-nine", "July the 9th, 1949", "9th of July 1949". */
  dateWords: new RegExp(`(?:(?:the {1,2})?${DAY} {1,2}(?:of {1,2})?(?:${MONTHS})|(?:${MONTHS}) {1,2}(?:the {1,2})?${DAY}),? {1,3}${YEAR}`, 'iy'),
  /** A date in Spanish words: "cinco de mayo de mil novecientos ochenta y cuatro", "primero de abril de 2003". */
  dateWordsEs: new RegExp(`${ES_DAY} {1,2}de {1,2}(?:${MONTHS}) {1,2}del? {1,2}(?:\\d{4}(?!\\d)|${ES_YEAR_WORDS}\\b)`, 'iy'),
  /** 12/31/1961, 31.12.61, 1961-12-31 */
  dateNumeric: /(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})(?![\d/.-]\d)/y,
  /** March 14, 1961 / Mar 14th 1961 */
  dateMonthFirst: new RegExp(`(?:${MONTHS})\\.? {1,3}\\d{1,2}(?:st|nd|rd|th)?,? {1,3}\\d{4}(?!\\d)`, 'iy'),
  /** 14 March 1961 / 14 de marzo de 1961 / 14. März 1961 / 14 mars 1961 */
  dateDayFirst: new RegExp(`\\d{1,2}(?:(?:st|nd|rd|th|er|\\.)? {0,3}(?:de {1,3})?(?:${MONTHS})\\.?,?(?: {1,3}del?)? {1,3}|-(?:${MONTHS})-)\\d{4}(?!\\d)`, 'iy'),
  /** "1949年6月2日", "1995년 3월 2일": Chinese, Japanese and Korean dates (year, month, day). */
  dateCjk: /\d{4} ?[年년] ?(?:0?[1-9]|1[0-2]) ?[月월] ?(?:0?[1-9]|[12]\d|3[01]) ?[日일]/y,
  /** 123-45-6789 */
  ssnDashed: /\d{3}-\d{2}-\d{4}(?![\d-])/y,
  /** 123 45 6789, 123456789 (only after an SSN label) */
  ssnLoose: /\d{3}[ .-]?\d{2}[ .-]?\d{4}(?!\d)/y,
  /** MBI with optional dashes: 1EG4-TE5-MK73 */
  mbi: /[1-9][A-Z][A-Z0-9]\d-?[A-Z][A-Z0-9]\d-?[A-Z]{2}\d{2}(?![A-Za-z0-9])/y,
  /** DEA: AB1234563 */
  dea: /[A-Z][A-Z9]\d{7}(?![A-Za-z0-9])/y,
  /** Ten digits (NPI) */
  tenDigits: /\d{10}(?!\d)/y,
  /** Nine digits (routing number) */
  nineDigits: /\d{9}(?!\d)/y,
  /** Card numbers: 4x4 groups, Amex 4-6-5, or a 13-19 digit run */
  card: /(?:\d{4}[ -]){3}\d{1,7}(?![\d-])|\d{4}[ -]\d{6}[ -]\d{5}(?!\d)|\d{13,19}(?!\d)/y,
  /** A local number without its area code: 555-0188 (read only after a phone or person word). */
  phoneLocal: /[2-9]\d{2}-\d{4}(?![\d-])/y,
  /** North American phone: (555) 234-5678, 555-234-5678, 555.234.5678, +1 555 234 5678 */
  phoneNanp: /(?:\+?1[ .-]?)?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .-])[2-9]\d{2}[ .-]\d{4}(?![\d-])/y,
  /** International: +33 1 23 45 67 89, +49 30 1234567 */
  phoneIntl: /\+[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?)(?:[ .-]?\d{2,4}){2,5}(?![\d-])/y,
  /** IPv4 */
  ipv4: /(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.]\d)/y,
  /** Street address, number first (US/UK/FR): 123 N. Main Street, 12 rue de la Paix */
  addressNumberFirst: new RegExp(
    `\\d{1,6}[A-Za-z]?,? {1,3}(?:(?:[Rr]ue|[Aa]venue|[Bb]oulevard|bd|[Cc]hemin|[Pp]lace|[Aa]ll[ée]e|[Ii]mpasse|[Cc]alle|[Aa]venida|[Pp]aseo|[Pp]laza|[Cc]amino) {1,3}(?:(?:de|del|la|le|les|du|des|d')\\s?){0,2}${NAME_WORD}|(?:(?:[NS][EW]|[NSEW])\\.? {1,3})?(?:(?:${NAME_WORD}|\\d{1,3}(?:st|nd|rd|th)) {1,3}){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Trail|Trl|Loop|Path|Crossing|Landing)\\b\\.?)`,
    'y',
  ),
  /** German style, name first: Hauptstraße 5, Lindenweg 12a */
  addressGerman: /[A-ZÄÖÜ][a-zäöüß]{1,30}(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm) {1,3}\d{1,4}[a-z]?(?![\d])/y,
  /** US city, state ZIP: Springfield, IL 62704 */
  cityStateZip: /[A-Z][a-z]{1,24}(?: [A-Z][a-z]{1,24}){0,2}, {1,2}[A-Z]{2} {1,2}\d{5}(?:-\d{4})?(?!\d)/y,
  /** Identifier value after a label: letters/digits with inner dashes, 3-25 chars */
  idValue: /[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){2,24}(?![A-Za-z0-9])/y,
  /** What may sit between a label and its value */
  // Up to 24 blanks after the label's punctuation: key-value blocks pad their values into a column ("MRN:        8397…").
  labelGap: /[ \t_"]{0,3}(?:[:#=\-–.,)(：]|n[oº°]\.?|nr\.?)?[ \t_"]{0,24}(?:[:#=\-–][ \t_"]{0,3})?/y,
  /** Person name: up to four capitalised words (initials allowed inside, and first: "J. Whitaker") */
  // Particles inside a name ("Maria das Graças Fonseca", "Ludwig van Beek") only between capitalised words.
  name: new RegExp(`(?:\\p{Lu}\\.[ \\t]{1,2})?${PERSON_WORD}(?:[ \\t]{1,2}(?:\\p{Lu}\\.|\\p{Lu}(?=[ \\t]?[-–—,:]|\\r?\\n|$)|${PERSON_WORD}|(?:da|das|de|del|della|di|do|dos|du|van|von|bin)(?=[ \\t]\\p{Lu}))){0,3}`, 'yu'),
  /** SMITH, JOHN or Smith, John */
  nameCommaForm: new RegExp(`(?:${PERSON_WORD}|${ANY_UPPER_WORD}), {1,2}(?:${PERSON_WORD}|${ANY_UPPER_WORD})`, 'yu'),
  /** Lab value: 8.2%, 45, 140/90, 7,2 mmol/l */
  labValue: /(?:[<>≤≥]=? ?)?\d{1,4}(?:[.,]\d{1,3})?(?:\/\d{2,3})?(?: ?(?:%|mg\/dl|(?:u|µ|mc)g\/dl|mmol\/l|[uµn]mol\/l|pmol\/l|mmol\/mol|g\/dl|ml\/min(?:\/1\.73 ?m2)?|ng\/ml|pg\/ml|u\/l|iu\/l|miu\/ml|miu\/l|meq\/l|µ?iu\/ml|cells\/mm3|copies(?:\/ml)?|mmhg|bpm|ppb|kg|lbs?|ml(?:\/(?:hr?|min|night|day|kg))?|l(?![a-z])|°?[fc])(?![a-z]))?(?!\d|[.,]\d)/iy,
  /** Medication dose: 500 mg, 0.5 mg, 10 units, 2 puffs */
  dose: /\d{1,5}(?:[.,]\d{1,3})? ?(?:mg|mcg|µg|g|ml|units?|iu|tabs?|tablets?|caps(?:ules?)?|puffs?|drops?|meq|%)(?![A-Za-z])/iy,
  /** URL starting at http(s):// or www. */
  url: /(?:https?:\/\/|www\.)[^\s<>"'()]{1,2048}/iy,
  /** Email local part ending at @ is scanned by code; this validates the domain after @ */
  emailDomain: /@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])/y,
  /** ICD-10-CM as written: E11.9, F32.A, QA0.0, I10, E119; a file's extension may follow ("CKD4_N18.4.pdf"), another dotted part not ("E11.9.2"). */
  icd: /[A-TV-Z][0-9A][0-9A-Z](?:\.[0-9A-Z]{1,4})?(?![A-Za-z0-9]|\.(?!(?:pdf|docx?|xlsx?|txt|csv|jpe?g|png|tiff?|html?|rtf)(?![A-Za-z0-9]))[0-9A-Za-z])/y,
};

export type PatternName = keyof typeof PATTERNS;

/** Run a sticky pattern at `pos`; returns the match end or -1 (test(): no match array, no substring). */
export function matchAt(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  return re.test(text) ? re.lastIndex : -1;
}
