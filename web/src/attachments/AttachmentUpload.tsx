// Drag-and-drop upload to a project (and a task): antd's Upload shows the progress of the
// multipart request `sendUpload` makes; a refusal (too large, a type the bytes betray) shows the
// server's own message. Files that landed leave this list: the caller shows them where they belong.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Flex, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRefreshAttachments } from './attachment-hooks';
import {
  ACCEPTED_EXTENSIONS,
  projectAttachmentsUrl,
  type Attachment,
  type AttachmentTarget,
} from './attachment-types';
import { uploadProblemText } from './upload-problem';
import { sendUpload } from './upload-request';
import './attachments.css';

interface Props {
  target: AttachmentTarget;
  onUploaded?: (attachment: Attachment) => void;
  /** Names the drop zone for screen readers (e.g. the form field's label). */
  label?: string;
}

export function AttachmentUpload({ target, onUploaded, label }: Props) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshAttachments(target.projectId);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [failure, setFailure] = useState<string>();
  const chinese = i18n.language.startsWith('zh');
  return (
    <Flex vertical gap="small">
      <Upload.Dragger
        className="sgf-attachment-drop"
        name="file"
        action={projectAttachmentsUrl(target.projectId)}
        data={target.taskId ? { taskId: target.taskId } : {}}
        customRequest={sendUpload}
        multiple
        accept={ACCEPTED_EXTENSIONS}
        fileList={files}
        onChange={({ file, fileList }) => {
          if (file.status === 'done') {
            onUploaded?.(file.response as Attachment);
            void refresh();
          }
          if (file.status === 'error') {
            const reason = uploadProblemText(file.response, chinese, t('attachments.failedUnknown'));
            setFailure(t('attachments.failed', { name: file.name, reason }));
          }
          if (file.status === 'uploading' && fileList.length === 1) setFailure(undefined);
          setFiles(
            fileList
              .filter((item) => item.status !== 'done')
              .map((item) =>
                item.status === 'error'
                  ? {
                      ...item,
                      response: uploadProblemText(item.response, chinese, t('attachments.failedUnknown')),
                    }
                  : item,
              ),
          );
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">
          {label ? t('attachments.dropFor', { label }) : t('attachments.drop')}
        </p>
        <p className="ant-upload-hint">{t('attachments.hint')}</p>
      </Upload.Dragger>
      {failure && <Alert type="error" showIcon role="alert" title={failure} />}
    </Flex>
  );
}
