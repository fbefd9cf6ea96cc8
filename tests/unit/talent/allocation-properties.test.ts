import fc from 'fast-check';
import {
  allocateSeats,
  applyUpheldObjections,
  reservedSeatCount,
  type SeatType,
} from '../../../workflows/talent';
import { allocationOptionArbitrary, meritBefore, rankingPools, shuffledPools } from './talent-fixtures';

const SEAT_ORDER: Record<SeatType, number> = { notSelected: 0, general: 1, reserved: 2 };

describe('quota allocation properties', () => {
  it('never selects more than the quota', () => {
    fc.assert(
      fc.property(rankingPools, allocationOptionArbitrary, (pool, options) => {
        const result = allocateSeats(pool, options);
        expect(result.selected.length).toBeLessThanOrEqual(options.quota);
        expect(result.reservedFilled + result.generalFilled + result.emptySeats).toBe(options.quota);
        expect(result.reservedFilled).toBeLessThanOrEqual(result.reservedSeats);
      }),
    );
  });

  it('meets the reserved share whenever enough eligible elderly-services candidates are ranked', () => {
    fc.assert(
      fc.property(rankingPools, allocationOptionArbitrary, (pool, options) => {
        const result = allocateSeats(pool, options);
        const ranked = pool.filter((e) => e.finalScore !== null);
        const elderly = ranked.filter((e) => e.category === 'elderly').length;
        const selectedElderly = result.explanations.filter(
          (e) => e.category === 'elderly' && e.seat !== 'notSelected',
        ).length;
        const reserved = reservedSeatCount(options);
        if (elderly >= reserved) {
          expect(result.reservedFilled).toBe(reserved);
          expect(selectedElderly).toBeGreaterThanOrEqual(reserved);
          expect(result.shortfall).toBeNull();
        } else {
          // Every ranked elderly-services candidate is selected, and the shortfall is recorded.
          expect(selectedElderly).toBe(elderly);
          expect(result.shortfall).toMatchObject({
            missing: reserved - elderly,
            policy: options.elderlyShortfall,
          });
        }
        // The quota is filled as far as the candidates and the shortfall rule allow.
        const released = options.elderlyShortfall === 'releaseToGeneral';
        const reachable =
          Math.min(reserved, elderly) +
          Math.min(
            options.quota - reserved + (released ? Math.max(0, reserved - elderly) : 0),
            ranked.length - Math.min(reserved, elderly),
          );
        expect(result.selected).toHaveLength(reachable);
      }),
    );
  });

  it('keeps merit order within each category: no one selected ranks below someone left out', () => {
    fc.assert(
      fc.property(rankingPools, allocationOptionArbitrary, (pool, options) => {
        const result = allocateSeats(pool, options);
        const byId = new Map(pool.map((e) => [e.candidateId, e]));
        const ranked = result.explanations.filter((e) => e.rank !== null);
        // The ranking is the merit order, written independently in the fixtures.
        for (let i = 1; i < ranked.length; i += 1)
          expect(meritBefore(byId.get(ranked[i - 1]!.candidateId)!, byId.get(ranked[i]!.candidateId)!)).toBe(
            true,
          );
        for (const category of ['elderly', 'general'] as const) {
          const mine = ranked.filter((e) => e.category === category);
          const lastIn = mine.map((e) => e.seat !== 'notSelected').lastIndexOf(true);
          const firstOut = mine.findIndex((e) => e.seat === 'notSelected');
          if (lastIn >= 0 && firstOut >= 0) expect(lastIn).toBeLessThan(firstOut);
          expect(mine.map((e) => e.categoryRank)).toEqual(mine.map((_, i) => i + 1));
        }
        // Unranked candidates (no final score) are never selected.
        for (const e of result.explanations) if (e.rank === null) expect(e.seat).toBe('notSelected');
        expect(result.explanations).toHaveLength(pool.length);
      }),
    );
  });

  it('gives the same result, explanations included, for any input order', () => {
    fc.assert(
      fc.property(shuffledPools, allocationOptionArbitrary, ([pool, shuffled], options) => {
        expect(allocateSeats(shuffled, options)).toEqual(allocateSeats(pool, options));
      }),
    );
  });

  it('upheld objections only ever promote the others, and keep every rule above', () => {
    fc.assert(
      fc.property(
        rankingPools.filter((pool) => pool.length > 0),
        allocationOptionArbitrary,
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        (pool, options, picks) => {
          const upheld = picks.map((pick, i) => ({
            objectionId: `o${i}`,
            candidateId: pool[pick % pool.length]!.candidateId,
            reason: '异议成立',
          }));
          const removed = new Set(upheld.map((o) => o.candidateId));
          const before = new Map(
            allocateSeats(pool, options).explanations.map((e) => [e.candidateId, e.seat]),
          );
          const after = applyUpheldObjections(pool, options, upheld);
          expect(after.explanations).toHaveLength(pool.length);
          for (const e of after.explanations) {
            expect(e.seatBeforeObjections).toBe(before.get(e.candidateId));
            if (removed.has(e.candidateId)) expect(e.seat).toBe('notSelected');
            else expect(SEAT_ORDER[e.seat]).toBeGreaterThanOrEqual(SEAT_ORDER[before.get(e.candidateId)!]);
          }
          expect(after.selected.length).toBeLessThanOrEqual(options.quota);
          expect(after.selected.some((id) => removed.has(id))).toBe(false);
          // The list after the objections is exactly the allocation without the removed candidates.
          expect(after.selected).toEqual(
            allocateSeats(
              pool.filter((e) => !removed.has(e.candidateId)),
              options,
            ).selected,
          );
        },
      ),
    );
  });
});
