// Unknown address inside the signed-in frame.
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { BackHomeButton } from './BackHomeButton';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('access.notFoundTitle')}
      subTitle={t('access.notFoundDescription')}
      extra={<BackHomeButton />}
    />
  );
}
