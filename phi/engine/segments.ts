/**
 * Signature blocks and quoted-message boundaries. A sender's sign-off ("Thanks, / Dr. Ana Ruiz, MD /
 * NPI ...") carries names, NPIs and clinic phones on every message: findings there are marked so the
 * decision does not take them for a patient's, unless a patient signs a message about their own health.
 */
import type { PartContext } from './context.ts';
import { isGivenName, nameLineAt } from './names.ts';
import { F_LINE_START } from './tokenizer.ts';

export interface Signature {
  start: number;
  end: number;
  /** The signer's name, when a name line follows the sign-off. */
  name: [number, number] | null;
  /** Credentials, NPI/DEA or organisation words in the block: a provider or office signature. */
  provider: boolean;
  /** An NPI or DEA number, or "Dr.", in the block: a prescriber's, whose first person is their orders. */
  prescriber?: boolean;
}

const MAX_SIGNATURE_LINES = 10;

/** Offsets where each line starts (plus text.length). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  starts.push(text.length + 1);
  return starts;
}

/**
 * Phrases that open a quoted or forwarded message. Those ending in ":" are found from the colons of
 * the text (one native search for a rare character instead of one per phrase: a phrase starting
 * with a common letter, like "a écrit", would stop the search at every "a").
 */
const COLON_PHRASES = ['wrote:', 'escribió:', 'a écrit :', 'a écrit:', 'schrieb:'];
const OTHER_PHRASES = ['Original Message', 'Forwarded message', 'Message transféré', 'Mensaje reenviado', 'Weitergeleitete Nachricht'];
/** Header lines of a forwarded message: at a line start. */
const HEADER_STARTS = ['From:', 'De:', 'Von:'];

/** Lines that open a quoted or forwarded message. */
function boundaryLines(ctx: PartContext, lines: number[]): Set<number> {
  const { text } = ctx;
  const out = new Set<number>();
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    for (const phrase of COLON_PHRASES) {
      const i = colon + 1 - phrase.length;
      if (i >= 0 && text.startsWith(phrase, i)) out.add(lineIndex(lines, i));
    }
    for (const h of HEADER_STARTS) {
      const i = colon + 1 - h.length;
      if (i >= 0 && (i === 0 || text.charCodeAt(i - 1) === 10) && text.startsWith(h, i)) out.add(lineIndex(lines, i));
    }
  }
  for (const phrase of OTHER_PHRASES) {
    for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + phrase.length)) out.add(lineIndex(lines, i));
  }
  // A postscript under the signature ("P.S. re Mr. Nkemelu: …", "PD: …") is the message again, not the signer's block.
  for (let l = 1; l + 1 < lines.length; l++) {
    if (text.charCodeAt(lines[l]) === 80 && POSTSCRIPT.test(text.slice(lines[l], lines[l] + 6))) out.add(l);
  }
  // A run of "> " lines starts a quote too.
  if (text.indexOf('>') >= 0) {
    for (let l = 1; l + 1 < lines.length; l++) {
      if (text.charCodeAt(lines[l]) === 62 && text.charCodeAt(lines[l - 1]) !== 62) out.add(l);
    }
  }
  return out;
}

const DASH_SIGNED = /^(?:--|—) ?[A-Za-z]/;
const POSTSCRIPT = /^(?:P\.S\.?|PS[:.,]|P\.D\.|PD:)[ \t:,]/;

export function findSignatures(ctx: PartContext): Signature[] {
  const { text, tokens } = ctx;
  const lines = lineStarts(text);
  const boundaries = boundaryLines(ctx, lines);
  const sigs: Signature[] = [];
  const closingLines = new Set<number>();
  for (const m of ctx.terms) {
    if (m.kind !== 's' || (tokens.flags[m.first] & F_LINE_START) === 0) continue;
    const line = tokens.line[m.first];
    // A sign-off line is short: "Thanks," "Best regards," "Saludos, Ana".
    const lineEnd = lines[line + 1] - 1;
    if (lineEnd - tokens.end[m.last] > 40) continue;
    // "Thank you for your payment." opening a receipt thanks the reader; it signs nothing.
    // Nor does "Thank you, Tamsin Greaves." opening it: a thanks to the reader, by name, as a sentence.
    if (m.first === 0 && (THANKS_SENTENCE.test(text.slice(tokens.end[m.last], lineEnd)) || THANKED_READER.test(text.slice(tokens.end[m.last], lineEnd)))) continue;
    closingLines.add(line);
  }
  // "-- " delimiter lines.
  for (let l = 0; l + 1 < lines.length; l++) {
    const c = text.charCodeAt(lines[l]);
    if ((c === 45 || c === 0x2014) && lines[l + 1] - lines[l] <= 5 && /^(?:--|—) ?\r?$/.test(text.slice(lines[l], lines[l + 1] - 1))) closingLines.add(l);
    // "-- sam whitfield": the delimiter and the signer's name on one line.
    else if ((c === 45 || c === 0x2014) && lines[l + 1] - lines[l] <= 60 && DASH_SIGNED.test(text.slice(lines[l], lines[l + 1] - 1))) closingLines.add(l);
  }
  const sorted = [...closingLines].sort((a, b) => a - b);
  for (const line of sorted) {
    if (sigs.length && lines[line] < sigs[sigs.length - 1].end) continue;
    let last = line;
    while (last + 1 < lines.length - 1 && last - line < MAX_SIGNATURE_LINES && !boundaries.has(last + 1)) last++;
    const start = lines[line];
    const end = Math.min(text.length, lines[last + 1] - 1);
    sigs.push({ start, end, name: signerName(ctx, lines, line, last), provider: false });
  }
  // A bare name on the last line of a segment signs the message too ("— Maria Lopez").
  const covered = new Set<number>();
  for (const sig of sigs) for (let l = lineIndex(lines, sig.start); l < lines.length - 1 && lines[l] < sig.end; l++) covered.add(l);
  for (const endLine of segmentEndLines(text, lines, boundaries)) {
    const s = lines[endLine];
    const e = lines[endLine + 1] - 1;
    if (covered.has(endLine)) continue;
    const short = e - s <= 60;
    const name = short ? nameLineAt(ctx, s, e) : null;
    if (name && (name[1] >= e - 2 || titleAfter(ctx, name[1], e))) {
      // "Marta Lindgren / Materials Management": two capitalised words under a person's name are their department.
      const block = isGivenName(ctx, name[0]) ? null : nameFirstBlock(ctx, lines, endLine, covered);
      sigs.push(block && block.start < s ? block : { start: s, end: e, name, provider: false });
      continue;
    }
    // "Kiara Santana / 954-555-0138" closing a message typed on a phone: a name line, then only a number or an address.
    if (short && endLine > 0 && !covered.has(endLine - 1) && CONTACT_LINE.test(text.slice(s, e))) {
      const ps = lines[endLine - 1];
      const pe = lines[endLine] - 1;
      const prev = pe - ps <= 60 ? nameLineAt(ctx, ps, pe) : null;
      if (prev && prev[1] >= pe - 2) { sigs.push({ start: ps, end: e, name: prev, provider: false }); continue; }
    }
    const block = nameFirstBlock(ctx, lines, endLine, covered);
    if (block) sigs.push(block);
  }
  sigs.sort((a, b) => a.start - b.start);
  markProviders(ctx, sigs);
  return sigs;
}

/**
 * A sign-off with no closing word: a name line, then one to four short lines (title, organisation,
 * phone, e-mail) ending the segment, after a blank line: "Desmond Achterberg / Revenue Cycle
 * Specialist / … Billing Office / 541-555-0108 | billing@…". Not when those lines carry a patient
 * identifier or clinical content (a name with its DOB and diagnosis at the end of a note is no signature).
 */
function nameFirstBlock(ctx: PartContext, lines: number[], endLine: number, covered: Set<number>): Signature | null {
  const { text } = ctx;
  // A clinician's block may run to six lines under the name (field, practice, address, phones, NPI and DEA).
  for (let l = endLine - 1; l >= 0 && endLine - l <= 6; l--) {
    if (covered.has(l)) return null;
    const s = lines[l];
    const e = lines[l + 1] - 1;
    if (e - s > 80 || isBlank(text, s, e)) return null;
    // A longer line under the name ("Marlowe Valley Medical Center | 1800 Harrow Road, Port Calder, OR 97456") is no name line.
    if (e - s > 60) continue;
    // The line above the name must be blank (or the start of the text), unless the name carries a
    // clinician's credential ("Chidi Okonkwo, MD" right under the last sentence).
    const credentialed = credentialedNameLine(ctx, s, e);
    if (endLine - l > 4 && credentialed === undefined) continue;
    const name = l > 0 && !isBlank(text, lines[l - 1], lines[l] - 1) ? credentialed : nameLineAt(ctx, s, e);
    if (name === undefined) continue;
    // "Be brutal, I can take it.": a sentence going on after the first word signs nothing.
    if (!name || !/^,? ?[A-Za-z.,\- ™®()]{0,36}\r?$/.test(text.slice(name[1], e)) || SENTENCE_GOES_ON.test(text.slice(name[1], e))) return null;
    const end = Math.min(text.length, lines[endLine + 1] - 1);
    for (let j = l + 1; j <= endLine; j++) if (lines[j + 1] - 1 - lines[j] > 80) return null;
    // A clinician's title may name their field ("Director, Oncology Specialty Pharmacy"); a patient's lines would hold their identifiers.
    // So may an organisation's line ("Practice Manager | Lakeshore Kidney & Home Dialysis").
    for (const h of ctx.hits) {
      if (h.start < lines[l + 1] || h.start >= end) continue;
      if (h.role === 'strong' || h.role === 'high-risk') return null;
      if (h.role === 'health' && !credentialed && !ORGANISATION_LINE.test(lineAround(text, h.start))) return null;
    }
    return { start: s, end, name, provider: false };
  }
  return null;
}

const SENTENCE_GOES_ON = /^ \p{Ll}[^\n]*[.!?]\r?$/u;

/** A signature line naming a job and its employer ("Nurse Navigator | …", "IT Coordinator, … Allergy & Asthma") or an organisation ("… Dialysis Center"). */
const ORGANISATION_LINE = /\||\b(?:Clinic|Center|Centre|Hospital|Hospice|Health|Healthcare|Medical|Associates|Group|Practice|Services?|Institute|Department|Dept|Program|Pharmacy|Network|System|LLC|Inc|PLLC|University|Cl[íi]nica|Centro|Programa|Servicios?|Departamento)\b|^[ \t]*(?:[A-Z][A-Za-z&-]* ){0,3}(?:Coordinator|Manager|Director|Specialist|Analyst|Administrator|Supervisor|Officer|Liaison|Navigator|Coordinadora?|Navegadora?|Directora?), /;

/** The line of text holding offset i. */
export function lineAround(text: string, i: number): string {
  const s = text.lastIndexOf('\n', i) + 1;
  const e = text.indexOf('\n', i);
  return text.slice(s, e < 0 ? text.length : e);
}

/** The name of a line "Name, MD" (a clinician's credential closing it), else undefined. */
function credentialedNameLine(ctx: PartContext, s: number, e: number): [number, number] | undefined {
  const m = CREDENTIALED_NAME.exec(ctx.text.slice(s, e));
  return m ? [s + m[1].length, s + m[1].length + m[2].length] : undefined;
}
/** Two to four capitalised words (any name, listed or not), a comma and a clinician's credential. */
const CREDENTIALED_NAME = /^([\s\->—–]{0,4})((?:\p{Lu}[\p{Ll}'’-]{0,20}\.? ){1,3}\p{Lu}[\p{Ll}'’-]{1,20}), ?(?:MD|DO|NP|PA-C|RN|DDS|DMD|PharmD|PhD|DPM|OD|AuD|DNP|FNP(?:-BC)?|APRN|LCSW|CNM|RD|RDN|RDCS|CCRC)\b/u;

const THANKS_SENTENCE = /^ (?:for|from)\b[^\n]*[.!]\r?$/;
const THANKED_READER = /^, ?\p{Lu}[\p{L}'’-]{0,24}(?: \p{Lu}[\p{L}'’-]{0,24}){0,2}[.!]\r?$/u;

/** A line holding only a phone number or an e-mail address. */
const CONTACT_LINE = /^[ \t]*(?:\+?1?[ .-]?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4})[ \t\r]*$/;

/** ", coordinatrice qualité" / ", Billing Specialist" / "| Key Account Manager | …" after a name closing the text: a job title, no clinical words. */
const TITLE_AFTER = /^, ?[\p{L}.\- ]{2,40}\r?$/u;
/** "Greg Halvorsen | Key Account Manager | 913-555-0100": a one-line signature split by bars. */
const BARRED_AFTER = /^ ?\| ?\p{L}[^\n|]{1,40}(?:\|[^\n]{0,60})?\r?$/u;
function titleAfter(ctx: PartContext, s: number, e: number): boolean {
  const rest = ctx.text.slice(s, e);
  if (!TITLE_AFTER.test(rest) && !BARRED_AFTER.test(rest)) return false;
  // "| Immunization Compliance | 608-…": a department may be named for health work; a patient's line is no barred one.
  if (ORGANISATION_LINE.test(rest)) return true;
  for (const h of ctx.hits) if (h.start >= s && h.start < e && h.role === 'health') return false;
  return true;
}

function signerName(ctx: PartContext, lines: number[], closingLine: number, lastLine: number): [number, number] | null {
  const { text } = ctx;
  // "Thanks, Maria" on the closing line itself.
  const closing = text.slice(lines[closingLine], lines[closingLine + 1] - 1);
  if (DASH_SIGNED.test(closing)) return nameLineAt(ctx, lines[closingLine], lines[closingLine + 1] - 1);
  const comma = closing.search(/[,!]\s*\S/);
  if (comma >= 0) {
    const s = lines[closingLine] + comma + 1;
    const name = nameLineAt(ctx, s, lines[closingLine + 1] - 1);
    if (name) return name;
  }
  for (let l = closingLine + 1; l <= lastLine && l <= closingLine + 2; l++) {
    const s = lines[l];
    const e = lines[l + 1] - 1;
    if (e <= s || /^\s*$/.test(text.slice(s, e))) continue;
    return nameLineAt(ctx, s, e);
  }
  return null;
}

/** Last non-empty line before each boundary and before the end of the text. */
function segmentEndLines(text: string, lines: number[], boundaries: Set<number>): number[] {
  const out: number[] = [];
  const ends = [...boundaries, lines.length - 1].sort((a, b) => a - b);
  let prev = -1;
  for (const b of ends) {
    let l = b - 1;
    // Walk back over blank lines, never past the previous boundary (keeps this linear).
    while (l > prev && isBlank(text, lines[l], lines[l + 1] - 1)) l--;
    if (l > prev) out.push(l);
    prev = b;
  }
  return out;
}

function isBlank(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 62) return false;
  }
  return true;
}

/** Credentials, NPI/DEA labels or "Dr." inside a signature mark it as a provider's (one merge pass). */
function markProviders(ctx: PartContext, sigs: Signature[]): void {
  const { text, tokens } = ctx;
  let j = 0;
  for (const m of ctx.terms) {
    const s = tokens.start[m.first];
    while (j < sigs.length && sigs[j].end <= s) j++;
    if (j >= sigs.length) break;
    const sig = sigs[j];
    if (s < sig.start || sig.prescriber) continue;
    if (m.kind === 'r') {
      const word = text.slice(s, tokens.end[m.last]);
      // Short credentials count in capitals only ("MD", "RN", "DO"), words in any case.
      if (m.entry.term.length > 3 || word === word.toUpperCase()) sig.provider = true;
    }
    if (m.kind === 'L' && (m.entry.label === 'NPI' || m.entry.label === 'DEA')) sig.provider = sig.prescriber = true;
  }
  for (const sig of sigs) if (!sig.prescriber && sig.end - sig.start < 4000 && /\bDr\.? [A-Z]/.test(text.slice(sig.start, sig.end))) sig.provider = sig.prescriber = true;
}

function lineIndex(lines: number[], pos: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
