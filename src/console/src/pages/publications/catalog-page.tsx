/**
 * 主动公开 · 信息目录: the items of the visible agencies with their 索引号, status, the version in
 * progress and its deadline; filters by status, work in progress, type, topic, genre, validity, year, text.
 */
import { Button, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Query } from '../../api/client.js';
import { publicationsApi, type CatalogItem } from '../../api/publications.js';
import { LoadError } from '../../components/load-error.js';
import { Page } from '../../components/page.js';
import { StatusTag, type Tone } from '../../components/status-tag.js';
import { useLoad } from '../../components/use-load.js';
import { docTypeLabels, docTypes, publicationStatusLabels, validities, validityLabels, versionStatusLabels } from '../../labels-publications.js';
import { Link, navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { chineseDate } from '../requests/request-tags.js';
import { useVocabularies } from './use-vocabularies.js';

type Filters = { status?: string; work?: string; docType?: string; topic?: string; genre?: string; validity?: string; year?: number; text?: string };
const pageSize = 30;
const statusTone: Record<string, Tone> = { draft: 'warning', published: 'success', withdrawn: 'neutral' };

export const label = (labels: Readonly<Record<string, string>>, k: string | null | undefined) => (k ? (labels[k] ?? k) : '—');

export function PublicationStatusTag({ status }: { status: string }) {
  return <StatusTag tone={statusTone[status] ?? 'neutral'}>{label(publicationStatusLabels, status)}</StatusTag>;
}

export function CatalogPage() {
  const { me, agencyId } = useSession();
  const vocab = useVocabularies();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const query = useMemo<Query>(() => ({ agencyId: agencyId ?? undefined, ...filters, text: filters.text?.trim() || undefined, page, pageSize }), [agencyId, filters, page]);
  const list = useLoad((signal) => publicationsApi.catalog(query, signal), [query]);
  const author = me.user.role === 'handler' || me.user.role === 'head' || me.user.role === 'admin';
  const terms = (k: 'topic' | 'genre') => (vocab?.[k] ?? []).map((t) => ({ value: t.code, label: t.label }));

  return (
    <Page title="主动公开信息" extra={author && <Button type="primary" onClick={() => navigate('/publications/new')}>新建信息</Button>}>
      <Form<Filters> form={form} layout="inline" role="search" aria-label="筛选信息" style={{ rowGap: 8, marginBottom: 12 }} onFinish={(v) => { setFilters({ ...v }); setPage(1); }}>
        <Form.Item label="关键词" name="text"><Input allowClear placeholder="标题、文号、索引号" style={{ width: 200 }} /></Form.Item>
        <Form.Item label="状态" name="status">
          <Select allowClear placeholder="全部" style={{ width: 110 }} options={Object.entries(publicationStatusLabels).map(([value, l]) => ({ value, label: l }))} />
        </Form.Item>
        <Form.Item label="办理中" name="work">
          <Select allowClear placeholder="全部" style={{ width: 150 }} options={[
            { value: 'draft', label: '有草稿' }, { value: 'submitted', label: '待审查' }, { value: 'approved', label: '待发布' }, { value: 'none', label: '无' },
          ]} />
        </Form.Item>
        <Form.Item label="文件类型" name="docType"><Select allowClear placeholder="全部" style={{ width: 150 }} options={docTypes.map((d) => ({ value: d, label: docTypeLabels[d] }))} /></Form.Item>
        <Form.Item label="主题分类" name="topic"><Select allowClear placeholder="全部" style={{ width: 150 }} options={terms('topic')} /></Form.Item>
        <Form.Item label="体裁" name="genre"><Select allowClear placeholder="全部" style={{ width: 120 }} options={terms('genre')} /></Form.Item>
        <Form.Item label="有效性" name="validity"><Select allowClear placeholder="全部" style={{ width: 100 }} options={validities.map((v) => ({ value: v, label: validityLabels[v] }))} /></Form.Item>
        <Form.Item label="年度" name="year"><InputNumber min={2000} max={2100} style={{ width: 100 }} /></Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={() => { form.resetFields(); setFilters({}); setPage(1); }}>清除条件</Button>
          </Space>
        </Form.Item>
      </Form>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      <Table<CatalogItem>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '没有符合条件的信息' }}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
        columns={[
          { title: '标题', dataIndex: 'title', render: (t: string, r) => <><Link to={`/publications/${r.id}`}>{t || '（无标题）'}</Link>{r.documentNumber && <div><Typography.Text type="secondary">{r.documentNumber}</Typography.Text></div>}</> },
          { title: '索引号', dataIndex: 'indexNumber', render: (v: string | null) => v ?? '（发布时生成）' },
          { title: '状态', dataIndex: 'status', render: (s: string) => <PublicationStatusTag status={s} /> },
          { title: '类型', dataIndex: 'docType', render: (d: string) => label(docTypeLabels, d) },
          { title: '有效性', dataIndex: 'validity', render: (v: string) => label(validityLabels, v) },
          { title: '发布日期', dataIndex: 'publishedOn', render: chineseDate },
          {
            title: '办理中的版本',
            dataIndex: 'openVersion',
            render: (o: CatalogItem['openVersion']) => (o ? <>第 {o.number} 版 · {label(versionStatusLabels, o.status)}<div><Typography.Text type="secondary">公开期限 {chineseDate(o.publishBy)}</Typography.Text></div></> : '—'),
          },
        ]}
      />
    </Page>
  );
}
