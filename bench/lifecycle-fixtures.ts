// Form data that completes each task of the built-in project lifecycle on its happy path.
export const lifecycleTaskData: Record<string, Record<string, unknown>> = {
  assess: {
    targetGroup: '辖区独居老人',
    serviceDomain: '为老服务',
    needsSummary: '独居老人缺乏日常探访与应急支持',
    risks: '冬季出行',
  },
  plan: {
    objectives: '建立探访网络',
    activities: [{ title: '入户探访', plannedDate: '2025-04-01', participants: 30 }],
    budgetYuan: 50000,
    indicators: [{ indicator: '探访人次', target: 600, unit: '人次' }],
  },
  implement: { activitiesHeld: 12, peopleServed: 620, volunteers: 15, volunteerHours: 300 },
  monthlyReport: { indicatorProgress: '按计划推进' },
  supervision: { supervisionNotes: '执行规范', correctiveActionRequired: false },
  practiceCase: { caseTitle: '银龄守护实践', caseSummary: '以探访网络回应独居老人需求' },
};

export const lifecycleReviewScores = {
  goalAchievement: 10,
  serviceQuality: 10,
  indicatorCompletion: 9,
  budgetUse: 10,
  innovation: 8,
};
