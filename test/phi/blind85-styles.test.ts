import { describe, expect, it } from 'vitest';
import { scanParts } from '../../phi/index.ts';
import { recognizersFlag } from './recognizers.ts';

// Readings added after blind sets 85-88 (session 8). Made-up names and numbers; none taken from a test set.
// Each case has a twin that must go the other way.
describe('subject names, rooms and languages (sets 85-88)', () => {
  it('a subject opening with a name written surname first, then a dash and a topic', () => {
    const body = 'Cultures back: MRSA in the wound, starting doxycycline, allergy to sulfa noted.';
    expect(scanParts([{ where: 'subject', text: 'OKONJO, Chidinma - cx' }, { where: 'body', text: body }]).containsPhi).toBe(true);
    expect(scanParts([{ where: 'subject', text: 'Okonjo, Chidinma - parking' }, { where: 'body', text: 'Your badge for lot C is ready at the front desk.' }]).containsPhi).toBe(false);
  });
  it('a name with "rm" or "bed" and a number is a resident\'s', () => {
    const body = (where: string) => `Re: Folasade, ${where}\nshe is more drowsy since the morphine was started.`;
    expect(scanParts([{ where: 'subject', text: 'call back' }, { where: 'body', text: body('rm 412') }]).containsPhi).toBe(true);
    // A meeting room is not a bed.
    // The recognizers' reading; the wording model flags it (a known false alarm, phi/README.md).
    expect(recognizersFlag([{ where: 'subject', text: 'call back' }, { where: 'body', text: body('Room 412 at noon for the morphine in-service') }])).toBe(false);
  });
});

describe('work lists keyed by record number (sets 85-88)', () => {
  it('a long number opening a line with a diagnosis code or a definite result is that patient\'s', () => {
    expect(scanParts([{ where: 'subject', text: 'HD chairs' }, { where: 'body', text: '00918834  N18.6 - needs chair Tue 0600\n00918861  E87.5 K 6.3 redraw' }]).containsPhi).toBe(true);
    expect(scanParts([{ where: 'subject', text: 'denial' }, { where: 'body', text: 'QXR774120935 / 99213 / J45.40 denied CO-197' }]).containsPhi).toBe(true);
    // Catalogue numbers opening lines of a supply order, and a code table without numbers, are not.
    expect(scanParts([{ where: 'subject', text: 'order' }, { where: 'body', text: '00918834  heparin 5000 units/mL x 25\n00918861  insulin syringes x 100' }]).containsPhi).toBe(false);
    expect(scanParts([{ where: 'subject', text: 'codes' }, { where: 'body', text: 'N18.6 - ESRD\nJ45.40 - moderate persistent asthma' }]).containsPhi).toBe(false);
  });
});

describe('plain words and more languages (sets 85-88)', () => {
  it('"his sugar" is diabetes; "sugar" for baking is not', () => {
    expect(scanParts([{ where: 'subject', text: 'elig' }, { where: 'body', text: 'pls run elig for Hamid Rahimi 6/9/57, coming fri for his sugar f/u' }]).containsPhi).toBe(true);
    expect(scanParts([{ where: 'subject', text: 'potluck' }, { where: 'body', text: 'Hamid Rahimi is bringing cookies; less sugar this time.' }]).containsPhi).toBe(false);
  });
  it('Haitian Creole blood pressure with a value, Polish "born" and stroke', () => {
    expect(scanParts([{ where: 'subject', text: 'mesaj' }, { where: 'body', text: 'Madan Exantus rele: tansyon l 172/104 maten an, li fini grenn li yo.' }]).containsPhi).toBe(true);
    expect(scanParts([{ where: 'subject', text: 'flyer' }, { where: 'body', text: 'Tcheke tansyon ou chak mwa! Klinik gratis samdi.' }]).containsPhi).toBe(false);
    expect(scanParts([{ where: 'subject', text: 'ojciec' }, { where: 'body', text: 'Mój ojciec Zbigniew Kowal, urodzony 03.05.1941, jest w szpitalu po udarze.' }]).containsPhi).toBe(true);
  });
});
