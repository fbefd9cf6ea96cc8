// /designer/:key/versions — 版本历史: the definition's versions with their projects, and a visual
// diff of two of them (by default the draft against the latest published version, else the latest
// against the one before): the newer graph on a read-only canvas beside the property-level changes.
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { Alert, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { DefinitionChange } from '../../../../workflows/engine/definition-diff.js';
import { formatDateTime } from '../../ui/format-time';
import { readDefinition } from '../import-definition.js';
import { DiffCanvas } from './DiffCanvas';
import { DiffList } from './DiffList';
import { VersionPageHeader, VersionSelect } from './VersionPageParts';
import { defaultComparison, diffMarksOf, mergeRemoved, type VersionRef } from './diff-view.js';
import { useDefinitionDiff, useVersionGraph, useVersionList, type VersionItem } from './history-hooks.js';

export default function VersionHistoryPage() {
  return (
    <ReactFlowProvider>
      <VersionHistory />
    </ReactFlowProvider>
  );
}

function VersionHistory() {
  const { t } = useTranslation();
  const { key = '' } = useParams();
  const versions = useVersionList(key);
  const [picked, setPicked] = useState<{ from?: VersionRef; to?: VersionRef }>({});
  const initial = useMemo(() => defaultComparison(versions.data?.items ?? []), [versions.data]);
  const from = picked.from ?? initial?.from;
  const to = picked.to ?? initial?.to;

  const refLabel = (ref: VersionRef) =>
    ref === 'draft' ? t('designer.history.draft') : t('designer.list.version', { version: ref });
  const options = (versions.data?.items ?? []).map((item) => {
    const ref: VersionRef = item.status === 'draft' ? 'draft' : item.version;
    return { value: ref, label: refLabel(ref) };
  });

  return (
    <div className="sgf-history">
      <VersionPageHeader
        definitionKey={key}
        title={t('designer.history.title')}
        across={{ path: 'migrate', label: t('designer.migration.title') }}
      />
      <VersionTable items={versions.data?.items ?? []} loading={versions.isPending} />
      <Space wrap className="sgf-history-pickers">
        <VersionSelect<VersionRef>
          label={t('designer.history.from')}
          value={from}
          options={options}
          onChange={(value) => setPicked({ from: value, to })}
        />
        <VersionSelect<VersionRef>
          label={t('designer.history.to')}
          value={to}
          options={options}
          onChange={(value) => setPicked({ from, to: value })}
        />
      </Space>
      {from === undefined || to === undefined ? (
        versions.isSuccess && <Alert type="info" showIcon message={t('designer.history.nothingToCompare')} />
      ) : from === to ? (
        <Alert type="info" showIcon message={t('designer.history.sameVersion')} />
      ) : (
        <VersionDiff definitionKey={key} from={from} to={to} />
      )}
    </div>
  );
}

function VersionTable({ items, loading }: { items: readonly VersionItem[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<VersionItem>
      aria-label={t('designer.history.versions')}
      rowKey="versionId"
      size="small"
      loading={loading}
      dataSource={[...items]}
      pagination={false}
      columns={[
        {
          title: t('designer.history.version'),
          key: 'version',
          render: (_, item) => t('designer.list.version', { version: item.version }),
        },
        {
          title: t('designer.history.status'),
          key: 'status',
          render: (_, item) => (
            <Tag className={item.status === 'draft' ? 'sgf-tag-info' : undefined}>
              {t(`designer.history.statuses.${item.status}`)}
            </Tag>
          ),
        },
        {
          title: t('designer.history.publishedAt'),
          key: 'publishedAt',
          render: (_, item) => (item.publishedAt ? formatDateTime(item.publishedAt) : '—'),
        },
        {
          title: t('designer.history.by'),
          key: 'by',
          render: (_, item) => item.createdBy?.displayName ?? '—',
        },
        {
          title: t('designer.list.instances'),
          key: 'instances',
          render: (_, item) =>
            t('designer.list.running', { running: item.instances.running, total: item.instances.total }),
        },
      ]}
    />
  );
}

function VersionDiff({
  definitionKey,
  from,
  to,
}: {
  definitionKey: string;
  from: VersionRef;
  to: VersionRef;
}) {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const older = useVersionGraph(definitionKey, from);
  const newer = useVersionGraph(definitionKey, to);
  const diff = useDefinitionDiff(definitionKey, from, to);
  const [selectedId, setSelectedId] = useState<string>();

  const view = useMemo(() => {
    if (!older.data || !newer.data || !diff.data) return undefined;
    const before = readDefinition(older.data);
    const after = readDefinition(newer.data);
    if (!before.ok || !after.ok) return { unreadable: true } as const;
    const changes = diff.data.changes as DefinitionChange[];
    const marks = diffMarksOf(changes);
    return { changes, marks, shown: mergeRemoved(after.definition, before.definition, marks) };
  }, [older.data, newer.data, diff.data]);

  if (older.isError || newer.isError || diff.isError)
    return <Alert type="error" showIcon message={t('designer.history.loadFailed')} />;
  if (!view) return <Spin />;
  if ('unreadable' in view) return <Alert type="error" showIcon message={t('designer.history.loadFailed')} />;

  const choose = (change: DefinitionChange) => {
    setSelectedId(change.id);
    const edge = change.target === 'edge' ? view.shown.edges.find((e) => e.id === change.id) : undefined;
    const ids = edge ? [edge.from, edge.to] : [change.id];
    void flow.fitView({ nodes: ids.map((id) => ({ id })), duration: 300, maxZoom: 1 });
  };

  return (
    <div className="sgf-history-body">
      <DiffCanvas shown={view.shown} marks={view.marks} selectedId={selectedId} />
      <section className="sgf-history-side" aria-label={t('designer.history.changes')}>
        <Typography.Title level={5}>{t('designer.history.changes')}</Typography.Title>
        <DiffList
          changes={view.changes}
          graphs={{ before: older.data, after: newer.data }}
          onChoose={choose}
        />
      </section>
    </div>
  );
}
