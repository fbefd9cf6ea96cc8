// The round's way through its process (antd Steps) and the office's next command on it, each behind a
// confirmation: start screening, confirm the screening results, close the review and rank, end the
// public notice. The approvals between them (the office's confirmation of the list, the leading
// group's decision) are tasks in the 工作台.
import { Button, Popconfirm, Steps, Typography } from 'antd';
import { Link } from 'react-router-dom';
import './talent-process.css';
import { useTranslation } from 'react-i18next';
import { type RoundCommand, useRoundCommand } from './talent-hooks';
import type { Round, RoundStatus } from './talent-types';

const STEPS = ['applications', 'screening', 'review', 'ranking', 'notice', 'approval', 'published'] as const;

/** Where each status stands among the steps (a round before screening is still taking applications). */
const STEP_OF: Record<RoundStatus, number> = {
  draft: 0,
  open: 0,
  closed: 0,
  screening: 1,
  review: 2,
  ranking: 3,
  notice: 4,
  approval: 5,
  published: 6,
  cancelled: 0,
};

/** The office's command in each status that has one. */
const COMMANDS: Partial<Record<RoundStatus, Exclude<RoundCommand, 'open' | 'close'>>> = {
  closed: 'start-screening',
  screening: 'confirm-screening',
  review: 'close-review',
  notice: 'end-notice',
};

export function RoundProcessSteps({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  const current = STEP_OF[status];
  return (
    <Steps
      size="small"
      current={current}
      status={status === 'published' ? 'finish' : status === 'cancelled' ? 'error' : 'process'}
      items={STEPS.map((step, index) => ({
        title:
          index > current ? (
            <span className="sgf-talent-step-ahead">{t(`talentProcess.steps.${step}`)}</span>
          ) : (
            t(`talentProcess.steps.${step}`)
          ),
      }))}
    />
  );
}

export function RoundProcessAction({ round }: { round: Round }) {
  const { t } = useTranslation();
  const send = useRoundCommand(round.id);
  const command = COMMANDS[round.status];
  // Between the commands the round waits for an approval in a 工作台: say where.
  if (round.status === 'ranking')
    return (
      <Link to="/inbox?view=candidates">
        <Button type="primary">{t('talentProcess.confirmInInbox')}</Button>
      </Link>
    );
  if (round.status === 'approval')
    return <Typography.Text type="secondary">{t('talentProcess.awaitingLeadingGroup')}</Typography.Text>;
  if (!command) return null;
  return (
    <Popconfirm
      title={t(`talentProcess.commands.${command}.title`)}
      description={t(`talentProcess.commands.${command}.confirm`)}
      okText={t('talentProcess.ok')}
      cancelText={t('talentProcess.cancel')}
      onConfirm={() => send.mutate(command)}
    >
      <Button type="primary" loading={send.isPending}>
        {t(`talentProcess.commands.${command}.title`)}
      </Button>
    </Popconfirm>
  );
}
