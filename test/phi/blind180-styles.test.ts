import { describe, expect, it } from 'vitest';
import { createDetector, dictionary, htmlToText, scanParts } from '../../phi/index.ts';
import { recognizersFlag } from './recognizers.ts';

// Readings added in session 12 from blind sets 180-187, read only once they were no longer held back. Made-up
// names and numbers; none taken from a test set. Each case has a twin that must go the other way.
const parts = (subject: string, body: string) => [{ where: 'subject', text: subject }, { where: 'body', text: body }];
const names = (subject: string, body: string) => scanParts(parts(subject, body)).findings.filter((f) => f.type === 'PATIENT_NAME').map((f) => body.slice(f.start, f.end));

describe('a household named by its surname', () => {
  it('"<Surname> family" or "the <Surname> twins" with clinical content after it', () => {
    expect(names('supplies', 'Begay family called, the oxycodone is nearly out and she is more restless at night.')).toEqual(['Begay']);
    expect(names('huddle', '- 9:40 the Ostrowski twins, both due for MMRV and DTaP')).toEqual(['Ostrowski']);
    expect(recognizersFlag(parts('supplies', 'Begay family called, the oxycodone is nearly out and she is more restless at night.'))).toBe(true);
  });
  it('a weekday, a unit or no clinical content makes no household', () => {
    expect(names('', 'Agenda for the Tuesday family meeting: diabetes education night.')).toEqual([]);
    expect(names('', '3 North family lounge reopens Monday; flu shots in the lobby.')).toEqual([]);
    expect(names('', 'Begay family called about the parking pass.')).toEqual([]);
  });
});

describe('handouts headed as such', () => {
  const detector = createDetector(dictionary);
  const handout = (title: string) => parts('handout', `${title}: asthma\n\nAsthma is a long-term condition of the airways. Use your controller inhaler every day, keep your rescue inhaler with you, and ask about an asthma action plan at your next visit.\n\nPatient Education Office`);
  it('"Information for patients" heads a handout written for everyone (the wording alone cannot make it PHI)', () => {
    expect(detector.signals(handout('Information for patients')).recognizers.nobody).toBe('mass mail');
    expect(detector.signals(handout('Información para pacientes')).recognizers.nobody).toBe('mass mail');
  });
  it('another heading leaves it to the wording', () => {
    expect(detector.signals(handout('Update')).recognizers.nobody).toBeNull();
  });
});

describe('a person and an animal', () => {
  const bite = (how: string) => parts('voicemail', `"hi this is Mrs. Okonjo, my son ${how} yesterday, the ER gave him antibiotics and a tetanus shot, they said to ask you about rabies. the dog has no tags. call me back"`);
  it('someone bitten by a dog is the patient, the dog words no veterinary setting', () => {
    expect(recognizersFlag(bite('got bit by the neighbor\'s dog'))).toBe(true);
  });
  it('a dog\'s own visit stays veterinary', () => {
    expect(recognizersFlag(bite('took the dog to the vet'))).toBe(false);
  });
});

describe('sleep and pulmonary testing', () => {
  it('an oxygen qualifying walk and a split-night study are clinical content', () => {
    expect(recognizersFlag(parts('Re: Hattie Brannock - O2 qualification walk, nadir 86% RA', 'done, DME order in the chart.'))).toBe(true);
    expect(recognizersFlag(parts('Re: Hattie Brannock - parking pass', 'done, badge order in the system.'))).toBe(false);
  });
});

describe('record numbers and drug classes', () => {
  it('a VA Integration Control Number, even in a file name, is a record number', () => {
    const icn = (id: string) => scanParts([{ where: 'subject', text: 'ROI' }, { where: 'attachment-name', text: `ROI_request_${id}_signed.pdf` }]).findings.filter((f) => f.type === 'MRN');
    expect(icn('1012245678V304455')).toHaveLength(1);
    expect(icn('1012245678X304455')).toHaveLength(0);
  });
  it('"birth control pills" and "OCPs" are medications', () => {
    const meds = (text: string) => scanParts(parts('', text)).findings.filter((f) => f.type === 'MEDICATION');
    expect(meds('Do I start the birth control pills tonight? We start the OCPs after the baseline scan.')).toHaveLength(2);
    expect(meds('Do I start the parking permit tonight? We start the forms after the baseline.')).toHaveLength(0);
  });
});

describe('HTML entities of mail templates', () => {
  it('"&middot;", "&bull;", "&frac12;" are decoded, unknown names left as written', () => {
    expect(htmlToText('<p>Henderson, NV &middot; Unsubscribe &bull; &frac12; tab</p>').trim()).toBe('Henderson, NV · Unsubscribe • ½ tab');
    expect(htmlToText('<p>&notanentity; &amp;</p>').trim()).toBe('&notanentity; &');
  });
});
