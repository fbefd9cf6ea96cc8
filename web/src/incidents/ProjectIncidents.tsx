// The project page's open incidents, with the 异常 page's retry and resolve, for those who operate them.
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIncidentPage } from './incident-hooks';
import { IncidentTable } from './IncidentTable';

export function ProjectIncidents({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const page = useIncidentPage({ projectId, status: 'open' }, undefined);
  if (!page.data?.items.length) return null;
  return (
    <Card title={<h2 className="sgf-card-title">{t('incidents.projectTitle')}</h2>}>
      <IncidentTable incidents={page.data.items} loading={page.isPending} showProject={false} />
    </Card>
  );
}
