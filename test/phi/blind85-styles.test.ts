import { describe, expect, it } from 'vitest';
import { scanParts } from '../../phi/index.ts';

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
    expect(scanParts([{ where: 'subject', text: 'call back' }, { where: 'body', text: body('Room 412 at noon for the morphine in-service') }]).containsPhi).toBe(false);
  });
});
