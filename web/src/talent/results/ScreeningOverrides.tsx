// The office's manual screening overrides of a round (人工调整记录), read-only: who was overridden
// (identity number masked), the rules' result, and the override's result, reason, author and time.
// The leading group reads them beside the ranking, to see where the list departs from the rules.
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { CursorPager } from '../../ui/CursorPager';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { screeningAndOverrideColumns } from './OverrideNote';
import { useScreeningOverrides } from './results-hooks';
import type { ScreeningRow } from './results-types';

export function ScreeningOverrides({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const pages = useCursorPages(`overrides-${roundId}`);
  const overrides = useScreeningOverrides(roundId, pages.cursor);
  return (
    <>
      <Table<ScreeningRow>
        rowKey="applicationId"
        aria-label={t('talentFixes.overrides')}
        loading={overrides.isPending}
        dataSource={overrides.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('talentFixes.noOverrides') }}
        columns={[
          { key: 'name', title: t('talent.name'), dataIndex: 'name' },
          { key: 'id', title: t('talent.identityNumber'), dataIndex: 'identityNumber' },
          ...screeningAndOverrideColumns(t),
        ]}
      />
      <CursorPager pages={pages} nextCursor={overrides.data?.nextCursor} />
    </>
  );
}
