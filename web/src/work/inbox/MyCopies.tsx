// 抄送我的: the copies to the caller, unread first, each linking to its project (opening the project
// marks it read), a page at a time. Loaded when the tab is first chosen.
import { Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CursorPager } from '../../ui/CursorPager';
import { formatDateTime } from '../../ui/format-time';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { type MyCopy, useMyCopies } from '../carbon-copy-hooks';

export default function MyCopies() {
  const { t } = useTranslation();
  const pages = useCursorPages('copies');
  const copies = useMyCopies(pages.cursor);
  const columns: TableColumnsType<MyCopy> = [
    {
      title: t('carbonCopy.project'),
      key: 'project',
      render: (_value, copy) => <Link to={`/projects/${copy.projectId}`}>{copy.projectTitle}</Link>,
    },
    { title: t('carbonCopy.task'), dataIndex: 'taskName', width: 200 },
    {
      title: t('carbonCopy.from'),
      key: 'by',
      width: 180,
      render: (_value, copy) => copy.by?.displayName ?? t('carbonCopy.byNode', { task: '' }),
    },
    { title: t('carbonCopy.note'), dataIndex: 'note', ellipsis: true },
    {
      title: t('carbonCopy.sentAt'),
      key: 'sent',
      width: 170,
      render: (_v, copy) => formatDateTime(copy.sentAt),
    },
    {
      title: t('carbonCopy.status'),
      key: 'read',
      width: 90,
      render: (_v, copy) =>
        copy.read ? (
          <Tag>{t('carbonCopy.read', { at: '' })}</Tag>
        ) : (
          <Tag color="blue">{t('carbonCopy.unread')}</Tag>
        ),
    },
  ];
  return (
    <>
      <Table<MyCopy>
        rowKey="notificationId"
        columns={columns}
        dataSource={copies.data?.items ?? []}
        loading={copies.isFetching}
        pagination={false}
        size="middle"
        scroll={{ x: 1000 }}
        locale={{ emptyText: copies.isPending ? ' ' : t('carbonCopy.empty') }}
      />
      <CursorPager pages={pages} nextCursor={copies.data?.nextCursor} />
    </>
  );
}
