// One project: its stage bar, open tasks, the forms submitted at each stage, its timeline, pending
// timers and incidents; for a supervisor over its unit, 发送事件, 终止项目 and the open incidents
// with their retry and resolve.
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Row,
  Spin,
  Steps,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { AttachmentsPanel } from '../../attachments/AttachmentsPanel';
import { ProjectIncidents } from '../../incidents/ProjectIncidents';
import { SendEventButton } from '../../incidents/SendEventButton';
import { currentLanguage } from '../../i18n';
import { UrgeButton } from '../../notifications/UrgeButton';
import { FormModal } from '../../ui/FormModal';
import { formatDateTime } from '../../ui/format-time';
import { DueBadge } from '../DueBadge';
import { SubmittedValues } from '../forms/SubmittedValues';
import { NotVisible } from '../NotVisible';
import { useCancelProject, useProject, useTimeline } from '../work-hooks';
import type { ProjectDetail, TaskSummary } from '../work-types';
import ProjectCopies from './ProjectCopies';
import { ProjectStatusTag } from './ProjectStatusTag';

// A stage the work was sent back from waits again, captioned 已退回 so it is not read as never reached.
const STEP_STATUS = { done: 'finish', current: 'process', pending: 'wait', returned: 'wait' } as const;

export default function ProjectPage() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const timeline = useTimeline(projectId, project.isSuccess);
  if (project.isPending) return <Spin className="sgf-center-block" />;
  if (project.isError) return <NotVisible error={project.error} />;
  const detail = project.data;
  return (
    <Flex vertical gap="middle">
      <ProjectHeader project={detail} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap="middle">
            {detail.can.cancel && <ProjectIncidents projectId={detail.id} />}
            <OpenTasks tasks={detail.tasks} />
            <SubmittedForms project={detail} />
            <AttachmentsPanel projectId={detail.id} running={detail.status === 'running'} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap="middle">
            <ProjectCopies projectId={detail.id} />
            <TimelineCard entries={timeline.data} loading={timeline.isPending} />
            <Monitoring project={detail} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}

function ProjectHeader({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  return (
    <Card
      title={<h1 className="sgf-card-title">{project.title}</h1>}
      extra={
        project.status === 'running' && (
          <Flex gap="small" wrap>
            {project.can.sendEvent && <SendEventButton project={project} />}
            {project.can.cancel && <CancelProject project={project} />}
          </Flex>
        )
      }
    >
      <Flex vertical gap="middle">
        {project.stages.length > 0 ? (
          <Steps
            size="small"
            className="sgf-work-stages"
            aria-label={t('projects.stageBar')}
            items={project.stages.map((stage) => ({
              title: stage.name,
              status: STEP_STATUS[stage.status],
              ...(stage.status === 'returned' ? { description: t('reopened.stageReturned') } : {}),
            }))}
          />
        ) : (
          <Flex gap="small" wrap align="center">
            <Typography.Text type="secondary">{t('projects.currentNodes')}</Typography.Text>
            {project.currentNodes.map((node) => (
              <Tag key={node.nodeId} color="processing">
                {node.name}
              </Tag>
            ))}
            {project.currentNodes.length === 0 && '—'}
          </Flex>
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'status',
              label: t('projects.status'),
              children: (
                <Flex gap={4} wrap>
                  <ProjectStatusTag status={project.status} />
                  {project.overdue && <Tag color="error">{t('projects.overdue')}</Tag>}
                </Flex>
              ),
            },
            {
              key: 'process',
              label: t('projects.process'),
              children: `${project.definitionName}（v${project.version}）`,
            },
            { key: 'unit', label: t('projects.unit'), children: project.unit.name },
            { key: 'by', label: t('projects.startedBy'), children: project.startedBy?.displayName ?? '—' },
            { key: 'at', label: t('projects.startedAt'), children: formatDateTime(project.startedAt) },
            ...(project.endedAt
              ? [{ key: 'ended', label: t('projects.endedAt'), children: formatDateTime(project.endedAt) }]
              : []),
            ...(project.outcome
              ? [
                  {
                    key: 'outcome',
                    label: t('projects.outcome'),
                    children: project.outcomeLabel ?? project.outcome,
                  },
                ]
              : []),
            ...(project.cancelReason
              ? [{ key: 'reason', label: t('projects.cancelReason'), children: project.cancelReason }]
              : []),
          ]}
        />
      </Flex>
    </Card>
  );
}

function CancelProject({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const cancel = useCancelProject(project.id);
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('projects.cancel')}
      </Button>
      <FormModal<{ reason: string }>
        open={open}
        name="cancelProject"
        title={t('projects.cancelTitle', { title: project.title })}
        okText={t('projects.cancel')}
        serverFields={['reason']}
        pending={cancel.isPending}
        onClose={() => setOpen(false)}
        onSubmit={({ reason }, showProblem) =>
          cancel.mutate(reason.trim(), {
            onSuccess: () => {
              setOpen(false);
              void message.success(t('projects.cancelled'));
            },
            onError: showProblem,
          })
        }
      >
        <Alert type="warning" showIcon title={t('projects.cancelWarning')} className="sgf-form-alert" />
        <Form.Item
          name="reason"
          label={t('projects.cancelReason')}
          rules={[{ required: true, whitespace: true, message: t('projects.reasonRequired') }, { max: 500 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function OpenTasks({ tasks }: { tasks: TaskSummary[] }) {
  const { t } = useTranslation();
  const open = tasks.filter((task) => task.status === 'open');
  return (
    <Card title={<h2 className="sgf-card-title">{t('projects.openTasks')}</h2>}>
      <Table<TaskSummary>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={open}
        scroll={{ x: 560 }}
        locale={{ emptyText: t('projects.noOpenTasks') }}
        columns={[
          {
            title: t('inbox.task'),
            key: 'name',
            render: (_v, task) => <Link to={`/inbox/tasks/${task.id}`}>{task.name}</Link>,
          },
          {
            title: t('task.holder'),
            key: 'holder',
            render: (_v, task) =>
              task.assignee?.displayName ??
              (task.candidateRole
                ? t('projects.waitingFor', { role: t(`roles.${task.candidateRole}`) })
                : '—'),
          },
          {
            title: t('inbox.due'),
            key: 'due',
            render: (_v, task) => <DueBadge dueAt={task.dueAt} overdue={task.overdue} open />,
          },
          {
            title: t('projects.urgeColumn'),
            key: 'urge',
            render: (_v, task) => <UrgeButton taskId={task.id} assigneeId={task.assignee?.id ?? null} />,
          },
        ]}
      />
    </Card>
  );
}

function SubmittedForms({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const stageName = (stage: string | null) =>
    stage === null
      ? null
      : (project.stages.find((item) => item.id === stage || item.name === stage)?.name ?? stage);
  return (
    <Card title={<h2 className="sgf-card-title">{t('projects.forms')}</h2>}>
      {project.forms.length === 0 ? (
        <Empty description={t('projects.noForms')} />
      ) : (
        <Flex vertical gap="large">
          {project.forms.map((form) => (
            <section key={form.taskId} aria-label={form.nodeName}>
              <Flex justify="space-between" wrap gap="small" className="sgf-work-form-head">
                <Typography.Title level={3} className="sgf-work-form-title">
                  {stageName(form.stage) && <Tag>{stageName(form.stage)}</Tag>}
                  {form.nodeName}
                </Typography.Title>
                <Typography.Text type="secondary">
                  {t('projects.submittedBy', {
                    who: form.submittedBy?.displayName ?? '—',
                    when: formatDateTime(form.submittedAt),
                  })}
                </Typography.Text>
              </Flex>
              <SubmittedValues fields={form.fields} data={form.data} people={form.people} />
            </section>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function TimelineCard({
  entries,
  loading,
}: {
  entries: ReturnType<typeof useTimeline>['data'];
  loading: boolean;
}) {
  const { t } = useTranslation();
  const zh = currentLanguage() === 'zh-CN';
  return (
    <Card title={<h2 className="sgf-card-title">{t('projects.timeline')}</h2>} loading={loading}>
      <Timeline
        items={(entries ?? []).map((entry) => ({
          key: entry.sequence,
          content: (
            <div>
              <div>{zh ? entry.text.zh : entry.text.en}</div>
              <Typography.Text type="secondary" className="sgf-work-small">
                {[entry.actor?.displayName, formatDateTime(entry.occurredAt)].filter(Boolean).join(' · ')}
              </Typography.Text>
              {entry.comment && <blockquote className="sgf-work-comment">{entry.comment}</blockquote>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

function Monitoring({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  if (project.timers.length === 0 && project.incidents.length === 0) return null;
  return (
    <Card title={<h2 className="sgf-card-title">{t('projects.monitoring')}</h2>}>
      {project.timers.length > 0 && (
        <List
          size="small"
          header={t('projects.timers')}
          dataSource={project.timers}
          renderItem={(timer) => (
            <List.Item>
              {timer.name} · {t(`projects.timerPurpose.${timer.purpose}`, { defaultValue: timer.purpose })} ·{' '}
              {formatDateTime(timer.fireAt)}
            </List.Item>
          )}
        />
      )}
      {project.incidents.length > 0 && (
        <List
          size="small"
          header={t('projects.incidents')}
          dataSource={project.incidents}
          renderItem={(incident) => (
            <List.Item>
              <Tag color="error">{incident.status}</Tag> {incident.nodeId}: {incident.error} (
              {formatDateTime(incident.raisedAt)})
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
