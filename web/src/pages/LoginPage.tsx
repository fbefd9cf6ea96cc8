// Sign-in: username and password against POST /api/auth/login; a signed-in visitor goes straight to work.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { describeProblem, isApiProblem } from '../api/client';
import type { LoginRequest, User } from '../api/types';
import { areaForPath, homePathFor, mayUseArea } from '../areas/areas';
import type { LoginRedirectState } from '../auth/RequireSession';
import { useLogin, useSession } from '../auth/session';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { ProductLogo, ProductName } from '../layout/ProductMark';

const LOGIN_FIELDS: ReadonlyArray<keyof LoginRequest> = ['username', 'password'];

/** Back to the page that sent the visitor here if their roles use it, else their first area. */
function destinationFor(user: User, from: string | undefined): string {
  const area = from ? areaForPath(from.split('?')[0] ?? '') : undefined;
  if (from && area && mayUseArea(user, area)) return from;
  return homePathFor(user) ?? '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const location = useLocation();
  const { user } = useSession();
  const login = useLogin();
  const [form] = Form.useForm<LoginRequest>();

  if (user) {
    const from = (location.state as LoginRedirectState | null)?.from;
    return <Navigate to={destinationFor(user, from)} replace />;
  }

  const submit = (values: LoginRequest) =>
    login.mutate(values, {
      onError: (error) => {
        if (!isApiProblem(error, 'VALIDATION_FAILED') || !error.errors) return;
        form.setFields(
          error.errors
            .filter((e): e is { field: keyof LoginRequest; reason: string } =>
              (LOGIN_FIELDS as readonly string[]).includes(e.field),
            )
            .map((e) => ({ name: e.field, errors: [e.reason] })),
        );
      },
    });

  return (
    <main className="sgf-login" style={{ background: token.colorBgLayout }}>
      <div className="sgf-login-lang">
        <LanguageSwitch />
      </div>
      <div className="sgf-login-column">
        <header className="sgf-login-header">
          <span style={{ color: token.colorPrimary }}>
            <ProductLogo size={48} />
          </span>
          <ProductName level={3} />
          <Typography.Paragraph type="secondary" className="sgf-login-subtitle">
            {t('login.subtitle')}
          </Typography.Paragraph>
        </header>
        <Card className="sgf-login-card" title={t('login.title')}>
          {login.isError && (
            <Alert
              type="error"
              showIcon
              className="sgf-login-error"
              data-testid="login-error"
              role="alert"
              title={describeProblem(login.error, t)}
            />
          )}
          <Form<LoginRequest>
            form={form}
            layout="vertical"
            requiredMark={false}
            size="large"
            onFinish={submit}
            onValuesChange={() => {
              if (login.isError) login.reset();
            }}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                placeholder={t('login.usernamePlaceholder')}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                placeholder={t('login.passwordPlaceholder')}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Form.Item className="sgf-login-submit">
              <Button
                type="primary"
                htmlType="submit"
                block
                loading={login.isPending}
                data-testid="login-submit"
              >
                {t('login.submit')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
        <Typography.Text type="secondary" className="sgf-login-footer">
          {t('login.footer')}
        </Typography.Text>
      </div>
    </main>
  );
}
