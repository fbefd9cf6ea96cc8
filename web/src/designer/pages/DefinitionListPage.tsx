// /designer — every definition with its latest version, its draft (who saved it, how many problems)
// and its projects per version; 新建流程 and JSON import start a new one.
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ProcessDefinition } from '../../../../workflows/engine/definition-schema.js';
import { formatDateTime } from '../../ui/format-time';
import { useDefinitionList } from '../definition-hooks.js';
import type { DefinitionSummary } from '../definition-types.js';
import { readImportedDefinition } from '../import-definition.js';
import { CreateDefinitionDialog } from './CreateDefinitionDialog';

export default function DefinitionListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useDefinitionList();
  const [creating, setCreating] = useState<{ imported: ProcessDefinition | null } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const result = readImportedDefinition(await file.text());
    if (result.ok) setCreating({ imported: result.definition });
    else void message.error(t('designer.create.importInvalid', { reason: result.reason }));
  };

  return (
    <div className="sgf-designer-list">
      <Space className="sgf-designer-list-header" wrap>
        <Typography.Title level={3} className="sgf-area-title">
          {t('designer.list.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating({ imported: null })}>
          {t('designer.list.create')}
        </Button>
        <Button icon={<ImportOutlined />} onClick={() => fileInput.current?.click()}>
          {t('designer.list.import')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label={t('designer.list.import')}
          onChange={(event) => void importFile(event)}
        />
      </Space>
      <Table<DefinitionSummary>
        rowKey="key"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('designer.list.empty') }}
        columns={[
          {
            title: t('designer.list.name'),
            key: 'name',
            render: (_, item) => (
              <Space direction="vertical" size={0}>
                <Link to={`/designer/${item.key}`}>{item.name}</Link>
                <Typography.Text type="secondary">{item.key}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('designer.list.latest'),
            key: 'latest',
            render: (_, item) =>
              item.latest ? (
                <Space direction="vertical" size={0}>
                  <span>{t('designer.list.version', { version: item.latest.version })}</span>
                  <Typography.Text type="secondary">
                    {formatDateTime(item.latest.publishedAt)}
                  </Typography.Text>
                </Space>
              ) : (
                <Tag>{t('designer.list.unpublished')}</Tag>
              ),
          },
          {
            title: t('designer.list.draft'),
            key: 'draft',
            render: (_, item) =>
              item.draft ? (
                <Space direction="vertical" size={0}>
                  <span>
                    {t('designer.list.draftOf', { version: item.draft.version })}{' '}
                    {item.draft.problemCount > 0 ? (
                      <Tag color="warning">
                        {t('designer.list.problems', { count: item.draft.problemCount })}
                      </Tag>
                    ) : (
                      <Tag color="success">{t('designer.list.noProblems')}</Tag>
                    )}
                  </span>
                  <Typography.Text type="secondary">
                    {t('designer.list.draftBy', {
                      name: item.draft.updatedBy?.displayName ?? '—',
                      time: formatDateTime(item.draft.updatedAt),
                    })}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('designer.list.noDraft')}</Typography.Text>
              ),
          },
          {
            title: t('designer.list.instances'),
            key: 'instances',
            render: (_, item) => (
              <Space direction="vertical" size={0}>
                {item.instances.map((counts) => (
                  <span key={counts.version}>
                    {t('designer.list.version', { version: counts.version })}:{' '}
                    {t('designer.list.running', { running: counts.running, total: counts.total })}
                  </span>
                ))}
              </Space>
            ),
          },
          {
            title: '',
            key: 'open',
            render: (_, item) => (
              <Space>
                <Link to={`/designer/${item.key}`} aria-label={`${t('designer.list.open')} ${item.name}`}>
                  {t('designer.list.open')}
                </Link>
                <Link
                  to={`/designer/${item.key}/versions`}
                  aria-label={`${t('designer.history.open')} ${item.name}`}
                >
                  {t('designer.history.open')}
                </Link>
                {/* With one published version there is nowhere to move projects to. */}
                {item.publishedVersions >= 2 && (
                  <Link
                    to={`/designer/${item.key}/migrate`}
                    aria-label={`${t('designer.migration.open')} ${item.name}`}
                  >
                    {t('designer.migration.open')}
                  </Link>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CreateDefinitionDialog
        open={creating !== null}
        imported={creating?.imported ?? null}
        onClose={() => setCreating(null)}
      />
    </div>
  );
}
