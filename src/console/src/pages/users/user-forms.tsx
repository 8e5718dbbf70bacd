/**
 * Modals of the accounts screen: create an account, edit one (name, role, agency, active) and
 * reset a password. Choices follow the API's rules: a supervisor gives only 经办人/负责人 roles in
 * the agencies it reaches; the administrator's role has no agency.
 */
import { Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import type { CreateUserBody, Role, UpdateUserBody, UserView } from '../../api/types.js';
import { useAnnouncer } from '../../components/announcer.js';
import { roleLabels, roles } from '../../labels.js';
import { useSession } from '../../session.js';
import { agencyDepths } from '../../layout/agency-switcher.js';
import { PasswordField } from './password-field.js';

const passwordRules = [
  { required: true, message: '请输入密码' },
  { min: 10, message: '密码至少 10 个字符' },
];

const useChoices = () => {
  const { me } = useSession();
  const depths = agencyDepths(me.visibleAgencies);
  const roleOptions = roles
    .filter((r) => me.user.role === 'admin' || r === 'handler' || r === 'head')
    .map((r) => ({ value: r, label: roleLabels[r] }));
  const agencyOptions = me.visibleAgencies.map((a) => ({ value: a.id, label: `${'\u3000'.repeat(depths.get(a.id) ?? 0)}${a.name}`, title: a.name }));
  return { roleOptions, agencyOptions, defaultAgency: me.user.agencyId };
};

interface CreateValues extends Omit<CreateUserBody, 'agencyId'> {
  agencyId?: string | null;
}

export function CreateUserModal({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(u: UserView): void }) {
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);
  const announce = useAnnouncer();
  const { roleOptions, agencyOptions, defaultAgency } = useChoices();
  const role = Form.useWatch('role', form) as Role | undefined;

  useEffect(() => {
    if (open) form.setFieldsValue({ username: '', displayName: '', role: 'handler', agencyId: defaultAgency, password: '' });
  }, [open, form, defaultAgency]);

  const save = async (v: CreateValues) => {
    setBusy(true);
    try {
      const body: CreateUserBody = { username: v.username.trim(), displayName: v.displayName.trim(), role: v.role, agencyId: v.role === 'admin' ? null : (v.agencyId ?? null), password: v.password };
      const created = await api.post<UserView>('/api/users', body);
      announce.success(`已新建账号“${created.username}”，请将初始密码告知本人并提醒其登录后修改`);
      onSaved(created);
    } catch (err) {
      announce.error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="新建账号" open={open} onCancel={onClose} onOk={() => form.submit()} okText="创建" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Form<CreateValues> form={form} layout="vertical" onFinish={save} preserve={false}>
        <Form.Item label="用户名" name="username" extra="3–32 位小写字母、数字或 . _ -，以字母或数字开头" rules={[{ required: true, whitespace: true, message: '请输入用户名' }, { pattern: /^[a-z0-9][a-z0-9._-]{2,31}$/, message: '用户名格式不符合要求' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={roleOptions} />
        </Form.Item>
        {role !== 'admin' && (
          <Form.Item label="所属机关" name="agencyId" extra={role === 'supervisor' ? '主管部门账号挂在其主管的人民政府上，可看到下级全部机关' : undefined} rules={[{ required: true, message: '请选择所属机关' }]}>
            <Select showSearch={{ optionFilterProp: 'title' }} options={agencyOptions} />
          </Form.Item>
        )}
        <Form.Item label="初始密码" name="password" extra="至少 10 个字符，不能是常见密码、连续字符或包含用户名" rules={passwordRules}>
          <PasswordField />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface EditValues {
  displayName: string;
  role: Role;
  agencyId?: string | null;
  active: boolean;
}

export function EditUserModal({ user, onClose, onSaved }: { user: UserView | null; onClose(): void; onSaved(u: UserView): void }) {
  const [form] = Form.useForm<EditValues>();
  const [busy, setBusy] = useState(false);
  const announce = useAnnouncer();
  const { me } = useSession();
  const { roleOptions, agencyOptions } = useChoices();
  const role = Form.useWatch('role', form) as Role | undefined;
  const self = user?.id === me.user.id;

  useEffect(() => {
    if (user) form.setFieldsValue({ displayName: user.displayName, role: user.role, agencyId: user.agencyId, active: user.active });
  }, [user, form]);

  const save = async (v: EditValues) => {
    if (!user) return;
    setBusy(true);
    try {
      const body: UpdateUserBody = {
        displayName: v.displayName.trim(),
        ...(v.role !== user.role && { role: v.role }),
        ...(v.role === 'admin' ? (user.agencyId !== null && { agencyId: null }) : v.agencyId !== user.agencyId && { agencyId: v.agencyId ?? null }),
        ...(v.active !== user.active && { active: v.active }),
      };
      const saved = await api.patch<UserView>(`/api/users/${encodeURIComponent(user.id)}`, body);
      announce.success(`已保存账号“${saved.username}”`);
      onSaved(saved);
    } catch (err) {
      announce.error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={user ? `修改账号：${user.username}` : '修改账号'} open={user !== null} onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Form<EditValues> form={form} layout="vertical" onFinish={save} preserve={false}>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true }]} extra={self ? '不能更改自己的角色' : undefined}>
          <Select options={user && !roleOptions.some((o) => o.value === user.role) ? [...roleOptions, { value: user.role, label: roleLabels[user.role] }] : roleOptions} disabled={self} />
        </Form.Item>
        {role !== 'admin' && (
          <Form.Item label="所属机关" name="agencyId" rules={[{ required: true, message: '请选择所属机关' }]}>
            <Select showSearch={{ optionFilterProp: 'title' }} options={agencyOptions} />
          </Form.Item>
        )}
        <Form.Item label="启用" name="active" valuePropName="checked" extra={self ? '不能停用自己的账号' : '停用后该账号立即退出，不能再登录'}>
          <Switch disabled={self} checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose, onDone }: { user: UserView | null; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const announce = useAnnouncer();
  useEffect(() => {
    if (user) form.setFieldsValue({ password: '' });
  }, [user, form]);
  const save = async ({ password }: { password: string }) => {
    if (!user) return;
    setBusy(true);
    try {
      await api.post(`/api/users/${encodeURIComponent(user.id)}/password`, { password });
      announce.success(`已重设“${user.username}”的密码；该账号的锁定已解除，原有登录已结束`);
      onDone();
    } catch (err) {
      announce.error(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={user ? `重设密码：${user.username}` : '重设密码'} open={user !== null} onCancel={onClose} onOk={() => form.submit()} okText="重设" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={save} preserve={false}>
        <Form.Item label="新密码" name="password" extra="重设后该账号的锁定解除、全部登录结束" rules={passwordRules}>
          <PasswordField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
