/**
 * 工作人员账号: the accounts the user manages (administrators: all; supervisors: their subtree),
 * with create, edit (name, role, agency, enable/disable), reset password, unlock and end sessions.
 */
import { Button, Input, Popconfirm, Select, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../api/client.js';
import type { Role, UserList, UserView } from '../api/types.js';
import { useAnnouncer } from '../components/announcer.js';
import { LoadError } from '../components/load-error.js';
import { Page } from '../components/page.js';
import { StatusTag } from '../components/status-tag.js';
import { useLoad } from '../components/use-load.js';
import { formatInstant, roleLabels, roles } from '../labels.js';
import { useSession } from '../session.js';
import { CreateUserModal, EditUserModal, ResetPasswordModal } from './users/user-forms.js';

const isLocked = (u: UserView) => u.lockedUntil !== null && Date.parse(u.lockedUntil) > Date.now();

export function UsersPage() {
  const { me, agencyId } = useSession();
  const announce = useAnnouncer();
  const list = useLoad((signal) => api.get<UserList>('/api/users', undefined, { signal }), []);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserView | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [text, setText] = useState('');
  const [role, setRole] = useState<Role | 'all'>('all');
  const [onlyAgency, setOnlyAgency] = useState(true);

  const agencyName = useMemo(() => new Map(me.visibleAgencies.map((a) => [a.id, a.shortName || a.name])), [me.visibleAgencies]);
  const users = useMemo(() => {
    const q = text.trim().toLowerCase();
    return (list.data?.users ?? []).filter((u) =>
      (role === 'all' || u.role === role)
      && (!onlyAgency || !agencyId || u.agencyId === agencyId)
      && (!q || u.username.includes(q) || u.displayName.toLowerCase().includes(q)));
  }, [list.data, text, role, onlyAgency, agencyId]);

  const act = async (what: string, call: () => Promise<unknown>) => {
    try {
      await call();
      announce.success(what);
      list.reload();
    } catch (err) {
      announce.error(err);
    }
  };
  const path = (u: UserView, rest = '') => `/api/users/${encodeURIComponent(u.id)}${rest}`;

  return (
    <Page title="工作人员账号" extra={<Button type="primary" onClick={() => setCreating(true)}>新建账号</Button>}>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      <Space wrap style={{ marginBottom: 12 }} role="search" aria-label="筛选账号">
        <Input.Search aria-label="按用户名或姓名查找" placeholder="用户名或姓名" allowClear value={text} onChange={(e) => setText(e.target.value)} style={{ width: 220 }} />
        <Select<Role | 'all'>
          aria-label="按角色筛选"
          value={role}
          onChange={setRole}
          style={{ width: 160 }}
          options={[{ value: 'all', label: '全部角色' }, ...roles.map((r) => ({ value: r, label: roleLabels[r] }))]}
        />
        {agencyId && (
          <Select<'agency' | 'all'>
            aria-label="机关范围"
            value={onlyAgency ? 'agency' : 'all'}
            onChange={(v) => setOnlyAgency(v === 'agency')}
            style={{ width: 220 }}
            options={[{ value: 'agency', label: `仅${agencyName.get(agencyId) ?? '当前机关'}` }, { value: 'all', label: '全部可管理的账号' }]}
          />
        )}
      </Space>
      <Table<UserView>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={users}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 个账号` }}
        locale={{ emptyText: '没有符合条件的账号' }}
        columns={[
          { title: '用户名', dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'roleLabel' },
          { title: '所属机关', dataIndex: 'agencyId', render: (id: string | null) => (id ? (agencyName.get(id) ?? '（不可见）') : '—') },
          {
            title: '状态',
            key: 'state',
            render: (_: unknown, u) => (
              <Space size={4} wrap>
                {u.active ? <StatusTag tone="success">启用</StatusTag> : <StatusTag tone="neutral">已停用</StatusTag>}
                {isLocked(u) && <StatusTag tone="danger">锁定至 {formatInstant(u.lockedUntil)}</StatusTag>}
              </Space>
            ),
          },
          { title: '最近登录', dataIndex: 'lastLoginAt', render: (v: string | null) => formatInstant(v) },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, u) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => setEditing(u)} aria-label={`修改：${u.username}`}>修改</Button>
                {u.id !== me.user.id && <Button size="small" onClick={() => setResetting(u)} aria-label={`重设密码：${u.username}`}>重设密码</Button>}
                {isLocked(u) && (
                  <Button size="small" onClick={() => act(`已解除“${u.username}”的锁定`, () => api.post(path(u, '/unlock')))} aria-label={`解除锁定：${u.username}`}>解除锁定</Button>
                )}
                {u.id !== me.user.id && (
                  <Popconfirm
                    title={`结束“${u.username}”的全部登录会话？`}
                    okText="结束"
                    cancelText="取消"
                    onConfirm={() => act(`已结束“${u.username}”的全部会话`, () => api.delete(path(u, '/sessions')))}
                  >
                    <Button size="small" aria-label={`强制退出：${u.username}`}>强制退出</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} onSaved={() => { setCreating(false); list.reload(); }} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); list.reload(); }} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} onDone={() => { setResetting(null); list.reload(); }} />
    </Page>
  );
}
