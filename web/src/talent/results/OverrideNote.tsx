// The office's manual override of a screening result as one note: the result it set, the reason,
// and who set it when; and the two table columns (the rules' result, the override) that show it in
// the office's screening results and the leading group's overrides alike.
import { Flex, Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format-time';
import { PassTag } from './EligibilityExplanation';
import type { ScreeningRow } from './results-types';

export function screeningAndOverrideColumns(t: TFunction): TableColumnsType<ScreeningRow> {
  return [
    {
      key: 'screening',
      title: t('talentResults.screeningResult'),
      render: (_v, row) => <PassTag passed={row.screeningResult === 'eligible'} />,
    },
    {
      key: 'override',
      title: t('talentResults.override'),
      render: (_v, row) => (row.override ? <OverrideNote override={row.override} /> : '—'),
    },
  ];
}

export function OverrideNote({ override }: { override: NonNullable<ScreeningRow['override']> }) {
  const { t } = useTranslation();
  return (
    <Flex vertical>
      <span>
        <Tag>{t(`talentResults.result.${override.result}`)}</Tag>
        {override.reason}
      </span>
      <Typography.Text>
        {t('talentResults.overrideBy', { name: override.by.displayName, time: formatDateTime(override.at) })}
      </Typography.Text>
    </Flex>
  );
}
