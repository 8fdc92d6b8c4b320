import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';
import { recognizersFlagText } from './recognizers.ts';

// Readings added in session 13 from blind sets 252-259, read only once they were no longer held back. Made-up
// names and numbers; none taken from a test set. Each case has a twin that must go the other way.
const names = (text: string) => scanText(text).findings.filter((f) => f.type === 'PATIENT_NAME').map((f) => text.slice(f.start, f.end));

describe('a case written up in quotation marks', () => {
  const note = (body: string) => `Here is the write-up for the residents.\n\n${body}\n\nok to send?\n- Tomas`;
  it('the pronouns of a quoted case tie its content to no one the message names', () => {
    expect(recognizersFlagText(note('"A runner in her 40s presented 8 weeks after ACL reconstruction with quad inhibition; she began a running progression at 16 weeks post-op."'))).toBe(false);
  });
  it('unquoted, the same sentences are about someone', () => {
    expect(recognizersFlagText(note('A runner in her 40s presented 8 weeks after ACL reconstruction with quad inhibition; she began a running progression at 16 weeks post-op.'))).toBe(true);
  });
  it('words before the quote on its line still count', () => {
    expect(scanText('Reyna Castillo called: she says "I stopped my metformin last week because of the diarrhea".').containsPhi).toBe(true);
  });
});

describe('records that say they identify no one', () => {
  it('a dummy patient for a test file', () => {
    const text = (who: string) => `Ray, for the clearinghouse test file please use the ${who}: TEST, MEDICARE, DOB 01/01/1950.\n\nSandra`;
    expect(scanText(text('dummy patient we set up')).containsPhi).toBe(false);
    expect(scanText(text('patient from Tuesday')).containsPhi).toBe(true);
  });
});

describe('departments, devices and rows', () => {
  it('"comes from the cardiology research unit" is a department', () => {
    const welcome = (where: string) => `Welcome Priya! She joins us Monday. ${where}. Her desk is 2150-C.\n\nDana`;
    expect(recognizersFlagText(welcome('Priya comes from the cardiology research unit'))).toBe(false);
    expect(recognizersFlagText(welcome('Priya is back from her cardiology procedure'))).toBe(true);
  });
  it('the model name before a serial-number label is no person', () => {
    const text = 'For your device DermaScope Neo (Seriennummer DS-2210-0091, registered to Mesa Dermatology) firmware 3.2 is ready.';
    expect(names(text)).toEqual([]);
  });
  it('"Pena, G  M17.11" in a subject: surname, initial and a diagnosis code', () => {
    const mail = (subject: string) => scanParts([{ where: 'subject', text: subject }, { where: 'body', text: 'fyi\n\n--\nLuz' }]);
    expect(mail('Ortega, R  M17.12  auth approved 8 visits 5/1-6/30').containsPhi).toBe(true);
    expect(mail('Ortega, R  budget approved 8 shifts 5/1-6/30').containsPhi).toBe(false);
  });
  it('lentigo maligna is a diagnosis, not a lower-case name', () => {
    const text = 'quick poll: for lentigo maligna on the face are you still doing 5 mm staged excisions or mohs? discuss at tumor board\nR';
    expect(names(text)).toEqual([]);
    expect(scanText(text).findings.map((f) => f.type)).toContain('DIAGNOSIS');
  });
});
