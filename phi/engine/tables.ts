/**
 * Delimited tables (CSV/TSV attachments, HTML tables turned into tab-separated rows): a header row
 * names the columns ("DOB", "MRN", "Patient", "Dx code"), so every cell below is read as that type.
 */
import { cardBrand, mbiValid, ssnKind } from './checksums.ts';
import type { PartContext } from './context.ts';
import { dateAt } from './dates.ts';
import { makeHit, type Hit } from './hit.ts';
import { nameAt } from './names.ts';
import { matchAt, PATTERNS } from './patterns.ts';
import type { PhiType } from '../types.ts';
import { foldTerm, hashWord as hash } from './fold.ts';
import { lineStarts } from './segments.ts';

type Column = PhiType | 'ICD_OR_DX' | null;
const DELIMS = ['\t', ',', ';', '|'];
const MAX_ROWS = 100_000;
const NAME_HEADERS = /^(?:(?:patient|member|subscriber|client|pt)(?: (?:full|last|first))? ?name|(?:last|first|full|given|family|sur) ?name|name|patient|nombre|apellido|nom|prenom|vorname|nachname)$/;
const DX_HEADERS = /^(?:dx(?: code)?|diagnosis(?: code)?|icd(?: ?10)?(?: code)?|diagnostico|diagnostic|diagnose|code)$/;

function columnType(ctx: PartContext, cell: string): Column {
  const f = foldTerm(cell);
  if (f.length === 0 || f.length > 40) return null;
  if (NAME_HEADERS.test(f)) return 'PATIENT_NAME';
  if (DX_HEADERS.test(f)) return 'ICD_OR_DX';
  const tokens = f.split(' ');
  const entries = ctx.dict.byFirstToken.get(hash(tokens[0]));
  if (!entries) return null;
  for (const e of entries) if (e.label && e.term === f) return e.label === 'PATIENT_NAME' ? 'PATIENT_NAME' : e.label;
  for (const e of entries) if (e.kind === 'c' || e.kind === 'g' || e.kind === 'b') return e.term === f ? 'ICD_OR_DX' : null;
  return null;
}

/** Header lines worth trying: those holding an identifier label or a diagnosis-column word. */
function headerCandidates(ctx: PartContext): number[] {
  const lines = new Set<number>();
  for (const m of ctx.terms) {
    if (m.kind === 'L' || (m.kind === 'x' && DX_WORDS.has(m.entry.term))) lines.add(ctx.tokens.line[m.first]);
  }
  return [...lines].sort((a, b) => a - b);
}
const DX_WORDS = new Set(['dx', 'diagnosis', 'diagnoses', 'icd', 'icd10', 'icd 10', 'diagnostico', 'diagnostic', 'diagnose']);

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
    if (!delim) continue;
    const headers = header.split(delim).map((c) => c.trim().replace(/^["']|["']$/g, ''));
    const cols = headers.map((c) => columnType(ctx, c));
    if (cols.every((c) => c === null)) continue;
    const width = cols.length;
    let row = l + 1;
    for (; row + 1 < lines.length && row - l <= MAX_ROWS; row++) {
      const rs = lines[row];
      const cells = text.slice(rs, lines[row + 1] - 1).split(delim);
      if (cells.length !== width) break;
      let pos = rs;
      for (let c = 0; c < width; c++) {
        const type = cols[c];
        if (type) cellHit(ctx, type, pos, cells[c], headers[c]);
        pos += cells[c].length + delim.length;
      }
    }
    parsedUntil = row - 1;
  }
}

/** Occurrences of a one-character delimiter (what split(d).length - 1 counts, without the array). */
function countOf(s: string, d: string): number {
  let n = 0;
  for (let i = s.indexOf(d); i >= 0; i = s.indexOf(d, i + 1)) n++;
  return n;
}

function cellHit(ctx: PartContext, type: Exclude<Column, null>, start: number, cell: string, header: string): void {
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
      const end = nameAt(ctx, q);
      // "Patient"/"Member" columns name patients; a bare "Name" column could be a staff list.
      const role = /patient|member|subscriber|pt|client|paciente/i.test(header) ? 'strong' : 'named';
      if (end > 0 && end <= e) push('PATIENT_NAME', role, end, 'name:table', `a person's name ${col}`);
      return;
    }
    case 'ICD_OR_DX': {
      const icdEnd = matchAt(PATTERNS.icd, text, q);
      if (icdEnd > 0 && ctx.dict.icd.isValid(text.slice(q, icdEnd).replace('.', ''))) push('ICD10', 'health', icdEnd, 'table:icd10cm-fy2026', `a valid ICD-10-CM code ${col}`);
      else if (foldTerm(header) !== 'code' && /[a-z]{3}/i.test(raw)) push('DIAGNOSIS', 'health', e, 'dictionary:diagnosis-column', `a diagnosis ${col}`);
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
      if (end > 0 && /\d{3}/.test(text.slice(q, end))) push(type, type === 'BANK_ACCOUNT' ? 'weak' : type === 'DEVICE_ID' ? 'strong' : 'high-risk', end, 'pattern:labelled-id', `an identifier ${col}`);
      return;
    }
    default: {
      if (type === 'CREDIT_CARD' && cardBrand(raw.replace(/\D/g, ''))) push('CREDIT_CARD', 'payment', e, 'checksum:luhn', `a card number ${col}`);
    }
  }
}
