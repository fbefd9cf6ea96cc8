// Shows a secret the server will never show again (a one-time password, an API token) with a copy
// button; it closes only on an explicit "saved" so the secret is not lost by a stray click.
import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface SecretOnceModalProps {
  title: string;
  /** What the secret is for, e.g. whose password. */
  description: string;
  secret: string | null;
  onClose: () => void;
}

export function SecretOnceModal({ title, description, secret, onClose }: SecretOnceModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={secret !== null}
      title={title}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} autoFocus>
          {t('ui.secretSaved')}
        </Button>
      }
    >
      <Typography.Paragraph>{description}</Typography.Paragraph>
      <Alert type="warning" showIcon title={t('ui.secretShownOnce')} className="sgf-form-alert" />
      <Typography.Paragraph
        code
        copyable={{ text: secret ?? '', tooltips: [t('ui.copy'), t('ui.copied')] }}
        className="sgf-secret"
        data-testid="one-time-secret"
      >
        {secret}
      </Typography.Paragraph>
    </Modal>
  );
}
