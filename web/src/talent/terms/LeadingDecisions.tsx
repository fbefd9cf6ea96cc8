// The leading group's (人才工作领导小组) decisions on a talent's revocation or a round's list:
// outcome, when, and each member's vote with its comment, as the actions after the approval recorded them.
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TLeadingDecision } from '../../../../api/talent/leading-decision.types';
import { formatDateTime } from '../../ui/format-time';

export function LeadingDecisions({ decisions }: { decisions: readonly TLeadingDecision[] }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('talentTermTasks.decisions')}>
      <Typography.Title level={2} style={{ fontSize: 16, margin: '0 0 8px' }}>
        {t('talentTermTasks.decisions')}
      </Typography.Title>
      {decisions.length === 0 ? (
        <p>{t('talentTermTasks.noDecisions')}</p>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {decisions.map((decision) => (
            <li key={decision.decidedAt}>
              {/* The default tag's dark text passes the contrast check; colour would not. */}
              <Tag>{t(`talentTermTasks.outcome.${decision.outcome}`)}</Tag>
              {t('talentTermTasks.decidedAt')} {formatDateTime(decision.decidedAt)}
              {t('ui.listSeparator')}
              {t('ui.labelled', {
                label: t('talentTermTasks.votes'),
                text: decision.votes
                  .map((vote) => {
                    const cast = `${vote.displayName} ${t(`talentTermTasks.vote.${vote.vote}`)}`;
                    return vote.comment ? t('ui.aside', { main: cast, aside: vote.comment }) : cast;
                  })
                  .join(t('ui.listSeparator')),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
