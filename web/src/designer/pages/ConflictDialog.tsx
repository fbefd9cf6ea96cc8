// Another admin saved the draft since this editor loaded it: load their version, or overwrite it
// with this one. Nothing is saved until the admin chooses.
import { Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format-time';
import type { Autosave } from '../use-autosave.js';

export function ConflictDialog({ autosave }: { autosave: Autosave }) {
  const { t } = useTranslation();
  const { conflict, state } = autosave;
  return (
    <Modal
      open={state === 'conflict'}
      title={t('designer.conflict.title')}
      closable={false}
      maskClosable={false}
      footer={[
        <Button key="theirs" onClick={autosave.loadTheirs} disabled={!conflict}>
          {t('designer.conflict.loadTheirs')}
        </Button>,
        <Button key="mine" type="primary" danger onClick={autosave.keepMine}>
          {t('designer.conflict.keepMine')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        {t('designer.conflict.body', {
          name: conflict?.updatedBy?.displayName ?? t('designer.conflict.someone'),
          time: conflict ? formatDateTime(conflict.updatedAt) : '—',
        })}
      </Typography.Paragraph>
    </Modal>
  );
}
