// A download link to an attachment under its original name (the server sends it as a download).
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { attachmentUrl, formatBytes } from './attachment-types';
import './attachments.css';

interface Props {
  id: string;
  filename: string;
  sizeBytes?: number;
}

export function AttachmentLink({ id, filename, sizeBytes }: Props) {
  const { t } = useTranslation();
  return (
    <a
      href={attachmentUrl(id)}
      download={filename}
      aria-label={t('attachments.download', { name: filename })}
    >
      <PaperClipOutlined /> {filename}
      {sizeBytes !== undefined && <span className="sgf-attachment-size"> ({formatBytes(sizeBytes)})</span>}
    </a>
  );
}
