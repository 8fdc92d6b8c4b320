import { describe, expect, it } from 'vitest';
import { scanText } from '../../phi/index.ts';
import { recognizersFlagText } from './recognizers.ts';

// Readings added in session 13 from blind sets 260-267, read only once they were no longer held back. Made-up
// names and numbers; none taken from a test set. Each case has a twin that must go the other way.
const names = (text: string) => scanText(text).findings.filter((f) => f.type === 'PATIENT_NAME').map((f) => text.slice(f.start, f.end));

describe('names and whose condition it is', () => {
  it('"new pt scheduling rules" typed in lower case names nobody; "pt giovanni russo" does', () => {
    expect(names('reminder: new pt scheduling rules from 5/1')).toEqual([]);
    expect(names('pt giovanni russo 72yo, chest pain since am')).toContain('giovanni russo');
  });
  it('"Mrs. Okafor is latex allergic": a name found already, "is", then the condition', () => {
    expect(recognizersFlagText('heads up Mrs. Adeyemi is latex allergic, use the nitrile box in room 2')).toBe(true);
    expect(recognizersFlagText('heads up Mrs. Adeyemi is our new asthma educator, she starts in room 2')).toBe(false);
  });
});

describe('words that only look clinical here', () => {
  it('"SCC" beside "@scc.example" is the college, not a carcinoma', () => {
    const list = (domain: string) => `> From: Amber Kessler <akessler@${domain}.example>\n> They've completed HIPAA training and records are on file with SCC.`;
    expect(scanText(list('scc')).findings.map((f) => f.type)).not.toContain('DIAGNOSIS');
    expect(scanText(list('college')).findings.map((f) => f.type)).toContain('DIAGNOSIS');
  });
  it('"RSVP to me" after a drug name is the writer collecting answers', () => {
    const invite = (ask: string) => `heads up, the rep is bringing lunch Tues. 15 min talk on the Dupixent data. ${ask} by Friday so I can give her a headcount.\n\nKevin`;
    expect(recognizersFlagText(invite('RSVP to me'))).toBe(false);
  });
});
