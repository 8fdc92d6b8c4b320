import { describe, expect, it } from 'vitest';
import { scanText } from '../../phi/index.ts';

// Readings added in session 12 from blind sets 204-211, read only once they were no longer held back. Made-up
// names and numbers; none taken from a test set. Each case has a twin that must go the other way.
const types = (text: string) => scanText(text).findings.map((f) => f.type);

describe('record and member numbers without a label', () => {
  it('"MR" written onto the digits is a record number, which needs clinical content around it', () => {
    expect(types('TcPO2 on Velma Quist (MR0061833): L dorsal foot 18 mmHg, foot ulcer not healing.')).toContain('MRN');
    expect(scanText('TcPO2 on Velma Quist (MR0061833): L dorsal foot 18 mmHg, foot ulcer not healing.').containsPhi).toBe(true);
    expect(scanText('Order MR0061833 shipped: two cases of gauze, invoice to follow.').containsPhi).toBe(false);
  });
  it('"run elig on <id>" checks a member ID', () => {
    expect(types('can you run elig on RHP661204937 before her 2pm?')).toContain('HEALTH_PLAN_ID');
    expect(types('can you run elig for the Thursday clinic list before 2pm?')).not.toContain('HEALTH_PLAN_ID');
  });
});

describe('a diagnosis code after an order', () => {
  it('"Dx on order: L89.154" is a diagnosis; "Order L89.154" a product code', () => {
    expect(types('Ship to: Patricia Orwell. Dx on order: L89.154')).toContain('ICD10');
    expect(types('Order L89.154 shipped, 2 cases.')).not.toContain('ICD10');
  });
});
