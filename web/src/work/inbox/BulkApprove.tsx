// 批量同意: approves the selected approval tasks with one comment and lists what happened to each.
// The inbox shows only the button; the dialogs (./BulkApproveDialogs) load on its first click.
import { Button, Flex } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../work-types';

const BulkApproveDialogs = lazy(() => import('./BulkApproveDialogs'));

export function BulkApprove({ tasks, onDone }: { tasks: TaskSummary[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Flex gap="small" align="center" style={{ marginBottom: 12 }}>
      <Button type="primary" disabled={tasks.length === 0} onClick={() => setOpen(true)}>
        {t('taskActions.bulk.button', { count: tasks.length })}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <BulkApproveDialogs tasks={tasks} onDone={onDone} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </Flex>
  );
}
