/** Check-digit and issuance rules of structured identifiers. Inputs are digit/letter strings only. */

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** NPI: 10 digits starting 1 or 2, Luhn over the ISO prefix 80840 + the NPI. */
export function npiValid(npi: string): boolean {
  return /^[12]\d{9}$/.test(npi) && luhnValid('80840' + npi);
}

/** SSNs printed in training material, ads and wallets; never a real person's. */
const EXAMPLE_SSNS = new Set(['078051120', '123456789', '219099999', '457555462', '987654321', '111111111', '333333333', '000000000']);

/** The well-known example SSNs of training material and advertisements ("078-05-1120"): nobody's number of any kind. */
export function isExampleSsn(nine: string): boolean {
  return EXAMPLE_SSNS.has(nine);
}

export type SsnKind = 'ssn' | 'itin';

/** SSA issuance rules: area 001-899 except 666, group 01-99, serial 0001-9999; ITIN = 9xx-(50-65|70-88|90-92|94-99). */
export function ssnKind(nine: string): SsnKind | null {
  // 987-65-4320 to 987-65-4329: the block the SSA set aside for advertisements.
  if (!/^\d{9}$/.test(nine) || EXAMPLE_SSNS.has(nine) || nine.startsWith('98765432')) return null;
  if (/^(\d)\1{8}$/.test(nine)) return null;
  const area = +nine.slice(0, 3);
  const group = +nine.slice(3, 5);
  const serial = +nine.slice(5);
  if (serial === 0) return null;
  if (area >= 900) {
    const ok = (group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92) || group >= 94;
    return ok ? 'itin' : null;
  }
  if (area === 0 || area === 666 || group === 0) return null;
  return 'ssn';
}

/** DEA: registrant letter, second letter (surname initial or 9), 7 digits with check digit. */
export function deaValid(dea: string): boolean {
  if (!/^[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}$/.test(dea)) return false;
  const d = dea.slice(2).split('').map(Number);
  const check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10;
  return check === d[6];
}

/** ABA routing number: valid Federal Reserve prefix and the 3-7-1 checksum. */
export function abaValid(nine: string): boolean {
  if (!/^\d{9}$/.test(nine)) return false;
  const p = +nine.slice(0, 2);
  if (!((p <= 12) || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p === 80)) return false;
  const d = nine.split('').map(Number);
  const sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
  return sum % 10 === 0 && nine !== '000000000';
}

/** CMS MBI format: C A AN N A AN N A A N N (A excludes S L O I B Z). The CMS sample is rejected. */
const MBI_RE = /^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d{2}$/;
const EXAMPLE_MBIS = new Set(['1EG4TE5MK73', '1EG4TE5MK72']);
export function mbiValid(mbi: string): boolean {
  return MBI_RE.test(mbi) && !EXAMPLE_MBIS.has(mbi);
}

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'diners';

/** The card networks' and processors' published test numbers ("run test transactions with 4111 1111 1111 1111"): nobody's card. */
const TEST_CARDS = new Set(['4111111111111111', '4242424242424242', '4012888888881881', '4000056655665556', '5555555555554444', '5105105105105100',
  '5200828282828210', '378282246310005', '371449635398431', '6011111111111117', '6011000990139424', '3530111333300000', '30569309025904']);

export function cardBrand(digits: string): CardBrand | null {
  const n = digits.length;
  if (!luhnValid(digits) || /^(\d)\1+$/.test(digits) || TEST_CARDS.has(digits)) return null;
  const p2 = +digits.slice(0, 2);
  const p4 = +digits.slice(0, 4);
  const p3 = +digits.slice(0, 3);
  if (digits[0] === '4' && (n === 13 || n === 16 || n === 19)) return 'visa';
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n === 16) return 'mastercard';
  if ((p2 === 34 || p2 === 37) && n === 15) return 'amex';
  if ((p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649)) && n >= 16 && n <= 19) return 'discover';
  if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19) return 'jcb';
  if ((p2 === 36 || p2 === 38 || (p3 >= 300 && p3 <= 305)) && n >= 14 && n <= 19) return 'diners';
  return null;
}
