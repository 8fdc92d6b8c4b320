import { describe, expect, it } from 'vitest';
import { createDetector, dictionary, scanParts } from '../../phi/index.ts';
import { recognizersFlag } from './recognizers.ts';

// Readings added in session 23 from blind sets 699-706 (held back through session 22, then read) and the sets written
// after them. Made-up names and numbers; none taken from a test set. Each case has a twin that must go the other way.

const detector = createDetector(dictionary);
const flags = (subject: string, body: string): boolean => scanParts([{ where: 'subject', text: subject }, { where: 'body', text: body }]).containsPhi;
const rules = (subject: string, body: string): boolean => recognizersFlag([{ where: 'subject', text: subject }, { where: 'body', text: body }]);

describe('given names the lists lacked, sets 699-706', () => {
  it('a South Asian given name after "visit for" names the patient of the codes', () => {
    expect(flags('coding', 'Nadia - for the 4/02 clinic visit for Vivaan Kulkarni use F32.1 and Z71.89 on the claim. Tom')).toBe(true);
    expect(flags('coding', 'Nadia - for the 4/02 clinic visits use F32.1 and Z71.89 on the claims. Tom')).toBe(false);
  });
  it('a Polish surname and given name as the whole subject, with a diagnosis code in the body', () => {
    expect(flags('Wiśniewska, Grażyna', 'Dx A15.0, add to TB registry pls. thx')).toBe(true);
    expect(flags('Wiśniewska, Grażyna', 'Added to the parking permit list pls. thx')).toBe(false);
  });
});

describe('what is no one\'s health or name, sets 699-706', () => {
  it('"Pt" closing a Polish weekday range ("Czw–Pt:") is Friday, not a patient label', () => {
    const rota = (last: string) => rules('Grafik - lipiec', `Pon–Wt: Ola Kamińska\nŚr: Ola Kamińska\n${last}\n\nDzięki, Ola`);
    expect(rota('Czw–Pt: Tomasz Lewandowski, Joanna Wójcik')).toBe(false);
    expect(rota('Pt: Tomasz Lewandowski, cukrzyca typu 2, insulina')).toBe(true);
  });
  it('a part number ending in "220M" is no age after a name', () => {
    const invoice = (line: string) => rules('Invoice INV-7781', `Bill to: Lakeside Spine Center, 90 Harbor Rd Ste 2, Dover DE 19901\n${line}\nShipped UPS\nbilling@braceworks.example`);
    expect(invoice('  10 x TLSO brace (SKU BW-TLSO-220M) @ $150.00, 5 x thumb splint')).toBe(false);
    expect(invoice('  Gloria Mendez 84F, thumb splint fitted')).toBe(true);
  });
  it('a shipment\'s total weight is no one\'s weight', () => {
    expect(rules('waste pickup', 'Manifest 4471\nTotal weight: 38 lb\nDriver: M. Valdez, truck 7')).toBe(false);
    expect(rules('weights', 'Mr. Valdez weight: 238 lb, up 9 lb since March')).toBe(true);
  });
  it('an infusion recliner ordered from a furniture vendor is gear, not someone\'s infusion', () => {
    const order = (item: string) => rules('Order confirmation #4410', `Thank you for your order!\n${item}\nShip to: Hillcrest Neurology, 12 Elm St Ste 300, Dover DE 19901\norders@seatco.example`);
    expect(order('2 x SeatCo infusion recliner, grey')).toBe(false);
    expect(order('Mrs. Ngata\'s infusion moved to Tuesday')).toBe(true);
  });
  it('a Korean condition before "환자" (arthritis patients) is no name', () => {
    expect(rules('관절염 환자를 위한 겨울 건강 안내', '관절염은 추운 날씨에 더 뻣뻣할 수 있습니다. 독감 예방접종을 받으세요.')).toBe(false);
    expect(rules('김지호 환자 관절염 악화', '메토트렉세이트 증량 예정입니다.')).toBe(true);
  });
  it('a campaign persona the mail calls made up ("kathang-isip") is nobody', () => {
    const nobody = (note: string) => detector.signals([{ where: 'subject', text: 'Kampanya: si Tita Nena at ang flu shot' }, { where: 'body', text: `Kilalanin si Tita Nena, 70. Abala sa mga apo, pero hindi niya nakakalimutan ang taunang flu shot.${note}` }]).recognizers.nobody;
    expect(nobody('\n\n(Si Tita Nena ay kathang-isip na karakter para sa kampanya.)')).toBe('made-up');
    expect(nobody('')).toBeFalsy();
  });
});

describe('what is no one\'s home or name, sets 761-768', () => {
  it('"Home" inside an organisation\'s name is no one\'s home', () => {
    const shipped = (to: string) => rules('Your order has shipped', `Items: 4 x automatic blood pressure monitor (large cuff)\nTracking: 1Z9X4A720394418826\nDeliver to: ${to}`);
    expect(shipped('Maple & Home Geriatrics, 410 W Oak St, Dover DE 19901')).toBe(false);
    expect(shipped('Mrs. Alvarez, Home: 410 W Oak St, Dover DE 19901 (her new CHF scale)')).toBe(true);
  });
  it('Persian "class" and "training" after "Ms" are no name ("خانم کریمی کلاس آموزش …")', () => {
    expect(rules('برنامه کلینیک', 'همکاران عزیز، خانم رضایی کلاس آموزش انسولین را به پنجشنبه منتقل کرده‌اند.')).toBe(false);
    expect(rules('برنامه کلینیک', 'بیمار خانم مریم رضایی دیابت نوع ۲ دارد و انسولین می‌گیرد.')).toBe(true);
  });
});
