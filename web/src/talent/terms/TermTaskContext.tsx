// What a task of a talent's term is about, above the task's own work: the talent (name, employer,
// field, title status), the misconduct reported and the office's findings if there is a case (the
// latest case's status events), and a link to the talent's page. The leading group approving a
// revocation decides with it; the office's verification and assessments show the same card.
import { Alert, Card, Descriptions } from 'antd';
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { describeProblem } from '../../api/client';
import { talentTextsReady } from '../talent-texts';
import { TitleStatusTag, useFieldLabel } from './PoolPage';
import { useTalent, type TalentDetail } from './term-hooks';

type StatusEvent = TalentDetail['statusEvents'][number];

/** The latest event of a kind: a second case after a dismissed one is the one at hand. */
const latest = (events: readonly StatusEvent[], kind: StatusEvent['kind']) =>
  events.filter((event) => event.kind === kind).at(-1);

export default function TermTaskContext({ talentPath }: { talentPath: string }) {
  use(talentTextsReady);
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const talent = useTalent(talentPath.split('/').at(-1) ?? '');
  // Someone the task was handed to may not read talents (a 转办 outside the office): say so, don't spin.
  if (talent.error)
    return (
      <Card role="region" aria-label={t('talentTermTasks.taskContext')}>
        <Alert type="warning" showIcon message={describeProblem(talent.error, t)} />
      </Card>
    );
  if (!talent.data) return <Card loading />;
  const d = talent.data;
  const reported = latest(d.statusEvents, 'misconduct_reported');
  const verified = latest(d.statusEvents, 'misconduct_verified');
  return (
    <Card
      role="region"
      aria-label={t('talentTermTasks.taskContext')}
      title={<h2 className="sgf-card-title">{t('talentTermTasks.taskContext')}</h2>}
      extra={<Link to={talentPath}>{t('talentTermTasks.openTalent')}</Link>}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'talent', label: t('talentTermTasks.talent'), children: d.name },
          {
            key: 'status',
            label: t('talentTerms.titleStatusLabel'),
            children: <TitleStatusTag status={d.titleStatus} />,
          },
          { key: 'employer', label: t('talentTerms.employer'), children: d.employerName },
          { key: 'field', label: t('talentTerms.field'), children: fieldLabel(d.field) },
          ...(reported
            ? [
                {
                  key: 'reported',
                  label: t('talentTermTasks.reported'),
                  span: 2,
                  children: `${reported.effectiveOn}：${reported.note ?? ''}`,
                },
              ]
            : []),
          ...(verified
            ? [
                {
                  key: 'verified',
                  label: t('talentTermTasks.verified'),
                  span: 2,
                  children: verified.note ?? '—',
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
