// Unknown address inside the signed-in frame.
import { useTranslation } from 'react-i18next';
import { BackHomeButton } from './BackHomeButton';
import { Result } from '../ui/Result';

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
