// 工作日历: the days working-day deadlines (工作日) skip or count, one year at a time. The shipped
// holiday table is read-only; admins add their own days off and adjusted workdays (调休上班) on
// top, which count for deadlines computed after they are saved.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { formatDateTime } from '../../ui/format-time';
import type { CalendarDay, CalendarDayKind, CalendarYear } from '../admin-types';
import { useAddCalendarDay, useCalendarYear, useDeleteCalendarDay } from '../hooks/use-calendar';

type ShippedDay = CalendarYear['shipped'][number];

/** This year in China Standard Time, where the calendar's dates are counted. */
const thisYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

function KindTag({ kind }: { kind: CalendarDayKind }) {
  const { t } = useTranslation();
  return <Tag color={kind === 'holiday' ? 'red' : 'blue'}>{t(`calendar.kinds.${kind}`)}</Tag>;
}

export default function CalendarPage() {
  const { t, i18n } = useTranslation();
  const [year, setYear] = useState(thisYear);
  const calendar = useCalendarYear(year);
  const remove = useDeleteCalendarDay();
  const [adding, setAdding] = useState(false);
  const shippedYears = calendar.data?.shippedYears;
  const outsideTable = shippedYears && (year < shippedYears.from || year > shippedYears.to);

  const additionColumns: TableColumnsType<CalendarDay> = [
    { title: t('calendar.date'), dataIndex: 'date', width: 120 },
    {
      title: t('calendar.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (kind: CalendarDayKind) => <KindTag kind={kind} />,
    },
    { title: t('calendar.name'), dataIndex: 'name' },
    {
      title: t('calendar.overrides'),
      dataIndex: 'overridesShipped',
      width: 200,
      render: (kind: CalendarDayKind | null) =>
        kind ? (
          <Tag color="warning">{t('calendar.overridesShipped', { kind: t(`calendar.kinds.${kind}`) })}</Tag>
        ) : (
          '—'
        ),
    },
    { title: t('calendar.createdBy'), dataIndex: 'createdBy', width: 110 },
    { title: t('calendar.createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
    {
      title: t('admin.users.actions'),
      key: 'actions',
      width: 90,
      render: (_value, day) => (
        <Popconfirm
          title={t('calendar.deleteConfirm', { date: day.date, name: day.name })}
          description={t('calendar.deleteWarning')}
          okText={t('calendar.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('ui.cancel')}
          onConfirm={() => remove.mutate(day.id)}
        >
          <Button
            type="link"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('calendar.deleteOf', { date: day.date })}
          >
            {t('calendar.delete')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  const shippedColumns: TableColumnsType<ShippedDay> = [
    { title: t('calendar.date'), dataIndex: 'date', width: 120 },
    {
      title: t('calendar.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (kind: CalendarDayKind) => <KindTag kind={kind} />,
    },
    {
      title: t('calendar.name'),
      key: 'name',
      render: (_value, day) => (i18n.language.startsWith('zh') ? day.name.zh : day.name.en),
    },
  ];

  return (
    <Card
      title={<h2 className="sgf-card-title">{t('calendar.title')}</h2>}
      extra={
        <Flex gap={8} align="center">
          <label htmlFor="calendar-year">{t('calendar.year')}</label>
          <InputNumber
            id="calendar-year"
            min={2000}
            max={2100}
            value={year}
            onChange={(value) => value !== null && setYear(value)}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('calendar.add')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Alert type="info" showIcon message={t('calendar.rule')} />
        {outsideTable && (
          <Alert
            type="warning"
            showIcon
            message={t('calendar.outsideTable', { from: shippedYears.from, to: shippedYears.to })}
          />
        )}
        <Typography.Title level={3}>{t('calendar.additions')}</Typography.Title>
        <Table<CalendarDay>
          rowKey="id"
          columns={additionColumns}
          dataSource={calendar.data?.additions ?? []}
          loading={calendar.isFetching}
          pagination={false}
          size="middle"
          scroll={{ x: 900 }}
          // Antd's pale placeholder text fails the contrast check; the body colour passes.
          locale={{ emptyText: <Typography.Text>{t('calendar.noAdditions')}</Typography.Text> }}
        />
        <Typography.Title level={3}>{t('calendar.shipped')}</Typography.Title>
        <Table<ShippedDay>
          rowKey="date"
          columns={shippedColumns}
          dataSource={calendar.data?.shipped ?? []}
          loading={calendar.isFetching}
          pagination={false}
          size="small"
          locale={{ emptyText: <Typography.Text>{t('calendar.noShipped')}</Typography.Text> }}
        />
      </Flex>
      <AddDayModal open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}

interface AddDayForm {
  date: Dayjs;
  kind: CalendarDayKind;
  name: string;
}

function AddDayModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddCalendarDay();
  return (
    <FormModal<AddDayForm>
      open={open}
      name="addCalendarDay"
      title={t('calendar.add')}
      okText={t('calendar.add')}
      serverFields={['date', 'kind', 'name']}
      pending={add.isPending}
      initialValues={{ kind: 'holiday' }}
      onSubmit={({ date, ...values }, showProblem) =>
        add.mutate(
          { ...values, date: date.format('YYYY-MM-DD') },
          { onSuccess: onClose, onError: showProblem },
        )
      }
      onClose={onClose}
    >
      <Form.Item
        name="date"
        label={t('calendar.date')}
        rules={[{ required: true, message: t('calendar.dateRequired') }]}
      >
        <DatePicker className="sgf-full-width" format="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item name="kind" label={t('calendar.kind')}>
        <Radio.Group>
          <Radio value="holiday">{t('calendar.kinds.holiday')}</Radio>
          <Radio value="workday">{t('calendar.kinds.workday')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="name"
        label={t('calendar.name')}
        rules={[{ required: true, whitespace: true, message: t('calendar.nameRequired') }]}
      >
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('calendar.rule')}</Typography.Paragraph>
    </FormModal>
  );
}
