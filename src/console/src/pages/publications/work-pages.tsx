/**
 * The work lists of 主动公开: the review queue (保密审查、发布审查 waiting, with why the user may not
 * review one), the deadline dashboard (第二十六条: 20 working days from formation or change) and the
 * 依申请转主动 suggestions (第四十四条: the same information asked by several applicants).
 */
import { Button, Card, Checkbox, Col, List, Row, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { publicationsApi, type DeadlineDashboard, type ReviewQueue, type Suggestion } from '../../api/publications.js';
import { LoadError } from '../../components/load-error.js';
import { Page } from '../../components/page.js';
import { StatusTag } from '../../components/status-tag.js';
import { useLoad } from '../../components/use-load.js';
import { reviewKindLabels } from '../../labels-publications.js';
import { outcomeLabels } from '../../labels-requests.js';
import { Link, navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { chineseDate } from '../requests/request-tags.js';
import { label } from './catalog-page.js';

type QueueItem = ReviewQueue['items'][number];
type DeadlineItem = DeadlineDashboard['items'][number];

export function ReviewQueuePage() {
  const q = useLoad((signal) => publicationsApi.reviewQueue(signal), []);
  return (
    <Page title="审查队列">
      {q.error ? <LoadError error={q.error} retry={q.reload} /> : null}
      <Table<QueueItem> rowKey="versionId" loading={q.loading} dataSource={q.data?.items ?? []} pagination={false} locale={{ emptyText: '没有待审查的稿件' }} columns={[
        { title: '标题', dataIndex: 'title', render: (t: string, r) => <Link to={`/publications/${r.publicationId}`}>{t}</Link> },
        { title: '版本', dataIndex: 'number', render: (n: number, r) => `第 ${n} 版${r.isChange ? '（变更）' : ''}` },
        { title: '待审查', dataIndex: 'pendingReviews', render: (ks: string[]) => ks.map((k) => label(reviewKindLabels, k)).join('、') },
        { title: '公开期限', dataIndex: 'publishBy', render: chineseDate },
        { title: '提交时间', dataIndex: 'submittedAt', render: (v: string | null) => (v ? v.slice(0, 10) : '—') },
        { title: '能否审查', dataIndex: 'canReview', render: (ok: boolean, r) => (ok ? <StatusTag tone="success">可以审查</StatusTag> : <span>{r.refusal ?? '不能审查'}</span>) },
      ]} />
    </Page>
  );
}

export function DeadlinesPage() {
  const { agencyId, me } = useSession();
  const [all, setAll] = useState(false);
  const d = useLoad((signal) => publicationsApi.deadlines({ agencyId: agencyId ?? undefined, all: all || undefined }, signal), [agencyId, all]);
  const counts = useMemo(() => (d.data?.byAgency ?? []).reduce((a, b) => ({ overdue: a.overdue + b.counts.overdue, dueSoon: a.dueSoon + b.counts.dueSoon, onTrack: a.onTrack + b.counts.onTrack }), { overdue: 0, dueSoon: 0, onTrack: 0 }), [d.data]);
  const agencyName = useMemo(() => new Map(me.visibleAgencies.map((a) => [a.id, a.shortName || a.name])), [me.visibleAgencies]);
  return (
    <Page title="公开期限提醒">
      <Typography.Paragraph>条例第二十六条：属于主动公开范围的政府信息，应当自形成或者变更之日起 20 个工作日内及时公开。{d.data && `计算日期：${chineseDate(d.data.today)}。`}</Typography.Paragraph>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col xs={8}><Card size="small"><Statistic title="已超期" value={counts.overdue} styles={{ content: counts.overdue ? { color: '#a8071a' } : undefined }} /></Card></Col>
        <Col xs={8}><Card size="small"><Statistic title={`临近期限（${d.data?.dueSoonWorkdays ?? '—'} 个工作日内）`} value={counts.dueSoon} /></Card></Col>
        <Col xs={8}><Card size="small"><Statistic title="正常" value={counts.onTrack} /></Card></Col>
      </Row>
      <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)} style={{ marginBottom: 12 }}>同时列出未临近期限的</Checkbox>
      {d.error ? <LoadError error={d.error} retry={d.reload} /> : null}
      <Table<DeadlineItem> rowKey="versionId" loading={d.loading} dataSource={d.data?.items ?? []} pagination={{ pageSize: 50, showSizeChanger: false }} locale={{ emptyText: '没有超期或临近期限的信息' }} columns={[
        { title: '标题', dataIndex: 'title', render: (t: string, r) => <Link to={`/publications/${r.publicationId}`}>{t}</Link> },
        ...(agencyId ? [] : [{ title: '机关', dataIndex: 'agencyId', render: (id: string) => agencyName.get(id) ?? '—' }]),
        { title: '版本', dataIndex: 'number', render: (n: number, r) => `第 ${n} 版${r.isChange ? '（变更）' : ''}` },
        { title: '形成（变更）日期', dataIndex: 'formedOn', render: chineseDate },
        { title: '公开期限', key: 'by', render: (_: unknown, r) => `${chineseDate(r.deadline.publishBy)}${r.deadline.provisional ? '（暂定）' : ''}` },
        {
          title: '状态', key: 'state',
          render: (_: unknown, r) => (
            <StatusTag tone={r.deadline.state === 'overdue' ? 'danger' : r.deadline.state === 'dueSoon' ? 'warning' : 'info'}>
              {r.deadline.state === 'overdue' ? `已超期 ${-r.deadline.workdaysLeft} 个工作日` : `剩余 ${r.deadline.workdaysLeft} 个工作日`}
            </StatusTag>
          ),
        },
      ]} />
    </Page>
  );
}

export function SuggestionsPage() {
  const { agencyId, me } = useSession();
  const s = useLoad((signal) => publicationsApi.suggestions({ agencyId: agencyId ?? undefined }, signal), [agencyId]);
  const author = me.user.role === 'handler' || me.user.role === 'head' || me.user.role === 'admin';
  const start = (x: Suggestion) => {
    const q = new URLSearchParams({ agencyId: x.agencyId, title: x.subject, documentNumber: x.documentNumber, requests: x.requests.map((r) => r.id).join(',') });
    navigate(`/publications/new?${q.toString()}`);
  };
  return (
    <Page title="依申请公开转主动公开">
      <Typography.Paragraph>条例第四十四条：多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府信息属于可以公开的，行政机关可以纳入主动公开的范围。</Typography.Paragraph>
      {s.error ? <LoadError error={s.error} retry={s.reload} /> : null}
      <List<Suggestion>
        loading={s.loading}
        dataSource={s.data?.suggestions ?? []}
        locale={{ emptyText: '暂无建议' }}
        renderItem={(x) => (
          <List.Item>
            <Card size="small" style={{ width: '100%' }} title={<h2 style={{ fontSize: 15, margin: 0 }}>{x.subject}{x.documentNumber ? `（${x.documentNumber}）` : ''}</h2>}
              extra={<Space><span>{x.applicantCount} 位申请人</span>{author && <Button onClick={() => start(x)}>据此新建主动公开信息</Button>}</Space>}>
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {x.requests.map((r) => (
                  <li key={r.id}><Link to={`/requests/${r.id}`}>{r.reference}</Link>：{r.description}（{chineseDate(r.repliedOn)} 答复，{outcomeLabels[r.outcome as keyof typeof outcomeLabels] ?? r.outcome}）</li>
                ))}
              </ul>
            </Card>
          </List.Item>
        )}
      />
    </Page>
  );
}
