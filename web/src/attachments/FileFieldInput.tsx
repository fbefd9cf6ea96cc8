// The input of a `file` form field: its value is the ids of attachments uploaded to the task's
// project; each upload adds its id, each chosen file shows as a download link that can be taken
// off the form again (the file stays among the project's attachments).
import { CloseOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProjectAttachments } from './attachment-hooks';
import type { Attachment, AttachmentTarget } from './attachment-types';
import { AttachmentLink } from './AttachmentLink';
import { AttachmentUpload } from './AttachmentUpload';
import './attachments.css';

interface Props {
  target: AttachmentTarget;
  label: string;
  /** antd's Form.Item passes the value and its setter. */
  value?: string[];
  onChange?: (ids: string[]) => void;
}

export function FileFieldInput({ target, label, value, onChange }: Props) {
  const { t } = useTranslation();
  const ids = value ?? [];
  const known = useProjectAttachments(target.projectId);
  const byId = new Map((known.data ?? []).map((item) => [item.id, item]));
  const add = (attachment: Attachment) =>
    onChange?.([...ids.filter((id) => id !== attachment.id), attachment.id]);
  return (
    <Flex vertical gap="small">
      {ids.length > 0 && (
        <ul className="sgf-attachment-chosen" aria-label={t('attachments.chosen', { label })}>
          {ids.map((id) => {
            const item = byId.get(id);
            const filename = item?.filename ?? id;
            return (
              <li key={id}>
                <AttachmentLink
                  id={id}
                  filename={filename}
                  {...(item ? { sizeBytes: item.sizeBytes } : {})}
                />
                <Button
                  type="text"
                  size="small"
                  icon={<CloseOutlined />}
                  aria-label={t('attachments.takeOff', { name: filename })}
                  onClick={() => onChange?.(ids.filter((other) => other !== id))}
                />
              </li>
            );
          })}
        </ul>
      )}
      <AttachmentUpload target={target} onUploaded={add} label={label} />
    </Flex>
  );
}
