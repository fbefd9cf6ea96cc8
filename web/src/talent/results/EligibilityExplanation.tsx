// A screening explanation as the rules stored it (workflows/talent/eligibility.ts): the result, the
// category and why, the months of social work and the priority credentials, then every rule with
// its outcome, its sentence and the values it used.
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EligibilityCheck, EligibilityResult } from '../../../../workflows/talent/eligibility';
import {
  ASSESSMENT_RATINGS,
  GRASSROOTS_UNIT_TYPES,
  OTHER_UNIT_TYPES,
  SOCIAL_WORK_FIELDS,
} from '../../../../workflows/talent/talent-vocabulary';
import { useLocalized } from './use-localized';

type Labelled = readonly { key: string; zh: string; en: string }[];

/** Which vocabulary a value of a check names keys of. */
const VOCABULARY: Record<string, Labelled> = {
  field: SOCIAL_WORK_FIELDS,
  allowedFields: SOCIAL_WORK_FIELDS,
  unitType: [...GRASSROOTS_UNIT_TYPES, ...OTHER_UNIT_TYPES],
  allowedUnitTypes: [...GRASSROOTS_UNIT_TYPES, ...OTHER_UNIT_TYPES],
  finalRating: ASSESSMENT_RATINGS,
  allowedRatings: ASSESSMENT_RATINGS,
};

export function PassTag({ passed }: { passed: boolean }) {
  const { t } = useTranslation();
  // The default tag's dark text (antd's coloured tags fail the contrast check); the icon tells them apart.
  return (
    <Tag icon={passed ? <CheckCircleOutlined /> : <CloseCircleOutlined />}>
      {t(passed ? 'talentResults.passed' : 'talentResults.failed')}
    </Tag>
  );
}

/** The values a check used, except the words its sentence already says (a field's name, a date). */
function ValuesUsed({ values, sentence }: { values: EligibilityCheck['values']; sentence: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const show = (key: string, value: unknown): string => {
    if (Array.isArray(value)) return value.map((item) => show(key, item)).join('、');
    if (typeof value === 'boolean') return t(value ? 'talentResults.yes' : 'talentResults.no');
    if (value === null || value === undefined) return '—';
    const entry = VOCABULARY[key]?.find((item) => item.key === value);
    if (entry) return localized(entry);
    // Dates, ids and counts are strings and numbers; anything else shows as the stored JSON.
    return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  };
  const entries = Object.entries(values).filter(
    ([key, value]) => !(typeof value === 'string' && sentence.includes(show(key, value))),
  );
  if (entries.length === 0) return null;
  return (
    <Typography.Text>
      {entries
        .map(
          ([key, value]) => `${t(`talentResults.values.${key}`, { defaultValue: key })}：${show(key, value)}`,
        )
        .join('；')}
    </Typography.Text>
  );
}

export function EligibilityExplanation({ explanation }: { explanation: EligibilityResult }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const years = Math.floor(explanation.serviceMonths / 12);
  const months = explanation.serviceMonths % 12;
  return (
    <Flex vertical gap="small">
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          {
            key: 'result',
            label: t('talentResults.screeningResult'),
            children: <PassTag passed={explanation.eligible} />,
          },
          {
            key: 'reference',
            label: t('talentResults.values.referenceDate'),
            children: explanation.referenceDate,
          },
          {
            key: 'category',
            label: t('talentResults.category'),
            // The general category's reason only names the category again; the elderly one's says why.
            children:
              explanation.category === 'general'
                ? t('talentResults.categories.general')
                : t('ui.aside', {
                    main: t('talentResults.categories.elderly'),
                    aside: localized(explanation.categoryReason),
                  }),
          },
          {
            key: 'service',
            label: t('talentResults.serviceTimeLabel'),
            children: t('talentResults.serviceTime', { years, months }),
          },
          {
            key: 'priority',
            label: t('talentResults.priority'),
            children:
              explanation.priorityCredentials.length === 0
                ? t('talentResults.priorityNone')
                : explanation.priorityCredentials.map((c) => t(`talentResults.credentials.${c}`)).join('、'),
          },
        ]}
      />
      <Table<EligibilityCheck>
        size="small"
        rowKey="rule"
        aria-label={t('talentResults.rulesTable')}
        pagination={false}
        dataSource={explanation.checks}
        columns={[
          {
            key: 'rule',
            title: t('talentResults.rule'),
            width: 140,
            render: (_v, c) => t(`talentResults.rules.${c.rule}`),
          },
          {
            key: 'passed',
            title: t('talentResults.outcome'),
            width: 100,
            render: (_v, c) => <PassTag passed={c.passed} />,
          },
          {
            key: 'message',
            title: t('talentResults.explanation'),
            render: (_v, c) => (
              <Flex vertical>
                <span>{localized(c.message)}</span>
                <ValuesUsed values={c.values} sentence={localized(c.message)} />
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
