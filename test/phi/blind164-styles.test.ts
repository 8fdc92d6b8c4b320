import { describe, expect, it } from 'vitest';
import { scanParts } from '../../phi/index.ts';
import { recognizersFlag } from './recognizers.ts';

// Readings added in session 12 from blind sets 164-179, read only once they were no longer held back. Made-up
// names and numbers; none taken from a test set. Each case has a twin that must go the other way.
const parts = (subject: string, body: string) => [{ where: 'subject', text: subject }, { where: 'body', text: body }];
const names = (subject: string, body: string) => scanParts(parts(subject, body)).findings.filter((f) => f.type === 'PATIENT_NAME').map((f) => body.slice(f.start, f.end));

describe('tables drawn with rule lines', () => {
  const board = (rule: string) =>
    `Boarders as of 0600:\n\nBed | Patient           | Age | Dx\n${rule}\n07  | Lindqvist, Harald | 66  | GI bleed\n11  | Moreau, Celine    | 48  | DKA\n\nHuddle at 0630.`;
  it('a "----+----" rule under the header does not end the table', () => {
    expect(names('bed board', board('----+-------------------+-----+---------'))).toEqual(['Lindqvist, Harald', 'Moreau, Celine']);
    expect(recognizersFlag(parts('bed board', board('----+-------------------+-----+---------')))).toBe(true);
  });
  it('a row of text in the rule\'s place still ends it', () => {
    expect(names('bed board', board('(updated hourly, see the whiteboard)'))).toEqual([]);
  });
});

describe('given names that are also English words', () => {
  it('"Rose", "Frank", "Dale" open a full name with clinical content after it', () => {
    expect(names('', 'Frank Dunmore 3 weeks post CABG, walking the halls.')).toEqual(['Frank Dunmore']);
    expect(names('', 'Rose Haverty - new dx of CHF, needs an echo this week.')).toEqual(['Rose Haverty']);
    expect(recognizersFlag(parts('', 'Dale Ostrander, chest pain since 0400, troponin pending.'))).toBe(true);
  });
  it('the same words as words are no names', () => {
    expect(names('', 'Gene Therapy Program: SMA update for families, no individual results.')).toEqual([]);
    // Names that are common title words stay out of the list ("Grace Period", "Chase Bank").
    expect(names('', 'Grace Period ends Friday for the diabetes supply claims.')).toEqual([]);
    expect(names('', 'Chase Bank card on file for the cardiology invoice.')).toEqual([]);
  });
});

describe('a sentence wrapped onto the next line', () => {
  const wrapped = (second: string) =>
    `> Sorry for the delay, the supply cart was empty again during the rapid on Nolan Treadwell\n> ${second}\n> Can we get the par raised?`;
  it('clinical content on the wrapped line belongs to the name ending the line before', () => {
    expect(names('', wrapped('(septic shock, started norepi and vasopressin). RT came from 4W.'))).toEqual(['Nolan Treadwell']);
  });
  it('a line ending its sentence keeps the next line\'s content apart', () => {
    const stop = `> Sorry for the delay, the supply cart was empty again when Nolan Treadwell restocked it.\n> Septic shock bundle training is on Friday.`;
    expect(names('', stop)).toEqual([]);
  });
});

describe('whose health it is', () => {
  it('"mis-" joined to a word is no Spanish "my" ("mis-shelved")', () => {
    const note = (after: string) => `Count attached. The Eliquis one ${after}\nMarisol`;
    expect(recognizersFlag(parts('cycle count', note('is probably a mis-shelved bottle, checking.')))).toBe(false);
    // The pronoun itself still ties the drug to the writer ("… mis pastillas").
    expect(recognizersFlag(parts('cycle count', note('es de mis pastillas, las necesito.')))).toBe(true);
  });
  it('a name after a job noun, written with a phone number, is a colleague\'s', () => {
    const post = (who: string) => `Now hiring an inpatient coder: ICD-10 coding for sepsis and heart failure encounters.\nApply online or contact ${who}, 608-555-0125.`;
    expect(names('hiring', post('recruiter Sam Ortega'))).toEqual([]);
    expect(names('hiring', post('the family of Sam Ortega'))).toEqual(['Sam Ortega']);
  });
});

describe('the writer handling stock or working in a service', () => {
  it('"I moved the Vaxelis into fridge #1" is the writer handling stock', () => {
    const note = (line: string) => `Dana,\n\nThe logger on fridge #2 read 9.1 C overnight. ${line}\n\nJenna`;
    expect(recognizersFlag(parts('temp excursion', note('I moved the Vaxelis and Prevnar 20 into fridge #1, marked DO NOT USE.')))).toBe(false);
    expect(recognizersFlag(parts('temp excursion', note('I got the Prevnar 20 there yesterday and my arm is still swollen.')))).toBe(true);
  });
  it('a specialty naming a clinic ("in cardiology clinic") is no one\'s procedure', () => {
    const intro = (where: string) => `Our new coordinator starts Monday. She'll shadow Priya ${where} the first two weeks.\n\nThanks,\nMarcus`;
    expect(recognizersFlag(parts('onboarding', intro('in cardiology clinic')))).toBe(false);
    expect(recognizersFlag(parts('onboarding', intro('after her cardiology consult and stress echo')))).toBe(true);
  });
});

describe('material that says it is made up', () => {
  const vignette = (title: string) => `${title}\n\nA 34-year-old woman presents with pressured speech and no sleep for 10 days. She has a history of two depressive episodes. Urine drug screen is negative. Which is the best initial treatment: sertraline, lithium or lorazepam?\n\nGood luck on boards!\n- Jenna`;
  it('a "practice question" or a "vignette" is about nobody', () => {
    expect(recognizersFlag(parts('boards', vignette('Practice question #14:')))).toBe(false);
    expect(recognizersFlag(parts('boards', vignette('Vignette for Thursday:')))).toBe(false);
  });
  it('without the word the same text reads as someone\'s', () => {
    expect(recognizersFlag(parts('boards', vignette('Thursday:')))).toBe(true);
  });
  it('"demonstration data - not a real patient" marks a sample report', () => {
    const report = (banner: string) => `Sample report attached.\n\n${banner}\nPatient: Halloran, Edith    MRN: 4471203\nLVEF: 35%, moderate MR.`;
    expect(recognizersFlag(parts('demo report', report('*** DEMONSTRATION DATA - NOT A REAL PATIENT ***')))).toBe(false);
    expect(recognizersFlag(parts('demo report', report('*** PRELIMINARY ***')))).toBe(true);
  });
});
