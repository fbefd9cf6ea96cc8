// Seats of an approval or a review: each rule names who holds it and how many people take a seat.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NodeOf } from '../../../../workflows/engine/definition-schema.js';
import { AssigneeRuleField } from './AssigneeRuleField';

type Seat = NodeOf<'approval'>['approvers'][number];

export function SeatsEditor({
  idPrefix,
  seats,
  onChange,
}: {
  idPrefix: string;
  seats: readonly Seat[];
  onChange: (seats: Seat[], typing?: string) => void;
}) {
  const { t } = useTranslation();
  const replace = (index: number, seat: Seat, typing?: string) =>
    onChange(
      seats.map((current, at) => (at === index ? seat : current)),
      typing,
    );
  return (
    <Space direction="vertical" className="sgf-designer-stack">
      {seats.map((seat, index) => (
        <Card
          key={index}
          size="small"
          extra={
            seats.length > 1 && (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('designer.seats.remove')}
                onClick={() => onChange(seats.filter((_, at) => at !== index))}
              />
            )
          }
          title={t('designer.seats.rule', { n: index + 1 })}
        >
          <AssigneeRuleField
            id={`${idPrefix}-${index}`}
            label={t('designer.seats.who')}
            rule={seat.assignee}
            onChange={(assignee, typing) => replace(index, { ...seat, assignee }, typing)}
          />
          <InputNumber
            aria-label={t('designer.seats.count')}
            addonBefore={t('designer.seats.count')}
            min={1}
            precision={0}
            value={seat.seats}
            onChange={(count) => replace(index, { ...seat, seats: count ?? 1 })}
          />
        </Card>
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() =>
          onChange([
            ...seats,
            { assignee: { type: 'role', role: 'supervisor', scope: 'unitOrAncestors' }, seats: 1 },
          ])
        }
      >
        {t('designer.seats.add')}
      </Button>
    </Space>
  );
}
