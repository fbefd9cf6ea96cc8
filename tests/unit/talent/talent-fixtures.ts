// Shared builders for the talent rules' tests: a valid application, ranking entries, and the
// fast-check arbitraries the property tests draw candidate pools from.
import fc from 'fast-check';
import {
  type AllocationOptions,
  defaultRoundConfig,
  type RankingEntry,
  type TalentApplication,
  type TalentApplicationInput,
  ZTalentApplication,
} from '../../../workflows/talent';

export const REFERENCE_DATE = '2026-03-01';

/** An application that passes every screening rule at REFERENCE_DATE (six years in a community). */
export function application(overrides: Partial<TalentApplicationInput> = {}): TalentApplication {
  return ZTalentApplication.parse({
    candidateId: 'c-001',
    name: '张敏',
    employer: { id: 'unit-lixia-1', name: '历下区泉城路街道社工站' },
    unitType: 'urban_community',
    field: 'community_building',
    socialWorkPeriods: [{ from: '2020-01-01' }],
    submittedAt: '2026-01-10T09:00:00+08:00',
    ...overrides,
  });
}

export function entry(candidateId: string, overrides: Partial<RankingEntry> = {}): RankingEntry {
  return {
    candidateId,
    category: 'general',
    finalScore: 80,
    hasPriorityCredential: false,
    serviceMonths: 72,
    submittedAt: '2026-01-10T09:00:00+08:00',
    ...overrides,
  };
}

export function allocationOptions(overrides: Partial<AllocationOptions> = {}): AllocationOptions {
  return { ...defaultRoundConfig().allocation, ...overrides };
}

/** Two spellings of one instant among the submission times, so equal instants are tied whatever the text. */
const SUBMISSION_TIMES = [
  '2026-01-10T09:00:00+08:00',
  '2026-01-10T01:00:00Z',
  '2026-01-10T09:00:01+08:00',
  '2026-01-09T23:59:59.500Z',
];

/**
 * Pools of ranking entries with unique ids. Scores come from a narrow band (and are sometimes
 * missing) so that ties, and every tie-break after them, occur often.
 */
export const rankingPools = fc
  .uniqueArray(
    fc.record({
      n: fc.integer({ min: 0, max: 9_999 }),
      elderly: fc.boolean(),
      score: fc.option(
        fc.integer({ min: 0, max: 8 }).map((step) => 70 + step * 0.25),
        { freq: 12 },
      ),
      priority: fc.boolean(),
      serviceMonths: fc.integer({ min: 60, max: 63 }),
      submittedAt: fc.constantFrom(...SUBMISSION_TIMES),
    }),
    { selector: (row) => row.n, maxLength: 60 },
  )
  .map((rows) =>
    rows.map((row): RankingEntry => ({
      candidateId: `c-${String(row.n).padStart(4, '0')}`,
      category: row.elderly ? 'elderly' : 'general',
      finalScore: row.score,
      hasPriorityCredential: row.priority,
      serviceMonths: row.serviceMonths,
      submittedAt: row.submittedAt,
    })),
  );

export const allocationOptionArbitrary: fc.Arbitrary<AllocationOptions> = fc.record({
  quota: fc.integer({ min: 1, max: 30 }),
  elderlyReservedShare: fc.constantFrom(0, 0.2, 1 / 3, 0.5, 1),
  reservedSeatRounding: fc.constantFrom('up' as const, 'down' as const, 'nearest' as const),
  elderlyShortfall: fc.constantFrom('releaseToGeneral' as const, 'leaveEmpty' as const),
});

/** A pool and the same pool in another order. */
export const shuffledPools = rankingPools.chain((pool) =>
  fc.tuple(fc.constant(pool), fc.shuffledSubarray(pool, { minLength: pool.length, maxLength: pool.length })),
);

/**
 * The merit order written out independently of the implementation: score, then holding a priority
 * credential, then months of social work, then the earlier submission instant, then the id.
 */
export function meritKey(e: RankingEntry): [number, number, number, number, string] {
  return [
    -(e.finalScore ?? -Infinity),
    e.hasPriorityCredential ? 0 : 1,
    -e.serviceMonths,
    Date.parse(e.submittedAt),
    e.candidateId,
  ];
}

export function meritBefore(a: RankingEntry, b: RankingEntry): boolean {
  const ka = meritKey(a);
  const kb = meritKey(b);
  for (let i = 0; i < ka.length; i += 1) if (ka[i] !== kb[i]) return ka[i]! < kb[i]!;
  return false;
}
