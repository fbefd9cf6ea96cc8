// What a task or project page shows when the server answers 404 (it does not exist or lies outside
// the caller's units) or another error.
import { useTranslation } from 'react-i18next';
import { describeProblem, isApiProblem } from '../api/client';
import { BackHomeButton } from '../pages/BackHomeButton';
import { Result } from '../ui/Result';

export function NotVisible({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const notFound = isApiProblem(error) && error.status === 404;
  return (
    <Result
      status={notFound ? '404' : 'error'}
      title={notFound ? t('projects.notFoundTitle') : describeProblem(error, t)}
      subTitle={notFound ? t('projects.notFoundText') : undefined}
      extra={<BackHomeButton />}
    />
  );
}
