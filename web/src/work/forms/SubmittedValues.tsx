// Read-only view of data submitted through a form: each declared field by its label, lists as tables.
import { Descriptions, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField, ScalarFormField } from '../work-types';

type Data = Record<string, unknown>;

function plainValue(field: ScalarFormField | undefined, value: unknown, t: TFunction): ReactNode {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('forms.yes') : t('forms.no');
  if (Array.isArray(value)) {
    return value.map((item) => (
      <Tag key={JSON.stringify(item)}>{typeof item === 'string' ? item : JSON.stringify(item)}</Tag>
    ));
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    return <Typography.Text code>{JSON.stringify(value)}</Typography.Text>;
  }
  if (field?.type === 'textarea') return <span className="sgf-work-multiline">{value}</span>;
  return String(value);
}

function ListTable({ field, rows }: { field: FormField; rows: unknown }) {
  const { t } = useTranslation();
  const items = Array.isArray(rows) ? (rows as Data[]) : [];
  const itemFields = field.itemFields ?? [];
  return (
    <Table<Data>
      size="small"
      rowKey={(_row, index) => String(index)}
      pagination={false}
      dataSource={items}
      scroll={{ x: Math.max(360, itemFields.length * 160) }}
      aria-label={field.label}
      columns={itemFields.map((item) => ({
        key: item.name,
        title: item.label,
        render: (_value: unknown, row: Data) => plainValue(item, row[item.name], t),
      }))}
    />
  );
}

/**
 * The submitted values of `fields` in `data`; with no field list (an approval's vote, a review's
 * scores) the data's own keys are shown.
 */
export function SubmittedValues({ fields, data }: { fields: readonly FormField[]; data: Data }) {
  const { t } = useTranslation();
  const items =
    fields.length > 0
      ? fields.map((field) => ({
          key: field.name,
          label: field.label,
          span: field.type === 'list' || field.type === 'textarea' ? ('filled' as const) : undefined,
          children:
            field.type === 'list' ? (
              <ListTable field={field} rows={data[field.name]} />
            ) : (
              plainValue({ ...field, type: field.type }, data[field.name], t)
            ),
        }))
      : Object.entries(data).map(([key, value]) => ({
          key,
          label: key,
          span: undefined,
          children: plainValue(undefined, value, t),
        }));
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items} />;
}
