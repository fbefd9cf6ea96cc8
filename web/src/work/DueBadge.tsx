// A task's due time as a badge: red when past (逾期), orange within two days (即将到期), else the date.
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../ui/format-time';

const SOON_MS = 2 * 24 * 60 * 60 * 1000;

export function DueBadge({
  dueAt,
  overdue,
  open,
}: {
  dueAt: string | null;
  overdue: boolean;
  open: boolean;
}) {
  const { t } = useTranslation();
  if (!dueAt) return <Typography.Text type="secondary">—</Typography.Text>;
  const when = formatDateTime(dueAt);
  if (!open) return <span>{when}</span>;
  if (overdue) return <Tag color="error">{t('inbox.overdue', { when })}</Tag>;
  if (new Date(dueAt).getTime() - Date.now() < SOON_MS) {
    return <Tag color="warning">{t('inbox.dueSoon', { when })}</Tag>;
  }
  return <span>{when}</span>;
}
