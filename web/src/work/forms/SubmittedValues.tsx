// Read-only view of data submitted through a form: each declared field by its label, lists as tables.
import { Descriptions, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentTarget } from '../../attachments/attachment-types';
import { AttachmentLink } from '../../attachments/AttachmentLink';
import { useProjectAttachments } from '../../attachments/attachment-hooks';
import type { FormField, ScalarFormField } from '../work-types';
import { useAttachmentTarget } from './attachment-target';
import { ScrollRegion } from '../../ui/ScrollRegion';

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

function submittedValue(
  field: FormField,
  value: unknown,
  context: { attachments: AttachmentTarget | undefined; people: Readonly<Record<string, string>> },
  t: TFunction,
): ReactNode {
  const { attachments, people } = context;
  switch (field.type) {
    case 'list':
      return <ListTable field={field} rows={value} />;
    case 'file':
      return <SubmittedFiles value={value} {...(attachments ? { attachments } : {})} />;
    // The chosen person by name; an id the server could not name (a removed user) as it is.
    case 'user':
      return plainValue(undefined, typeof value === 'string' ? (people[value] ?? value) : value, t);
    default:
      return plainValue({ ...field, type: field.type }, value, t);
  }
}

function ListTable({ field, rows }: { field: FormField; rows: unknown }) {
  const { t } = useTranslation();
  const items = Array.isArray(rows) ? (rows as Data[]) : [];
  const itemFields = field.itemFields ?? [];
  return (
    <ScrollRegion label={field.label} minWidth={Math.max(360, itemFields.length * 160)}>
      <Table<Data>
        size="small"
        rowKey={(_row, index) => String(index)}
        pagination={false}
        dataSource={items}
        aria-label={field.label}
        columns={itemFields.map((item) => ({
          key: item.name,
          title: item.label,
          render: (_value: unknown, row: Data) => plainValue(item, row[item.name], t),
        }))}
      />
    </ScrollRegion>
  );
}

const idsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];

function FileLinks({ ids, names }: { ids: string[]; names: Map<string, string> }) {
  const { t } = useTranslation();
  if (ids.length === 0) return '—';
  return (
    <ul className="sgf-attachment-chosen">
      {ids.map((id, index) => (
        <li key={id}>
          <AttachmentLink id={id} filename={names.get(id) ?? t('attachments.numbered', { n: index + 1 })} />
        </li>
      ))}
    </ul>
  );
}

function ProjectFileLinks({ ids, projectId }: { ids: string[]; projectId: string }) {
  const attachments = useProjectAttachments(projectId);
  const names = new Map((attachments.data ?? []).map((item) => [item.id, item.filename]));
  return <FileLinks ids={ids} names={names} />;
}

/** A file field's attachments as download links, by name when the project is known. */
function SubmittedFiles({ value, attachments }: { value: unknown; attachments?: AttachmentTarget }) {
  const target = useAttachmentTarget(attachments);
  const ids = idsOf(value);
  return target ? (
    <ProjectFileLinks ids={ids} projectId={target.projectId} />
  ) : (
    <FileLinks ids={ids} names={new Map()} />
  );
}

/**
 * The submitted values of `fields` in `data`; with no field list (an approval's vote, a review's
 * scores) the data's own keys are shown. List fields come after the others, each a table of its
 * own at the full width: inside a description cell a table is squeezed beside the other fields
 * and spills out of the card.
 */
export function SubmittedValues({
  fields,
  data,
  attachments,
  people = {},
}: {
  fields: readonly FormField[];
  data: Data;
  /** Display names of the people the data's 人员选择 fields hold, by user id. */
  people?: Readonly<Record<string, string>>;
  /** The project whose attachments file fields name; by default the page address's. */
  attachments?: AttachmentTarget;
}) {
  const { t } = useTranslation();
  const lists = fields.filter((field) => field.type === 'list');
  const items =
    fields.length > 0
      ? fields
          .filter((field) => !lists.includes(field))
          .map((field) => ({
            key: field.name,
            label: field.label,
            span: field.type === 'textarea' || field.type === 'file' ? ('filled' as const) : undefined,
            children: submittedValue(field, data[field.name], { attachments, people }, t),
          }))
      : Object.entries(data).map(([key, value]) => ({
          key,
          label: key,
          span: undefined,
          children: plainValue(undefined, value, t),
        }));
  return (
    <>
      {items.length > 0 && (
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items} />
      )}
      {lists.map((field) => (
        <section key={field.name} className="sgf-work-submitted-list" aria-label={field.label}>
          <Typography.Text strong>{field.label}</Typography.Text>
          {submittedValue(field, data[field.name], { attachments, people }, t)}
        </section>
      ))}
    </>
  );
}
