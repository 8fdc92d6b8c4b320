import { describe, expect, it } from 'vitest';
import { recognizersFlag, recognizersFlagText } from './recognizers.ts';

// Readings added in session 16 from blind sets 356-363, read only once they were no longer held back. Made-up
// names and numbers; none taken from a test set. Each case has a twin that must go the other way.

describe('conditions', () => {
  it('flashbacks, and burns by degree in the plural ("second-degree burns")', () => {
    expect(recognizersFlagText('Can we move Thursday with Caleb Ortiz? Caleb keeps having flashbacks since the crash and I do not want him to miss a session.')).toBe(true);
    expect(recognizersFlagText('Can we move Thursday with Caleb Ortiz? Caleb keeps having questions about the schedule and I do not want him to miss a session.')).toBe(false);
    expect(recognizersFlagText('Our son Mateo Lindqvist was seen in your clinic for second-degree burns on March 3rd, and the nurses were wonderful.')).toBe(true);
    expect(recognizersFlagText('Our son Mateo Lindqvist was seen in your clinic for a school tour on March 3rd, and the nurses were wonderful.')).toBe(false);
  });
  it('anxiety attacks and panic attacks in Arabic', () => {
    const referral = (finding: string) => `أحيل إليكم ابنة السيدة حداد، ليلى حداد. لاحظنا ${finding} خلال الفصل الماضي.`;
    expect(recognizersFlagText(referral('نوبات هلع متكررة'))).toBe(true);
    expect(recognizersFlagText(referral('تحسناً كبيراً في الرياضيات'))).toBe(false);
  });
});

describe('whose health', () => {
  it('a full name right before a room code on a log row is an inpatient, not a doctor on a rota', () => {
    const log = (row: string) => recognizersFlag([{ where: 'body', text: 'This week\'s toy cart log attached.' },
      { where: 'attachment:toy_cart.csv', text: `date,item,donor,qty,given_to\n2025-03-02,Puzzle,Anonymous,4,stock\n${row}\n2025-03-04,Crayons,Lions Club,30,stock\n` }]);
    expect(log('2025-03-03,Board game,Anonymous,1,Zaylen Brennan rm 12 - new AML neutropenic - sealed toys only')).toBe(true);
    expect(log('2025-03-03,Board game,Anonymous,1,Zaylen Brennan rm 12 - loves board games - sealed toys only')).toBe(false);
    expect(recognizersFlagText('Dr. Ana Ruiz is on nights 3/1-3/7, Dr. Farid Karimi (PGY-2) covers sepsis consults days. Please update the paging list.')).toBe(false);
  });
});
