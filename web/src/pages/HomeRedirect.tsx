// `/`: sends the person to the first area their roles use, or says that none does.
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { homePathFor } from '../areas/areas';
import { useSession } from '../auth/session';
import { Result } from '../ui/Result';

export default function HomeRedirect() {
  const { t } = useTranslation();
  const { user } = useSession();
  const home = user ? homePathFor(user) : undefined;
  if (home) return <Navigate to={home} replace />;
  return (
    <Result
      status="info"
      title={t('access.noAreasTitle')}
      subTitle={t('access.noAreasDescription')}
      data-testid="no-areas"
    />
  );
}
