// 修改密码: every signed-in person changes their own password here; a person holding a one-time
// password is sent here first and may go nowhere else until the change succeeds.
import { CheckCircleFilled, CloseCircleOutlined, LockOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Form, Input, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ChangePasswordRequest } from '../api/types';
import { useChangePassword, useSession } from '../auth/session';
import { useFormProblem } from '../ui/use-form-problem';
import {
  PASSWORD_MIN_CLASSES,
  PASSWORD_MIN_LENGTH,
  passwordRuleResults,
  type PasswordRule,
} from './password-policy';

interface ChangePasswordForm extends ChangePasswordRequest {
  confirmPassword: string;
}

const SERVER_FIELDS = ['currentPassword', 'newPassword'] as const;
const RULES: readonly PasswordRule[] = ['length', 'classes', 'notUsername'];

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useSession();
  const change = useChangePassword();
  const [form] = Form.useForm<ChangePasswordForm>();
  const problem = useFormProblem(form, SERVER_FIELDS);
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  if (!user) return null;

  const results = passwordRuleResults(newPassword, user.username);
  const forced = user.mustChangePassword;

  const submit = ({ currentPassword, newPassword: next }: ChangePasswordForm) => {
    problem.clear();
    change.mutate(
      { currentPassword, newPassword: next },
      {
        onSuccess: () => {
          void message.success(t('account.changed'));
          form.resetFields();
          if (forced) void navigate('/', { replace: true });
        },
        onError: problem.show,
      },
    );
  };

  return (
    <Card
      className="sgf-narrow-card"
      title={<h1 className="sgf-card-title">{t('account.changePassword')}</h1>}
    >
      {forced && (
        <Alert
          type="warning"
          showIcon
          role="status"
          title={t('account.mustChange')}
          className="sgf-form-alert"
        />
      )}
      {problem.alert}
      <Form<ChangePasswordForm>
        name="changePassword"
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
      >
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <Form.Item
          name="currentPassword"
          label={forced ? t('account.oneTimePassword') : t('account.currentPassword')}
          rules={[{ required: true, message: t('account.currentRequired') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          rules={[
            { required: true, message: t('account.newRequired') },
            {
              validator: (_rule, value: string | undefined) =>
                !value || Object.values(passwordRuleResults(value, user.username)).every(Boolean)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.policyNotMet'))),
            },
          ]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="new-password"
            aria-describedby="password-policy"
          />
        </Form.Item>
        <div id="password-policy" className="sgf-password-policy">
          <Typography.Text type="secondary">{t('account.policyTitle')}</Typography.Text>
          <List
            size="small"
            split={false}
            dataSource={[...RULES]}
            renderItem={(rule) => (
              <List.Item className="sgf-policy-rule">
                {results[rule] ? (
                  <CheckCircleFilled className="sgf-rule-met" aria-label={t('account.ruleMet')} />
                ) : (
                  <CloseCircleOutlined className="sgf-rule-unmet" aria-label={t('account.ruleUnmet')} />
                )}
                <span>
                  {t(`account.rules.${rule}`, {
                    min: PASSWORD_MIN_LENGTH,
                    classes: PASSWORD_MIN_CLASSES,
                  })}
                </span>
              </List.Item>
            )}
          />
        </div>
        <Form.Item
          name="confirmPassword"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('account.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.confirmMismatch'))),
            }),
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('account.submit')}
        </Button>
      </Form>
    </Card>
  );
}
