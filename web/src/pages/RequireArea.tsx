// Renders an area's page only for roles that use it; others see a plain "no access" result.
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { AREAS, mayUseArea, type AreaKey } from '../areas/areas';
import { useSession } from '../auth/session';
import { BackHomeButton } from './BackHomeButton';
import { Result } from '../ui/Result';

export default function RequireArea({ area }: { area: AreaKey }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const definition = AREAS.find((a) => a.key === area);
  if (user && definition && mayUseArea(user, definition)) return <Outlet />;
  return (
    <Result
      status="403"
      title={t('access.forbiddenTitle')}
      subTitle={t('access.forbiddenDescription')}
      extra={<BackHomeButton />}
      data-testid="forbidden"
    />
  );
}
