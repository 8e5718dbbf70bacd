/** 账号与密码: change one's own password; see and end one's own sessions. */
import { Button, Card, Form, Input, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.js';
import type { SessionList } from '../api/types.js';
import { useAnnouncer } from '../components/announcer.js';
import { LoadError } from '../components/load-error.js';
import { Page } from '../components/page.js';
import { StatusTag } from '../components/status-tag.js';
import { useLoad } from '../components/use-load.js';
import { formatInstant } from '../labels.js';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function AccountPage() {
  const announce = useAnnouncer();
  const [form] = Form.useForm<PasswordForm>();
  const [busy, setBusy] = useState(false);
  const sessions = useLoad((signal) => api.get<SessionList>('/api/auth/sessions', undefined, { signal }), []);

  const change = async ({ currentPassword, newPassword }: PasswordForm) => {
    setBusy(true);
    try {
      await api.post('/api/auth/password', { currentPassword, newPassword });
      form.resetFields();
      announce.success('密码已修改，您在其他设备上的登录已结束');
      sessions.reload();
    } catch (err) {
      announce.error(err);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    try {
      await api.delete(`/api/auth/sessions/${encodeURIComponent(id)}`);
      announce.success('已结束该会话');
      sessions.reload();
    } catch (err) {
      announce.error(err);
    }
  };

  return (
    <Page title="账号与密码">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>修改密码</h2>} style={{ maxWidth: 520 }}>
          <Form<PasswordForm> form={form} layout="vertical" onFinish={change}>
            <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item label="新密码" name="newPassword" extra="至少 10 个字符，不能是常见密码、连续字符或包含用户名" rules={[{ required: true, message: '请输入新密码' }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label="再次输入新密码"
              name="confirm"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: '请再次输入新密码' },
                ({ getFieldValue }) => ({
                  validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>修改密码</Button>
          </Form>
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>我的登录会话</h2>}>
          {sessions.error ? <LoadError error={sessions.error} retry={sessions.reload} /> : null}
          <Table
            rowKey="id"
            size="small"
            loading={sessions.loading}
            dataSource={sessions.data?.sessions ?? []}
            pagination={false}
            columns={[
              { title: '登录时间', dataIndex: 'createdAt', render: (v: string) => formatInstant(v) },
              { title: '最近活动', dataIndex: 'lastSeenAt', render: (v: string) => formatInstant(v) },
              { title: 'IP 地址', dataIndex: 'ip' },
              { title: '浏览器', dataIndex: 'userAgent', ellipsis: true },
              {
                title: '操作',
                key: 'actions',
                render: (_: unknown, s) =>
                  s.current ? <StatusTag tone="info">当前会话</StatusTag> : (
                    <Popconfirm title="结束这个会话？" okText="结束" cancelText="取消" onConfirm={() => revoke(s.id)}>
                      <Button size="small">结束会话</Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        </Card>
      </Space>
    </Page>
  );
}
