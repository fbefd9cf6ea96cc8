// The form of a userTask, rendered from the node's fields; the server's `data.<field>` errors land on them.
// A step reopened (退回, 拿回) says who sent it back and why, and starts from the form last submitted
// there, with a notice saying whose.
import { Alert, Button, Card, Form } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormProblem } from '../../ui/use-form-problem';
import { FormFieldInputs } from '../forms/FormFieldInputs';
import { formatDateTime } from '../../ui/format-time';
import { initialFormValues, toSubmission } from '../forms/form-rules';
import { prefilledFormValues } from '../forms/prefill-values';
import { useTaskAction, useTaskActivity } from '../work-hooks';
import type { TaskDetail } from '../work-types';

interface TaskFormValues {
  data?: Record<string, unknown>;
}

export function UserTaskForm({ task, onDone }: { task: TaskDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TaskFormValues>();
  const problem = useFormProblem(form, ['data']);
  const action = useTaskAction(task.id);
  // The people its user fields (e.g. 下一步办理人) may name; the page loads the same query.
  const activity = useTaskActivity(task.id);
  const { previous } = task;
  const initialValues = useMemo(
    () => ({
      data: previous ? prefilledFormValues(task.form, previous.data) : initialFormValues(task.form),
    }),
    [task.form, previous],
  );
  return (
    <Card title={<h2 className="sgf-card-title">{t('task.fillForm')}</h2>}>
      {previous && (
        <Alert
          type="info"
          showIcon
          className="sgf-form-alert"
          title={sentBackSentence(previous.sentBack, t)}
          description={t('reopened.prefilled', {
            who: previous.submittedBy?.displayName ?? t('reopened.someone'),
            when: formatDateTime(previous.submittedAt),
          })}
        />
      )}
      {problem.alert}
      <Form<TaskFormValues>
        name="taskForm"
        form={form}
        layout="vertical"
        initialValues={initialValues}
        scrollToFirstError
        className="sgf-work-form"
        onFinish={(values) => {
          problem.clear();
          action.mutate(
            { kind: 'complete', body: { data: toSubmission(task.form, values.data) } },
            { onSuccess: onDone, onError: problem.show },
          );
        }}
      >
        <FormFieldInputs fields={task.form} prefix={['data']} people={activity.data?.choosable ?? []} />
        <Button type="primary" htmlType="submit" loading={action.isPending}>
          {t('task.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** Why the work is here again: who sent it back or took it back, when, and the comment given. */
function sentBackSentence(back: NonNullable<TaskDetail['previous']>['sentBack'], t: TFunction): string {
  const by = back.by?.displayName ?? t('reopened.someone');
  const when = formatDateTime(back.at);
  if (back.how === 'takenBack') return t('reopened.takenBack', { by, when });
  return back.comment
    ? t('reopened.returnedWithComment', { by, when, comment: back.comment })
    : t('reopened.returned', { by, when });
}
