/**
 * 登录: username and password; the server's own Chinese messages for wrong credentials, lockout
 * and rate limits; a note when the user arrives here because the session ended.
 */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../api/client.js';
import { useSessionControl } from '../session.js';

interface LoginForm {
  username: string;
  password: string;
}

const reasons = {
  start: null,
  logout: '您已退出登录。',
  expired: '登录已失效（长时间未操作或在其他地方退出），请重新登录。',
} as const;

export function LoginPage({ reason }: { reason: keyof typeof reasons }) {
  const { login } = useSessionControl();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<LoginForm>();

  useEffect(() => {
    document.title = '登录 · 政府信息公开工作平台';
  }, []);

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
    } catch (err) {
      setError(errorText(err));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  const note = reasons[reason];
  return (
    <main className="gk-login">
      <div>
        <div className="gk-login-emblem">
          <h1>政府信息公开工作平台</h1>
          <p>工作人员登录</p>
        </div>
        <Card className="gk-login-card">
          {note && <Alert type="info" showIcon title={note} style={{ marginBottom: 16 }} />}
          <div aria-live="assertive">{error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}</div>
          <Form<LoginForm> form={form} layout="vertical" onFinish={submit} requiredMark={false} aria-label="登录">
            <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              登录
            </Button>
          </Form>
        </Card>
      </div>
    </main>
  );
}
