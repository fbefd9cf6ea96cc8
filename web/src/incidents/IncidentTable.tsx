// Incidents as a table: what failed and where, with 重试 and 处理 (resolve with a note) for open ones.
// The 异常 page and the project page share it.
import { App, Button, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormModal } from '../ui/FormModal';
import { formatDateTime } from '../ui/format-time';
import { useResolveIncident, useRetryIncident } from './incident-hooks';
import type { Incident } from './incident-types';

export function IncidentTable({
  incidents,
  loading,
  showProject,
}: {
  incidents: Incident[];
  loading: boolean;
  showProject: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Table<Incident>
      rowKey="id"
      size="small"
      pagination={false}
      loading={loading}
      dataSource={incidents}
      scroll={{ x: 900 }}
      locale={{ emptyText: <Typography.Text>{t('incidents.none')}</Typography.Text> }}
      columns={[
        {
          title: t('incidents.error'),
          key: 'error',
          render: (_v, incident) => (
            <Flex vertical gap={2}>
              <Typography.Text>{incident.error}</Typography.Text>
              {incident.expression && <Typography.Text code>{incident.expression}</Typography.Text>}
              {incident.note && (
                <Typography.Text type="secondary">
                  {t('incidents.noteShown', { note: incident.note })}
                </Typography.Text>
              )}
            </Flex>
          ),
        },
        {
          title: t('incidents.kind'),
          key: 'kind',
          render: (_v, incident) => <Tag>{t(`incidents.kinds.${incident.kind}`)}</Tag>,
        },
        {
          title: t('incidents.node'),
          key: 'node',
          render: (_v, incident) => incident.nodeName ?? incident.operation ?? '—',
        },
        ...(showProject
          ? [
              {
                title: t('incidents.project'),
                key: 'project',
                render: (_v: unknown, incident: Incident) => (
                  <Flex vertical gap={2}>
                    <Link to={`/projects/${incident.project.id}`}>{incident.project.title}</Link>
                    <Typography.Text type="secondary">{incident.unit.name}</Typography.Text>
                  </Flex>
                ),
              },
            ]
          : []),
        { title: t('incidents.attempts'), dataIndex: 'attempts', key: 'attempts', width: 90 },
        {
          title: t('incidents.since'),
          key: 'since',
          render: (_v, incident) => formatDateTime(incident.raisedAt),
        },
        {
          title: t('incidents.actions'),
          key: 'actions',
          render: (_v, incident) =>
            incident.status === 'resolved' ? (
              <Tag color="success">{t(`incidents.resolutions.${incident.resolution ?? 'resolved'}`)}</Tag>
            ) : incident.retrying ? (
              <Tag color="processing">{t('incidents.retrying')}</Tag>
            ) : (
              <IncidentActions incident={incident} />
            ),
        },
      ]}
    />
  );
}

function IncidentActions({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const retry = useRetryIncident();
  const resolve = useResolveIncident(incident.id);
  const label = incident.nodeName ?? incident.operation ?? incident.kind;
  return (
    <Flex gap="small" wrap>
      <Button
        size="small"
        loading={retry.isPending}
        aria-label={t('incidents.retryOf', { node: label })}
        onClick={() =>
          retry.mutate(incident.id, { onSuccess: () => void message.success(t('incidents.retried')) })
        }
      >
        {t('incidents.retry')}
      </Button>
      <Button
        size="small"
        type="primary"
        aria-label={t('incidents.resolveOf', { node: label })}
        onClick={() => setOpen(true)}
      >
        {t('incidents.resolve')}
      </Button>
      <FormModal<{ note: string; edgeId?: string }>
        open={open}
        name="resolveIncident"
        title={t('incidents.resolveTitle', { node: label })}
        okText={t('incidents.resolve')}
        serverFields={['note', 'edgeId']}
        pending={resolve.isPending}
        onClose={() => setOpen(false)}
        onSubmit={({ note, edgeId }, showProblem) =>
          resolve.mutate(
            { note: note.trim(), ...(edgeId ? { edgeId } : {}) },
            {
              onSuccess: () => {
                setOpen(false);
                void message.success(t('incidents.resolved'));
              },
              onError: showProblem,
            },
          )
        }
      >
        <Typography.Paragraph type="secondary">
          {t(`incidents.resolveMeans.${incident.kind}`)}
        </Typography.Paragraph>
        {incident.edges.length > 0 && (
          <Form.Item
            name="edgeId"
            label={t('incidents.edge')}
            rules={[{ required: true, message: t('incidents.edgeRequired') }]}
          >
            <Select options={incident.edges.map((edge) => ({ value: edge.id, label: edge.toName }))} />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={t('incidents.note')}
          rules={[{ required: true, whitespace: true, message: t('incidents.noteRequired') }, { max: 500 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
