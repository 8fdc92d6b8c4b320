/**
 * Delimited tables (CSV/TSV attachments, HTML tables turned into tab-separated rows): a header row
 * names the columns ("DOB", "MRN", "Patient", "Dx code"), so every cell below is read as that type.
 */
import { cardBrand, mbiValid, ssnKind } from './checksums.ts';
import { healthBetween, isCell, type PartContext } from './context.ts';
import { dateAt } from './dates.ts';
import { makeHit, type Hit } from './hit.ts';
import { nameAt, notAPerson } from './names.ts';
import { matchAt, PATTERNS } from './patterns.ts';
import type { PhiType } from '../types.ts';
import { foldTerm, hashWord as hash } from './fold.ts';
import { lineStarts } from './segments.ts';

type Column = PhiType | 'ICD_OR_DX' | 'LAB' | 'MED' | null;
const DELIMS = ['\t', ',', ';', '|'];
const PATIENT_HEADER = /^(?:patient|pt|member|resident|client)\b/;
const CAPS_CELL_NAME = /^[A-Z][A-Z'’-]{1,24},? [A-Z][A-Z'’-]{1,24}(?: [A-Z]\.?)?$/;
const MAX_ROWS = 100_000;
// "staff_name", "employee_name": a name column too, of a staff list (EMPLOYEE_HEADERS).
const NAME_HEADERS = /^(?:(?:patient|member|subscriber|client|pt|staff|employee)(?: (?:full|last|first))? ?name|(?:last|first|full|given|family|sur) ?name|name|patient|participant|resident|client|claimant|nombre|apellido|paciente|nino|nina|nino a|nom|prenom|vorname|nachname|cognome|nome|nome completo|sobrenome|paziente)$/;
const DX_HEADERS = /^(?:dx(?: code)?|diagnosis(?: code)?|icd(?: ?10)?(?: code)?|diagnostico|diagnostic|diagnose|code)$/;
/** "Terminal Dx", "Primary diagnosis", "Admitting dx", "Dx 1": a diagnosis column with a qualifier. */
const DX_QUALIFIED = /^(?:[a-z]+ ){1,2}(?:dx|diagnosis|diagnoses|icd ?10|icd)(?: code)?$|^(?:dx|diagnosis) ?\d$/;
/** "Patient name", "Resident", "Name (last, first)". */
const NAME_QUALIFIED = /^(?:resident|patient|pt|member|client|decedent)(?: name)?(?: \(?last,? first\)?)?$|^name \(?last,? first\)?$/;
/** Columns only a list of clinicians has. */
const PROVIDER_HEADERS = /^(?:(?:provider |prescriber |rendering |billing )?npi(?: number| #)?|specialty|specialties|speciality|taxonomy(?: code)?|credentials?|dea(?: number| #)?|license(?: number| #)?|board certification|accepting(?: new)?(?: patients)?|especialidad|specialite|fachrichtung)$/;
/** A staff list's columns ("employee,emp_id,department,module"): its names are employees' unless a row holds their health. */
const EMPLOYEE_HEADERS = /^(?:employee|employees|employee name|staff|staff name|emp id|employee id|employee no|employee number|badge|badge id|transcriptionist|scribe|coder|agent|interpreter)$/;
const INVENTORY_HEADERS = /^(?:lot|lot no|lot number|lot #|qty|quantity|on hand|qty on hand|par|par level|exp|expires|expiry|expiration|exp date|expiry date|expiration date|sku|item no|item number|ndc|unit cost|reorder)$/;
// A staff roster's qualifications ("certifications: CNA;CPR;Dementia Care") name the work a person is trained for.
// So does a training log's course column ("module: Alzheimer's basics").
const JOB_HEADERS = /^(?:role|job|job title|position|title|puesto|cargo|certifications?|credentials?|skills|qualifications|trainings?|modules?|courses?|course name|class|topic)$/;
const MED_HEADERS = /^(?:(?:current |active |home |discharge )?(?:medications?|meds|drugs?|rx)|medicamentos?|medicaments?|medikamente?|medikation)$/;

function columnType(ctx: PartContext, cell: string): Column {
  // "intake_a1c", "patient_name": exports join words with "_"; "Glucose (mg/dL)": a unit in brackets closes the header.
  const f = foldTerm(cell.replace(/_/g, ' ').replace(UNIT_IN_BRACKETS, ''));
  if (f.length === 0 || f.length > 40) return null;
  if (NAME_HEADERS.test(f)) return 'PATIENT_NAME';
  if (DX_HEADERS.test(f) || DX_QUALIFIED.test(f)) return 'ICD_OR_DX';
  if (NAME_QUALIFIED.test(f)) return 'PATIENT_NAME';
  if (MED_HEADERS.test(f)) return 'MED';
  const tokens = f.split(' ');
  // "intake_a1c", "baseline eGFR": a lab named last in a short header.
  if (tokens.length > 1 && tokens.length <= 3) {
    const last = tokens[tokens.length - 1];
    for (const e of ctx.dict.byFirstToken.get(hash(last)) ?? []) if (e.kind === 'l' && e.term === last) return 'LAB';
  }
  const label = labelColumn(ctx, f, tokens[0]);
  if (label) return label;
  // "patient_mrn", "member_dob": the patient named before an identifier label ("emp_id", "sample_id" are not theirs).
  if ((tokens.length === 2 || tokens.length === 3) && PATIENT_QUALIFIERS.has(tokens[0])) {
    const qualified = labelColumn(ctx, tokens.slice(1).join(' '), tokens[1]);
    if (qualified) return qualified;
  }
  const entries = ctx.dict.byFirstToken.get(hash(tokens[0]));
  if (!entries) return null;
  // "Creatinine", "eGFR", "HbA1c (%)": a lab column; its numeric cells are results.
  const paren = f.indexOf('(');
  const bare = paren > 0 ? f.slice(0, paren).trimEnd() : f;
  for (const e of entries) if (e.kind === 'l' && e.term === bare) return 'LAB';
  for (const e of entries) if (e.kind === 'c' || e.kind === 'g' || e.kind === 'b') return e.term === f ? 'ICD_OR_DX' : null;
  return null;
}

/** Columns of where or for whom someone works: a unit, a department, a clinic. */
const PLACE_HEADERS = /^(?:unit|units|dept|department|location|site|clinic|practice|service|service line|specialty|role|position|title|team|floor|ward|facility|office|division|program|client|account|employer|vendor|payer|plan|certifications?|credentials?|skills|qualifications|trainings?)$/;

/** "last,first" (or "first,last", "surname,given") side by side: the two halves of a name, each alone too vague a header. */
const NAME_HALVES = new Set(['last first', 'first last', 'surname given', 'given surname', 'surname first', 'family given']);
function nameColumnPairs(headers: string[], cols: Column[]): void {
  for (let c = 0; c + 1 < cols.length; c++) {
    if (cols[c] !== null || cols[c + 1] !== null) continue;
    if (NAME_HALVES.has(`${foldTerm(headers[c])} ${foldTerm(headers[c + 1])}`)) cols[c] = cols[c + 1] = 'PATIENT_NAME';
  }
}

const PATIENT_QUALIFIERS = new Set(['patient', 'pt', 'member', 'subscriber', 'resident', 'client', 'beneficiary', 'enrollee', 'insured']);

/** The identifier type whose label is the whole header `f` (first token `first`). */
function labelColumn(ctx: PartContext, f: string, first: string): Column {
  for (const e of ctx.dict.byFirstToken.get(hash(first)) ?? []) if (e.label && e.term === f) return e.label;
  return null;
}

/** Header lines worth trying: those holding an identifier label or a diagnosis-column word. */
function headerCandidates(ctx: PartContext): number[] {
  const lines = new Set<number>();
  for (const m of ctx.terms) {
    if (m.kind === 'l') {
      // A lab name is a header cell only when it stands alone between delimiters ("\tCreatinine\t", "K,").
      if (isCell(ctx.text, ctx.tokens.start[m.first], ctx.tokens.end[m.last])) lines.add(ctx.tokens.line[m.first]);
    } else if (m.kind === 'L' || (m.kind === 'x' && DX_WORDS.has(m.entry.term))) lines.add(ctx.tokens.line[m.first]);
    else if (DX_WORDS.has(m.entry.term) || MED_WORDS.has(m.entry.term)) lines.add(ctx.tokens.line[m.first]);
    // "case_no,last,first,age,…": a name split over two columns, the only sign of people in some exports. Every pair
    // (NAME_HALVES) holds "last", "surname" or "family" (dictionary kind name-column), in a cell of its own.
    else if (m.kind === 'n' && isCell(ctx.text, ctx.tokens.start[m.first], ctx.tokens.end[m.last])) lines.add(ctx.tokens.line[m.first]);
  }
  // "item,lot,expires,qty,checked_by,date": an attached export opening with a stock list's or a staff list's columns.
  if (ctx.where.startsWith('attachment:') && ctx.tokens.count > 0 && stockOrStaffHeader(ctx.text)) lines.add(ctx.tokens.line[0]);
  return [...lines].sort((a, b) => a - b);
}
/** Identifiers read by their labels that make a row a patient's. */
const PATIENT_MARKS = new Set(['DOB', 'MRN', 'SSN', 'HEALTH_PLAN_ID', 'MBI', 'PATIENT_NAME']);
const DATE_CELL = /^[ ]?(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4})[ ]?$/;
const UNIT_IN_BRACKETS = / ?\([^()]{1,16}\)$/;
/** "pos", "neg", "reactive", "not detected": a qualitative result in a lab column. */
const QUALITATIVE_CELL = /^(?:pos|neg|positive|negative|reactive|non-?reactive|detected|not detected|undetected|positivo|negativo)$/i;
const BLANK_TO_FILL = /^[A-Za-z-]{0,4}_{3,}\s*$/;
const DX_WORDS = new Set(['dx', 'diagnosis', 'diagnoses', 'icd', 'icd10', 'icd 10', 'diagnostico', 'diagnostic', 'diagnose']);
const MED_WORDS = new Set(['medication', 'medications', 'meds', 'medicamento', 'medicamentos', 'medikament', 'medikamente']);

/**
 * The part's first line is a delimited header with two stock columns or more (INVENTORY_HEADERS), or a staff list's
 * column ("transcriptionist,specialty,lines": EMPLOYEE_HEADERS, PROVIDER_HEADERS).
 */
function stockOrStaffHeader(text: string): boolean {
  const nl = text.indexOf('\n');
  if (nl < 0 || nl > 300) return false;
  const first = text.slice(0, nl);
  const delim = DELIMS.find((d) => countOf(first, d) >= (d === '\t' ? 1 : 2));
  if (delim === undefined) return false;
  const cells = splitCells(first, delim).map((c) => foldTerm(c.trim().replace(/_/g, ' ')));
  return cells.filter((c) => INVENTORY_HEADERS.test(c)).length >= 2 || cells.some((c) => EMPLOYEE_HEADERS.test(c) || PROVIDER_HEADERS.test(c));
}

export function recognizeTables(ctx: PartContext): void {
  const { text } = ctx;
  const candidates = headerCandidates(ctx);
  if (candidates.length === 0) return;
  const lines = lineStarts(text);
  let parsedUntil = -1;
  for (const l of candidates) {
    if (l <= parsedUntil || l + 1 >= lines.length) continue;
    const header = text.slice(lines[l], lines[l + 1] - 1);
    if (header.length > 2000) continue;
    const delim = DELIMS.find((d) => countOf(header, d) >= (d === '\t' ? 1 : 2));
    if (!delim) {
      parsedUntil = fixedWidthTable(ctx, lines, l, header);
      continue;
    }
    const headerCells = splitCells(header, delim);
    // "Priya Raman,PT,2025-06-30": a row holding a full date is data (a physical therapist's card), not a header.
    if (headerCells.some((c) => DATE_CELL.test(c))) continue;
    // An HTML table turned into text opens each row with a tab: drop that empty first cell.
    const lead = delim === '\t' && headerCells.length > 1 && headerCells[0].trim() === '' ? 1 : 0;
    const headers = headerCells.slice(lead).map((c) => c.trim().replace(/^["']|["']$/g, ''));
    // "Patient name | ________": a form's label and the blank to fill in, not a table's header row.
    if (headers.some((h) => BLANK_TO_FILL.test(h))) continue;
    const cols = headers.map((c) => columnType(ctx, c));
    nameColumnPairs(headers, cols);
    // A stock list ("drug, qty, lot, exp, donor"): its names are suppliers, donors and the staff who counted, not patients.
    const inventory = headers.filter((h) => INVENTORY_HEADERS.test(foldTerm(h.replace(/_/g, ' ')))).length >= 2;
    // A provider directory ("npi", "specialty", "credentials" columns): its names, phones and places are
    // clinicians' and offices', read like a provider's signature block.
    // A table with a patient's column ("patient_name", "pt_account") lists patients, whatever its prescriber columns.
    const patientColumn = headers.some((h) => PATIENT_HEADER.test(foldTerm(h.replace(/_/g, ' '))));
    // A team list ("name, role, email, phone, bls_expiry"): a job column and nothing clinical or identifying beyond
    // how to reach each one. With a result, a diagnosis or a date of birth beside it, the staff are patients (employee health).
    const jobColumns = headers.map((h) => JOB_HEADERS.test(foldTerm(h.replace(/_/g, ' '))));
    // So is a staff list by its employee columns ("employee, emp_id, department, module, due_date"), whatever else it holds.
    const staffList = headers.some((h) => EMPLOYEE_HEADERS.test(foldTerm(h.replace(/_/g, ' '))));
    const team = !patientColumn && (staffList || (jobColumns.includes(true) && cols.every((c) => c === null || c === 'PATIENT_NAME' || c === 'PHONE' || c === 'EMAIL_ADDRESS')));
    let teamHealth = false;
    const providerColumn = headers.some((h) => PROVIDER_HEADERS.test(foldTerm(h)));
    const providers = (inventory || providerColumn) && !patientColumn;
    // Nothing typed in the header, no stock and no staff columns: no table this reading knows.
    // ("transcriptionist, specialty, lines": a staff list by its specialty column, names read as prose otherwise.)
    if (cols.every((c) => c === null) && !inventory && !providerColumn && !staffList) continue;
    if (providers) for (let c = 0; c < cols.length; c++) if (cols[c] === 'PATIENT_NAME') cols[c] = null;
    // Only lab columns and a date: a result table; its results need a person (the line introducing it names one).
    const width = cols.length;
    const people = cols.includes('PATIENT_NAME');
    // A rota's day columns ("mon", "tue") hold where each works, like a place's.
    const placeColumns = people ? headers.map((h) => PLACE_HEADERS.test(foldTerm(h)) || WEEKDAY_HEADERS.test(foldTerm(h))) : [];
    let row = l + 1;
    let blanks = 0;
    for (; row + 1 < lines.length && row - l <= MAX_ROWS; row++) {
      const rs = lines[row];
      const rowText = text.slice(rs, lines[row + 1] - 1);
      // HTML tables turned into text leave a blank line between rows.
      if (rowText.trim() === '') { if (++blanks > 1) break; continue; }
      blanks = 0;
      // "----+------" under the header (psql, ASCII-art tables): a rule, not a row that ends the table.
      if (RULE_ROW.test(rowText) && rowText.includes('---')) continue;
      const cells = splitCells(rowText, delim);
      if (cells.length !== width + lead) break;
      let pos = rs;
      for (let c = 0; c < lead; c++) pos += cells[c].length + delim.length;
      const before = ctx.hits.length;
      let rowHealth = false;
      for (let c = 0; c < width; c++) {
        const type = cols[c];
        const cell = cells[c + lead];
        if (type) cellHit(ctx, type, pos, cell, headers[c], people);
        // "4,Vasquez,Luis,73,…,Salmonella Enteritidis": clinical content in a cell of its own, not in the name's cell
        // ("Maple Ridge Cardiology" under "client") nor in a place's ("Dialysis" under "unit").
        if (people && type !== 'PATIENT_NAME' && !rowHealth && !placeColumns[c]) rowHealth = healthBetween(ctx, pos, pos + cell.length);
        if (team && !teamHealth && !jobColumns[c] && !placeColumns[c] && type !== 'PATIENT_NAME') teamHealth = healthBetween(ctx, pos, pos + cell.length);
        pos += cell.length + delim.length;
      }
      if (rowHealth) for (let i = before; i < ctx.hits.length; i++) if (ctx.hits[i].type === 'PATIENT_NAME') ctx.hits[i].reasons.push('name:next-to-health');
    }
    parsedUntil = row - 1;
    const blockEnd = row < lines.length ? lines[row] : text.length;
    // A stock list's will-call row ("Prograf 1 mg for Beatriz Quintanilla (DOB 1983-01-30)") holds a patient: its names stay.
    const patientRow = inventory && ctx.hits.some((h) => h.start >= lines[l] && h.start < blockEnd && PATIENT_MARKS.has(h.type) && h.confidence === 'high');
    if ((providers && !patientRow) || (team && !teamHealth)) (ctx.staffBlocks ??= []).push([lines[l], blockEnd]);
  }
}

const WEEKDAY_HEADERS = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lun|mie|jue|vie|sab|dom)$/;
const RULE_ROW = /^[\s=_+|:-]+$/;

/** Header cells of a fixed-width report: words separated by two spaces or more ("RX#      PATIENT      DOB"). */
const FIXED_CELL = /\S+(?: \S+)*/g;

/**
 * A report printed in fixed-width columns (a pharmacy's refill list, a lab's worklist pasted as text):
 * each header cell's offset starts its column, and a row's cell is what stands between two offsets.
 * Dashed rule lines are skipped; a blank line ends the table. Returns the last line read.
 */
function fixedWidthTable(ctx: PartContext, lines: number[], l: number, header: string): number {
  const { text } = ctx;
  // At least two gaps of two spaces, and no colon: a form line ("Patient name: ____  DOB: __/__") is no header.
  if (header.length > 300) return l;
  const gap = header.indexOf('  ');
  if (gap < 0 || header.indexOf('  ', gap + 2) < 0 || header.indexOf(':') >= 0) return l;
  const starts: number[] = [];
  const names: string[] = [];
  FIXED_CELL.lastIndex = 0;
  for (let m = FIXED_CELL.exec(header); m; m = FIXED_CELL.exec(header)) {
    // Column titles are short words.
    if (m[0].length > 30 || m[0].includes('__')) return l;
    starts.push(m.index);
    names.push(m[0]);
  }
  if (starts.length < 3) return l;
  const cols = names.map((c) => columnType(ctx, c));
  if (cols.every((c) => c === null)) return l;
  let row = l + 1;
  for (; row + 1 < lines.length && row - l <= MAX_ROWS; row++) {
    const rs = lines[row];
    const rowText = text.slice(rs, lines[row + 1] - 1);
    if (rowText.trim() === '') break;
    if (RULE_ROW.test(rowText)) continue;
    for (let c = 0; c < starts.length; c++) {
      const type = cols[c];
      if (!type || starts[c] >= rowText.length) continue;
      const cell = rowText.slice(starts[c], c + 1 < starts.length ? starts[c + 1] : rowText.length);
      cellHit(ctx, type, rs + starts[c], cell, names[c], cols.includes('PATIENT_NAME'));
    }
  }
  return row - 1;
}

/** Cells of a delimited row; a double-quoted cell may hold the delimiter ("Sow, Amadou"). Cells keep their text. */
function splitCells(row: string, delim: string): string[] {
  if (row.indexOf('"') < 0) return row.split(delim);
  const cells: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c === '"') quoted = !quoted;
    else if (c === delim && !quoted) { cells.push(row.slice(start, i)); start = i + 1; }
  }
  cells.push(row.slice(start));
  return cells;
}

/** Occurrences of a one-character delimiter (what split(d).length - 1 counts, without the array). */
function countOf(s: string, d: string): number {
  let n = 0;
  for (let i = s.indexOf(d); i >= 0; i = s.indexOf(d, i + 1)) n++;
  return n;
}

/** Where a diagnosis cell's diagnosis ends: at a dash, a colon or a semicolon that opens a note, else the whole cell. */
function diagnosisLength(raw: string): number {
  const m = CELL_NOTE.exec(raw);
  return m !== null && m.index >= 3 ? m.index : raw.length;
}
const CELL_NOTE = /[ \t][-\u2013\u2014][ \t]|[:;][ \t]/;

/** `people`: the table has a name column, so its serials are those people's devices. */
function cellHit(ctx: PartContext, type: Exclude<Column, null>, start: number, cell: string, header: string, people: boolean): void {
  const { text, where } = ctx;
  const lead = cell.length - cell.trimStart().length;
  const s = start + lead;
  const raw = cell.trim().replace(/^"|"$/g, '');
  if (!raw) return;
  const q = cell.trimStart().startsWith('"') ? s + 1 : s;
  const e = q + raw.length;
  const reasons = [`table-column:${foldTerm(header).slice(0, 30)}`];
  const push = (t: PhiType, role: Hit['role'], end: number, extra: string, explain: string): void => {
    ctx.hits.push(makeHit(t, 'high', where, q, end, role, [...reasons, extra], explain));
  };
  const col = `in the '${header.slice(0, 30)}' column`;
  switch (type) {
    case 'DOB':
    case 'DATE_OF_SERVICE': {
      const end = dateAt(text, q);
      if (end > 0 && end <= e) push(type, 'strong', end, 'pattern:date', `a date ${col}`);
      return;
    }
    case 'PATIENT_NAME': {
      // "HOLLOWAY, DENISE": a patient column may print names in capitals.
      const end = nameAt(ctx, q) > 0 ? nameAt(ctx, q) : CAPS_CELL_NAME.test(raw) ? e : -1;
      // "Patient"/"Member" columns name patients; a bare "Name" column could be a staff list, a "Client"
      // column a billing company's customers (their health content must be there too).
      const role = /patient|member|subscriber|pt|paciente/i.test(header) ? 'strong' : 'named';
      // "Riverbend Dermatology" in a "client" column: the cell names a practice, the name only opens it.
      if (end > 0 && end <= e && !notAPerson(text, q, end) && !notAPerson(text, q, e)) push('PATIENT_NAME', role, end, 'name:table', `a person's name ${col}`);
      return;
    }
    case 'ICD_OR_DX': {
      const icdEnd = matchAt(PATTERNS.icd, text, q);
      if (icdEnd > 0 && ctx.dict.icd.isValid(text.slice(q, icdEnd).replace('.', ''))) push('ICD10', 'health', icdEnd, 'table:icd10cm-fy2026', `a valid ICD-10-CM code ${col}`);
      // "CKD stage 4 - free text: pt Rosalind Achebe, call …": a cell's note after its diagnosis is read on its own, so
      // the names and numbers in it stay findings of their own.
      else if (foldTerm(header) !== 'code' && /[a-z]{3}/i.test(raw)) push('DIAGNOSIS', 'health', q + diagnosisLength(raw), 'dictionary:diagnosis-column', `a diagnosis ${col}`);
      return;
    }
    case 'LAB': {
      // "2.1", "5.3 H", "<0.5": a numeric result in a lab's column.
      if (/^[<>≤≥]?\d{1,4}(?:\.\d{1,3})?(?:\/\d{2,3})?(?: ?[HLhl*]{1,2})?$/.test(raw) || QUALITATIVE_CELL.test(raw)) push('LAB_RESULT', 'health', e, 'table:lab-column', `a lab result ${col}`);
      return;
    }
    case 'MED': {
      if (/[a-z]{4}/i.test(raw)) push('MEDICATION', 'health', e, 'table:medication-column', `a medication ${col}`);
      return;
    }
    case 'SSN': {
      const end = matchAt(PATTERNS.ssnLoose, text, q);
      if (end > 0 && ssnKind(text.slice(q, end).replace(/\D/g, ''))) push('SSN', 'high-risk', end, 'rules:ssa-issuance', `a valid SSN ${col}`);
      return;
    }
    case 'MBI': {
      const end = matchAt(PATTERNS.mbi, text, q);
      if (end > 0 && mbiValid(text.slice(q, end).replace(/-/g, ''))) push('MBI', 'high-risk', end, 'rules:cms-mbi', `a Medicare MBI ${col}`);
      return;
    }
    case 'MRN':
    case 'HEALTH_PLAN_ID':
    case 'DEVICE_ID':
    case 'BANK_ACCOUNT': {
      const end = matchAt(PATTERNS.idValue, text, q);
      if (end > 0 && /\d{3}/.test(text.slice(q, end))) push(type, type === 'BANK_ACCOUNT' || (type === 'DEVICE_ID' && !people) ? 'weak' : type === 'DEVICE_ID' ? 'strong' : 'high-risk', end, 'pattern:labelled-id', `an identifier ${col}`);
      return;
    }
    default: {
      if (type === 'CREDIT_CARD' && cardBrand(raw.replace(/\D/g, ''))) push('CREDIT_CARD', 'payment', e, 'checksum:luhn', `a card number ${col}`);
    }
  }
}
