import { describe, expect, it } from 'vitest';
import { recognizersFlagText } from './recognizers.ts';

// Readings added in session 17 from blind sets 420-427, read only once they were no longer held back. Made-up
// names; none taken from a test set. Each case has a twin that must go the other way.

describe('whose health, sets 420-427', () => {
  it('an "I" in the next sentence does not make the health before it the writer\'s own', () => {
    const signed = (text: string) => recognizersFlagText(`${text}\n– Aisha`);
    expect(signed('Do we swab toddlers for strep when a parent calls about fever and sore throat? I could not find it in the binder.')).toBe(false);
    expect(signed('Do we swab toddlers for strep when a parent calls about fever? I have had a sore throat since Monday and could not find it in the binder.')).toBe(true);
    expect(signed('Please book a video visit for symptom management instead. I will add it to the FAQ.')).toBe(false);
    expect(signed('Booked a video visit for the rash on Monday, I will add the photos tonight.')).toBe(true);
  });
});
