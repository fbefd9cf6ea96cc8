import fc from 'fast-check';
import {
  aggregateScores,
  assignReviewers,
  checkScoreSheet,
  defaultRoundConfig,
  findConflicts,
  normaliseScores,
  type ReviewCandidate,
  type Reviewer,
  reviewerView,
  type SubmittedScore,
  weightedScore,
} from '../../../workflows/talent';

const review = defaultRoundConfig().review;
const rubric = review.rubric;

const reviewers: Reviewer[] = [
  { reviewerId: 'r1', name: '王教授', employer: { name: '山东大学' } },
  { reviewerId: 'r2', name: '李主任', employer: { id: 'unit-7', name: '历下区社工站' } },
  { reviewerId: 'r3', name: '赵老师' },
];
const candidates: ReviewCandidate[] = [
  { candidateId: 'c1', name: '张敏', employer: { id: 'unit-7', name: '历下区泉城路社工站' } },
  { candidateId: 'c2', name: '刘芳', employer: { name: '山东 大学' } },
  { candidateId: 'c3', name: '陈静', employer: { name: '槐荫区养老院' } },
];

/** Reviewers r0… without employers and candidates c0… each with an employer of their own. */
function panel(reviewerCount: number, candidateCount: number) {
  const rs: Reviewer[] = Array.from({ length: reviewerCount }, (_, i) => ({
    reviewerId: `r${i}`,
    name: `r${i}`,
  }));
  const cs: ReviewCandidate[] = Array.from({ length: candidateCount }, (_, i) => ({
    candidateId: `c${i}`,
    name: `c${i}`,
    employer: { name: `e${i}` },
  }));
  return { rs, cs };
}

describe('committee review (专家评审)', () => {
  it('weights the rubric: Σ(weight × score / max) / Σ weight × 100', () => {
    // 40 % performance, 25 % competence, 20 % innovation, 15 % ethics (the default rubric).
    expect(
      weightedScore(rubric, { performance: 90, competence: 80, innovation: 70, ethics: 100 }),
    ).toBeCloseTo(0.4 * 90 + 0.25 * 80 + 0.2 * 70 + 0.15 * 100, 10);
    const custom = [
      { key: 'a', label: { zh: '甲', en: 'a' }, weight: 1, maxScore: 10 },
      { key: 'b', label: { zh: '乙', en: 'b' }, weight: 3, maxScore: 50 },
    ];
    expect(weightedScore(custom, { a: 5, b: 50 })).toBeCloseTo(
      (((1 * 5) / 10 + (3 * 50) / 50) / 4) * 100,
      10,
    );
  });

  describe('conflicts of interest (回避)', () => {
    it('finds declared conflicts and same-employer pairs (by registry id, else by name ignoring spaces and width)', () => {
      const conflicts = findConflicts(
        reviewers,
        candidates,
        [{ reviewerId: 'r3', candidateId: 'c3', reason: '曾为其督导' }],
        review,
      );
      expect(conflicts.map((c) => [c.reviewerId, c.candidateId, c.source])).toEqual([
        ['r1', 'c2', 'sameEmployer'],
        ['r2', 'c1', 'sameEmployer'],
        ['r3', 'c3', 'declared'],
      ]);
      expect(conflicts[2]!.message.zh).toBe('评审专家申报回避：曾为其督导');
    });

    it.each([
      [
        'a unit id and a credit code: by name',
        { id: 'unit-7', name: '历下区社工站' },
        { id: '91370102MA3C8XY71K', name: '历下区社工站' },
        true,
      ],
      [
        'a credit code and no id: by name, brackets of either width',
        { id: '91370102MA3C8XY71K', name: '济南市（历下）社工站' },
        { name: '济南市 (历下) 社工站 ' },
        true,
      ],
      [
        'no id and a credit code (lower case): by name, 【】 as ()',
        { name: '山东大学【社工系】' },
        { id: '91370102ma3c8xy71k', name: '山东大学(社工系)' },
        true,
      ],
      [
        'two credit codes, one company: by code even when the names differ',
        { id: '91370102MA3C8XY71K', name: '甲社工站' },
        { id: '91370102ma3c8xy71k', name: '甲站' },
        true,
      ],
      [
        'two credit codes that differ: not the same employer even under one name',
        { id: '91370102MA3C8XY71K', name: '社工站' },
        { id: '91370103MA3C8XY72L', name: '社工站' },
        false,
      ],
      [
        'a unit id and a credit code under other names: not the same',
        { id: 'unit-7', name: '历下区社工站' },
        { id: '91370102MA3C8XY71K', name: '槐荫区社工站' },
        false,
      ],
    ] as const)('matches employers on %s', (_case, reviewerEmployer, candidateEmployer, conflicted) => {
      const conflicts = findConflicts(
        [{ reviewerId: 'r', name: '评审专家', employer: reviewerEmployer }],
        [{ candidateId: 'c', name: '申报人', employer: candidateEmployer }],
        [],
        review,
      );
      expect(conflicts.map((c) => c.source)).toEqual(conflicted ? ['sameEmployer'] : []);
    });

    it('does not treat a shared employer as a conflict when the round turns the rule off', () => {
      expect(findConflicts(reviewers, candidates, [], { sameEmployerIsConflict: false })).toEqual([]);
    });

    it('never assigns a conflicted reviewer and refuses their score sheet', () => {
      const conflicts = findConflicts(reviewers, candidates, [], review);
      const { assignments, shortfalls } = assignReviewers(candidates, reviewers, conflicts, {
        minReviewersPerCandidate: 2,
      });
      expect(assignments).toEqual([
        { candidateId: 'c1', reviewerIds: ['r1', 'r3'] },
        { candidateId: 'c2', reviewerIds: ['r2', 'r3'] },
        { candidateId: 'c3', reviewerIds: ['r1', 'r2'] },
      ]);
      expect(shortfalls).toEqual([]);
      const sheet = {
        reviewerId: 'r2',
        candidateId: 'c1',
        criteria: { performance: 90, competence: 90, innovation: 90, ethics: 90 },
      };
      expect(checkScoreSheet(sheet, { rubric, assignments, conflicts }).map((p) => p.code)).toEqual([
        'CONFLICT',
      ]);
    });

    it('sets aside a score whose reviewer declared a conflict after scoring', () => {
      const scores: SubmittedScore[] = [
        { reviewerId: 'r1', candidateId: 'c1', score: 80 },
        { reviewerId: 'r2', candidateId: 'c1', score: 99 },
        { reviewerId: 'r3', candidateId: 'c1', score: 82 },
      ];
      const [result] = aggregateScores(scores, { ...review, minReviewersPerCandidate: 2, trimEachSide: 0 }, [
        { reviewerId: 'r2', candidateId: 'c1' },
      ]);
      expect(result).toMatchObject({
        reviewerCount: 2,
        recusedReviewerIds: ['r2'],
        rawMean: 81,
        finalScore: 81,
      });
    });

    it('never assigns a conflicted pair, whatever the pool (property)', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 8 }),
          fc.integer({ min: 1, max: 15 }),
          fc.array(fc.tuple(fc.nat(7), fc.nat(14)), { maxLength: 30 }),
          fc.integer({ min: 1, max: 5 }),
          (reviewerCount, candidateCount, pairs, required) => {
            const { rs, cs } = panel(reviewerCount, candidateCount);
            const declared = pairs.map(([r, c]) => ({
              reviewerId: `r${r}`,
              candidateId: `c${c}`,
              reason: 'x',
            }));
            const conflicts = findConflicts(rs, cs, declared, review);
            const blocked = new Set(conflicts.map((c) => `${c.reviewerId}/${c.candidateId}`));
            const { assignments, shortfalls } = assignReviewers(cs, rs, conflicts, {
              minReviewersPerCandidate: required,
            });
            for (const a of assignments) {
              for (const r of a.reviewerIds) expect(blocked.has(`${r}/${a.candidateId}`)).toBe(false);
              const free = rs.filter((r) => !blocked.has(`${r.reviewerId}/${a.candidateId}`)).length;
              expect(a.reviewerIds).toHaveLength(Math.min(required, free));
            }
            expect(shortfalls.map((s) => s.candidateId)).toEqual(
              assignments.filter((a) => a.reviewerIds.length < required).map((a) => a.candidateId),
            );
          },
        ),
      );
    });
  });

  it('balances assignments: without conflicts no reviewer has more than one candidate more than another, in any input order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 9 }),
        (reviewerCount, candidateCount, required) => {
          const { rs, cs } = panel(reviewerCount, candidateCount);
          const { assignments } = assignReviewers(cs, rs, [], { minReviewersPerCandidate: required });
          const load = rs.map((r) => assignments.filter((a) => a.reviewerIds.includes(r.reviewerId)).length);
          expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(1);
          const reversed = assignReviewers([...cs].reverse(), [...rs].reverse(), [], {
            minReviewersPerCandidate: required,
          });
          expect(reversed.assignments).toEqual(assignments);
        },
      ),
    );
  });

  it('reports a candidate short of reviewers when conflicts leave too few', () => {
    const conflicts = findConflicts(reviewers, candidates, [], review);
    const { shortfalls } = assignReviewers(candidates, reviewers, conflicts, { minReviewersPerCandidate: 3 });
    expect(shortfalls).toEqual([
      { candidateId: 'c1', assigned: 2, required: 3 },
      { candidateId: 'c2', assigned: 2, required: 3 },
    ]);
  });

  it('checks a score sheet against the assignment and the rubric, naming the criterion', () => {
    const assignments = [{ candidateId: 'c3', reviewerIds: ['r1', 'r2'] }];
    const context = { rubric, assignments, conflicts: [] };
    const sheet = (reviewerId: string, criteria: Record<string, number>) => ({
      reviewerId,
      candidateId: 'c3',
      criteria,
    });
    expect(checkScoreSheet(sheet('r3', {}), context).map((p) => p.code)).toEqual(['NOT_ASSIGNED']);
    expect(
      checkScoreSheet(
        sheet('r1', { performance: 101, competence: 80, innovation: 70, extra: 1 }),
        context,
      ).map((p) => [p.code, p.criterion]),
    ).toEqual([
      ['OUT_OF_RANGE', 'performance'],
      ['CRITERION_MISSING', 'ethics'],
      ['CRITERION_UNKNOWN', 'extra'],
    ]);
    expect(
      checkScoreSheet(sheet('r1', { performance: 100, competence: 0, innovation: 70, ethics: 60 }), context),
    ).toEqual([]);
  });

  describe('blind phase (盲评)', () => {
    const assignment = { candidateId: 'c3', reviewerIds: ['r1', 'r2'] };
    const candidate = candidates[2]!;

    it('masks name and employer and hides other scores until every assigned reviewer has submitted', () => {
      const submitted = [{ reviewerId: 'r2', candidateId: 'c3', score: 77 }];
      const view = reviewerView(candidate, 'r1', assignment, submitted, review);
      expect(view).toEqual({
        dossier: { candidateId: 'c3', name: null, employer: null, masked: true },
        ownScore: null,
        otherScores: 'hidden',
      });
      const all = [...submitted, { reviewerId: 'r1', candidateId: 'c3', score: 81 }];
      expect(reviewerView(candidate, 'r1', assignment, all, review)).toEqual({
        dossier: { ...candidate, masked: false },
        ownScore: 81,
        otherScores: [{ reviewerId: 'r2', candidateId: 'c3', score: 77 }],
      });
    });

    it('shows everything at once when the round has no blind phase', () => {
      const view = reviewerView(candidate, 'r1', assignment, [], { blindPhase: false });
      expect(view.dossier.name).toBe('陈静');
      expect(view.otherScores).toEqual([]);
    });
  });

  describe('aggregation', () => {
    const five = ['r1', 'r2', 'r3', 'r4', 'r5'];
    const sheets = (candidateId: string, values: number[]) =>
      values.map((score, i) => ({ reviewerId: five[i]!, candidateId, score }));

    it('gives no final score below the minimum number of reviewers', () => {
      const [result] = aggregateScores(sheets('c1', [80, 82, 84, 86]), review);
      expect(result).toMatchObject({ reviewerCount: 4, meetsMinimum: false, finalScore: null, rawMean: 83 });
      expect(result!.message.zh).toBe('仅 4 位专家评分，少于要求的 5 位，暂无最终得分');
    });

    it('drops the highest and the lowest score (trimmed mean) and says which', () => {
      const [result] = aggregateScores(sheets('c1', [60, 80, 82, 84, 99]), review);
      expect(result).toMatchObject({ rawMean: 81, finalScore: 82, trimmedReviewerIds: ['r1', 'r5'] });
      expect(result!.message.zh).toBe(
        '5 位专家评分，原始平均 81.00，最终得分 82.00（去掉最高、最低各 1 个）',
      );
      const [untrimmed] = aggregateScores(sheets('c1', [60, 80, 82, 84, 99]), { ...review, trimEachSide: 0 });
      expect(untrimmed!.finalScore).toBe(81);
    });

    it('does not trim when fewer than three scores would remain', () => {
      const [result] = aggregateScores(sheets('c1', [60, 80, 99]), {
        ...review,
        minReviewersPerCandidate: 3,
      });
      expect(result).toMatchObject({ trimmedReviewerIds: [], finalScore: 79.67 });
    });

    it('normalises per reviewer (z-score rescaled): a lenient and a severe reviewer with the same order agree', () => {
      // r1 is lenient, r2 severe; both put c1 above c2 above c3 by the same margins in their own scale.
      const scores = [
        { reviewerId: 'r1', candidateId: 'c1', score: 95 },
        { reviewerId: 'r1', candidateId: 'c2', score: 90 },
        { reviewerId: 'r1', candidateId: 'c3', score: 85 },
        { reviewerId: 'r2', candidateId: 'c1', score: 70 },
        { reviewerId: 'r2', candidateId: 'c2', score: 60 },
        { reviewerId: 'r2', candidateId: 'c3', score: 50 },
      ];
      const adjusted = normaliseScores(scores);
      const of = (r: string, c: string) =>
        adjusted.find((s) => s.reviewerId === r && s.candidateId === c)!.score;
      for (const c of ['c1', 'c2', 'c3']) expect(of('r1', c)).toBeCloseTo(of('r2', c), 10);
      const mean = scores.reduce((sum, s) => sum + s.score, 0) / scores.length;
      expect(of('r1', 'c2')).toBeCloseTo(mean, 10);
      expect(adjusted.reduce((sum, s) => sum + s.score, 0) / adjusted.length).toBeCloseTo(mean, 10);
    });

    it('gives a reviewer whose scores do not vary the round mean', () => {
      const scores = [
        { reviewerId: 'r1', candidateId: 'c1', score: 95 },
        { reviewerId: 'r1', candidateId: 'c2', score: 95 },
        { reviewerId: 'r2', candidateId: 'c1', score: 70 },
        { reviewerId: 'r2', candidateId: 'c2', score: 60 },
      ];
      expect(
        normaliseScores(scores)
          .filter((s) => s.reviewerId === 'r1')
          .map((s) => s.score),
      ).toEqual([80, 80]);
    });

    it('keeps raw and adjusted scores side by side', () => {
      const scores = [
        ...sheets('c1', [95, 70, 80, 85, 75]),
        ...sheets('c2', [85, 50, 70, 65, 70]),
        ...sheets('c3', [90, 60, 72, 75, 74]),
      ];
      const results = aggregateScores(scores, { ...review, normalisation: 'zscore' });
      const c1 = results.find((r) => r.candidateId === 'c1')!;
      expect(c1.raw.map((s) => s.score)).toEqual([95, 70, 80, 85, 75]);
      expect(c1.adjusted.map((s) => s.reviewerId)).toEqual(five);
      expect(c1.adjusted.map((s) => s.score)).not.toEqual(c1.raw.map((s) => s.score));
      expect(c1.message.en).toContain('normalised per reviewer');
    });

    it('pairs each adjusted score with its own reviewer when a recused score sits between the others', () => {
      const scores = [
        ...sheets('c1', [95, 70, 80, 85, 75]),
        ...sheets('c2', [85, 50, 70, 65, 70]),
        ...sheets('c3', [90, 60, 72, 75, 74]),
      ];
      const options = { ...review, normalisation: 'zscore' as const, minReviewersPerCandidate: 4 };
      const results = aggregateScores(scores, options, [{ reviewerId: 'r2', candidateId: 'c2' }]);
      const [c1, c2, c3] = results;
      expect(c2!.recusedReviewerIds).toEqual(['r2']);
      expect(c2!.raw.map((s) => s.reviewerId)).toEqual(['r1', 'r3', 'r4', 'r5']);
      expect(c2!.adjusted.map((s) => s.reviewerId)).toEqual(['r1', 'r3', 'r4', 'r5']);
      expect(c3!.adjusted.map((s) => s.candidateId)).toEqual(['c3', 'c3', 'c3', 'c3', 'c3']);
      // The adjusted scores are those of normalising the counted sheets, each with its own sheet.
      const normalised = normaliseScores(
        scores.filter((s) => !(s.reviewerId === 'r2' && s.candidateId === 'c2')),
      );
      expect([...c1!.adjusted, ...c2!.adjusted, ...c3!.adjusted]).toEqual(normalised);
    });

    it('gives the same result for any order of the score sheets', () => {
      const scores = [...sheets('c1', [95, 70, 80, 85, 75]), ...sheets('c2', [85, 50, 70, 65, 70])];
      const options = { ...review, normalisation: 'zscore' as const };
      fc.assert(
        fc.property(fc.shuffledSubarray(scores, { minLength: scores.length }), (shuffled) => {
          expect(aggregateScores(shuffled, options)).toEqual(aggregateScores(scores, options));
        }),
      );
    });

    it('refuses two sheets of one reviewer for one candidate', () => {
      const twice = [...sheets('c1', [80]), ...sheets('c1', [81])];
      expect(() => aggregateScores(twice, review)).toThrow('r1 scored c1 twice');
    });
  });
});
