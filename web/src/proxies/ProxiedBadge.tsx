// The mark of a task moved to its holder from someone away (代理：张三), in the inbox and on the task page.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export function ProxiedBadge({ proxiedFor }: { proxiedFor: { displayName: string } | null }) {
  const { t } = useTranslation();
  if (!proxiedFor) return null;
  return (
    <Tag color="purple" data-testid="proxied-badge">
      {t('proxy.badge', { name: proxiedFor.displayName })}
    </Tag>
  );
}
