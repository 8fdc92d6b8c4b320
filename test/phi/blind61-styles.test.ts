/**
 * Capabilities added after blind sets 61–64 (test/fixtures/phi/README.md). Each case has a twin
 * that must go the other way, so a rule that fires everywhere fails here. Names and numbers are
 * invented and differ from the sets'.
 */
import { describe, expect, it } from 'vitest';
import { scanText } from '../../phi/index.ts';

const names = (text: string): string[] =>
  scanText(text).findings.filter((f) => f.type === 'PATIENT_NAME' && f.confidence !== 'low').map((f) => text.slice(f.start, f.end));

describe('given names of the wide list', () => {
  it('a wide-list name with clinical content on its line is a patient ("Olayinka Adeyemi is 6 wks out from knee surgery …")', () => {
    const text = 'Olayinka Adeyemi is 6 wks out from knee surgery for a torn meniscus, still on naproxen 500 mg BID. Please see him Friday.';
    expect(names(text)).toEqual(['Olayinka Adeyemi']);
    expect(scanText(text).containsPhi).toBe(true);
  });
  it('the same name on a staff roster line without clinical content is nobody\'s patient', () => {
    const text = 'Rotation roster for June:\nOlayinka Adeyemi - Tuesday mornings\nPriya Raman - Thursdays\nBring your badge.';
    expect(names(text)).not.toContain('Olayinka Adeyemi');
  });
  it('place names the lists hold as given names are left out ("Hudson Bridge Health", "Savannah")', () => {
    const text = 'Hudson Valley Clinic opens its diabetes program; Savannah Division is hiring paramedics.';
    expect(names(text)).toEqual([]);
  });
});
