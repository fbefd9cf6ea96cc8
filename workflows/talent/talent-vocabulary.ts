// The fixed vocabulary of talent selection (DOMAIN.md §3): the 18 fields of social work, grassroots
// unit types, certificate levels and assessment ratings, each with its Chinese and English label.
import type { LocalizedMessage } from '../engine/localized-message';

/** The 18 fields a candidate may work in, in the order the Jinan "海右" measures list them. */
export const SOCIAL_WORK_FIELDS = [
  { key: 'social_welfare', zh: '社会福利', en: 'social welfare' },
  { key: 'social_assistance', zh: '社会救助', en: 'social assistance' },
  { key: 'charity', zh: '慈善事业', en: 'charity' },
  { key: 'special_care_resettlement', zh: '优抚安置', en: 'special care and resettlement' },
  { key: 'community_building', zh: '社区建设', en: 'community building' },
  { key: 'marriage_family', zh: '婚姻家庭', en: 'marriage and family' },
  { key: 'mental_health', zh: '精神卫生', en: 'mental health' },
  { key: 'disability_rehabilitation', zh: '残障康复', en: 'disability rehabilitation' },
  { key: 'funeral_services', zh: '殡葬服务', en: 'funeral services' },
  { key: 'education_support', zh: '教育辅导', en: 'education support' },
  { key: 'employment_assistance', zh: '就业援助', en: 'employment assistance' },
  { key: 'worker_support', zh: '职工帮扶', en: 'worker support' },
  { key: 'crime_prevention', zh: '犯罪预防', en: 'crime prevention' },
  { key: 'drug_control', zh: '禁毒戒毒', en: 'drug control' },
  { key: 'correction_rehabilitation', zh: '矫治帮扶', en: 'correction and rehabilitation' },
  { key: 'family_development', zh: '家庭发展', en: 'family development' },
  { key: 'dispute_mediation', zh: '纠纷调解', en: 'dispute mediation' },
  { key: 'emergency_response', zh: '应急处置', en: 'emergency response' },
] as const;
export type SocialWorkField = (typeof SOCIAL_WORK_FIELDS)[number]['key'];
export const SOCIAL_WORK_FIELD_KEYS = SOCIAL_WORK_FIELDS.map((field) => field.key) as [
  SocialWorkField,
  ...SocialWorkField[],
];

/** Grassroots units (基层单位) whose social workers may be selected. */
export const GRASSROOTS_UNIT_TYPES = [
  { key: 'urban_community', zh: '城市社区', en: 'urban community' },
  { key: 'rural_community', zh: '农村社区', en: 'rural community' },
  { key: 'elderly_care_institution', zh: '养老机构', en: 'elderly-care institution' },
  { key: 'social_service_institution', zh: '社会服务事业单位', en: 'social-service public institution' },
  { key: 'social_organisation', zh: '社会组织', en: 'social organisation' },
] as const;
export type GrassrootsUnitType = (typeof GRASSROOTS_UNIT_TYPES)[number]['key'];
export const GRASSROOTS_UNIT_TYPE_KEYS = GRASSROOTS_UNIT_TYPES.map((unit) => unit.key) as [
  GrassrootsUnitType,
  ...GrassrootsUnitType[],
];
/** Units a dossier may name that are not grassroots (screened out unless a round lists them). */
export const OTHER_UNIT_TYPES = [
  { key: 'government_agency', zh: '党政机关', en: 'government agency' },
  { key: 'enterprise', zh: '企业', en: 'enterprise' },
  { key: 'other', zh: '其他', en: 'other' },
] as const;
export type UnitType = GrassrootsUnitType | (typeof OTHER_UNIT_TYPES)[number]['key'];
export const UNIT_TYPE_KEYS = [...GRASSROOTS_UNIT_TYPE_KEYS, ...OTHER_UNIT_TYPES.map((unit) => unit.key)] as [
  UnitType,
  ...UnitType[],
];

/** National social-worker professional levels, lowest first (the index is the rank). */
export const SOCIAL_WORKER_LEVELS = [
  { key: 'assistant', zh: '助理社会工作师', en: 'assistant social worker' },
  { key: 'intermediate', zh: '社会工作师', en: 'social worker (intermediate)' },
  { key: 'senior', zh: '高级社会工作师', en: 'senior social worker' },
] as const;
export type SocialWorkerLevel = (typeof SOCIAL_WORKER_LEVELS)[number]['key'];
export const SOCIAL_WORKER_LEVEL_KEYS = SOCIAL_WORKER_LEVELS.map((level) => level.key) as [
  SocialWorkerLevel,
  ...SocialWorkerLevel[],
];

/** Elderly-care worker (养老护理员) vocational skill levels, lowest first: grade 5 up to grade 1. */
export const ELDERLY_CARE_WORKER_LEVELS = [
  { key: 'junior', zh: '初级工（五级）', en: 'junior (grade 5)' },
  { key: 'intermediate', zh: '中级工（四级）', en: 'intermediate (grade 4)' },
  { key: 'senior', zh: '高级工（三级）', en: 'senior (grade 3)' },
  { key: 'technician', zh: '技师（二级）', en: 'technician (grade 2)' },
  { key: 'senior_technician', zh: '高级技师（一级）', en: 'senior technician (grade 1)' },
] as const;
export type ElderlyCareWorkerLevel = (typeof ELDERLY_CARE_WORKER_LEVELS)[number]['key'];
export const ELDERLY_CARE_WORKER_LEVEL_KEYS = ELDERLY_CARE_WORKER_LEVELS.map((level) => level.key) as [
  ElderlyCareWorkerLevel,
  ...ElderlyCareWorkerLevel[],
];

/** Annual and term-end assessment ratings, best first. */
export const ASSESSMENT_RATINGS = [
  { key: 'excellent', zh: '优秀', en: 'excellent' },
  { key: 'competent', zh: '称职', en: 'competent' },
  { key: 'basically_competent', zh: '基本称职', en: 'basically competent' },
  { key: 'incompetent', zh: '不称职', en: 'incompetent' },
] as const;
export type AssessmentRating = (typeof ASSESSMENT_RATINGS)[number]['key'];
export const ASSESSMENT_RATING_KEYS = ASSESSMENT_RATINGS.map((rating) => rating.key) as [
  AssessmentRating,
  ...AssessmentRating[],
];

type Labelled = { readonly key: string; readonly zh: string; readonly en: string };

/** The zh/en label of a vocabulary key (the key itself when a list does not hold it). */
export function labelOf(list: readonly Labelled[], key: string): LocalizedMessage {
  const entry = list.find((item) => item.key === key);
  return entry ? { zh: entry.zh, en: entry.en } : { zh: key, en: key };
}

/** Position of a level in its lowest-first list, for "this level or above" comparisons. */
export function levelRank(list: readonly Labelled[], key: string): number {
  return list.findIndex((item) => item.key === key);
}

/** A selection round's statuses while the office runs its application window. */
export const WINDOW_ROUND_STATUSES = ['draft', 'open', 'closed'] as const;
/** The statuses the round's process moves it between; `cancelled` may end it from any of them. */
export const PROCESS_ROUND_STATUSES = [
  'screening',
  'review',
  'ranking',
  'notice',
  'approval',
  'published',
  'cancelled',
] as const;
/** Every status of a selection round (TalentRoundStatus in the schema), in the order a round passes them. */
export const ROUND_STATUSES = [...WINDOW_ROUND_STATUSES, ...PROCESS_ROUND_STATUSES] as const;
