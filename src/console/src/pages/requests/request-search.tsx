/** 查询全部申请: every request within reach, by text, status, outcome, applicant kind and dates (masked). */
import { Button, DatePicker, Form, Input, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { Query } from '../../api/client.js';
import { requestsApi, type RequestListItem, type RequestStatus } from '../../api/requests.js';
import { LoadError } from '../../components/load-error.js';
import { useLoad } from '../../components/use-load.js';
import { applicantKindLabels, applicantKinds, outcomeKeys, outcomeLabels, requestStatusLabels } from '../../labels-requests.js';
import { Link } from '../../router.js';
import { useSession } from '../../session.js';
import { RequestStatusTag, chineseDate } from './request-tags.js';

interface SearchForm {
  q?: string;
  status?: RequestStatus[];
  outcome?: string;
  applicantKind?: string;
  received?: [Dayjs | null, Dayjs | null] | null;
}

const pageSize = 50;
const day = (d: Dayjs | null | undefined) => d?.format('YYYY-MM-DD');

export function RequestSearch() {
  const { agencyId } = useSession();
  const [form] = Form.useForm<SearchForm>();
  const [criteria, setCriteria] = useState<SearchForm>({});
  const [page, setPage] = useState(1);
  const query = useMemo<Query>(() => ({
    agencyId: agencyId ?? undefined,
    q: criteria.q?.trim() || undefined,
    status: criteria.status?.join(',') || undefined,
    outcome: criteria.outcome,
    applicantKind: criteria.applicantKind,
    receivedFrom: day(criteria.received?.[0]),
    receivedTo: day(criteria.received?.[1]),
    page,
    pageSize,
  }), [agencyId, criteria, page]);
  const list = useLoad((signal) => requestsApi.list(query, signal), [query]);

  return (
    <>
      <Form<SearchForm> form={form} layout="inline" role="search" aria-label="查询申请" style={{ rowGap: 8, marginBottom: 12 }}
        onFinish={(v) => { setCriteria({ ...v }); setPage(1); }}
      >
        <Form.Item label="关键词" name="q">
          <Input allowClear placeholder="申请编号、内容或文号" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Select mode="multiple" allowClear placeholder="全部" style={{ minWidth: 180 }}
            options={Object.entries(requestStatusLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="办理结果" name="outcome">
          <Select allowClear placeholder="全部" style={{ width: 260 }} options={outcomeKeys.map((k) => ({ value: k, label: outcomeLabels[k] }))} />
        </Form.Item>
        <Form.Item label="申请人类型" name="applicantKind">
          <Select allowClear placeholder="全部" style={{ width: 180 }} options={applicantKinds.map((k) => ({ value: k, label: applicantKindLabels[k] }))} />
        </Form.Item>
        <Form.Item label="收到日期" name="received">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={() => { form.resetFields(); setCriteria({}); setPage(1); }}>清除条件</Button>
          </Space>
        </Form.Item>
      </Form>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      <RequestTable items={list.data?.items ?? []} loading={list.loading} total={list.data?.total ?? 0} page={page} pageSize={pageSize} onPage={setPage} />
    </>
  );
}

/** A page of requests as the list API gives them (also used by the report drill-down). */
export function RequestTable(props: { items: RequestListItem[]; loading: boolean; total: number; page: number; pageSize: number; onPage(p: number): void }) {
  return (
    <Table<RequestListItem>
      rowKey="id"
      size="middle"
      loading={props.loading}
      dataSource={props.items}
      locale={{ emptyText: '没有符合条件的申请' }}
      pagination={{ current: props.page, pageSize: props.pageSize, total: props.total, onChange: props.onPage, showSizeChanger: false, showTotal: (n) => `共 ${n} 件` }}
      columns={[
        { title: '申请编号', dataIndex: 'reference', render: (ref: string, r) => <Link to={`/requests/${r.id}`}>{ref}</Link> },
        { title: '申请人', dataIndex: 'applicantName' },
        { title: '类型', dataIndex: 'applicantKind', render: (k: RequestListItem['applicantKind']) => applicantKindLabels[k] },
        { title: '申请内容', dataIndex: 'description', ellipsis: true, width: '30%' },
        { title: '状态', dataIndex: 'status', render: (s: RequestStatus) => <RequestStatusTag status={s} /> },
        { title: '收到日期', dataIndex: 'receivedOn', render: (d: string | null, r) => chineseDate(d ?? r.arrivedOn) },
        { title: '办理结果', dataIndex: 'outcome', render: (o: RequestListItem['outcome']) => (o ? outcomeLabels[o] : '—') },
        { title: '答复日期', dataIndex: 'repliedOn', render: (d: string | null) => chineseDate(d) },
      ]}
    />
  );
}
