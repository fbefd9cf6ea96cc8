// The leading group's (人才工作领导小组) decisions on a talent's revocation: outcome, when, and each
// member's vote with its comment, as the actions after the approval recorded them.
import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TLeadingDecision } from '../../../../api/talent/leading-decision.types';
import { formatDateTime } from '../../ui/format-time';

const OUTCOME_COLOR = { approved: 'green', rejected: 'red', returned: 'orange' } as const;

export function LeadingDecisions({ decisions }: { decisions: readonly TLeadingDecision[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {t('talentTermTasks.decisions')}
      </Typography.Title>
      {decisions.length === 0 ? (
        <Typography.Text type="secondary">{t('talentTermTasks.noDecisions')}</Typography.Text>
      ) : (
        <List
          size="small"
          bordered
          aria-label={t('talentTermTasks.decisions')}
          dataSource={[...decisions]}
          renderItem={(decision) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <span>
                    <Tag color={OUTCOME_COLOR[decision.outcome]}>
                      {t(`talentTermTasks.outcome.${decision.outcome}`)}
                    </Tag>
                    {t('talentTermTasks.decidedAt')} {formatDateTime(decision.decidedAt)}
                  </span>
                }
                description={
                  <span>
                    {t('talentTermTasks.votes')}：
                    {decision.votes
                      .map(
                        (vote) =>
                          `${vote.displayName} ${t(`talentTermTasks.vote.${vote.vote}`)}${vote.comment ? `（${vote.comment}）` : ''}`,
                      )
                      .join('；')}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
    </>
  );
}
