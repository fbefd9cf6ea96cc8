// Committee scoring: each rubric criterion (label, weight, max) scored 0..max, per subject when the
// review has several, or recused (回避) for a conflict of interest.
import { Button, Card, Checkbox, Form, Input, InputNumber, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormProblem } from '../../ui/use-form-problem';
import { useTaskAction } from '../work-hooks';
import type { ReviewRequest, RubricCriterion, TaskDetail } from '../work-types';

interface Scoring {
  scores?: Record<string, number>;
  recused?: boolean;
}
interface ReviewValues extends Scoring {
  subjects?: Record<string, Scoring>;
  comment?: string;
}

const toScoring = (scoring: Scoring | undefined) =>
  scoring?.recused ? { recused: true } : { scores: scoring?.scores ?? {} };

export function ReviewForm({ task, onDone }: { task: TaskDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReviewValues>();
  const problem = useFormProblem(form, ['scores', 'recused', 'subjects', 'comment']);
  const action = useTaskAction(task.id);
  const submit = (values: ReviewValues) => {
    const comment = values.comment?.trim();
    const body: ReviewRequest =
      task.subjects.length > 0
        ? { subjects: Object.fromEntries(task.subjects.map((id) => [id, toScoring(values.subjects?.[id])])) }
        : toScoring(values);
    problem.clear();
    action.mutate(
      { kind: 'review', body: { ...body, ...(comment ? { comment } : {}) } },
      { onSuccess: onDone, onError: problem.show },
    );
  };
  return (
    <Card title={<h2 className="sgf-card-title">{t('task.score')}</h2>}>
      {problem.alert}
      <Form<ReviewValues> name="reviewForm" form={form} layout="vertical" onFinish={submit}>
        {task.subjects.length > 0 ? (
          task.subjects.map((subject) => (
            <Card
              key={subject}
              size="small"
              title={t('task.subject', { subject })}
              className="sgf-work-subject"
            >
              <RubricScores rubric={task.rubric} prefix={['subjects', subject]} />
            </Card>
          ))
        ) : (
          <RubricScores rubric={task.rubric} prefix={[]} />
        )}
        <Form.Item name="comment" label={t('task.reviewComment')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.isPending}>
          {t('task.submitScores')}
        </Button>
      </Form>
    </Card>
  );
}

function RubricScores({ rubric, prefix }: { rubric: RubricCriterion[]; prefix: string[] }) {
  const { t } = useTranslation();
  const recused = Form.useWatch([...prefix, 'recused']) === true;
  const columns: TableColumnsType<RubricCriterion> = [
    { title: t('task.criterion'), dataIndex: 'label' },
    { title: t('task.weight'), dataIndex: 'weight', width: 90 },
    { title: t('task.max'), dataIndex: 'max', width: 90 },
    {
      title: t('task.points'),
      key: 'score',
      width: 160,
      render: (_value, criterion) => (
        <Form.Item
          name={[...prefix, 'scores', criterion.id]}
          rules={[{ required: !recused, message: t('task.scoreRequired', { label: criterion.label }) }]}
          className="sgf-work-cell"
        >
          <InputNumber
            min={0}
            max={criterion.max}
            disabled={recused}
            aria-label={t('task.scoreOf', { label: criterion.label, max: criterion.max })}
          />
        </Form.Item>
      ),
    },
  ];
  return (
    <>
      <Table<RubricCriterion>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={rubric}
        scroll={{ x: 520 }}
      />
      <Form.Item name={[...prefix, 'recused']} valuePropName="checked" className="sgf-work-recuse">
        <Checkbox>{t('task.recuse')}</Checkbox>
      </Form.Item>
    </>
  );
}
