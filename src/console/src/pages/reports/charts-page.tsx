/**
 * 申请统计图表: for an agency and year — requests received and replied per month (from the list
 * API's counts), outcomes and applicant kinds (from the compiled table 三). Each chart has its
 * figures as a table for screen readers and for copying.
 */
import { Card, Col, Row, Table } from 'antd';
import { useMemo } from 'react';
import { applicantKindLabels, applicantKinds, outcomeGroupLabels, outcomeGroup, outcomeKeys } from '../../labels-requests.js';
import { reportsApi, requestsApi } from '../../api/requests.js';
import { EChart, type ChartOption } from '../../components/echart.js';
import { LoadError } from '../../components/load-error.js';
import { Page } from '../../components/page.js';
import { useLoad } from '../../components/use-load.js';
import { useReportChoice } from './report-choice.js';

const months = Array.from({ length: 12 }, (_, i) => i + 1);
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const TOTAL = 6;

interface Figure { name: string; value: number }

function FiguresTable({ caption, rows, columns }: { caption: string; rows: Record<string, string | number>[]; columns: { key: string; title: string }[] }) {
  return (
    <details style={{ marginTop: 8 }}>
      <summary style={{ cursor: 'pointer' }}>查看数据表</summary>
      <Table size="small" pagination={false} rowKey={columns[0]!.key} dataSource={rows} columns={columns.map((c) => ({ dataIndex: c.key, title: c.title }))} title={() => caption} />
    </details>
  );
}

export default function ChartsPage() {
  const { agencyId, year, controls } = useReportChoice();
  const monthly = useLoad(async (signal) => {
    if (!agencyId || !year) return null;
    const count = async (m: number, field: 'received' | 'replied') => {
      const from = `${year}-${pad(m)}-01`;
      const to = `${year}-${pad(m)}-${pad(lastDay(year, m))}`;
      const q = field === 'received' ? { receivedFrom: from, receivedTo: to } : { repliedFrom: from, repliedTo: to };
      return (await requestsApi.list({ agencyId, ...q, pageSize: 1 }, signal)).total;
    };
    const received = await Promise.all(months.map((m) => count(m, 'received')));
    const replied = await Promise.all(months.map((m) => count(m, 'replied')));
    return { received, replied };
  }, [agencyId, year]);
  const report = useLoad(async (signal) => (agencyId && year ? reportsApi.compiled(agencyId, year, signal) : null), [agencyId, year]);

  const byOutcome = useMemo<Figure[]>(() => {
    const t3 = report.data?.tables.table3;
    if (!t3) return [];
    const sums = new Map<string, number>();
    for (const k of outcomeKeys) {
      const g = outcomeGroup(k);
      const v = t3[k]?.[TOTAL];
      sums.set(g, (sums.get(g) ?? 0) + (typeof v === 'number' ? v : 0));
    }
    return [...sums].map(([g, value]) => ({ name: outcomeGroupLabels[g as keyof typeof outcomeGroupLabels], value }));
  }, [report.data]);
  const byKind = useMemo<Figure[]>(() => {
    const row = report.data?.tables.table3.newReceived;
    return applicantKinds.map((k, i) => ({ name: applicantKindLabels[k], value: typeof row?.[i] === 'number' ? (row[i] as number) : 0 }));
  }, [report.data]);

  const monthOption = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { data: ['新收申请', '作出答复'], top: 0, left: 'center' },
    grid: { left: 40, right: 16, bottom: 30, top: 44 },
    xAxis: { type: 'category', data: months.map((m) => `${m}月`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '新收申请', type: 'bar', data: monthly.data?.received ?? [] },
      { name: '作出答复', type: 'line', data: monthly.data?.replied ?? [] },
    ],
  }), [monthly.data]);
  const outcomeOption = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { bottom: 0, data: byOutcome.filter((f) => f.value > 0).map((f) => f.name) },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: byOutcome.filter((f) => f.value > 0), label: { formatter: '{b} {c}' } }],
  }), [byOutcome]);
  const kindOption = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 120, right: 24, bottom: 24, top: 16 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: byKind.map((f) => f.name), inverse: true },
    series: [{ type: 'bar', data: byKind.map((f) => f.value), label: { show: true, position: 'right' } }],
  }), [byKind]);

  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;
  return (
    <Page title="申请统计图表">
      {controls}
      {monthly.error ? <LoadError error={monthly.error} retry={monthly.reload} /> : null}
      {report.error ? <LoadError error={report.error} retry={report.reload} /> : null}
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card size="small" title={h2(`${year ?? ''} 年各月新收申请与答复`)} loading={monthly.loading && !monthly.data}>
            <EChart option={monthOption} summary={`各月新收申请合计 ${sum(monthly.data?.received ?? [])} 件，作出答复合计 ${sum(monthly.data?.replied ?? [])} 件`} />
            <FiguresTable caption="各月新收申请与答复（件）" columns={[{ key: 'month', title: '月份' }, { key: 'received', title: '新收申请' }, { key: 'replied', title: '作出答复' }]}
              rows={months.map((m, i) => ({ month: `${m}月`, received: monthly.data?.received[i] ?? 0, replied: monthly.data?.replied[i] ?? 0 }))} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={h2('办理结果（表三）')} loading={report.loading && !report.data}>
            <EChart option={outcomeOption} summary={`办理结果：${byOutcome.map((f) => `${f.name} ${f.value} 件`).join('，')}`} />
            <FiguresTable caption="办理结果（件）" columns={[{ key: 'name', title: '办理结果' }, { key: 'value', title: '件数' }]} rows={byOutcome.map((f) => ({ ...f }))} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={h2('本年新收申请的申请人类型（表三）')} loading={report.loading && !report.data}>
            <EChart option={kindOption} summary={`申请人类型：${byKind.map((f) => `${f.name} ${f.value} 件`).join('，')}`} />
            <FiguresTable caption="申请人类型（件）" columns={[{ key: 'name', title: '申请人类型' }, { key: 'value', title: '件数' }]} rows={byKind.map((f) => ({ ...f }))} />
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
