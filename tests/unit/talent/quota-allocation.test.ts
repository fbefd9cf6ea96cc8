import {
  allocateSeats,
  defaultRoundConfig,
  rankingEntryFor,
  reservedSeatCount,
  screenApplication,
} from '../../../workflows/talent';
import { allocationOptions, application, entry, REFERENCE_DATE } from './talent-fixtures';

/** n candidates of one category with falling scores: prefix1 90, prefix2 89, … */
const pool = (prefix: string, n: number, category: 'elderly' | 'general', top = 90) =>
  Array.from({ length: n }, (_, i) => entry(`${prefix}${i + 1}`, { category, finalScore: top - i }));

describe('ranking and quota allocation (排名与名额分配)', () => {
  it('ships the 海右 defaults: quota 50, one third reserved for elderly services rounded up (17)', () => {
    const options = defaultRoundConfig().allocation;
    expect(options).toEqual({
      quota: 50,
      elderlyReservedShare: 1 / 3,
      reservedSeatRounding: 'up',
      elderlyShortfall: 'leaveEmpty',
    });
    expect(reservedSeatCount(options)).toBe(17);
  });

  it.each([
    [50, 1 / 3, 'up', 17],
    [50, 1 / 3, 'down', 16],
    [50, 1 / 3, 'nearest', 17],
    [6, 1 / 3, 'up', 2], // 6 × ⅓ is 2.0000000000000004 in binary: still 2
    [6, 1 / 3, 'down', 2],
    [10, 0.25, 'nearest', 3],
    [7, 0, 'up', 0],
    [7, 1, 'down', 7],
  ] as const)('quota %i, share %s, rounded %s: %i reserved seats', (quota, share, rounding, seats) => {
    expect(
      reservedSeatCount(
        allocationOptions({ quota, elderlyReservedShare: share, reservedSeatRounding: rounding }),
      ),
    ).toBe(seats);
  });

  it('never selects more than the quota', () => {
    const result = allocateSeats(
      [...pool('g', 40, 'general'), ...pool('e', 30, 'elderly', 85)],
      allocationOptions(),
    );
    expect(result.selected).toHaveLength(50);
    expect(result.emptySeats).toBe(0);
    expect(result.explanations.filter((e) => e.seat !== 'notSelected')).toHaveLength(50);
  });

  it('gives the reserved seats to the best elderly-services candidates, who may also win general seats on merit', () => {
    const options = allocationOptions({ quota: 6 });
    // e1 (95) is the best of all; e2–e4 score below every general candidate.
    const entries = [
      entry('e1', { category: 'elderly', finalScore: 95 }),
      ...pool('g', 6, 'general'),
      entry('e2', { category: 'elderly', finalScore: 70 }),
      entry('e3', { category: 'elderly', finalScore: 69 }),
      entry('e4', { category: 'elderly', finalScore: 68 }),
    ];
    const result = allocateSeats(entries, options);
    const seat = (id: string) => result.explanations.find((e) => e.candidateId === id)!.seat;
    expect(result).toMatchObject({ reservedSeats: 2, reservedFilled: 2, generalSeats: 4, generalFilled: 4 });
    expect([seat('e1'), seat('e2'), seat('e3')]).toEqual(['reserved', 'reserved', 'notSelected']);
    expect(result.selected).toEqual(['e1', 'g1', 'g2', 'g3', 'g4', 'e2']);
    expect(result.cutLines).toEqual({ reserved: 70, general: 87 });
    // e3 missed the reserved line (e2, 70), the nearer of the two lines it could have made.
    const e3 = result.explanations.find((e) => e.candidateId === 'e3')!;
    expect(e3.seatDecision).toEqual({ against: 'e2', rule: 'score', won: false });
  });

  it('lets elderly-services candidates beyond the reserved seats compete for general seats', () => {
    const entries = [...pool('e', 4, 'elderly', 99), ...pool('g', 4, 'general', 80)];
    const result = allocateSeats(entries, allocationOptions({ quota: 6 }));
    expect(result.selected).toEqual(['e1', 'e2', 'e3', 'e4', 'g1', 'g2']);
    expect(result.explanations.slice(0, 4).map((e) => e.seat)).toEqual([
      'reserved',
      'reserved',
      'general',
      'general',
    ]);
  });

  it('keeps merit order within each category: ranks, category ranks and selection follow the score', () => {
    const entries = [...pool('e', 5, 'elderly', 88), ...pool('g', 8, 'general', 90)];
    const result = allocateSeats(entries, allocationOptions({ quota: 6 }));
    for (const category of ['elderly', 'general'] as const) {
      const mine = result.explanations.filter((e) => e.category === category);
      expect(mine.map((e) => e.categoryRank)).toEqual(mine.map((_, i) => i + 1));
      const scores = mine.map((e) => e.finalScore!);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const firstOut = mine.findIndex((e) => e.seat === 'notSelected');
      expect(mine.slice(firstOut).every((e) => e.seat === 'notSelected')).toBe(true);
    }
  });

  describe('ties', () => {
    const options = allocationOptions({ quota: 1, elderlyReservedShare: 0 });
    const decided = (a: Parameters<typeof entry>[1], b: Parameters<typeof entry>[1]) => {
      const result = allocateSeats([entry('b', b), entry('a', a)], options);
      return { first: result.selected[0], rule: result.explanations[0]!.decidedBelow, result };
    };

    it('are broken first by priority credentials', () => {
      expect(decided({ serviceMonths: 200 }, { hasPriorityCredential: true })).toMatchObject({
        first: 'b',
        rule: 'priorityCredentials',
      });
    });

    it('then by years in social work (compared in whole months)', () => {
      expect(decided({ serviceMonths: 73 }, { serviceMonths: 72 })).toMatchObject({
        first: 'a',
        rule: 'yearsInSocialWork',
      });
    });

    it('then by the earlier application, compared as instants whatever the offset', () => {
      expect(
        decided({ submittedAt: '2026-01-10T01:00:01Z' }, { submittedAt: '2026-01-10T09:00:00+08:00' }),
      ).toMatchObject({ first: 'b', rule: 'submittedAt' });
    });

    it('and last by candidate id, so the order is total', () => {
      expect(
        decided({ submittedAt: '2026-01-10T01:00:00Z' }, { submittedAt: '2026-01-10T09:00:00+08:00' }),
      ).toMatchObject({ first: 'a', rule: 'candidateId' });
    });

    it('and the explanation names the rule on both sides of the tie', () => {
      const { result } = decided({ serviceMonths: 73 }, { serviceMonths: 72 });
      const [a, b] = result.explanations;
      expect(a!.message.zh).toContain('与后一名同分，按从事社会工作年限排前');
      expect(b!.message.zh).toContain('与前一名同分，按从事社会工作年限排后');
      expect(b!.decidedAbove).toBe('yearsInSocialWork');
    });

    it('names the tie-break that decided a seat at the cut line, for the winner and the loser', () => {
      const result = allocateSeats(
        [
          entry('g1', { finalScore: 90 }),
          entry('g2', { finalScore: 80, hasPriorityCredential: true }),
          entry('g3', { finalScore: 80 }),
        ],
        allocationOptions({ quota: 2, elderlyReservedShare: 0 }),
      );
      const [g1, g2, g3] = result.explanations;
      expect(g1!.seatDecision).toEqual({ against: 'g3', rule: 'score', won: true });
      expect(g2!.seatDecision).toEqual({ against: 'g3', rule: 'priorityCredentials', won: true });
      expect(g3!.seatDecision).toEqual({ against: 'g2', rule: 'priorityCredentials', won: false });
      expect(g2!.message.zh).toContain('与g3同分，按优先条件（证书或养老管理培训）入选');
      expect(g3!.message.en).toContain('tied with g2 for the seat, lost on priority credentials');
      expect(g1!.message.zh).not.toContain('同分');
    });

    it('uses score, not a tie-break, when the scores differ', () => {
      expect(decided({ finalScore: 80.01 }, { finalScore: 80, hasPriorityCredential: true })).toMatchObject({
        first: 'a',
        rule: 'score',
      });
    });
  });

  describe('too few elderly-services candidates (shortfall)', () => {
    const entries = [entry('e1', { category: 'elderly', finalScore: 60 }), ...pool('g', 10, 'general')];

    it('leaves the missing reserved seats empty when the round says so, and records it', () => {
      const result = allocateSeats(entries, allocationOptions({ quota: 6, elderlyShortfall: 'leaveEmpty' }));
      expect(result).toMatchObject({
        reservedSeats: 2,
        reservedFilled: 1,
        generalSeats: 4,
        generalFilled: 4,
        emptySeats: 1,
        shortfall: { missing: 1, policy: 'leaveEmpty' },
      });
      expect(result.shortfall!.message.zh).toBe('符合条件的养老服务领域候选人仅 1 人，1 个预留名额空缺');
      expect(result.selected).toHaveLength(5);
    });

    it('releases them to the general list when the round says so, and records it', () => {
      const result = allocateSeats(
        entries,
        allocationOptions({ quota: 6, elderlyShortfall: 'releaseToGeneral' }),
      );
      expect(result).toMatchObject({
        reservedFilled: 1,
        generalSeats: 5,
        generalFilled: 5,
        emptySeats: 0,
        shortfall: { missing: 1, policy: 'releaseToGeneral' },
      });
      expect(result.selected).toEqual(['g1', 'g2', 'g3', 'g4', 'g5', 'e1']);
    });

    it('records no shortfall when enough elderly-services candidates are ranked', () => {
      expect(allocateSeats(pool('e', 2, 'elderly'), allocationOptions({ quota: 6 })).shortfall).toBeNull();
    });
  });

  it('explains every candidate: rank, category, seat, cut lines, and why an unranked one is out', () => {
    const entries = [
      entry('e1', { category: 'elderly', finalScore: 91.5 }),
      entry('g1', { finalScore: 88 }),
      entry('g2', { finalScore: 77.25 }),
      entry('g3', { finalScore: null }),
    ];
    const result = allocateSeats(entries, allocationOptions({ quota: 2, elderlyReservedShare: 0.5 }));
    expect(result.explanations.map((e) => [e.candidateId, e.rank, e.categoryRank, e.seat])).toEqual([
      ['e1', 1, 1, 'reserved'],
      ['g1', 2, 1, 'general'],
      ['g2', 3, 2, 'notSelected'],
      ['g3', null, null, 'notSelected'],
    ]);
    expect(result.explanations[0]!.message.zh).toBe(
      '入选（养老服务领域预留名额）；总排名第 1 名，养老服务领域第 1 名，得分 91.50；预留名额线 91.50，普通名额线 88.00',
    );
    expect(result.explanations[2]!.message.en).toBe(
      'not selected; rank 3, general rank 2, score 77.25; reserved cut line 91.50, general cut line 88.00',
    );
    expect(result.explanations[3]!.message.zh).toBe('无最终得分（评审专家人数不足），不参加排名');
  });

  it('builds ranking entries from screening and review results', () => {
    const app = application({ socialWorkerLevel: 'intermediate', elderlyServices: true });
    const screening = screenApplication(app, REFERENCE_DATE, defaultRoundConfig().eligibility);
    expect(rankingEntryFor(app, screening, { finalScore: 83.4 })).toEqual({
      candidateId: 'c-001',
      category: 'elderly',
      finalScore: 83.4,
      hasPriorityCredential: true,
      serviceMonths: 74,
      submittedAt: '2026-01-10T09:00:00+08:00',
    });
    expect(rankingEntryFor(app, screening, undefined).finalScore).toBeNull();
  });

  it('refuses a candidate listed twice or a score that is not a number', () => {
    expect(() => allocateSeats([entry('a'), entry('a')], allocationOptions())).toThrow(
      'candidate a appears twice',
    );
    expect(() => allocateSeats([entry('a', { finalScore: Number.NaN })], allocationOptions())).toThrow(
      'finalScore is not a number',
    );
  });
});
