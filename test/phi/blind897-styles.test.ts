import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';

// Readings added in session 27 from blind sets 897-904 (held back through session 26, then read) and the sets written
// after them. Made-up names and numbers; none taken from a test set. Each case has a twin that must go the other way.

const flags = (subject: string, body: string): boolean => scanParts([{ where: 'subject', text: subject }, { where: 'body', text: body }]).containsPhi;
const found = (text: string, type: string): string[] => {
  const r = scanText(text);
  return r.findings.filter((f) => f.type === type).map((f) => text.slice(f.start, f.end));
};

/** Conditions read as naming a service, an event or a product ("the flu clinic"), not anyone's condition. */
const events = (text: string): string[] => scanText(text).findings.filter((f) => f.type === 'DIAGNOSIS' && f.reasons.includes('supply')).map((f) => text.slice(f.start, f.end));

describe('whom a message is about, sets 897-904', () => {
  it('a family meeting or care conference "for" a full name is about that patient, the clinical line far below', () => {
    const filler = 'The interpreter is booked for the hour and will meet everyone at the front desk. Parking validation is at the desk as well. '.repeat(4);
    expect(found('Re the family meeting for Lorena Castellanos on Monday at 10: conference room B.', 'PATIENT_NAME')).toEqual(['Lorena Castellanos']);
    expect(flags('Monday meeting', `Re the family meeting for Lorena Castellanos on Monday at 10: conference room B.\n\n${filler}\n\nReminder: her pressure ulcer dressing is changed at 9, so come after.`)).toBe(true);
    expect(found('The care conference for Tobias Wrenfield moved to 3 pm.', 'PATIENT_NAME')).toEqual(['Tobias Wrenfield']);
  });
  it('the same meeting with no name before the clinical line names no one', () => {
    const filler = 'The interpreter is booked for the hour and will meet everyone at the front desk. Parking validation is at the desk as well. '.repeat(4);
    expect(flags('Monday meeting', `Re the family meeting on Monday at 10: conference room B.\n\n${filler}\n\nReminder: pressure ulcer dressing supplies are in the clean utility room.`)).toBe(false);
  });
});

describe('names that are no one\'s, sets 897-904', () => {
  it('"Client: <town> Women\'s Health" is a practice, not a client\'s name', () => {
    expect(found("Client: Ashgrove Women's Health (client account AWH-2291)\nPap tests billed: 40", 'PATIENT_NAME')).toEqual([]);
  });
  it('"Client:" before a person\'s full name stays a name', () => {
    expect(found('Client: Ashgrove Whitlock (client account AWH-2291)\nPap tests billed: 40', 'PATIENT_NAME')).toEqual(['Ashgrove Whitlock']);
  });
  it('a town\'s people greeted by its name ("Dear Ashby Crossing neighbor,") are no person', () => {
    expect(found('Dear Ashby Crossing neighbor,\nA flight to the trauma center after a stroke or a heart attack can cost thousands.', 'PATIENT_NAME')).toEqual([]);
    expect(found('Dear Ashby Crossing residents,\nA flight to the trauma center after a stroke or a heart attack can cost thousands.', 'PATIENT_NAME')).toEqual([]);
  });
  it('a person greeted by name stays a name', () => {
    expect(found('Dear Rosalind Pembury,\nA flight to the trauma center after a stroke or a heart attack can cost thousands.', 'PATIENT_NAME')).toEqual(['Rosalind Pembury']);
  });
  it('a given name after "st" in lower-case mail is a hospital or a parish', () => {
    expect(found('census 0700: acute 4, swing 6. 1 admit from st brendan expected pm (hip fx rehab). -house sup', 'PATIENT_NAME')).toEqual([]);
  });
  it('the same given name and surname in lower-case mail stay a person', () => {
    expect(found('census 0700: acute 4, swing 6. 1 admit brendan walsh expected pm (hip fx rehab). -house sup', 'PATIENT_NAME')[0]).toMatch(/^brendan walsh/);
  });
  it('a line going on as a sentence after its first word signs nothing ("Be brutal, I can take it.")', () => {
    expect(found('Draft attached below.\n\nBe brutal, I can take it.\nWriting Club, Thursday 5pm', 'PATIENT_NAME')).toEqual([]);
  });
  it('a name alone on its line over a group line still signs', () => {
    expect(found('Draft attached below.\n\nBea Fairlie\nWriting Club, Thursday 5pm', 'PATIENT_NAME')).toEqual(['Bea Fairlie']);
  });
});

describe('health that is nobody\'s, sets 897-904', () => {
  it('a governor\'s surgery announced on his radio show is public news', () => {
    expect(flags('news', "ha - Governor Halloway announced on his radio show that he's getting his knee replaced next month, and he said he'll do rehab at home. So Priya wants us ready in case reporters ask. We don't comment on anyone.\n\n-Marisol")).toBe(false);
  });
  it('the same surgery told of a colleague\'s father, with no news, is his', () => {
    expect(flags('update', 'Walt Halloway is getting his hip replaced next month and will do rehab at home with us. Please hold his Tuesday slots.\n\n-Marisol')).toBe(true);
  });
  it('a writing club\'s chapter draft is fiction', () => {
    expect(flags('Creative writing club - draft', 'Chapter 3:\n\nIngrid Pellham knew the diagnosis before Dr. Vale said it aloud: lymphoma. She signed the consent for chemotherapy and went home.\n\nCritique welcome.\nWriting club, Tuesday 6pm')).toBe(false);
  });
  it('the same sentences as a colleague\'s update are a patient\'s', () => {
    expect(flags('update', 'Ingrid Pellham heard the diagnosis from Dr. Vale today: lymphoma. She signed the consent for chemotherapy and went home.\n\nThanks,\nTom')).toBe(true);
  });
  it('a fridge\'s or a room\'s temperature is no lab result', () => {
    expect(found('rm 2 depo fridge temp log 2-8c ok today. room temp 22c.', 'LAB_RESULT')).toEqual([]);
  });
  it('a person\'s temperature stays a result', () => {
    expect(found('mrs oduya temp 38.9c this am, cultures sent', 'LAB_RESULT')).toEqual(['temp 38.9c']);
  });
  it('a fundraiser named for a condition, in lower case too, is no one\'s condition', () => {
    expect(events('Thank you to everyone who walked for the Alder Bay breast cancer walk: we raised $18,400.')).toEqual(['breast cancer']);
  });
  it('the condition told of someone stays a condition', () => {
    expect(found('Her breast cancer was found on the screening mammogram in May.', 'DIAGNOSIS')).toEqual(['breast cancer']);
    expect(events('Her breast cancer was found on the screening mammogram in May.')).toEqual([]);
  });
});
