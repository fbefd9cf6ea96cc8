// Route guard: renders its child routes only for a signed-in user, otherwise sends the visitor to /login;
// a person who must change their password is held on the change-password page until they have.
import { Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { describeProblem } from '../api/client';
import { CHANGE_PASSWORD_PATH } from './paths';
import { useSession } from './session';
import { Result } from '../ui/Result';

export interface LoginRedirectState {
  from?: string;
}

export function RequireSession() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();

  if (session.isPending) {
    return (
      <div className="sgf-center-screen">
        <Spin size="large" description={t('access.loading')} />
      </div>
    );
  }
  if (session.isError) {
    return (
      <div className="sgf-center-screen">
        <Result
          status="warning"
          title={t('access.sessionFailed')}
          subTitle={describeProblem(session.error, t)}
          extra={
            <Button type="primary" onClick={() => void session.refetch()}>
              {t('errors.retry')}
            </Button>
          }
        />
      </div>
    );
  }
  if (!session.user) {
    const state: LoginRedirectState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  if (session.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}
