// A save met something newer than this editor's base: another admin's draft (load theirs, or
// overwrite it with this one) or no draft at all because it was published (load the published
// version, or keep this graph as a new draft). Each choice says what it throws away; nothing is
// saved until the admin chooses.
import { Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format-time';
import type { Autosave } from '../use-autosave.js';

export function ConflictDialog({ autosave }: { autosave: Autosave }) {
  const { t } = useTranslation();
  const { conflict, state } = autosave;
  const gone = conflict?.kind === 'gone' ? conflict : null;
  const draft = conflict?.kind === 'draft' ? conflict.draft : null;
  return (
    <Modal
      open={state === 'conflict'}
      title={t(gone ? 'designer.editing.goneTitle' : 'designer.conflict.title')}
      closable={false}
      maskClosable={false}
      footer={[
        <Button key="theirs" onClick={autosave.loadTheirs} disabled={!draft && gone?.version == null}>
          {t(gone ? 'designer.editing.loadPublished' : 'designer.conflict.loadTheirs')}
        </Button>,
        <Button key="mine" type="primary" danger={!gone} onClick={autosave.keepMine}>
          {t(gone ? 'designer.editing.keepMineAsDraft' : 'designer.conflict.keepMine')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        {gone
          ? gone.version === null
            ? t('designer.editing.goneBodyUnknown')
            : t('designer.editing.goneBody', { version: gone.version })
          : t('designer.conflict.body', {
              name: draft?.updatedBy?.displayName ?? t('designer.conflict.someone'),
              time: draft ? formatDateTime(draft.updatedAt) : '—',
            })}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t(gone ? 'designer.editing.goneChoices' : 'designer.editing.conflictLosesTheirs')}
      </Typography.Paragraph>
    </Modal>
  );
}
