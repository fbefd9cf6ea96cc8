// The round page's tabs: the applicants (the page's own table, passed in), then each stage's
// results once the round has reached it: 资格审查结果 from screening, 排名结果 from ranking,
// 公示异议 from the public notice.
import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ROUND_STATUSES } from '../../../../workflows/talent/talent-vocabulary';
import type { Round, RoundStatus } from '../talent-types';
import { ObjectionsTab } from './ObjectionsTab';
import { RankingResultsTab } from './RankingResultsTab';
import { ScreeningResultsTab } from './ScreeningResultsTab';

const ORDER: readonly RoundStatus[] = ROUND_STATUSES.filter((status) => status !== 'cancelled');
const reached = (status: RoundStatus, stage: RoundStatus) => ORDER.indexOf(status) >= ORDER.indexOf(stage);

export function RoundTabs({ round, children }: { round: Round; children: ReactNode }) {
  const { t } = useTranslation();
  const tab = (key: 'screening' | 'ranking' | 'objections', content: ReactNode) => ({
    key,
    label: t(`talentResults.tabs.${key}`),
    children: content,
  });
  return (
    <Tabs
      destroyOnHidden
      items={[
        { key: 'applications', label: t('talentResults.tabs.applications'), children },
        ...(reached(round.status, 'screening')
          ? [tab('screening', <ScreeningResultsTab round={round} />)]
          : []),
        ...(reached(round.status, 'ranking')
          ? [tab('ranking', <RankingResultsTab roundId={round.id} />)]
          : []),
        ...(reached(round.status, 'notice') ? [tab('objections', <ObjectionsTab round={round} />)] : []),
      ]}
    />
  );
}
