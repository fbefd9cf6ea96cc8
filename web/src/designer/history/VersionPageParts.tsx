// What the version history and the migration wizard share: the page header (title, the definition's
// key, links back to the list and across to the other page) and a labelled version select.
import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import './history.css';

export function VersionPageHeader({
  definitionKey,
  title,
  across,
}: {
  definitionKey: string;
  title: string;
  /** The other page of the definition's versions: its path below /designer/:key and its name. */
  across: { path: 'versions' | 'migrate'; label: string };
}) {
  const { t } = useTranslation();
  return (
    <Space className="sgf-designer-list-header" wrap>
      <Typography.Title level={3} className="sgf-area-title">
        {title}
      </Typography.Title>
      <Typography.Text code>{definitionKey}</Typography.Text>
      <Link to="/designer">{t('designer.history.back')}</Link>
      <Link to={`/designer/${definitionKey}/${across.path}`}>{across.label}</Link>
    </Space>
  );
}

export function VersionSelect<T extends number | string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T | undefined;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <label>
      {label}{' '}
      <Select<T>
        aria-label={label}
        className="sgf-history-picker"
        value={value}
        options={options}
        onChange={onChange}
      />
    </label>
  );
}
