// A project's attachments: download links with size, uploader, time and task; the uploader may
// delete theirs while the project runs and no submitted form refers to it.
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../ui/format-time';
import { useNotifyProblem } from '../ui/use-notify-problem';
import { ScrollRegion } from '../ui/ScrollRegion';
import { useDeleteAttachment } from './attachment-hooks';
import type { Attachment } from './attachment-types';
import { AttachmentLink } from './AttachmentLink';

interface Props {
  projectId: string;
  attachments: readonly Attachment[];
  loading?: boolean;
}

export function AttachmentList({ projectId, attachments, loading }: Props) {
  const { t } = useTranslation();
  const remove = useDeleteAttachment(projectId);
  const notifyProblem = useNotifyProblem();
  const columns: TableColumnsType<Attachment> = [
    {
      key: 'file',
      title: t('attachments.file'),
      render: (_value, item) => (
        <AttachmentLink id={item.id} filename={item.filename} sizeBytes={item.sizeBytes} />
      ),
    },
    {
      key: 'task',
      title: t('attachments.task'),
      render: (_value, item) => item.taskName ?? t('attachments.wholeProject'),
    },
    { key: 'by', title: t('attachments.uploadedBy'), render: (_value, item) => item.uploadedBy.displayName },
    {
      key: 'at',
      title: t('attachments.uploadedAt'),
      render: (_value, item) => formatDateTime(item.createdAt),
    },
    {
      key: 'actions',
      width: 56,
      render: (_value, item) =>
        item.canDelete && (
          <Popconfirm
            title={t('attachments.deleteConfirm', { name: item.filename })}
            okText={t('attachments.delete')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutate(item.id, { onError: notifyProblem })}
          >
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('attachments.deleteNamed', { name: item.filename })}
            />
          </Popconfirm>
        ),
    },
  ];
  return (
    <ScrollRegion label={t('attachments.title')} minWidth={640}>
      <Table<Attachment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={[...attachments]}
        loading={loading}
        pagination={false}
        locale={{ emptyText: <Typography.Text>{t('attachments.none')}</Typography.Text> }}
        aria-label={t('attachments.title')}
      />
    </ScrollRegion>
  );
}
