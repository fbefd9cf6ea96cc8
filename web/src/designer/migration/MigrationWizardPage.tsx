// /designer/:key/migrate — 迁移实例: choose the source and target versions (by default the previous
// published version and the latest), edit the node mapping the server suggests, 检查 lists every
// running project with where it waits and 可迁移 (ticked) or its reasons, then the chosen projects
// move, each one's result is shown and the list is checked again, so a moved project is no longer
// offered. The server audits every move.
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { VersionPageHeader, VersionSelect } from '../history/VersionPageParts';
import { useVersionGraph, useVersionList } from '../history/history-hooks.js';
import { readDefinition } from '../import-definition.js';
import { MappingTable, type NodeMapping } from './MappingTable';
import {
  useCheckMigration,
  useMigrateInstances,
  useSuggestedPlan,
  type MigrationReason,
  type PlannedInstance,
} from './migration-hooks.js';

const sameMapping = (a: NodeMapping, b: NodeMapping) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([from, to]) => b[from] === to);

const nodesOf = (graph: unknown) => {
  const read = graph ? readDefinition(graph) : undefined;
  return read?.ok ? read.definition.nodes : [];
};

export default function MigrationWizardPage() {
  const { t, i18n } = useTranslation();
  const { key = '' } = useParams();
  const versions = useVersionList(key);
  const published = (versions.data?.items ?? [])
    .filter((item) => item.status === 'published')
    .map((item) => item.version)
    .sort((a, b) => b - a);
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const from = picked.from ?? published[1];
  const to = picked.to ?? published[0];

  const source = useVersionGraph(key, from);
  const target = useVersionGraph(key, to);
  const suggestion = useSuggestedPlan(key, from, to);
  // The admin's edits of the mapping, for the versions they were made on; else the suggestion.
  const [edited, setEdited] = useState<{ pair: string; mapping: NodeMapping }>();
  const pair = `${from}→${to}`;
  const mapping = useMemo<NodeMapping>(
    () => (edited?.pair === pair ? edited.mapping : (suggestion.data?.mapping ?? {})),
    [edited, pair, suggestion.data],
  );
  const check = useCheckMigration(key);
  const migrate = useMigrateInstances(key);
  // A check answers for the mapping it was run with; after an edit the admin checks again.
  const checked = check.data && sameMapping(check.variables?.mapping ?? {}, mapping) ? check.data : undefined;
  const [selected, setSelected] = useState<string[]>([]);
  // The moved projects' titles: after the re-check they are no longer in the list to read them from.
  const [movedTitles, setMovedTitles] = useState<Record<string, string>>({});
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  // Bumped when a move and its re-check are done: the results appear below the fold, and without
  // being brought into view the admin saw nothing happen and moved again.
  const [shownResults, setShownResults] = useState(0);
  useEffect(() => {
    if (shownResults === 0) return;
    resultsHeading.current?.scrollIntoView({ block: 'start' });
    resultsHeading.current?.focus({ preventScroll: true });
  }, [shownResults]);

  const reasonText = (reason: MigrationReason) =>
    i18n.language.startsWith('zh') ? reason.message.zh : reason.message.en;
  const versionOptions = published.map((version) => ({
    value: version,
    label: t('designer.list.version', { version }),
  }));
  const pick = (next: { from?: number; to?: number }) => {
    setPicked({ from, to, ...next });
    check.reset();
    migrate.reset();
    setSelected([]);
  };
  const runCheck = () => {
    if (from === undefined || to === undefined) return;
    migrate.reset();
    setSelected([]);
    check.mutate(
      { fromVersion: from, toVersion: to, mapping },
      {
        // The movable projects are ticked: moving them all is the usual intent.
        onSuccess: (plan) =>
          setSelected(plan.instances.filter((instance) => instance.canMigrate).map((i) => i.instanceId)),
      },
    );
  };
  const execute = () => {
    if (from === undefined || to === undefined || !checked) return;
    const request = { fromVersion: from, toVersion: to, mapping: { ...mapping } };
    setMovedTitles(Object.fromEntries(checked.instances.map((i) => [i.instanceId, i.title])));
    migrate.mutate(
      { ...request, instanceIds: selected },
      {
        // Checked again with nothing ticked: the moved projects leave the list, the rest keep
        // their verdicts, and a second click cannot move anything by accident.
        onSuccess: () => {
          setSelected([]);
          check.mutate(request, { onSettled: () => setShownResults((count) => count + 1) });
        },
      },
    );
  };
  const titleOf = (instanceId: string) => movedTitles[instanceId] ?? instanceId;

  return (
    <div className="sgf-history">
      <VersionPageHeader
        definitionKey={key}
        title={t('designer.migration.title')}
        across={{ path: 'versions', label: t('designer.history.title') }}
      />
      {versions.isSuccess && published.length < 2 && (
        <Alert type="info" showIcon message={t('designer.migration.needTwo')} />
      )}
      <Space wrap>
        <VersionSelect<number>
          label={t('designer.migration.from')}
          value={from}
          options={versionOptions}
          onChange={(value) => pick({ from: value })}
        />
        <VersionSelect<number>
          label={t('designer.migration.to')}
          value={to}
          options={versionOptions}
          onChange={(value) => pick({ to: value })}
        />
      </Space>
      {from !== undefined && from === to && (
        <Alert type="warning" showIcon message={t('designer.migration.sameVersion')} />
      )}
      {suggestion.data && (
        <>
          <Typography.Title level={5}>{t('designer.migration.mapping')}</Typography.Title>
          <MappingTable
            sourceNodes={nodesOf(source.data)}
            targetNodes={nodesOf(target.data)}
            suggestion={suggestion.data.suggestedMapping}
            mapping={mapping}
            onChange={(next) => setEdited({ pair, mapping: next })}
          />
          <Space>
            <Button type="primary" onClick={runCheck} loading={check.isPending}>
              {t('designer.migration.check')}
            </Button>
            {check.data && !checked && (
              <span className="sgf-migration-recheck">{t('designer.migration.checkFirst')}</span>
            )}
          </Space>
        </>
      )}
      {checked && (
        <>
          <Typography.Title level={5}>{t('designer.migration.instances')}</Typography.Title>
          <Table<PlannedInstance>
            aria-label={t('designer.migration.instances')}
            rowKey="instanceId"
            size="small"
            pagination={false}
            dataSource={checked.instances}
            locale={{ emptyText: t('designer.migration.noInstances') }}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(String)),
              getCheckboxProps: (instance) => ({
                disabled: !instance.canMigrate,
                'aria-label': instance.title,
              }),
            }}
            columns={[
              { title: t('designer.migration.project'), dataIndex: 'title' },
              { title: t('designer.migration.unit'), dataIndex: 'unitName' },
              {
                title: t('designer.migration.currentNodes'),
                key: 'currentNodes',
                render: (_, instance) => instance.currentNodes.map((node) => node.name).join('、'),
              },
              {
                title: t('designer.migration.verdict'),
                key: 'verdict',
                render: (_, instance) =>
                  instance.canMigrate ? (
                    <Tag className="sgf-tag-good">{t('designer.migration.canMigrate')}</Tag>
                  ) : (
                    <ReasonList reasons={instance.reasons} text={reasonText} />
                  ),
              },
            ]}
          />
          <Button
            type="primary"
            disabled={selected.length === 0}
            loading={migrate.isPending}
            onClick={execute}
          >
            {t('designer.migration.execute', { count: selected.length })}
          </Button>
        </>
      )}
      {migrate.data && (
        <>
          <Typography.Title level={5} ref={resultsHeading} tabIndex={-1}>
            {t('designer.migration.results')}
          </Typography.Title>
          <Table
            aria-label={t('designer.migration.results')}
            rowKey="instanceId"
            size="small"
            pagination={false}
            dataSource={migrate.data.results}
            columns={[
              {
                title: t('designer.migration.project'),
                key: 'project',
                render: (_, result) => titleOf(result.instanceId),
              },
              {
                title: t('designer.migration.verdict'),
                key: 'result',
                render: (_, result) =>
                  result.migrated ? (
                    <Tag className="sgf-tag-good">{t('designer.migration.migrated')}</Tag>
                  ) : (
                    <Space direction="vertical" size={0}>
                      <Tag className="sgf-tag-bad">{t('designer.migration.notMigrated')}</Tag>
                      <ReasonList reasons={result.reasons} text={reasonText} />
                    </Space>
                  ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}

function ReasonList({
  reasons,
  text,
}: {
  reasons: readonly MigrationReason[];
  text: (reason: MigrationReason) => string;
}) {
  return (
    <ul className="sgf-migration-reasons">
      {reasons.map((reason) => (
        <li key={`${reason.code}:${reason.id}`}>{text(reason)}</li>
      ))}
    </ul>
  );
}
