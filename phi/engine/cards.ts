/**
 * Contact cards (vCard, .vcf) pasted or attached: FN/N name the person, BDAY is their birth date,
 * ADR their address. A card with a job title or organisation (a colleague's, a vendor's) names staff,
 * not a patient. Found from the literal "BEGIN:VCARD" in attachments, or a part that starts with one; no regexes.
 */
import { healthBetween, type PartContext } from './context.ts';
import { dateAt } from './dates.ts';
import { makeHit, quote } from './hit.ts';
import { nameAt } from './names.ts';
import { personKey } from './fold.ts';

const MAX_CARD = 20_000;
/** "ORG:Halvorsen Pharma - Patient Assistance": a drug or device maker's card is its representative's, whatever its note says of drugs. */
const INDUSTRY_ORG = /\b(?:Pharma|Pharmaceuticals?|Biotech|Biologics|Therapeutics|Diagnostics|Patient Assistance|Medical Supply|Medical Devices?|Specialty Pharmacy|Distributors?)\b/i;

export function recognizeCards(ctx: PartContext): void {
  const { text } = ctx;
  // Attachments (.vcf), or a part that is a card; not a search through every long body.
  if (!ctx.where.includes('attachment') && !startsWithCard(text)) return;
  let foundEnd = -1;
  let noEnd = false; // once a search found no END, none after it will: keeps many BEGINs linear
  for (let b = text.indexOf('BEGIN:VCARD'); b >= 0; b = text.indexOf('BEGIN:VCARD', b + 11)) {
    if (!noEnd && foundEnd < b) foundEnd = text.indexOf('END:VCARD', b);
    if (foundEnd < 0) noEnd = true;
    let end = noEnd ? -1 : foundEnd;
    if (end < 0 || end - b > MAX_CARD) end = Math.min(text.length, b + MAX_CARD);
    const props: Array<{ name: string; vs: number; ve: number }> = [];
    let staff = false;
    let titled = false;
    for (let ls = text.indexOf('\n', b) + 1; ls > 0 && ls < end; ) {
      let le = text.indexOf('\n', ls);
      if (le < 0 || le > end) le = end;
      // NAME[;PARAMS]:VALUE
      let p = ls;
      while (p < le && p - ls < 40 && text.charCodeAt(p) !== 58 && text.charCodeAt(p) !== 59) p++;
      const name = text.slice(ls, p).trim().toUpperCase();
      const colon = text.indexOf(':', p);
      if (colon >= 0 && colon < le) {
        let ve = le;
        while (ve > colon + 1 && (text.charCodeAt(ve - 1) === 13 || text.charCodeAt(ve - 1) === 32)) ve--;
        props.push({ name, vs: colon + 1, ve });
        if ((name === 'TITLE' || name === 'ORG' || name === 'ROLE') && ve > colon + 1) staff = true;
        if ((name === 'TITLE' || name === 'ROLE') && ve > colon + 1) titled = true;
      }
      ls = le + 1;
    }
    // "NOTE:Insulin-treated diabetic driver", "NOTE:TTTS stage II on 10/08 scan": a note about the holder's health.
    const fn = props.find((x) => x.name === 'FN' && x.ve > x.vs) ?? props.find((x) => x.name === 'N' && x.ve > x.vs);
    // …on a person's card: "EMG & Neuromuscular Lab" with a note on what it treats is a clinic's.
    const clinicalNote = fn !== undefined && nameAt(ctx, fn.vs, 2) === fn.ve && props.some((x) => x.name === 'NOTE' && healthBetween(ctx, x.vs, x.ve));
    // A colleague's or vendor's card: everything on it is read like a provider's signature block. An employer
    // (ORG) alone with a clinical note is a patient's card; a job title keeps it staff's.
    const industry = props.some((x) => x.name === 'ORG' && INDUSTRY_ORG.test(text.slice(x.vs, x.ve)));
    if (staff && (titled || industry || !clinicalNote)) {
      (ctx.staffBlocks ??= []).push([b, end]);
      // The holder's name may stand elsewhere in the message too ("Mei Chen's contact card"): it is theirs there as well.
      if (fn) (ctx.staffNames ??= []).push(personKey(text.slice(fn.vs, fn.ve).split(',')[0]));
      continue;
    }
    if (fn) {
      const reasons = clinicalNote ? ['name:vcard', 'name:next-to-health'] : ['name:vcard'];
      ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, fn.vs, fn.ve, 'named', reasons, `${quote(text, fn.vs, fn.ve)} is the name on a contact card${clinicalNote ? ' whose note is clinical' : ''}`));
    }
    for (const x of props) {
      if (x.name === 'BDAY') {
        const de = dateAt(text, x.vs);
        const e = de > 0 ? de : compactDateEnd(text, x.vs, x.ve);
        if (e > 0) ctx.hits.push(makeHit('DOB', 'high', ctx.where, x.vs, e, 'strong', ['vcard:bday'], 'the birthday field of a contact card: a date of birth'));
      } else if (x.name === 'ADR' && x.ve - x.vs > 8) {
        ctx.hits.push(makeHit('ADDRESS', 'medium', ctx.where, x.vs, x.ve, 'weak', ['vcard:adr'], 'the address field of a contact card'));
      }
    }
  }
}

/** 19610314 / 1961-03-14 as vCard writes BDAY. */
function compactDateEnd(text: string, s: number, e: number): number {
  let p = s;
  let digits = 0;
  while (p < e && p - s < 10) {
    const c = text.charCodeAt(p);
    if (c >= 48 && c <= 57) digits++;
    else if (c !== 45) break;
    p++;
  }
  return digits === 8 ? p : -1;
}

function startsWithCard(text: string): boolean {
  let i = 0;
  while (i < text.length && i < 200 && text.charCodeAt(i) <= 32) i++;
  return text.startsWith('BEGIN:VCARD', i);
}
