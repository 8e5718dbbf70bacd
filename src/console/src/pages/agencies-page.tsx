/**
 * 机关与公开工作机构: the visible agency tree, and each agency's details and 第十二条 office (what the
 * 政府信息公开指南 prints). Editing as the API allows: see agencies/agency-form.tsx.
 */
import { Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../api/client.js';
import type { AgencyList, AgencyView } from '../api/types.js';
import { useAnnouncer } from '../components/announcer.js';
import { LoadError } from '../components/load-error.js';
import { Page } from '../components/page.js';
import { StatusTag } from '../components/status-tag.js';
import { useLoad } from '../components/use-load.js';
import { agencyKindLabels, disclosureOfficeFields, disclosureOfficeLabels, formatInstant } from '../labels.js';
import { useSession } from '../session.js';
import { AgencyForm } from './agencies/agency-form.js';

interface TreeRow extends AgencyView {
  children?: TreeRow[];
}

/** The depth-first list as a tree (an agency whose parent is not visible is a root). */
const toTree = (list: readonly AgencyView[]): TreeRow[] => {
  const rows = new Map<string, TreeRow>(list.map((a) => [a.id, { ...a }]));
  const roots: TreeRow[] = [];
  for (const a of list) {
    const row = rows.get(a.id)!;
    const parent = a.parentId ? rows.get(a.parentId) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
};

export function AgenciesPage() {
  const { me, agencyId } = useSession();
  const role = me.user.role;
  const announce = useAnnouncer();
  const list = useLoad((signal) => api.get<AgencyList>('/api/agencies', undefined, { signal }), []);
  const agencies = useMemo(() => list.data?.agencies ?? [], [list.data]);
  const tree = useMemo(() => toTree(agencies), [agencies]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ agency: AgencyView | null; parentId?: string | null } | null>(null);

  const selected = agencies.find((a) => a.id === (selectedId ?? agencyId ?? me.user.agencyId)) ?? agencies[0] ?? null;
  const canEdit = role === 'admin' || role === 'supervisor' || (role === 'head' && selected?.id === me.user.agencyId);
  const isAdmin = role === 'admin';

  const remove = async (a: AgencyView) => {
    try {
      await api.delete(`/api/agencies/${encodeURIComponent(a.id)}`);
      announce.success(`已删除“${a.name}”`);
      setSelectedId(null);
      list.reload();
    } catch (err) {
      announce.error(err);
    }
  };

  return (
    <Page title="机关与公开工作机构" extra={isAdmin && <Button type="primary" onClick={() => setEditing({ agency: null, parentId: selected?.id ?? null })}>新建机关</Button>}>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>机关（{agencies.length}）</h2>} styles={{ body: { padding: 0 } }}>
            <Table<TreeRow>
              rowKey="id"
              size="small"
              loading={list.loading}
              dataSource={tree}
              pagination={false}
              expandable={{ defaultExpandAllRows: true }}
              key={tree.length /* expand all once the data is there */}
              rowClassName={(r) => (r.id === selected?.id ? 'ant-table-row-selected' : '')}
              columns={[
                {
                  title: '机关',
                  dataIndex: 'name',
                  render: (_: string, a) => (
                    <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} aria-current={a.id === selected?.id ? 'true' : undefined} onClick={() => setSelectedId(a.id)}>
                      {a.shortName && a.shortName !== a.name ? a.shortName : a.name}
                    </Button>
                  ),
                },
                { title: '类别', dataIndex: 'kind', width: 120, render: (k: AgencyView['kind']) => agencyKindLabels[k] },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{selected ? selected.name : '机关详情'}</h2>}
            extra={selected && (
              <Space>
                {canEdit && <Button onClick={() => setEditing({ agency: selected })}>修改</Button>}
                {isAdmin && (
                  <Popconfirm title={`删除“${selected.name}”？`} description="只有没有下级机关、账号和业务记录的机关可以删除。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove(selected)}>
                    <Button danger>删除</Button>
                  </Popconfirm>
                )}
              </Space>
            )}
          >
            {selected ? (
              <>
                <Descriptions column={1} size="small" bordered styles={{ label: { width: 160 } }}>
                  <Descriptions.Item label="机关全称">{selected.name}</Descriptions.Item>
                  <Descriptions.Item label="简称">{selected.shortName || '—'}</Descriptions.Item>
                  <Descriptions.Item label="类别">{agencyKindLabels[selected.kind]}</Descriptions.Item>
                  <Descriptions.Item label="上级机关">{agencies.find((a) => a.id === selected.parentId)?.name ?? (selected.parentId ? '（不可见）' : '（顶层）')}</Descriptions.Item>
                  <Descriptions.Item label="统一社会信用代码">{selected.creditCode || '—'}</Descriptions.Item>
                  <Descriptions.Item label="最后修改">{formatInstant(selected.updatedAt)}</Descriptions.Item>
                </Descriptions>
                <h3 style={{ fontSize: 15, margin: '20px 0 8px' }}>
                  政府信息公开工作机构 <StatusTag tone="neutral">用于公开指南</StatusTag>
                </h3>
                <Descriptions column={1} size="small" bordered styles={{ label: { width: 160 } }}>
                  {disclosureOfficeFields.map((k) => (
                    <Descriptions.Item key={k} label={disclosureOfficeLabels[k]}>
                      {selected.office[k] || <span style={{ color: '#a8071a' }}>未填写</span>}
                    </Descriptions.Item>
                  ))}
                </Descriptions>
              </>
            ) : (
              <Empty description="没有可见的机关" />
            )}
          </Card>
        </Col>
      </Row>
      <AgencyForm
        open={editing !== null}
        agency={editing?.agency ?? null}
        parentId={editing?.parentId ?? null}
        adminFields={isAdmin}
        agencies={agencies}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          setSelectedId(saved.id);
          list.reload();
        }}
      />
    </Page>
  );
}
