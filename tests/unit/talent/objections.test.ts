import { applyUpheldObjections } from '../../../workflows/talent';
import { allocationOptions, entry } from './talent-fixtures';

// Quota 6, two reserved seats. Merit order: e1 95, g1 90, g2 89, e2 88, g3 87, g4 86 | e3 80, g5 79, e4 70.
// e1 and e2 hold the reserved seats; g1–g4 the general ones.
const entries = [
  entry('e1', { category: 'elderly', finalScore: 95 }),
  entry('g1', { finalScore: 90 }),
  entry('g2', { finalScore: 89 }),
  entry('e2', { category: 'elderly', finalScore: 88 }),
  entry('g3', { finalScore: 87 }),
  entry('g4', { finalScore: 86 }),
  entry('e3', { category: 'elderly', finalScore: 80 }),
  entry('g5', { finalScore: 79 }),
  entry('e4', { category: 'elderly', finalScore: 70 }),
];
const options = allocationOptions({ quota: 6 });
const objection = (candidateId: string, objectionId = `o-${candidateId}`) => ({
  objectionId,
  candidateId,
  reason: '申报材料中的服务年限与社保记录不符',
});

describe('objections during the public notice (公示异议)', () => {
  it('removes a reserved-seat holder and promotes the next elderly-services candidate to the reserved seat', () => {
    const result = applyUpheldObjections(entries, options, [objection('e2')]);
    const of = (id: string) => result.explanations.find((e) => e.candidateId === id)!;
    expect(result.selected).toEqual(['e1', 'g1', 'g2', 'g3', 'g4', 'e3']);
    expect(of('e3')).toMatchObject({
      seat: 'reserved',
      seatBeforeObjections: 'notSelected',
      promotedAfter: ['e2'],
    });
    expect(of('e3').message.zh).toContain('因公示异议成立（e2）由未入选递补为预留名额');
    expect(of('g5').seat).toBe('notSelected');
  });

  it('removes a general-seat holder and promotes the next in the general list, whatever their category', () => {
    const result = applyUpheldObjections(entries, options, [objection('g2')]);
    expect(result.selected).toEqual(['e1', 'g1', 'e2', 'g3', 'g4', 'e3']);
    const e3 = result.explanations.find((e) => e.candidateId === 'e3')!;
    expect(e3).toMatchObject({ seat: 'general', seatBeforeObjections: 'notSelected' });
  });

  it('moves an elderly-services candidate from a general to the reserved seat, and the general seat passes on', () => {
    // e3 gets a general seat on merit, so removing reserved e2 moves e3 to the reserved seat and frees
    // its general seat for g4, the next in the general list.
    const strong = entries.map((e) => (e.candidateId === 'e3' ? { ...e, finalScore: 87.5 } : e));
    const before = applyUpheldObjections(strong, options, []);
    expect(before.explanations.find((e) => e.candidateId === 'e3')!.seat).toBe('general');
    const result = applyUpheldObjections(strong, options, [objection('e2')]);
    const of = (id: string) => result.explanations.find((e) => e.candidateId === id)!;
    expect(of('e3')).toMatchObject({ seat: 'reserved', seatBeforeObjections: 'general' });
    expect(of('e3').message.zh).toContain('由普通名额递补为预留名额');
    expect(of('g4')).toMatchObject({ seat: 'general', seatBeforeObjections: 'notSelected' });
    expect(result.reservedFilled).toBe(2);
  });

  it('explains the removal with every upheld objection, once per candidate', () => {
    const result = applyUpheldObjections(entries, options, [
      objection('g1', 'o-1'),
      { ...objection('g1', 'o-2'), reason: '存在违纪记录' },
    ]);
    const removed = result.explanations.filter((e) => e.candidateId === 'g1');
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ seat: 'notSelected', seatBeforeObjections: 'general', rank: null });
    expect(removed[0]!.removedBy!.map((o) => o.objectionId)).toEqual(['o-1', 'o-2']);
    expect(removed[0]!.message.zh).toBe(
      '公示期间异议成立，取消入选资格：申报材料中的服务年限与社保记录不符；存在违纪记录（原为普通名额）',
    );
    expect(result.explanations).toHaveLength(entries.length);
  });

  it('leaves a seat empty when no one of the right category is left (leave-empty round)', () => {
    const few = entries.filter((e) => e.candidateId !== 'e3' && e.candidateId !== 'e4');
    const result = applyUpheldObjections(few, options, [objection('e2')]);
    expect(result).toMatchObject({ reservedFilled: 1, emptySeats: 1, shortfall: { missing: 1 } });
  });

  it('refuses an objection against a candidate not in the ranking', () => {
    expect(() => applyUpheldObjections(entries, options, [objection('x9', 'o-9')])).toThrow(
      'objection o-9: unknown candidate x9',
    );
  });
});
