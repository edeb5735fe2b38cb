import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../../api/api';
import { useAuth } from '../../../components/auth';
import { applyServerErrors } from '../../../components/server-errors';
import { LanguageSwitch } from '../components/language-switch';

interface LoginForm {
  email: string;
  password: string;
}

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/projects';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { user, setUser } = useAuth();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  useEffect(() => {
    document.title = `${t('auth.signIn')} · ${t('app.title')}`;
  }, [t]);

  if (user) return <Navigate to={next} replace />;

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const { user: signedIn } = await api.auth.login(values.email, values.password);
      setUser(signedIn);
      navigate(next, { replace: true });
    } catch (cause) {
      const { message, unmatched } = applyServerErrors(form, cause, ['email', 'password']);
      setError([message, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f7fa' }}>
      <div style={{ position: 'absolute', top: 16, right: 20 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('app.brand')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.tagline')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} data-testid="login-error" style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="login-form">
          <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input prefix={<MailOutlined />} autoComplete="username" data-testid="login-email" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('auth.signIn')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
