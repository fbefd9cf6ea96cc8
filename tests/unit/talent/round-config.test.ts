import {
  DEFAULT_RUBRIC,
  defaultRoundConfig,
  SOCIAL_WORK_FIELD_KEYS,
  ZRoundConfig,
} from '../../../workflows/talent';

describe('round options (选拔轮次配置)', () => {
  it('defaults to the Jinan 海右 measures', () => {
    expect(defaultRoundConfig()).toEqual({
      cadenceYears: 2,
      eligibility: {
        minYearsInSocialWork: 5,
        fields: SOCIAL_WORK_FIELD_KEYS,
        unitTypes: [
          'urban_community',
          'rural_community',
          'elderly_care_institution',
          'social_service_institution',
          'social_organisation',
        ],
        elderlyServiceUnitTypes: ['elderly_care_institution'],
        allowReapplication: true,
        reapplicationRatings: ['excellent'],
        priority: {
          minSocialWorkerLevel: 'intermediate',
          minElderlyCareWorkerLevel: 'intermediate',
          elderlyCareManagementTraining: true,
        },
      },
      review: {
        rubric: DEFAULT_RUBRIC,
        minReviewersPerCandidate: 5,
        sameEmployerIsConflict: true,
        blindPhase: true,
        normalisation: 'none',
        trimEachSide: 1,
      },
      allocation: {
        quota: 50,
        elderlyReservedShare: 1 / 3,
        reservedSeatRounding: 'up',
        elderlyShortfall: 'leaveEmpty',
      },
      allowance: { monthlyAmountYuan: 1000, termYears: 4 },
      notice: { workingDays: 5 },
    });
    expect(SOCIAL_WORK_FIELD_KEYS).toHaveLength(18);
  });

  it('keeps the defaults of the options a round does not set', () => {
    const config = ZRoundConfig.parse({ allocation: { quota: 30 }, review: { normalisation: 'zscore' } });
    expect(config.allocation).toMatchObject({ quota: 30, elderlyReservedShare: 1 / 3 });
    expect(config.review).toMatchObject({ normalisation: 'zscore', minReviewersPerCandidate: 5 });
  });

  it.each([
    [
      'a share above 1',
      { allocation: { elderlyReservedShare: 1.5 } },
      ['allocation', 'elderlyReservedShare'],
    ],
    ['a fractional quota', { allocation: { quota: 2.5 } }, ['allocation', 'quota']],
    ['an unknown field', { eligibility: { fields: ['astrology'] } }, ['eligibility', 'fields', 0]],
    ['a field twice', { eligibility: { fields: ['charity', 'charity'] } }, ['eligibility', 'fields']],
    [
      'two criteria with one key',
      { review: { rubric: [DEFAULT_RUBRIC[0], DEFAULT_RUBRIC[0]] } },
      ['review', 'rubric'],
    ],
    [
      'a part-fen allowance',
      { allowance: { monthlyAmountYuan: 1000.005 } },
      ['allowance', 'monthlyAmountYuan'],
    ],
    ['an unknown option', { allocation: { quotta: 50 } }, ['allocation']],
  ])('rejects %s, naming the option', (_case, input, path) => {
    const parsed = ZRoundConfig.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path)).toContainEqual(path);
  });
});
