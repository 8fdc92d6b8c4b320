import { describe, expect, it } from 'vitest';
import { abaValid, cardBrand, deaValid, luhnValid, mbiValid, npiValid, ssnKind } from '../../phi/engine/checksums.ts';

describe('SSN issuance rules', () => {
  it('accepts valid SSNs and ITINs', () => {
    expect(ssnKind('219456789')).toBe('ssn');
    expect(ssnKind('001010001')).toBe('ssn');
    expect(ssnKind('912784521')).toBe('itin');
  });
  it('rejects invalid areas, groups, serials and known examples', () => {
    for (const bad of ['000123456', '666123456', '123004567', '123450000', '078051120', '123456789', '219099999', '111111111', '912894521', '912934521', '12345678']) {
      expect(ssnKind(bad), bad).toBeNull();
    }
  });
});

describe('check digits', () => {
  it('NPI: Luhn over 80840 + NPI', () => {
    expect(npiValid('1234567893')).toBe(true);
    expect(npiValid('1234567890')).toBe(false);
    expect(npiValid('3234567893')).toBe(false); // must start with 1 or 2
  });
  it('DEA: registrant letter and check digit', () => {
    expect(deaValid('AB1234563')).toBe(true);
    expect(deaValid('AB1234564')).toBe(false);
    expect(deaValid('ZB1234563')).toBe(false); // Z is not a registrant type
    expect(deaValid('F91234563')).toBe(true); // 9 for a business
  });
  it('ABA routing numbers', () => {
    expect(abaValid('021000021')).toBe(true);
    expect(abaValid('011000015')).toBe(true);
    expect(abaValid('021000022')).toBe(false);
    expect(abaValid('991000021')).toBe(false); // prefix outside the Federal Reserve ranges
  });
  it('cards: Luhn plus brand prefix and length', () => {
    expect(luhnValid('4539578763621486')).toBe(true);
    expect(cardBrand('4539578763621486')).toBe('visa');
    expect(cardBrand('371298765432100')).toBe('amex');
    expect(cardBrand('5407123456789013')).toBe('mastercard');
    // The networks' published test numbers are nobody's card.
    expect(cardBrand('378282246310005')).toBeNull();
    expect(cardBrand('5555555555554444')).toBeNull();
    expect(cardBrand('4111111111111111')).toBeNull();
    expect(cardBrand('4539578763621487')).toBeNull();
    expect(cardBrand('1234567812345670')).toBeNull(); // Luhn-valid, no brand
  });
  it('MBI: CMS character classes, CMS sample rejected', () => {
    expect(mbiValid('7TN2WX4RP63')).toBe(true);
    expect(mbiValid('1EG4TE5MK73')).toBe(false); // the CMS example
    expect(mbiValid('0TN2WX4RP63')).toBe(false); // first char 1-9
    expect(mbiValid('7SN2WX4RP63')).toBe(false); // S is excluded
    expect(mbiValid('7TN2WX4RP6')).toBe(false);
  });
});
