// 办理意见与留言: the task's remarks (comments, vote comments, hand-over notes), oldest first, and a
// box to add one while the task is open.
import { Button, Card, Form, Input, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format-time';
import { useFormProblem } from '../../ui/use-form-problem';
import { useHandOver } from '../work-hooks';
import type { TaskActivity } from './task-action-types';

export function TaskRemarks({ taskId, activity }: { taskId: string; activity: TaskActivity }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment: string }>();
  const problem = useFormProblem(form, ['comment']);
  const action = useHandOver(taskId);
  return (
    <Card title={<h2 className="sgf-card-title">{t('taskActions.remarks')}</h2>}>
      <List
        size="small"
        dataSource={activity.remarks}
        // In the secondary grey: the list's own empty text is the disabled grey, which fails contrast.
        locale={{
          emptyText: <Typography.Text type="secondary">{t('taskActions.noRemarks')}</Typography.Text>,
        }}
        renderItem={(remark) => (
          <List.Item key={remark.sequence}>
            <List.Item.Meta
              title={t(`taskActions.remarkTypes.${remark.type}`, {
                defaultValue: remark.type,
                who: remark.author?.displayName ?? '—',
                to: remark.to?.displayName ?? '',
              })}
              description={formatDateTime(remark.occurredAt)}
            />
            {remark.comment && <blockquote className="sgf-work-comment">{remark.comment}</blockquote>}
          </List.Item>
        )}
      />
      {activity.may.comment && (
        <Form
          form={form}
          name="remarkForm"
          layout="vertical"
          onFinish={(values) =>
            action.mutate(
              { kind: 'comments', body: { comment: values.comment.trim() } },
              { onSuccess: () => form.resetFields(), onError: problem.show },
            )
          }
        >
          {problem.alert}
          <Form.Item
            name="comment"
            label={t('taskActions.addRemark')}
            rules={[
              { required: true, whitespace: true, message: t('taskActions.remarkRequired') },
              { max: 2000 },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Button htmlType="submit" loading={action.isPending}>
            {t('taskActions.sendRemark')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
