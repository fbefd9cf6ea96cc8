// A project's status as a coloured tag.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from '../work-types';

const COLOR = { running: 'processing', completed: 'success', cancelled: 'default' } as const satisfies Record<
  ProjectStatus,
  string
>;

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[status]}>{t(`projects.statuses.${status}`)}</Tag>;
}
