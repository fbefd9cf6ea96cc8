// The node mapping of a migration: each node of the source version and its counterpart in the target,
// chosen among the target's nodes of the same kind (or none); the server's guesses are marked 建议.
import { Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcessNode } from '../../../../workflows/engine/definition-schema.js';
import type { MigrationPlan } from './migration-hooks.js';

export type NodeMapping = Readonly<Record<string, string>>;

export function MappingTable({
  sourceNodes,
  targetNodes,
  suggestion,
  mapping,
  onChange,
}: {
  sourceNodes: readonly ProcessNode[];
  targetNodes: readonly ProcessNode[];
  suggestion: MigrationPlan['suggestedMapping'];
  mapping: NodeMapping;
  onChange: (mapping: NodeMapping) => void;
}) {
  const { t } = useTranslation();
  const nameOf = (node: ProcessNode) => `${node.name || node.id}（${node.id}）`;
  const choose = (sourceId: string, targetId: string | undefined) => {
    const next: Record<string, string> = { ...mapping };
    if (targetId === undefined) delete next[sourceId];
    else next[sourceId] = targetId;
    onChange(next);
  };
  return (
    <Table<ProcessNode>
      aria-label={t('designer.migration.mapping')}
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...sourceNodes]}
      columns={[
        { title: t('designer.migration.sourceNode'), key: 'source', render: (_, node) => nameOf(node) },
        {
          title: t('designer.migration.kind'),
          key: 'kind',
          render: (_, node) => t(`designer.kinds.${node.kind}`),
        },
        {
          title: t('designer.migration.targetNode'),
          key: 'target',
          render: (_, node) => (
            <>
              <Select<string>
                aria-label={`${t('designer.migration.targetNode')} ${node.name || node.id}`}
                className="sgf-migration-target"
                // A node the target holds under the same id moves there without an entry (the server's
                // rule), so only a node without one can be left without a counterpart.
                allowClear={!targetNodes.some((candidate) => candidate.id === node.id)}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('designer.migration.unmapped')}
                value={mapping[node.id]}
                options={targetNodes
                  .filter((candidate) => candidate.kind === node.kind)
                  .map((candidate) => ({ value: candidate.id, label: nameOf(candidate) }))}
                onChange={(value) => choose(node.id, value)}
                onClear={() => choose(node.id, undefined)}
              />{' '}
              {suggestion[node.id]?.suggested && mapping[node.id] === suggestion[node.id]?.to && (
                <Tag className="sgf-tag-info">{t('designer.migration.suggested')}</Tag>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
