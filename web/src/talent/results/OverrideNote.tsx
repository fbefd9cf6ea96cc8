// The office's manual override of a screening result as one note: the result it set, the reason,
// and who set it when. Shown in the office's screening results and the leading group's view.
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format-time';
import type { ScreeningRow } from './results-types';

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
