// 异常: the incidents of the projects a supervisor (their subtree) or an admin (everywhere) operates,
// open or resolved, by kind, page by page.
import { Card, Flex, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorPager } from '../ui/CursorPager';
import { useCursorPages } from '../ui/use-cursor-pages';
import { useIncidentPage } from './incident-hooks';
import type { IncidentFilters, IncidentKind } from './incident-types';
import { IncidentTable } from './IncidentTable';

const KINDS: IncidentKind[] = ['condition', 'action', 'effect'];

export default function IncidentsArea() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<IncidentFilters>({ status: 'open' });
  const pages = useCursorPages(JSON.stringify(filters));
  const page = useIncidentPage(filters, pages.cursor);
  return (
    <Card title={<h1 className="sgf-card-title">{t('incidents.title')}</h1>}>
      <Flex vertical gap="middle">
        <Flex gap="middle" wrap>
          <Segmented
            aria-label={t('incidents.status')}
            value={filters.status ?? 'open'}
            options={[
              { value: 'open', label: t('incidents.open') },
              { value: 'resolved', label: t('incidents.closed') },
            ]}
            onChange={(status) => setFilters({ ...filters, status: status as 'open' | 'resolved' })}
          />
          <Select<IncidentKind | undefined>
            allowClear
            aria-label={t('incidents.kind')}
            placeholder={t('incidents.allKinds')}
            style={{ minWidth: 180 }}
            value={filters.kind}
            options={KINDS.map((kind) => ({ value: kind, label: t(`incidents.kinds.${kind}`) }))}
            onChange={(kind) => setFilters({ ...filters, kind })}
          />
        </Flex>
        <IncidentTable incidents={page.data?.items ?? []} loading={page.isPending} showProject />
        <CursorPager pages={pages} nextCursor={page.data?.nextCursor} />
      </Flex>
    </Card>
  );
}
