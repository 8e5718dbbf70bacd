/**
 * 审计日志: who did what, when, to which record — newest first, filtered by agency (the header's
 * switcher), action, record type/id, person and time; older pages on demand; before/after shown.
 */
import { Button, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, type Query } from '../api/client.js';
import type { AuditEvent, AuditEventList } from '../api/types.js';
import { useAnnouncer } from '../components/announcer.js';
import { LoadError } from '../components/load-error.js';
import { Page } from '../components/page.js';
import { auditActionLabel, auditActionLabels, entityTypeLabel, entityTypeLabels, formatInstant } from '../labels.js';
import { useSession } from '../session.js';

interface Filters {
  action?: string;
  entityType?: string;
  entityId?: string;
  requestId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const pageSize = 50;

const json = (v: unknown): string => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

export function AuditPage() {
  const { me, agencyId } = useSession();
  const announce = useAnnouncer();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const agencyName = useMemo(() => new Map(me.visibleAgencies.map((a) => [a.id, a.shortName || a.name])), [me.visibleAgencies]);

  const query = useCallback((f: Filters, beforeId?: number): Query => ({
    agencyId: agencyId ?? undefined,
    action: f.action || undefined,
    entityType: f.entityType || undefined,
    entityId: f.entityId?.trim() || undefined,
    requestId: f.requestId?.trim() || undefined,
    from: f.range?.[0]?.startOf('day').toISOString(),
    to: f.range?.[1]?.add(1, 'day').startOf('day').toISOString(),
    limit: pageSize,
    beforeId,
  }), [agencyId]);

  const load = useCallback(async (f: Filters, beforeId?: number) => {
    setLoading(true);
    try {
      const page = await api.get<AuditEventList>('/api/audit-events', query(f, beforeId));
      setEvents((prev) => (beforeId ? [...prev, ...page.events] : page.events));
      setNext(page.nextBeforeId);
      setError(null);
      if (beforeId) announce.info(`又加载了 ${page.events.length} 条记录`);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, [query, announce]);

  useEffect(() => {
    void load(filters);
  }, [load, filters]);

  return (
    <Page title="审计日志">
      <Form<Filters> form={form} layout="inline" onFinish={(f) => setFilters({ ...f })} role="search" aria-label="筛选审计日志" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="操作" name="action">
          <Select allowClear style={{ width: 200 }} placeholder="全部" options={Object.entries(auditActionLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="对象类型" name="entityType">
          <Select allowClear style={{ width: 140 }} placeholder="全部" options={Object.entries(entityTypeLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="对象编号" name="entityId">
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="日期" name="range">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={() => { form.resetFields(); setFilters({}); }}>清除条件</Button>
          </Space>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">
        范围：{agencyId ? (agencyName.get(agencyId) ?? '当前机关') : me.user.role === 'admin' ? '全部机关（含系统操作）' : '所辖全部机关'}（可在页面顶部切换当前机关）
      </Typography.Paragraph>
      {error ? <LoadError error={error} retry={() => void load(filters)} /> : null}
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={events}
        pagination={false}
        locale={{ emptyText: '没有符合条件的记录' }}
        expandable={{
          expandedRowRender: (e) => (
            <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
              <div style={{ flex: 1, minWidth: 280 }}>
                <h3 style={{ fontSize: 14 }}>变更前</h3>
                <pre style={{ whiteSpace: 'pre-wrap', background: '#f5f7fa', padding: 8, margin: 0 }}>{json(e.before)}</pre>
              </div>
              <div style={{ flex: 1, minWidth: 280 }}>
                <h3 style={{ fontSize: 14 }}>变更后</h3>
                <pre style={{ whiteSpace: 'pre-wrap', background: '#f5f7fa', padding: 8, margin: 0 }}>{json(e.after)}</pre>
              </div>
            </div>
          ),
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => formatInstant(v, true) },
          { title: '操作人', dataIndex: 'actorName', render: (v: string | null) => v ?? '系统' },
          { title: '操作', dataIndex: 'action', render: (v: string) => auditActionLabel(v) },
          { title: '对象', key: 'entity', render: (_: unknown, e) => `${entityTypeLabel(e.entityType)} ${e.entityId.length > 12 ? `${e.entityId.slice(0, 8)}…` : e.entityId}` },
          { title: '机关', dataIndex: 'agencyId', render: (v: string | null) => (v ? (agencyName.get(v) ?? '—') : '—') },
        ]}
      />
      {next !== null && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void load(filters, next)} loading={loading}>加载更早的记录</Button>
        </div>
      )}
    </Page>
  );
}
