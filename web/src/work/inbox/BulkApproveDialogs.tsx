// 批量同意's dialogs, loaded on the first click of its button: the comment form, then what happened
// to each task (approved, or why not): the server decides each task on its own, never all-or-nothing.
import { Alert, Form, Input, List, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { useBulkApprove } from '../work-hooks';
import type { TaskSummary } from '../work-types';
import type { BulkVoteItem } from './task-action-types';

interface BulkApproveDialogsProps {
  tasks: TaskSummary[];
  /** The approvals were sent (the list refreshes). */
  onDone: () => void;
  /** The form was cancelled or the results were read. */
  onClose: () => void;
}

export default function BulkApproveDialogs({ tasks, onDone, onClose }: BulkApproveDialogsProps) {
  const { t, i18n } = useTranslation();
  const [results, setResults] = useState<{ items: BulkVoteItem[]; names: Map<string, string> } | null>(null);
  const bulk = useBulkApprove();
  return (
    <>
      <FormModal<{ comment?: string }>
        open={results === null}
        name="bulkApproveForm"
        title={t('taskActions.bulk.title', { count: tasks.length })}
        okText={t('taskActions.bulk.confirm')}
        serverFields={['comment', 'taskIds']}
        pending={bulk.isPending}
        onClose={onClose}
        onSubmit={(values, showProblem) => {
          const comment = values.comment?.trim();
          const names = new Map(tasks.map((task) => [task.id, `${task.projectTitle} · ${task.name}`]));
          bulk.mutate(
            { taskIds: tasks.map((task) => task.id), ...(comment ? { comment } : {}) },
            {
              onSuccess: (result) => {
                setResults({ items: result.items, names });
                onDone();
              },
              onError: showProblem,
            },
          );
        }}
      >
        <Form.Item name="comment" label={t('task.comment')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </FormModal>
      <Modal
        open={results !== null}
        title={t('taskActions.bulk.results')}
        onCancel={onClose}
        onOk={onClose}
        footer={(_, { OkBtn }) => <OkBtn />}
      >
        {results && (
          <>
            <Alert
              type={results.items.every((item) => item.result === 'approved') ? 'success' : 'warning'}
              showIcon
              title={t('taskActions.bulk.summary', {
                approved: results.items.filter((item) => item.result === 'approved').length,
                refused: results.items.filter((item) => item.result === 'refused').length,
              })}
            />
            <List
              size="small"
              dataSource={results.items}
              renderItem={(item) => (
                <List.Item key={item.taskId}>
                  <List.Item.Meta
                    title={results.names.get(item.taskId) ?? item.taskId}
                    description={
                      item.problem &&
                      (i18n.language.startsWith('zh') ? item.problem.detailZh : item.problem.detail)
                    }
                  />
                  <Tag color={item.result === 'approved' ? 'success' : 'error'}>
                    {t(`taskActions.bulk.outcomes.${item.result}`)}
                  </Tag>
                </List.Item>
              )}
            />
          </>
        )}
      </Modal>
    </>
  );
}
