import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';

// Readings added in session 13 from blind sets 268-275, read only once they were no longer held back. Made-up
// names and numbers; none taken from a test set. Each case has a twin that must go the other way.
const types = (text: string) => scanText(text).findings.map((f) => f.type);

describe('clinical words added', () => {
  it('BRUE in a subject that opens with "Surname, Given"', () => {
    const mail = (subject: string) => scanParts([{ where: 'subject', text: subject }, { where: 'body', text: 'can we talk at noon? 5 min is fine.' }]);
    expect(mail('Tesfaye, Meron - BRUE readmit?').containsPhi).toBe(true);
    expect(mail('Tesfaye, Meron - lunch order?').containsPhi).toBe(false);
  });
  it('"trastorno de adaptación" (adjustment disorder) in Spanish', () => {
    expect(types('Valeria Montes: terapia, trastorno de adaptación, jueves 4:00')).toContain('DIAGNOSIS');
    expect(types('Valeria Montes: terapia de grupo, jueves 4:00')).not.toContain('DIAGNOSIS');
  });
});

describe('tables and HTML bodies', () => {
  it('a Spanish table headed "Niño/a" names the children in its rows', () => {
    const table = (head: string) => `| Día | ${head} | Hora |\n|---|---|---|\n| lunes | Emilia Salas | 4:00 |\n| martes | Tomás Ríos | 3:30 |`;
    expect(scanText(table('Niño/a')).findings.filter((f) => f.type === 'PATIENT_NAME' && f.reasons.includes('name:table'))).toHaveLength(2);
    expect(scanText(table('Sala')).findings.filter((f) => f.reasons.includes('name:table'))).toHaveLength(0);
  });
  it('a body handed over as a whole HTML document is read as its page ("A1c</td><td>8.4%")', () => {
    const html = '<html><body><table><tr><td>A1c</td><td>8.4%</td></tr></table></body></html>';
    expect(types(html)).toContain('LAB_RESULT');
    // A fragment of markup in a plain-text body stays text.
    expect(types('see the <td>A1c</td><td>8.4%</td> cell in the template')).not.toContain('LAB_RESULT');
  });
});
