// One task: where it belongs (project, node, stage, unit, due) and what the caller may do with it —
// fill its form, vote, score, hand it over — or, once done, what was submitted; and its remarks.
import { Alert, App, Button, Card, Descriptions, Flex, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { lazy, Suspense } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatDateTime } from '../../ui/format-time';
import { ProxiedBadge } from '../../proxies/ProxiedBadge';
import { DueBadge } from '../DueBadge';
import { SubmittedValues } from '../forms/SubmittedValues';
import { NotVisible } from '../NotVisible';
import { useClaimTask, useTask, useTaskActivity } from '../work-hooks';
import type { TaskDetail } from '../work-types';
import { ApprovalActions } from './ApprovalActions';
import { ReviewForm } from './ReviewForm';
import { TaskHandOver } from './TaskHandOver';
import { TaskRemarks } from './TaskRemarks';
import { UserTaskForm } from './UserTaskForm';

/** A talent's term links its tasks to the talent's page; the context card ships with the talent area's chunk. */
const TALENT_PAGE = '/talent/pool/';
const TermTaskContext = lazy(() => import('../../talent/terms/TermTaskContext'));

export default function TaskPage() {
  const { taskId = '' } = useParams();
  const task = useTask(taskId);
  const activity = useTaskActivity(taskId);
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  if (task.isPending) return <Spin className="sgf-center-block" />;
  if (task.isError) return <NotVisible error={task.error} />;
  return (
    <Flex vertical gap="middle">
      <TaskHeader task={task.data} />
      {task.data.projectPath.startsWith(TALENT_PAGE) && (
        <Suspense fallback={<Spin />}>
          <TermTaskContext talentPath={task.data.projectPath} />
        </Suspense>
      )}
      {task.data.hostedAt && task.data.status === 'open' ? (
        // A talent round's office step is done from the round's page, which moves the round with it.
        <Alert
          type="info"
          showIcon
          title={t('task.hosted')}
          action={
            <Link to={task.data.hostedAt}>
              <Button type="primary">{t('task.openHost')}</Button>
            </Link>
          }
        />
      ) : activity.data?.waitingFor ? (
        <Alert
          type="info"
          showIcon
          title={t('cosign.waitingFor', { who: activity.data.waitingFor.displayName })}
        />
      ) : activity.data?.delegatedBy ? (
        <Alert
          type="warning"
          showIcon
          title={t('taskActions.delegatedBy', { who: activity.data.delegatedBy.displayName })}
        />
      ) : (
        <TaskWork task={task.data} />
      )}
      {/* Mounted after the hand-over too: its dialog's success callback navigates away. */}
      {activity.data && (
        <TaskHandOver
          taskId={taskId}
          activity={activity.data}
          onDone={(kind) => {
            void message.success(t(`taskActions.done.${kind}`));
            void navigate('/inbox');
          }}
          onSigned={() => void message.success(t('cosign.signerAdded'))}
          onCopied={() => void message.success(t('carbonCopy.copied'))}
        />
      )}
      {activity.data && <TaskRemarks taskId={taskId} activity={activity.data} />}
    </Flex>
  );
}

function TaskHeader({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const claim = useClaimTask();
  const holder = task.assignee?.displayName ?? (task.candidateRole ? t(`roles.${task.candidateRole}`) : '—');
  return (
    <Card
      title={<h1 className="sgf-card-title">{task.name}</h1>}
      extra={
        task.canClaim && (
          <Button type="primary" loading={claim.isPending} onClick={() => claim.mutate(task.id)}>
            {t('inbox.claim')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'project',
            label: t('task.project'),
            children: <Link to={task.projectPath}>{task.projectTitle}</Link>,
          },
          { key: 'process', label: t('task.process'), children: task.definitionName },
          { key: 'stage', label: t('task.stage'), children: task.stage ?? '—' },
          { key: 'unit', label: t('task.unit'), children: task.unit.name },
          {
            key: 'due',
            label: t('task.due'),
            children: <DueBadge dueAt={task.dueAt} overdue={task.overdue} open={task.status === 'open'} />,
          },
          {
            key: 'status',
            label: t('task.status'),
            children: (
              <Tag color={task.status === 'open' ? 'processing' : 'default'}>
                {t(`task.statuses.${task.status}`)}
              </Tag>
            ),
          },
          {
            key: 'holder',
            label: t('task.holder'),
            children: (
              <>
                {holder} <ProxiedBadge proxiedFor={task.proxiedFor} />
              </>
            ),
          },
          { key: 'created', label: t('task.createdAt'), children: formatDateTime(task.createdAt) },
        ]}
      />
    </Card>
  );
}

function TaskWork({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  if (task.status !== 'open') {
    return (
      <Card title={<h2 className="sgf-card-title">{t('task.submitted')}</h2>}>
        <p>
          {t('task.completedBy', {
            who: task.completedBy?.displayName ?? '—',
            when: formatDateTime(task.completedAt),
          })}
        </p>
        {task.submitted && <SubmittedValues fields={task.form} data={task.submitted} people={task.people} />}
      </Card>
    );
  }
  if (!task.canAct) {
    return <Alert type="info" showIcon title={task.canClaim ? t('task.claimFirst') : t('task.notYours')} />;
  }
  /** Back to the inbox with what was done: 已提交 by default, the vote's own word after a vote. */
  const done = (said: string = t('task.done')) => {
    void message.success(said);
    void navigate('/inbox');
  };
  switch (task.kind) {
    case 'userTask':
      return <UserTaskForm task={task} onDone={() => done()} />;
    case 'approval':
      return <ApprovalActions task={task} onDone={done} />;
    case 'review':
      return <ReviewForm task={task} onDone={() => done()} />;
  }
}
