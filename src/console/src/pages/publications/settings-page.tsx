/**
 * 主动公开设置 (administrators): the vocabularies (主题分类、体裁、公开方式: add, rename, reorder, stop
 * using — never delete) and the publishing policy (索引号 pattern, who reviews, separation of duties,
 * deadlines). The server checks both and answers in Chinese.
 */
import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Switch, Table, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import type { Vocabulary, VocabularyTerm } from '../../api/publications.js';
import { useAnnouncer } from '../../components/announcer.js';
import { LoadError } from '../../components/load-error.js';
import { Page } from '../../components/page.js';
import { useLoad } from '../../components/use-load.js';

const vocabularies: { key: Vocabulary; label: string }[] = [
  { key: 'topic', label: '主题分类' }, { key: 'genre', label: '体裁' }, { key: 'disclosureMethod', label: '公开方式' },
];

function VocabularyEditor({ vocabulary }: { vocabulary: Vocabulary }) {
  const announce = useAnnouncer();
  const list = useLoad((signal) => api.get<{ terms: VocabularyTerm[] }>('/api/publications/settings/vocabularies', { vocabulary, all: true }, { signal }), [vocabulary]);
  const [rows, setRows] = useState<VocabularyTerm[]>([]);
  const [form] = Form.useForm<{ code: string; label: string }>();
  useEffect(() => setRows(list.data?.terms ?? []), [list.data]);
  const put = async (t: Pick<VocabularyTerm, 'code' | 'label' | 'sortOrder' | 'active'>) => {
    try {
      await api.put(`/api/publications/settings/vocabularies/${vocabulary}/${encodeURIComponent(t.code)}`, { label: t.label, sortOrder: t.sortOrder, active: t.active });
      announce.success(`已保存“${t.label}”`);
      list.reload();
    } catch (err) {
      announce.error(err);
    }
  };
  const edit = (code: string, patch: Partial<VocabularyTerm>) => setRows((rs) => rs.map((r) => (r.code === code ? { ...r, ...patch } : r)));
  return (
    <>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      <Table<VocabularyTerm> rowKey="code" size="small" pagination={false} loading={list.loading} dataSource={rows} columns={[
        { title: '代码', dataIndex: 'code' },
        { title: '名称', key: 'label', render: (_: unknown, t) => <Input aria-label={`名称：${t.code}`} value={t.label} maxLength={40} onChange={(e) => edit(t.code, { label: e.target.value })} /> },
        { title: '排序', key: 'sort', render: (_: unknown, t) => <InputNumber aria-label={`排序：${t.code}`} value={t.sortOrder} precision={0} onChange={(v) => edit(t.code, { sortOrder: v ?? 0 })} /> },
        { title: '使用中', key: 'active', render: (_: unknown, t) => <Switch aria-label={`使用中：${t.code}`} checked={t.active} onChange={(v) => edit(t.code, { active: v })} /> },
        { title: '操作', key: 'save', render: (_: unknown, t) => <Button size="small" onClick={() => put(t)} aria-label={`保存：${t.code}`}>保存</Button> },
      ]} />
      <Form form={form} layout="inline" style={{ marginTop: 12 }} onFinish={(v) => put({ code: v.code.trim(), label: v.label.trim(), sortOrder: rows.length * 10, active: true }).then(() => form.resetFields())}>
        <Form.Item label="新代码" name="code" rules={[{ required: true, message: '请填写代码' }, { pattern: /^[0-9A-Za-z_-]{1,32}$/, message: '字母、数字、下划线或连字符' }]}><Input style={{ width: 160 }} /></Form.Item>
        <Form.Item label="名称" name="label" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 40 }]}><Input style={{ width: 200 }} /></Form.Item>
        <Form.Item><Button htmlType="submit">添加</Button></Form.Item>
      </Form>
    </>
  );
}

interface Policy { indexPattern: string; reviewerRoles: string[]; separationOfDuties: boolean; distinctReviewers: boolean; dueSoonWorkdays: number; publishWithinWorkdays: number }

function PolicyEditor() {
  const announce = useAnnouncer();
  const policy = useLoad((signal) => api.get<Policy>('/api/publications/settings/policy', undefined, { signal }), []);
  const [form] = Form.useForm<Policy>();
  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);
  const save = async (v: Policy) => {
    try {
      await api.put('/api/publications/settings/policy', v);
      announce.success('发布规则已保存');
      policy.reload();
    } catch (err) {
      announce.error(err);
    }
  };
  return (
    <Form<Policy> form={form} layout="vertical" onFinish={save} style={{ maxWidth: 560 }}>
      {policy.error ? <LoadError error={policy.error} retry={policy.reload} /> : null}
      <Form.Item label="索引号格式" name="indexPattern" extra="可用 {agencyCode}（机关代码）{year}{month}{seq:N}（N 位序号），如 {agencyCode}/{year}-{seq:5}" rules={[{ required: true }]}><Input /></Form.Item>
      <Form.Item label="可进行保密审查、发布审查的角色" name="reviewerRoles" extra="系统管理员总可审查">
        <Select mode="multiple" options={[{ value: 'head', label: '机关负责人' }, { value: 'handler', label: '机关经办人' }, { value: 'admin', label: '系统管理员' }]} />
      </Form.Item>
      <Form.Item name="separationOfDuties" valuePropName="checked"><Checkbox>起草、修改或提交稿件的人员不得审查本人稿件</Checkbox></Form.Item>
      <Form.Item name="distinctReviewers" valuePropName="checked"><Checkbox>保密审查和发布审查须由不同人员进行</Checkbox></Form.Item>
      <Space>
        <Form.Item label="公开期限（工作日）" name="publishWithinWorkdays"><InputNumber min={1} max={60} precision={0} /></Form.Item>
        <Form.Item label="临近期限提醒（工作日）" name="dueSoonWorkdays"><InputNumber min={0} max={20} precision={0} /></Form.Item>
      </Space>
      <Button type="primary" htmlType="submit">保存发布规则</Button>
    </Form>
  );
}

export function PublicationSettingsPage() {
  return (
    <Page title="主动公开设置">
      <Card size="small">
        <Tabs items={[
          ...vocabularies.map((v) => ({ key: v.key, label: v.label, children: <VocabularyEditor vocabulary={v.key} /> })),
          { key: 'policy', label: '发布规则', children: <PolicyEditor /> },
        ]} />
      </Card>
    </Page>
  );
}
