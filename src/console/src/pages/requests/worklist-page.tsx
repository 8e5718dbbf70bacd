/**
 * 依申请公开 · 办理工作台: open requests sorted by their next deadline (the API's order), with the
 * overdue (逾期) and due-soon (即将到期) marks, counts that double as filters, a status filter and
 * "assigned to me"; a second tab searches every request (personal data masked by the API).
 */
import { Button, Card, Checkbox, Col, Row, Select, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { requestsApi, type RequestStatus, type WorklistFlag, type WorklistItem } from '../../api/requests.js';
import { LoadError } from '../../components/load-error.js';
import { Page } from '../../components/page.js';
import { useLoad } from '../../components/use-load.js';
import { applicantKindLabels, openStatuses, requestStatusLabels } from '../../labels-requests.js';
import { canSee, screens } from '../../nav.js';
import { Link, navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { FlagTag, RequestStatusTag, chineseDate, flagLabels } from './request-tags.js';
import { RequestSearch } from './request-search.js';

const pageSize = 50;

/** "剩余 5 个工作日" / "逾期 3 个工作日" / "暂停计时" for the deadline column. */
export const clockText = (c: WorklistItem['clock']): string => {
  if (!c) return '';
  if (c.overdue) return `逾期 ${c.overdueWorkdays} 个工作日`;
  if (c.status === 'paused') return '暂停计时';
  if (c.status === 'awaitingClarification') return c.clarifyBy ? `补正期限 ${chineseDate(c.clarifyBy)}` : '等待补正';
  if (c.workdaysLeft !== null) return `剩余 ${c.workdaysLeft} 个工作日`;
  return '';
};

export function WorklistPage() {
  const session = useSession();
  const [tab, setTab] = useState('worklist');
  const intake = screens.find((s) => s.key === 'intake');
  return (
    <Page title="依申请公开办理" extra={intake && canSee(intake, session) && <Button type="primary" onClick={() => navigate('/requests/new')}>登记申请</Button>}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'worklist', label: '待办（未办结）', children: <Worklist /> },
          { key: 'search', label: '查询全部申请', children: <RequestSearch /> },
        ]}
      />
    </Page>
  );
}

function Worklist() {
  const { me, agencyId } = useSession();
  const [flag, setFlag] = useState<WorklistFlag | null>(null);
  const [statuses, setStatuses] = useState<RequestStatus[]>([]);
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  const query = useMemo(() => ({
    agencyId: agencyId ?? undefined, flag: flag ?? undefined, status: statuses.join(',') || undefined,
    assigneeId: mine && me.user.id ? me.user.id : undefined, page, pageSize,
  }), [agencyId, flag, statuses, mine, me.user.id, page]);
  const list = useLoad((signal) => requestsApi.worklist(query, signal), [query]);
  const counts = list.data?.counts;
  const agencyName = useMemo(() => new Map(me.visibleAgencies.map((a) => [a.id, a.shortName || a.name])), [me.visibleAgencies]);

  const pick = (f: WorklistFlag | null) => {
    setFlag(f);
    setPage(1);
  };
  const stat = (key: WorklistFlag | null, label: string, value: number | undefined, danger = false) => (
    <Col xs={12} md={6}>
      <Card size="small" hoverable aria-pressed={flag === key} role="button" tabIndex={0}
        onClick={() => pick(key)} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), pick(key))}
        style={flag === key ? { borderColor: '#0b3c7d', boxShadow: '0 0 0 1px #0b3c7d' } : undefined}
      >
        <Statistic title={label} value={value ?? '—'} styles={{ content: danger && value ? { color: '#a8071a' } : undefined }} />
      </Card>
    </Col>
  );

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} aria-label="按期限筛选">
        {stat(null, '未办结', counts?.open)}
        {stat('overdue', flagLabels.overdue, counts?.overdue, true)}
        {stat('dueSoon', flagLabels.dueSoon, counts?.dueSoon)}
        {stat('unconfirmed', flagLabels.unconfirmed, counts?.unconfirmed)}
      </Row>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<RequestStatus[]>
          mode="multiple"
          aria-label="按状态筛选"
          placeholder="全部状态"
          allowClear
          style={{ minWidth: 260 }}
          value={statuses}
          onChange={(v) => { setStatuses(v); setPage(1); }}
          options={openStatuses.map((s) => ({ value: s, label: requestStatusLabels[s] }))}
        />
        {me.user.id && <Checkbox checked={mine} onChange={(e) => { setMine(e.target.checked); setPage(1); }}>只看分派给我的</Checkbox>}
        {list.data && <Typography.Text type="secondary">计算日期：{chineseDate(list.data.today)}</Typography.Text>}
      </Space>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      <Table<WorklistItem>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '没有待办的申请' }}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => `共 ${n} 件` }}
        rowClassName={(r) => (r.flags.includes('overdue') ? 'gk-row-overdue' : '')}
        columns={[
          { title: '申请编号', dataIndex: 'reference', render: (ref: string, r) => <Link to={`/requests/${r.id}`}>{ref}</Link> },
          { title: '申请人', dataIndex: 'applicantName', render: (n: string, r) => <>{n}<br /><Typography.Text type="secondary">{applicantKindLabels[r.applicantKind]}</Typography.Text></> },
          { title: '申请内容', dataIndex: 'description', ellipsis: true, width: '28%' },
          ...(agencyId ? [] : [{ title: '机关', dataIndex: 'agencyId', render: (id: string) => agencyName.get(id) ?? '—' }]),
          { title: '状态', dataIndex: 'status', render: (s: RequestStatus) => <RequestStatusTag status={s} /> },
          { title: '收到日期', dataIndex: 'receivedOn', render: (d: string | null, r) => chineseDate(d ?? r.arrivedOn) },
          {
            title: '答复期限',
            key: 'due',
            render: (_: unknown, r) => (
              <>
                {chineseDate(r.dueOn)}{r.clock?.provisional ? '（暂定）' : ''}
                <br />
                <Typography.Text type={r.clock?.overdue ? 'danger' : 'secondary'}>{clockText(r.clock)}</Typography.Text>
              </>
            ),
          },
          {
            title: '提示',
            dataIndex: 'flags',
            render: (flags: WorklistFlag[], r) => (
              <Space size={4} wrap>
                {flags.map((f) => <FlagTag key={f} flag={f} title={f === 'overdue' ? clockText(r.clock) : undefined} />)}
                {r.assigneeId === me.user.id && <span>分派给我</span>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
